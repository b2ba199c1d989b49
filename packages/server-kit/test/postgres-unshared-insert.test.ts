import { usePostgres } from '@parley/test-utils/postgres-fixture';
import { servicesAvailable } from '@parley/test-utils/services';
import type pg from 'pg';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migrate, postgresQueue } from '../src/postgres/index.js';

const available = await servicesAvailable('postgres');

/** Records the text of every prepared statement the pool's connections run. */
function recordStatements(pool: pg.Pool): string[] {
  const texts: string[] = [];
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const first = args[0] as { text?: string } | string | undefined;
      if (typeof first === 'object' && first?.text) texts.push(first.text);
      return query(...args);
    };
  });
  return texts;
}

// A plain batch is one call of `enqueue_batch`, whose function skips the payload upsert by itself;
// these cover the full path's statements, which a batch takes when an id repeats in it.
/** The item twice in one call: the batch takes the full path. */
const twice = <T>(item: T): T[] => [item, item];

describe.skipIf(!available)('postgresQueue inserts (full path)', () => {
  const db = usePostgres();
  beforeAll(() => migrate(db.pool, { schema: db.schema }));
  afterEach(() => db.reset());

  const bob = { userId: 'bob', deviceId: 1 };
  const ann = { userId: 'ann', deviceId: 1 };

  // The payload upsert costs PostgreSQL a third of the insert's time even when it writes no row.
  it('leaves the payload table out of a batch without shared payloads', async () => {
    const pool = db.newPool();
    const texts = recordStatements(pool);
    const q = postgresQueue({ pool, schema: db.schema });
    const m1 = { device: bob, id: 'm1', data: new Uint8Array([1]), sender: 'ann' };
    await q.enqueue([m1, m1]);
    const inserts = texts.filter((t) => t.includes('INSERT INTO') && t.includes('.queue ('));
    expect(inserts).toHaveLength(1);
    expect(inserts[0]).not.toContain('queue_payloads');
    expect((await q.read(bob, { limit: 10 })).map((e) => [e.id, [...e.data], e.shared])).toEqual([
      ['m1', [1], undefined],
    ]);
  });

  it('stores the payloads of a batch that has them, with its unshared entries', async () => {
    const pool = db.newPool();
    const texts = recordStatements(pool);
    const q = postgresQueue({ pool, schema: db.schema });
    const shared = [{ key: 'p1', data: new Uint8Array([9, 9]) }];
    await Promise.all([
      q.enqueue(twice({ device: bob, id: 'g1', data: new Uint8Array([1]), shared: 'p1' }), { shared }),
      q.enqueue(twice({ device: ann, id: 'd1', data: new Uint8Array([2]) })),
      q.enqueue(twice({ device: ann, id: 'g1', data: new Uint8Array([3]), shared: 'p1' }), { shared }),
    ]);
    expect(texts.some((t) => t.includes('INSERT INTO') && t.includes('queue_payloads'))).toBe(true);
    expect((await q.read(bob, { limit: 10 })).map((e) => [e.id, e.shared && [...e.shared]])).toEqual([['g1', [9, 9]]]);
    expect((await q.read(ann, { limit: 10 })).map((e) => [e.id, e.shared && [...e.shared]])).toEqual([
      ['d1', undefined],
      ['g1', [9, 9]],
    ]);
  });
});
