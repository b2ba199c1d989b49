// The PostgreSQL queue's EnqueueWithAckPort (cluster/enqueue-with-ack.ts): a DeliverAck and the
// DELIVERED receipt it makes commit together, as one statement (`ack_enqueue_batch`, schema step
// 10) when the receipt's batch is plain, else in the full path's transaction. Both or neither.
import { isParleyError } from '@parley/core';
import { usePostgres } from '@parley/test-utils/postgres-fixture';
import { servicesAvailable } from '@parley/test-utils/services';
import type pg from 'pg';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { enqueueWithAckOf } from '../src/cluster/enqueue-with-ack.js';
import type { DeviceAddress } from '../src/contracts/types.js';
import { migrate, postgresQueue } from '../src/postgres/index.js';

const available = await servicesAvailable('postgres');

/** Counts the pool's round trips and its transactions (BEGIN ... COMMIT, or a statement on its own). */
function countTrips(pool: pg.Pool): { trips: number; transactions: number } {
  const counter = { trips: 0, transactions: 0 };
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    let open = false;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const first = args[0] as { text?: string } | string | undefined;
      const text = typeof first === 'string' ? first : (first?.text ?? '');
      counter.trips++;
      if (text.startsWith('BEGIN')) open = true;
      else if (text === 'COMMIT') {
        open = false;
        counter.transactions++;
      } else if (text === 'ROLLBACK') open = false;
      else if (!open) counter.transactions++;
      return query(...args);
    };
  });
  return counter;
}

describe.skipIf(!available)('postgresQueue enqueueWithAck', () => {
  const db = usePostgres();
  beforeAll(() => migrate(db.pool, { schema: db.schema }));
  afterEach(() => db.reset());

  const bob: DeviceAddress = { userId: 'bob', deviceId: 1 };
  const alice: DeviceAddress = { userId: 'alice', deviceId: 1 };
  const data = new Uint8Array([1, 2, 3]);
  const receiptOptions = { maxPerDevice: 1000, forgetAcked: true };

  it('removes the acked entries and queues the receipt in one statement, marking the acked ids', async () => {
    const pool = db.newPool();
    const counter = countTrips(pool);
    const q = postgresQueue({ pool, schema: db.schema });
    const port = enqueueWithAckOf(q);
    if (!port) throw new Error('postgresQueue offers EnqueueWithAckPort');
    await q.enqueue([{ device: bob, id: 'm1', data, sender: 'alice' }]);
    await q.enqueue([{ device: bob, id: 'm2', data, sender: 'alice' }]);
    Object.assign(counter, { trips: 0, transactions: 0 });
    const [result] = await port.enqueueWithAck([{ device: alice, id: 'r1', data }], receiptOptions, {
      device: bob,
      ids: ['m1', 'nope'],
    });
    expect(counter).toEqual({ trips: 1, transactions: 1 });
    expect(result).toMatchObject({ device: alice, id: 'r1', seq: 1, duplicate: false });
    expect((await q.read(bob, { limit: 10 })).map((e) => e.id)).toEqual(['m2']);
    expect((await q.read(alice, { limit: 10 })).map((e) => e.id)).toEqual(['r1']);
    // m1's ack left its dedup mark: a resend is a duplicate.
    const [again] = await q.enqueue([{ device: bob, id: 'm1', data, sender: 'alice' }]);
    expect(again?.duplicate).toBe(true);
  });

  it('takes the full path when the receipt is already queued, and still acks in that transaction', async () => {
    const pool = db.newPool();
    const counter = countTrips(pool);
    const q = postgresQueue({ pool, schema: db.schema });
    const port = enqueueWithAckOf(q);
    if (!port) throw new Error('postgresQueue offers EnqueueWithAckPort');
    await q.enqueue([{ device: bob, id: 'm1', data, sender: 'alice' }]);
    await q.enqueue([{ device: alice, id: 'r1', data }]);
    Object.assign(counter, { trips: 0, transactions: 0 });
    const [result] = await port.enqueueWithAck([{ device: alice, id: 'r1', data }], receiptOptions, {
      device: bob,
      ids: ['m1'],
    });
    expect(result?.duplicate).toBe(true);
    // The function turned it down (rolled back), then BEGIN, reserve, lookup, the ack, COMMIT.
    expect(counter).toEqual({ trips: 6, transactions: 2 });
    expect(await q.count(bob)).toBe(0);
    expect(await q.count(alice)).toBe(1);
  });

  it('acks nothing when the receipt is refused (QUEUE_FULL: turned down by the function, refused by the full path)', async () => {
    const q = postgresQueue({ pool: db.pool, schema: db.schema });
    const port = enqueueWithAckOf(q);
    if (!port) throw new Error('postgresQueue offers EnqueueWithAckPort');
    await q.enqueue([{ device: bob, id: 'm1', data, sender: 'alice' }]);
    await q.enqueue([{ device: alice, id: 'full', data }]);
    const full = port.enqueueWithAck(
      [{ device: alice, id: 'r1', data }],
      { maxPerDevice: 1 },
      { device: bob, ids: ['m1'] },
    );
    await expect(full).rejects.toSatisfy((e) => isParleyError(e, 'QUEUE_FULL'));
    expect(await q.count(bob)).toBe(1);
    expect(await q.count(alice)).toBe(1);
  });

  it('shares a batch with other calls: only the call that carries the ack acknowledges', async () => {
    const pool = db.newPool();
    const q = postgresQueue({ pool, schema: db.schema });
    const port = enqueueWithAckOf(q);
    if (!port) throw new Error('postgresQueue offers EnqueueWithAckPort');
    const carol: DeviceAddress = { userId: 'carol', deviceId: 1 };
    await q.enqueue([
      { device: bob, id: 'm1', data, sender: 'alice' },
      { device: bob, id: 'm2', data, sender: 'alice' },
    ]);
    // The first call runs alone; the two made meanwhile share the next batch.
    const calls = [
      q.enqueue([{ device: carol, id: 'c0', data }]),
      port.enqueueWithAck([{ device: alice, id: 'r1', data }], receiptOptions, { device: bob, ids: ['m1'] }),
      q.enqueue([{ device: carol, id: 'c1', data }]),
    ];
    await Promise.all(calls);
    expect((await q.read(bob, { limit: 10 })).map((e) => e.id)).toEqual(['m2']);
    expect((await q.read(carol, { limit: 10 })).map((e) => e.id)).toEqual(['c0', 'c1']);
    expect((await q.read(alice, { limit: 10 })).map((e) => e.id)).toEqual(['r1']);
  });
});
