// Issue 15: a receipt folded into the SendAck (Send.ack_delivered): a SQLite gateway killed at each
// step of it loses nothing (messages/delivered-folds.ts, PROTOCOL 8.1).
import { newMessageId, type ServerFrame } from '@parley/core';
import { describe, expect, it } from 'vitest';
import { delivered, sendFrame } from './helpers/killable-gateway.js';
import { queueRows, receiptIds, useSqliteCrashGateway } from './helpers/sqlite-crash-gateway.js';

const setUp = useSqliteCrashGateway();

describe('a SQLite gateway killed at each step of a receipt folded into the SendAck (ack_delivered)', () => {
  const early = () => setUp({ PARLEY_COMMIT_GAP_MS: '0', PARLEY_COMMIT_HOLD_MS: '60000' });
  const folding = (to: string, id: string) => {
    const frame = sendFrame(to, id);
    return { send: { ...frame.send, ackDelivered: true } };
  };
  const answers = (frames: ServerFrame[], requestId: number) => frames.filter((f) => f.requestId === requestId);

  it('after the ack was folded, before the commit: no SendAck; the resend is stored and its ack brings a receipt', async () => {
    const { gateway, connect, path } = await early();
    const bob = await connect('bob');
    const alice = await connect('alice');
    const id = newMessageId();
    alice.send({ requestId: 7, ...folding('bob', id) });
    await bob.waitFor(() => delivered(bob.frames).some((e) => e.messageId === id));
    // The ack is folded (no receipt for alice) and ends the hold: the commit and the SendAck follow
    // at once, so the kill comes in the same breath; either way nothing may be lost.
    bob.send({ requestId: 0, deliverAck: { ids: delivered(bob.frames).map((e) => e.id ?? '') } });
    await gateway.kill();
    const answered = answers(alice.frames, 7)[0]?.sendAck;
    await gateway.start();
    if (answered) {
      // Committed: bob's mark is stored, alice's answer carried the receipt, nothing queued for her.
      expect(answered.deliveredAt).toBeGreaterThan(0);
      expect(queueRows(path)).toEqual({ rows: [], marks: ['bob'] });
      return;
    }
    if (queueRows(path).marks.length > 0) {
      // Committed, but the kill came before alice read her answer: the resend is a duplicate that
      // reaches no one again. Its answer has no delivered_at: the gap PROTOCOL 8.1 names ("Not covered").
      expect(queueRows(path)).toEqual({ rows: [], marks: ['bob'] });
      const aliceAgain = await connect('alice');
      expect((await aliceAgain.request(folding('bob', id))).body).toBe('sendAck');
      const bobAgain = await connect('bob');
      await bobAgain.request({ ping: { nonce: 1 } });
      expect(delivered(bobAgain.frames)).toEqual([]);
      return;
    }
    // Not committed: nothing was stored, so the resend stores it and bob's next ack makes the receipt.
    expect(queueRows(path)).toEqual({ rows: [], marks: [] });
    const aliceAgain = await connect('alice');
    expect((await aliceAgain.request(folding('bob', id))).sendAck?.deliveredAt ?? 0).toBe(0); // bob offline
    const bobAgain = await connect('bob');
    await bobAgain.waitFor(() => delivered(bobAgain.frames).some((e) => e.messageId === id));
    bobAgain.send({ requestId: 0, deliverAck: { ids: delivered(bobAgain.frames).map((e) => e.id ?? '') } });
    await aliceAgain.waitFor(() => receiptIds(aliceAgain.frames).includes(id));
  });

  it('after the fold, before the commit (another entry holds the batch): nothing stored, the resend delivers', async () => {
    // A first message, to carol, delivered early and never acked, holds the batch open.
    const { gateway, connect, path } = await early();
    const carol = await connect('carol');
    const bob = await connect('bob');
    const alice = await connect('alice');
    const hold = newMessageId();
    alice.send({ requestId: 6, ...folding('carol', hold) });
    await carol.waitFor(() => delivered(carol.frames).some((e) => e.messageId === hold)); // never acked
    const id = newMessageId();
    alice.send({ requestId: 7, ...folding('bob', id) });
    await bob.waitFor(() => delivered(bob.frames).some((e) => e.messageId === id));
    bob.send({ requestId: 0, deliverAck: { ids: delivered(bob.frames).map((e) => e.id ?? '') } });
    // Folded, not committed (carol's entry holds the batch): no receipt and no answer for alice.
    await alice.request({ ping: { nonce: 1 } });
    await bob.request({ ping: { nonce: 2 } });
    await gateway.kill();
    expect(answers(alice.frames, 7)).toEqual([]);
    expect(receiptIds(alice.frames)).toEqual([]);
    expect(queueRows(path)).toEqual({ rows: [], marks: [] });
    await gateway.start();
    const aliceAgain = await connect('alice');
    expect((await aliceAgain.request(folding('bob', id))).body).toBe('sendAck'); // bob offline: stored
    const bobAgain = await connect('bob');
    await bobAgain.waitFor(() => delivered(bobAgain.frames).some((e) => e.messageId === id));
    bobAgain.send({ requestId: 0, deliverAck: { ids: delivered(bobAgain.frames).map((e) => e.id ?? '') } });
    await aliceAgain.waitFor(() => receiptIds(aliceAgain.frames).includes(id));
  });

  it('after the SendAck with delivered_at: nothing queued for the sender, a resend is a duplicate delivered to no one', async () => {
    const { gateway, connect, path } = await early();
    const bob = await connect('bob');
    const alice = await connect('alice');
    const id = newMessageId();
    alice.send({ requestId: 7, ...folding('bob', id) });
    await bob.waitFor(() => delivered(bob.frames).some((e) => e.messageId === id));
    bob.send({ requestId: 0, deliverAck: { ids: delivered(bob.frames).map((e) => e.id ?? '') } });
    await alice.waitFor(() => answers(alice.frames, 7).length > 0);
    expect(answers(alice.frames, 7)[0]?.sendAck?.deliveredAt).toBeGreaterThan(0);
    await gateway.kill();
    expect(queueRows(path)).toEqual({ rows: [], marks: ['bob'] });
    await gateway.start();
    const aliceAgain = await connect('alice');
    expect((await aliceAgain.request(folding('bob', id))).body).toBe('sendAck');
    const bobAgain = await connect('bob');
    await bobAgain.request({ ping: { nonce: 1 } });
    expect(delivered(bobAgain.frames)).toEqual([]);
    expect(receiptIds(aliceAgain.frames)).toEqual([]);
  });
});
