// Device lists read in batches (read-batches.ts): lists asked for while one read is in flight go
// together in the next statement, each caller getting its own user's list, and one bad user id
// fails alone.
import { usePostgres } from '@parley/test-utils/postgres-fixture';
import { servicesAvailable } from '@parley/test-utils/services';
import type pg from 'pg';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migrate, postgresDeviceRegistry } from '../src/postgres/index.js';

const available = await servicesAvailable('postgres');

/** Counts the device list statements the pool runs. */
function countLists(pool: pg.Pool): { statements: number } {
  const counter = { statements: 0 };
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const first = args[0] as { text?: string } | string | undefined;
    const text = typeof first === 'string' ? first : (first?.text ?? '');
    if (text.includes('user_id = ANY($1::text[])')) counter.statements++;
    return query(...args);
  };
  return counter;
}

describe.skipIf(!available)('postgresDeviceRegistry device lists in batches', () => {
  const db = usePostgres();
  beforeAll(() => migrate(db.pool, { schema: db.schema }));
  afterEach(() => db.reset());

  const register = (registry: ReturnType<typeof postgresDeviceRegistry>, userId: string, deviceId: number) =>
    registry.register({ userId, deviceId, authKey: new Uint8Array(32), registrationId: deviceId, approvedBy: 0 });

  it('lists asked for at once share statements, each caller getting its own user', async () => {
    const pool = db.newPool();
    const registry = postgresDeviceRegistry({ pool, schema: db.schema });
    const users = Array.from({ length: 30 }, (_, i) => `u${i}`);
    for (const [i, u] of users.entries()) for (let d = 1; d <= (i % 3) + 1; d++) await register(registry, u, d);
    const counter = countLists(pool);
    const asked = [...users, 'nobody', 'u1'];
    const lists = await Promise.all(asked.map((u) => registry.list(u)));
    expect(lists.map((l) => l.map((d) => `${d.userId}/${d.deviceId}`))).toEqual(
      asked.map((u) =>
        u === 'nobody' ? [] : Array.from({ length: (Number(u.slice(1)) % 3) + 1 }, (_, d) => `${u}/${d + 1}`),
      ),
    );
    // The first read runs alone; the 31 made meanwhile share the next statement.
    expect(counter.statements).toBe(2);
    // A user named twice in one statement: two lists, not one shared array.
    expect(lists[asked.length - 1]).not.toBe(lists[1]);
    expect(lists[asked.length - 1]).toEqual(lists[1]);
  });

  it('a list asked for after a registration sees it, even while another read is in flight', async () => {
    const registry = postgresDeviceRegistry({ pool: db.pool, schema: db.schema });
    await register(registry, 'bob', 1);
    const inFlight = registry.list('bob');
    await register(registry, 'bob', 2);
    expect((await registry.list('bob')).map((d) => d.deviceId)).toEqual([1, 2]);
    expect((await inFlight).length).toBeGreaterThanOrEqual(1);
  });

  it('retries a failed statement user by user, so a bad user id fails alone', async () => {
    const registry = postgresDeviceRegistry({ pool: db.pool, schema: db.schema });
    await register(registry, 'bob', 1);
    void registry.list('carol'); // in flight: the next three share a statement
    // PostgreSQL refuses a NUL byte in text: the statement fails whatever it is batched with.
    const results = await Promise.allSettled([
      registry.list('bob'),
      registry.list('bad\u0000id'),
      registry.list('bob'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results[0]).toMatchObject({ value: [{ userId: 'bob', deviceId: 1 }] });
  });
});
