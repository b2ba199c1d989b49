// Issue 15: a gateway holds a 1:1 SendAck after its commit for the recipient's ack (answerHoldMs,
// messages/held-answers.ts). A held answer is not a request in progress: it takes no place in the
// admission count nor in the connection's concurrency budget, and at most
// maxHeldAnswersPerConnection are held per connection.
import { newMessageId, pb, type ServerFrame } from '@parley/core';
import { useAbuseServer } from '@parley/test-utils/abuse-server';
import { textContent } from '@parley/test-utils/content';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ServerLimits } from '../src/contracts/limits.js';
import type { Reply, RouteMiddleware } from '../src/router/routes.js';
import { sqliteStores } from '../src/sqlite/index.js';

const fixture = useAbuseServer();
const shared = { type: pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT, data: textContent('hi') };
const delivered = (frames: ServerFrame[]) => frames.flatMap((f) => f.deliver?.envelopes ?? []);
const receiptsOf = (frames: ServerFrame[], id: string) =>
  delivered(frames).filter((e) => e.receipt?.messageIds?.includes(id));
const answersTo = (frames: ServerFrame[], requestId: number) => frames.filter((f) => f.requestId === requestId);
const folding = (messageId: string, to = 'bob') => ({
  send: { messageId, userId: to, shared, ackDelivered: true },
});

/** A SQLite server that commits at once (no commit hold): only the answer waits for the ack. */
async function server(limits: Partial<ServerLimits> = {}, routes?: RouteMiddleware) {
  const db = new Database(':memory:');
  await fixture.start(
    { answerHoldMs: 60_000, ...limits },
    { stores: sqliteStores({ db }, { commitHoldMs: 0, commitGapMs: 0 }), ...(routes ? { routes } : {}) },
  );
  const queued = (userId: string) =>
    db.prepare('SELECT count(*) FROM queue WHERE user_id = ?').pluck().get(userId) as number;
  return { queued };
}

/** Alice's send (request 7) to bob, delivered and committed, its answer held. */
async function heldSend() {
  const { queued } = await server();
  const bob = await fixture.peer('bob');
  const alice = await fixture.peer('alice');
  const id = newMessageId();
  alice.send({ requestId: 7, ...folding(id) });
  await bob.waitFor(() => delivered(bob.frames).some((e) => e.messageId === id));
  await expect.poll(() => queued('bob')).toBe(1); // committed
  return { queued, bob, alice, id };
}

