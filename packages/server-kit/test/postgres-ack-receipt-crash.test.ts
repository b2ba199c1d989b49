// Issue 15 aim 3: on PostgreSQL a device's DeliverAck of one sender's 1:1 messages and the DELIVERED
// receipt it makes commit together (one statement, `ack_enqueue_batch`, or the full path's
// transaction with the ack in it). A gateway killed, or the commit failing, at each step loses
// nothing and repeats nothing: the receipt is queued exactly when the entry is removed, so either
// the entry comes again and its next ack makes the receipt, or the receipt is there once and the
// entry never comes again.
import { fileURLToPath } from 'node:url';
import { newMessageId, type ServerFrame } from '@parley/core';
import { closedPort } from '@parley/test-utils/free-port';
import { usePostgres } from '@parley/test-utils/postgres-fixture';
import { POSTGRES_URL, REDIS_URL, servicesAvailable, uniqueName } from '@parley/test-utils/services';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/postgres/index.js';
import { delivered, killableGateway, peersOf, sendFrame } from './helpers/killable-gateway.js';

const available = await servicesAvailable('postgres', 'redis');
const script = fileURLToPath(new URL('./fixtures/postgres-crash-gateway.ts', import.meta.url));

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const receiptIds = (frames: ServerFrame[]) =>
  frames.flatMap((f) => f.deliver?.envelopes ?? []).flatMap((e) => e.receipt?.messageIds ?? []);

describe.skipIf(!available).each([
  { path: 'one statement (ack_enqueue_batch)', env: {} },
  { path: 'the full path (a transaction)', env: { PARLEY_FULL_PATH: '1' } },
])('a DeliverAck and its DELIVERED receipt in one commit: $path', ({ env }) => {
  const db = usePostgres();
  beforeAll(() => migrate(db.pool, { schema: db.schema }));

  /** Entries queued per user, straight from the table (the killed gateway's database). */
  const queued = async () => {
    const { rows } = await db.pool.query<{ user_id: string; n: number }>(
      `SELECT user_id, count(*)::int AS n FROM "${db.schema}".queue GROUP BY user_id ORDER BY user_id`,
    );
    return Object.fromEntries(rows.map((r) => [r.user_id, r.n]));
  };

  /**
   * alice sends bob one message; bob gets it and acknowledges it with the gateway started with
   * `more` (a hold or a failure of the ack's commit), and the test waits until the gateway printed
   * `until`. Returns the message id and what the test needs next.
   */
  async function ackUnder(more: Record<string, string>, until: string) {
    await db.reset();
    const gateway = killableGateway(script, 'postgres gateway', {
      PARLEY_PG_URL: POSTGRES_URL,
      PARLEY_PG_SCHEMA: db.schema,
      PARLEY_REDIS_URL: REDIS_URL,
      PARLEY_REDIS_PREFIX: `${uniqueName('redis')}:`,
      PARLEY_PORT: String(await closedPort()),
    });
    cleanups.push(() => gateway.kill());
    const connect = peersOf(gateway, (close) => cleanups.push(close));
    await gateway.start({ ...env, ...more });
    const bob = await connect('bob');
    const alice = await connect('alice');
    const id = newMessageId();
    expect((await alice.request(sendFrame('bob', id))).body).toBe('sendAck');
    await bob.waitFor(() => delivered(bob.frames).some((e) => e.messageId === id));
    bob.send({ requestId: 0, deliverAck: { ids: delivered(bob.frames).map((e) => e.id ?? '') } });
    await gateway.printed(until);
    return { gateway, connect, id, bob, alice };
  }

  /** bob connects again: the message comes again, and his ack of it now makes alice's one receipt. */
  async function deliveredAgainThenReceipt(connect: ReturnType<typeof peersOf>, id: string) {
    const bob = await connect('bob');
    await bob.waitFor(() => delivered(bob.frames).some((e) => e.messageId === id));
    expect(delivered(bob.frames).map((e) => e.messageId)).toEqual([id]);
    bob.send({ requestId: 0, deliverAck: { ids: delivered(bob.frames).map((e) => e.id ?? '') } });
    const alice = await connect('alice');
    await alice.waitFor(() => receiptIds(alice.frames).includes(id));
    await alice.request({ ping: { nonce: 1 } });
    expect(receiptIds(alice.frames)).toEqual([id]);
    expect(await queued()).toEqual({ alice: 1 });
  }

  /** Neither bob (nothing comes again) nor alice (one receipt) sees a repeat. */
  async function receiptOnceNoRedelivery(connect: ReturnType<typeof peersOf>, id: string) {
    const bob = await connect('bob');
    const alice = await connect('alice');
    await alice.waitFor(() => receiptIds(alice.frames).includes(id));
    await alice.request({ ping: { nonce: 1 } });
    await bob.request({ ping: { nonce: 2 } });
    expect(receiptIds(alice.frames)).toEqual([id]);
    expect(delivered(bob.frames)).toEqual([]);
  }

  it('killed before the commit is sent: entry kept, no receipt; delivered again, then one receipt', async () => {
    const { gateway, connect, id } = await ackUnder({ PARLEY_HOLD_ACK: 'before' }, 'ACK HELD');
    await gateway.kill();
    expect(await queued()).toEqual({ bob: 1 });
    await gateway.start(env);
    await deliveredAgainThenReceipt(connect, id);
  });

  it('killed after the commit, before its answer: entry gone, the receipt queued once, nothing again', async () => {
    const { gateway, connect, id } = await ackUnder({ PARLEY_HOLD_ACK: 'after' }, 'ACK HELD');
    await gateway.kill();
    expect(await queued()).toEqual({ alice: 1 });
    await gateway.start(env);
    await receiptOnceNoRedelivery(connect, id);
  });

  it('the commit failing before it runs: nothing removed or queued; delivered again, then one receipt', async () => {
    const { connect, id, bob } = await ackUnder({ PARLEY_FAIL_ACK: 'before' }, 'ACK FAILED');
    await bob.request({ ping: { nonce: 3 } }); // the ack's handling is over
    expect(await queued()).toEqual({ bob: 1 });
    bob.close();
    await deliveredAgainThenReceipt(connect, id);
  });

  it('the commit done but its answer lost: both done, the receipt once, nothing again', async () => {
    const { connect, id, bob, alice } = await ackUnder({ PARLEY_FAIL_ACK: 'after' }, 'ACK FAILED');
    await bob.request({ ping: { nonce: 3 } });
    expect(await queued()).toEqual({ alice: 1 });
    bob.close();
    alice.close();
    await receiptOnceNoRedelivery(connect, id);
  });
});
