import { usePostgres } from '@parley/test-utils/postgres-fixture';
import { servicesAvailable } from '@parley/test-utils/services';
import type pg from 'pg';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceAddress } from '../src/contracts/types.js';
import { migrate, postgresQueue } from '../src/postgres/index.js';

const available = await servicesAvailable('postgres');

/** Counts the ack statements (alone, and riding with an enqueue batch) the pool's connections run. */
function countAcks(pool: pg.Pool): { statements: number; riding: number } {
  const counter = { statements: 0, riding: 0 };
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const first = args[0] as { text?: string } | string | undefined;
      const text = typeof first === 'string' ? first : (first?.text ?? '');
      if (text.includes('.ack_batch(')) counter.statements++;
      if (text.includes('.ack_enqueue_batch(')) counter.riding++;
      return query(...args);
    };
  });
  return counter;
}

describe.skipIf(!available)('postgresQueue acks', () => {
  const db = usePostgres();
  beforeAll(() => migrate(db.pool, { schema: db.schema }));
  afterEach(() => db.reset());

  const devices: DeviceAddress[] = Array.from({ length: 40 }, (_, i) => ({ userId: `u${i}`, deviceId: 1 }));
  const five = devices.slice(0, 5) as [DeviceAddress, DeviceAddress, DeviceAddress, DeviceAddress, DeviceAddress];

  it('acks of many devices made at once share statements, each call counting its own ids', async () => {
    const pool = db.newPool();
    const counter = countAcks(pool);
    const q = postgresQueue({ pool, schema: db.schema });
    await q.enqueue(
      devices.flatMap((device) => ['a', 'b', 'c'].map((id) => ({ device, id, data: new Uint8Array([1]) }))),
    );
    const removed = await Promise.all(devices.map((device) => q.ack(device, ['a', 'b', 'nope', 'a'])));
    expect(removed).toEqual(devices.map(() => 2));
    // The first acks run alone, one per write slot (three); the rest made meanwhile share the next statement.
    expect(counter.statements).toBeGreaterThanOrEqual(1);
    expect(counter.statements).toBeLessThanOrEqual(4);
    for (const device of devices) expect((await q.read(device, { limit: 10 })).map((e) => e.id)).toEqual(['c']);
  });

  it('counts an id that two calls of one batch name for the first call only', async () => {
    const q = postgresQueue({ pool: db.pool, schema: db.schema });
    const [bob] = devices as [DeviceAddress];
    await q.enqueue(['a', 'b'].map((id) => ({ device: bob, id, data: new Uint8Array([1]) })));
    const [first, second, third] = await Promise.all([q.ack(bob, ['a']), q.ack(bob, ['a', 'b']), q.ack(bob, ['b'])]);
    expect(first + second + third).toBe(2);
    expect(first).toBe(1);
    expect(await q.count(bob)).toBe(0);
    // Acked ids are marked: the same ids enqueued again are duplicates.
    const again = await q.enqueue([{ device: bob, id: 'a', data: new Uint8Array([1]) }]);
    expect(again[0]?.duplicate).toBe(true);
  });

  it('retries a failed batch call by call, so a bad call fails alone', async () => {
    const q = postgresQueue({ pool: db.pool, schema: db.schema });
    const [bob, carol] = devices as [DeviceAddress, DeviceAddress];
    await q.enqueue([bob, carol].map((device) => ({ device, id: 'a', data: new Uint8Array([1]) })));
    // PostgreSQL refuses a NUL byte in text: this call's statement fails whatever it is batched with.
    const results = await Promise.allSettled([
      q.ack(bob, ['a']),
      q.ack(carol, ['bad\u0000id']),
      q.ack(carol, ['a']),
      q.ack(bob, ['x']),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'x'))).toEqual([1, 'x', 1, 0]);
  });

  it('acks made while the write slots are busy ride the next enqueue batch: one statement for both', async () => {
    const pool = db.newPool();
    const counter = countAcks(pool);
    const q = postgresQueue({ pool, schema: db.schema });
    const [bob, carol, dave, erin, fay] = five;
    await q.enqueue(
      [bob, carol].flatMap((device) => ['a', 'b'].map((id) => ({ device, id, data: new Uint8Array([1]) }))),
    );
    // Three enqueues take the three write slots; the acks and the third enqueue, made in the same turn, wait for one.
    const busy = [dave, erin, fay].map((device) => q.enqueue([{ device, id: 'x', data: new Uint8Array([2]) }]));
    const acked = [q.ack(bob, ['a', 'nope']), q.ack(carol, ['a', 'b'])];
    const third = q.enqueue([{ device: bob, id: 'c', data: new Uint8Array([3]) }]);
    await Promise.all(busy);
    expect(await Promise.all(acked)).toEqual([1, 2]);
    expect((await third)[0]).toMatchObject({ id: 'c', duplicate: false });
    expect(counter).toEqual({ statements: 0, riding: 1 });
    expect((await q.read(bob, { limit: 10 })).map((e) => e.id)).toEqual(['b', 'c']);
    expect(await q.count(carol)).toBe(0);
    // Marked as acknowledged: the ids enqueued again are duplicates.
    const again = await q.enqueue([{ device: carol, id: 'a', data: new Uint8Array([1]) }]);
    expect(again[0]?.duplicate).toBe(true);
  });

  it('acks riding a batch the function turns down are committed by the full path, counted', async () => {
    const pool = db.newPool();
    const counter = countAcks(pool);
    const q = postgresQueue({ pool, schema: db.schema });
    const [bob, carol, dave, erin] = devices as [DeviceAddress, DeviceAddress, DeviceAddress, DeviceAddress];
    await q.enqueue(['a', 'b'].map((id) => ({ device: bob, id, data: new Uint8Array([1]) })));
    const busy = [carol, dave, erin].map((device) => q.enqueue([{ device, id: 'x', data: new Uint8Array([2]) }]));
    const acked = q.ack(bob, ['a']);
    // A duplicate of an entry still queued: not a plain batch, so it takes the full path's transaction.
    const dup = q.enqueue([{ device: bob, id: 'b', data: new Uint8Array([1]) }]);
    await Promise.all(busy);
    expect(await acked).toBe(1);
    expect((await dup)[0]?.duplicate).toBe(true);
    expect(counter.statements).toBe(0);
    expect((await q.read(bob, { limit: 10 })).map((e) => e.id)).toEqual(['b']);
  });

  it('a bad ack riding an enqueue batch fails alone: the enqueue and the other acks still commit', async () => {
    const q = postgresQueue({ pool: db.pool, schema: db.schema });
    const [bob, carol, dave, erin, fay] = five;
    await q.enqueue([bob, carol].map((device) => ({ device, id: 'a', data: new Uint8Array([1]) })));
    const busy = [dave, erin, fay].map((device) => q.enqueue([{ device, id: 'x', data: new Uint8Array([2]) }]));
    const results = await Promise.allSettled([
      q.ack(bob, ['a']),
      // PostgreSQL refuses a NUL byte in text: the statement it rides in fails whatever else is in it.
      q.ack(carol, ['bad\u0000id']),
      q.enqueue([{ device: carol, id: 'c', data: new Uint8Array([3]) }]),
      ...busy,
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    expect(results[0]).toMatchObject({ value: 1 });
    expect((await q.read(carol, { limit: 10 })).map((e) => e.id)).toEqual(['a', 'c']);
    expect(await q.count(bob)).toBe(0);
  });
});