describe('a SendAck held for the recipient ack', () => {
  it('is answered with delivered_at when the ack comes after the commit; no receipt is queued for the sender', async () => {
    const { queued, bob, alice, id } = await heldSend();
    await alice.request({ ping: { nonce: 1 } }); // the connection is served meanwhile
    expect(answersTo(alice.frames, 7)).toEqual([]); // held
    bob.send({ requestId: 0, deliverAck: { ids: delivered(bob.frames).map((e) => e.id ?? '') } });
    await alice.waitFor(() => answersTo(alice.frames, 7).length > 0);
    expect(answersTo(alice.frames, 7)[0]?.sendAck?.deliveredAt).toBeGreaterThan(0);
    await expect.poll(() => queued('bob')).toBe(0);
    await alice.request({ ping: { nonce: 2 } });
    expect(receiptsOf(alice.frames, id)).toEqual([]);
    expect(queued('alice')).toBe(0);
  });

  it('is answered at once when the recipient is not connected', async () => {
    await server();
    await (await fixture.peer('bob')).close();
    const alice = await fixture.peer('alice');
    const answer = await alice.request(folding(newMessageId()));
    expect(answer.sendAck?.deliveredAt ?? 0).toBe(0);
  });

  it('is answered at once when the recipient is connected but the entry has not gone out (its window is full)', async () => {
    await server({ deliveryWindow: 1 });
    const bob = await fixture.peer('bob');
    const alice = await fixture.peer('alice');
    const first = newMessageId();
    alice.send({ requestId: 7, ...folding(first) });
    await bob.waitFor(() => delivered(bob.frames).some((e) => e.messageId === first));
    const answer = await alice.request(folding(newMessageId())); // waits behind the first in bob's window
    expect(answer.sendAck?.deliveredAt ?? 0).toBe(0);
    expect(answersTo(alice.frames, 7)).toEqual([]); // the first is still held
  });

  it('takes no place in the admission count nor in the connection budget', async () => {
    // Two requests in progress would refuse a third (twice the pending limit) and pause reading.
    await server({ maxPendingRequests: 1, maxConcurrentRequests: 2, maxHeldAnswersPerConnection: 8 });
    const bob = await fixture.peer('bob');
    const alice = await fixture.peer('alice');
    const ids = Array.from({ length: 6 }, () => newMessageId());
    for (const [i, id] of ids.entries()) {
      alice.send({ requestId: 10 + i, ...folding(id) });
      await bob.waitFor(() => delivered(bob.frames).some((e) => e.messageId === id));
    }
    // Six held, none refused, and the connection still reads and answers.
    await alice.request({ ping: { nonce: 1 } });
    expect(alice.frames.filter((f) => f.error)).toEqual([]);
    expect(alice.frames.filter((f) => f.sendAck)).toEqual([]);
    bob.send({ requestId: 0, deliverAck: { ids: delivered(bob.frames).map((e) => e.id ?? '') } });
    await alice.waitFor(() => alice.frames.filter((f) => f.sendAck).length === ids.length);
    expect(alice.frames.filter((f) => f.sendAck).every((f) => (f.sendAck?.deliveredAt ?? 0) > 0)).toBe(true);
  });

  it('holds at most maxHeldAnswersPerConnection: the next answer goes at once, its receipt queued', async () => {
    await server({ maxHeldAnswersPerConnection: 1 });
    const bob = await fixture.peer('bob');
    const alice = await fixture.peer('alice');
    const first = newMessageId();
    alice.send({ requestId: 7, ...folding(first) });
    await bob.waitFor(() => delivered(bob.frames).some((e) => e.messageId === first));
    const second = newMessageId();
    const answer = await alice.request(folding(second)); // not held: answered without waiting for bob
    expect(answer.sendAck?.deliveredAt ?? 0).toBe(0);
    expect(answersTo(alice.frames, 7)).toEqual([]);
    bob.send({ requestId: 0, deliverAck: { ids: delivered(bob.frames).map((e) => e.id ?? '') } });
    await alice.waitFor(() => answersTo(alice.frames, 7).length > 0 && receiptsOf(alice.frames, second).length > 0);
    expect(answersTo(alice.frames, 7)[0]?.sendAck?.deliveredAt).toBeGreaterThan(0);
    expect(receiptsOf(alice.frames, first)).toEqual([]);
  });

  it('queues the receipt when the sender disconnected while its answer was held', async () => {
    const { queued, bob, alice, id } = await heldSend();
    await alice.close();
    await expect.poll(() => fixture.current.server.connections, { timeout: 20_000 }).toBe(1); // bob's alone
    bob.send({ requestId: 0, deliverAck: { ids: delivered(bob.frames).map((e) => e.id ?? '') } });
    await expect.poll(() => queued('alice'), { timeout: 20_000 }).toBe(1);
    const again = await fixture.peer('alice', 1, alice.key);
    await again.waitFor(() => receiptsOf(again.frames, id).length > 0);
  });

  it('is not held when a send middleware is configured: the middleware sees every SendAck as its reply', async () => {
    const replies: Reply[] = [];
    await server(
      {},
      {
        send: async (request, _ctx, next) => {
          const reply = await next(request);
          replies.push(reply);
          return reply;
        },
      },
    );
    const bob = await fixture.peer('bob');
    const alice = await fixture.peer('alice');
    const id = newMessageId();
    const answer = await alice.request(folding(id)); // bob is online and never acks: a hold would wait a minute
    await bob.waitFor(() => delivered(bob.frames).some((e) => e.messageId === id));
    expect(answer.sendAck?.deliveredAt ?? 0).toBe(0);
    expect(replies.map((r) => r?.sendAck?.messageId)).toEqual([id]);
  });

  it('is answered without delivered_at at the deadline; the later ack queues the receipt', async () => {
    await server({ answerHoldMs: 1 });
    const bob = await fixture.peer('bob');
    const alice = await fixture.peer('alice');
    const id = newMessageId();
    const answer = await alice.request(folding(id));
    expect(answer.sendAck?.deliveredAt ?? 0).toBe(0);
    bob.send({ requestId: 0, deliverAck: { ids: delivered(bob.frames).map((e) => e.id ?? '') } });
    await alice.waitFor(() => receiptsOf(alice.frames, id).length > 0);
  });
});
