// Schema step 11 (postgres-forget-acked-sql.ts): entries enqueued with `forgetAcked` (the gateway's
// DELIVERED receipts) are stored with `forget`, not looked up among dedup marks, and acknowledged
// without a mark; an ack writes marks and releases shared payloads only for the entries that need
// it. Gateways of step 10 keep working on the upgraded schema.
import { usePostgres } from '@parley/test-utils/postgres-fixture';
import { servicesAvailable } from '@parley/test-utils/services';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { enqueueWithAckOf } from '../src/cluster/enqueue-with-ack.js';
import type { DeviceAddress } from '../src/contracts/types.js';
import { migrate, PG_SCHEMA_VERSION, postgresQueue } from '../src/postgres/index.js';

const available = await servicesAvailable('postgres');

describe.skipIf(!available)('postgresQueue forgetAcked (schema step 11)', () => {
  const db = usePostgres();
  beforeAll(() => migrate(db.pool, { schema: db.schema }));
  afterEach(() => db.reset());

  const bob: DeviceAddress = { userId: 'bob', deviceId: 1 };
  const alice: DeviceAddress = { userId: 'alice', deviceId: 1 };
  const data = new Uint8Array([1, 2, 3]);
  const forgetAcked = true;

  /** The dedup marks, as `user/id`. */
  const marks = async () => {
    const { rows } = await db.pool.query<{ user_id: string; id: string }>(
      `SELECT user_id, id FROM "${db.schema}".queue_acked ORDER BY user_id, id`,
    );
    return rows.map((r) => `${r.user_id}/${r.id}`);
  };
  /** The shared payload rows, as `key:refs`. */
  const payloads = async () => {
    const { rows } = await db.pool.query<{ key: string; refs: number }>(
      `SELECT key, refs FROM "${db.schema}".queue_payloads ORDER BY key`,
    );
    return rows.map((r) => `${r.key}:${r.refs}`);
  };

  it('is schema version 11 or later', () => {
    expect(PG_SCHEMA_VERSION).toBeGreaterThanOrEqual(11);
  });

  it('stores forgetAcked entries with forget, others with NULL', async () => {
    const q = postgresQueue({ pool: db.pool, schema: db.schema });
    await q.enqueue([{ device: bob, id: 'r', data }], { forgetAcked });
    await q.enqueue([{ device: bob, id: 'm', data }]);
    const { rows } = await db.pool.query(`SELECT id, forget FROM "${db.schema}".queue ORDER BY id`);
    expect(rows).toEqual([
      { id: 'm', forget: null },
      { id: 'r', forget: true },
    ]);
  });

  it('an ack marks only the entries enqueued without forgetAcked, in one call and across devices', async () => {
    const q = postgresQueue({ pool: db.pool, schema: db.schema });
    await q.enqueue([{ device: bob, id: 'r1', data }], { forgetAcked });
    await q.enqueue([{ device: bob, id: 'm1', data }]);
    await q.enqueue([{ device: alice, id: 'r2', data }], { forgetAcked });
    await q.enqueue([{ device: alice, id: 'm2', data }]);
    // Made at once: the first runs alone, the other shares the next statement.
    expect(await Promise.all([q.ack(bob, ['r1', 'm1']), q.ack(alice, ['m2', 'r2'])])).toEqual([2, 2]);
    expect(await marks()).toEqual(['alice/m2', 'bob/m1']);
    expect(await q.count(bob)).toBe(0);
    expect(await q.count(alice)).toBe(0);
    // The marked one is still a duplicate; the forgotten one may be stored again (never twice queued).
    expect((await q.enqueue([{ device: bob, id: 'm1', data }]))[0]?.duplicate).toBe(true);
    const [again] = await q.enqueue([{ device: bob, id: 'r1', data }], { forgetAcked });
    expect(again?.duplicate).toBe(false);
    expect((await q.enqueue([{ device: bob, id: 'r1', data }], { forgetAcked }))[0]?.duplicate).toBe(true);
  });

  it('a forgetAcked enqueue is not looked up among marks: an id marked before is stored again', async () => {
    const q = postgresQueue({ pool: db.pool, schema: db.schema });
    await q.enqueue([{ device: bob, id: 'x', data }]);
    await q.ack(bob, ['x']);
    expect(await marks()).toEqual(['bob/x']);
    const [plain] = await q.enqueue([{ device: bob, id: 'x', data }]);
    expect(plain?.duplicate).toBe(true);
    const [forgotten] = await q.enqueue([{ device: bob, id: 'x', data }], { forgetAcked });
    expect(forgotten).toMatchObject({ duplicate: false, seq: 3 });
    expect(await q.count(bob)).toBe(1);
  });

  it('an ack with its receipt marks the acked message, and the receipt ack marks nothing', async () => {
    const q = postgresQueue({ pool: db.pool, schema: db.schema });
    const port = enqueueWithAckOf(q);
    if (!port) throw new Error('postgresQueue offers EnqueueWithAckPort');
    await q.enqueue([{ device: bob, id: 'm1', data, sender: 'alice' }]);
    await port.enqueueWithAck(
      [{ device: alice, id: 'r1', data }],
      { maxPerDevice: 1000, forgetAcked },
      {
        device: bob,
        ids: ['m1'],
      },
    );
    expect(await marks()).toEqual(['bob/m1']);
    expect(await q.ack(alice, ['r1'])).toBe(1);
    expect(await marks()).toEqual(['bob/m1']);
    expect(await q.count(alice)).toBe(0);
  });

  it('releases shared payloads when acked entries hold them, also mixed with entries that do not', async () => {
    const q = postgresQueue({ pool: db.pool, schema: db.schema });
    const carol: DeviceAddress = { userId: 'carol', deviceId: 1 };
    await q.enqueue(
      [bob, alice, carol].map((device) => ({ device, id: 'g', data, shared: 'p' })),
      { shared: [{ key: 'p', data: new Uint8Array([9]) }] },
    );
    await q.enqueue([{ device: bob, id: 'one', data }]);
    expect(await payloads()).toEqual(['p:3']);
    expect(await q.ack(bob, ['g', 'one'])).toBe(2);
    expect(await payloads()).toEqual(['p:2']);
    await Promise.all([q.ack(alice, ['g']), q.ack(carol, ['g'])]);
    expect(await payloads()).toEqual([]);
    expect(await marks()).toEqual(['alice/g', 'bob/g', 'bob/one', 'carol/g']);
  });

  it("keeps step 10's calls working on the upgraded schema (gateways still running during an upgrade)", async () => {
    const s = `"${db.schema}"`;
    // A step-10 gateway's plain enqueue (16 arguments) and its ack with a receipt (20 arguments).
    const lock = '1000';
    await db.pool.query(
      `SELECT * FROM ${s}.enqueue_batch($1::text[], $2::bigint[], $3::text[], $4::bytea[], $5::text[], $6::text[],
        $7::bigint[], $8::bigint[], $9::text[], $10::bigint[], $11::bigint[], $12::bigint[], $13::text[],
        $14::bytea[], $15::int[], $16::text)`,
      [['bob'], [1], ['m1'], [data], [null], [null], [1], [1e15], ['bob'], [1], [1], [null], [], [], [], lock],
    );
    const acks: unknown[] = [['bob'], [1], ['m1'], 2];
    const receipt: unknown[] = [['alice'], [1], ['r1'], [data], [null], [null], [2], [1e15], ['alice'], [1], [1]];
    receipt.push([null], [], [], [], lock);
    await db.pool.query(
      `SELECT * FROM ${s}.ack_enqueue_batch($1::text[], $2::bigint[], $3::text[], $4::bigint, $5::text[],
        $6::bigint[], $7::text[], $8::bytea[], $9::text[], $10::text[], $11::bigint[], $12::bigint[], $13::text[],
        $14::bigint[], $15::bigint[], $16::bigint[], $17::text[], $18::bytea[], $19::int[], $20::text)`,
      [...acks, ...receipt],
    );
    // Its entries were written without `forget`, so every ack of them marks them, as before.
    const q = postgresQueue({ pool: db.pool, schema: db.schema });
    expect(await q.ack(alice, ['r1'])).toBe(1);
    expect(await marks()).toEqual(['alice/r1', 'bob/m1']);
  });
});
