// Schema step 11: a DELIVERED receipt is queued with `forgetAcked`, so its ack (`ack_batch`, sent
// on its own) deletes it and writes no dedup mark. A gateway killed, or that ack failing, at each
// step loses nothing and repeats nothing: the receipt comes again exactly when its ack did not
// commit, and no mark is ever written for it (the message's own ack keeps its mark).
import { fileURLToPath } from 'node:url';
import { newMessageId, type ServerFrame } from '@parley/core';
import { closedPort } from '@parley/test-utils/free-port';
import { usePostgres } from '@parley/test-utils/postgres-fixture';
import { POSTGRES_URL, REDIS_URL, servicesAvailable, uniqueName } from '@parley/test-utils/services';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { migrate } from '../src/postgres/index.js';
import { delivered, killableGateway, peersOf, sendFrame } from './helpers/killable-gateway.js';

const available = await servicesAvailable('postgres', 'redis');
const script = fileURLToPath(new URL('./fixtures/postgres-crash-gateway.ts', import.meta.url));

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const receiptEnvelopes = (frames: ServerFrame[]) =>
  frames.flatMap((f) => f.deliver?.envelopes ?? []).filter((e) => (e.receipt?.messageIds ?? []).length > 0);
const receiptIds = (frames: ServerFrame[]) => receiptEnvelopes(frames).flatMap((e) => e.receipt?.messageIds ?? []);

describe.skipIf(!available)('the ack of a DELIVERED receipt (no dedup mark) killed or failing', () => {
  const db = usePostgres();
  beforeAll(() => migrate(db.pool, { schema: db.schema }));

  const queued = async () => {
    const { rows } = await db.pool.query<{ user_id: string; n: number }>(
      `SELECT user_id, count(*)::int AS n FROM "${db.schema}".queue GROUP BY user_id ORDER BY user_id`,
    );
    return Object.fromEntries(rows.map((r) => [r.user_id, r.n]));
  };
  /** Dedup marks per user: bob's message keeps one, alice's receipt never gets one. */
  const marks = async () => {
    const { rows } = await db.pool.query<{ user_id: string; n: number }>(
      `SELECT user_id, count(*)::int AS n FROM "${db.schema}".queue_acked GROUP BY user_id ORDER BY user_id`,
    );
    return Object.fromEntries(rows.map((r) => [r.user_id, r.n]));
  };

  /**
   * alice sends bob one message, bob acknowledges it (its receipt is queued for alice), alice gets
   * the receipt and acknowledges it with the gateway started with `more`; waits for `until`.
   */
  async function receiptAckUnder(more: Record<string, string>, until: string) {
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
    await gateway.start({ PARLEY_ACK_ALONE: '1', ...more });
    const bob = await connect('bob');
    const alice = await connect('alice');
    const id = newMessageId();
    expect((await alice.request(sendFrame('bob', id))).body).toBe('sendAck');
    await bob.waitFor(() => delivered(bob.frames).some((e) => e.messageId === id));
    bob.send({ requestId: 0, deliverAck: { ids: delivered(bob.frames).map((e) => e.id ?? '') } });
    await alice.waitFor(() => receiptIds(alice.frames).includes(id));
    expect(await marks()).toEqual({ bob: 1 });
    alice.send({ requestId: 0, deliverAck: { ids: receiptEnvelopes(alice.frames).map((e) => e.id ?? '') } });
    await gateway.printed(until);
    return { gateway, connect, id, alice };
  }

  /** alice connects again: the receipt comes once more; her ack of it removes it, still unmarked. */
  async function receiptAgainOnce(connect: ReturnType<typeof peersOf>, id: string) {
    const alice = await connect('alice');
    await alice.waitFor(() => receiptIds(alice.frames).includes(id));
    expect(receiptIds(alice.frames)).toEqual([id]);
    alice.send({ requestId: 0, deliverAck: { ids: receiptEnvelopes(alice.frames).map((e) => e.id ?? '') } });
    await vi.waitFor(async () => expect(await queued()).toEqual({}));
    expect(await marks()).toEqual({ bob: 1 });
  }

  /** alice connects again: nothing comes (the receipt's ack committed), and it left no mark. */
  async function receiptGone(connect: ReturnType<typeof peersOf>) {
    const alice = await connect('alice');
    await alice.request({ ping: { nonce: 1 } });
    expect(receiptEnvelopes(alice.frames)).toEqual([]);
    expect(await queued()).toEqual({});
    expect(await marks()).toEqual({ bob: 1 });
  }

  it('killed before the ack is sent: the receipt stays, comes again once', async () => {
    const { gateway, connect, id } = await receiptAckUnder({ PARLEY_HOLD_ACK: 'before' }, 'ACK HELD');
    await gateway.kill();
    expect(await queued()).toEqual({ alice: 1 });
    await gateway.start({ PARLEY_ACK_ALONE: '1' });
    await receiptAgainOnce(connect, id);
  });

  it('killed after the ack committed, before its answer: the receipt is gone, no mark, nothing again', async () => {
    const { gateway, connect } = await receiptAckUnder({ PARLEY_HOLD_ACK: 'after' }, 'ACK HELD');
    await gateway.kill();
    expect(await queued()).toEqual({});
    expect(await marks()).toEqual({ bob: 1 });
    await gateway.start({ PARLEY_ACK_ALONE: '1' });
    await receiptGone(connect);
  });

  it('the ack failing before it runs: the receipt stays, comes again once', async () => {
    const { connect, id, alice } = await receiptAckUnder({ PARLEY_FAIL_ACK: 'before' }, 'ACK FAILED');
    await alice.request({ ping: { nonce: 3 } }); // the ack's handling is over
    expect(await queued()).toEqual({ alice: 1 });
    alice.close();
    await receiptAgainOnce(connect, id);
  });

  it('the ack done but its answer lost: the receipt is gone, no mark, nothing again', async () => {
    const { connect, alice } = await receiptAckUnder({ PARLEY_FAIL_ACK: 'after' }, 'ACK FAILED');
    await alice.request({ ping: { nonce: 3 } });
    expect(await queued()).toEqual({});
    alice.close();
    await receiptGone(connect);
  });
});
