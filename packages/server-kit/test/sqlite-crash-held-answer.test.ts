// Issue 15: a SendAck held after its commit for the recipient's ack (answerHoldMs,
// messages/held-answers.ts): a SQLite gateway killed at each step of it loses nothing, stores nothing
// twice and keeps the order of one sender's messages.
import { newMessageId, type ServerFrame } from '@parley/core';
import { describe, expect, it } from 'vitest';
import { delivered, sendFrame } from './helpers/killable-gateway.js';
import { queueRows, receiptIds, useSqliteCrashGateway } from './helpers/sqlite-crash-gateway.js';

const setUp = useSqliteCrashGateway();
/** Commits at once (no commit hold), acks' removals wait for the next batch (150 ms gap), answers held a minute. */
const holding = (answerHoldMs = '60000') => setUp({ PARLEY_COMMIT_HOLD_MS: '0', PARLEY_ANSWER_HOLD_MS: answerHoldMs });
const folding = (to: string, id: string) => {
  const frame = sendFrame(to, id);
  return { send: { ...frame.send, ackDelivered: true } };
};
const answers = (frames: ServerFrame[], requestId: number) => frames.filter((f) => f.requestId === requestId);
const ackAll = (peer: { send(frame: object): void; frames: ServerFrame[] }) =>
  peer.send({ requestId: 0, deliverAck: { ids: delivered(peer.frames).map((e) => e.id ?? '') } });

/** Alice's send (request 7) to bob committed and held, then bob's ack: her answer arrived. */
async function foldedAfterCommit() {
  const { gateway, connect, path } = await holding();
  const bob = await connect('bob');
  const alice = await connect('alice');
  const id = newMessageId();
  alice.send({ requestId: 7, ...folding('bob', id) });
  await bob.waitFor(() => delivered(bob.frames).some((e) => e.messageId === id));
  await expect.poll(() => queueRows(path).rows).toEqual(['bob']);
  ackAll(bob);
  await alice.waitFor(() => answers(alice.frames, 7).length > 0);
  return { gateway, connect, path, alice, id };
}

describe('a SQLite gateway killed at each step of a SendAck held for the recipient ack', () => {
  it('while held (committed, not acked): the entries stay, in order; the resends are duplicates; the acks bring the receipts', async () => {
    const { gateway, connect, path } = await holding();
    const bob = await connect('bob');
    const alice = await connect('alice');
    const ids = [newMessageId(), newMessageId()];
    alice.send({ requestId: 7, ...folding('bob', ids[0] as string) });
    alice.send({ requestId: 8, ...folding('bob', ids[1] as string) });
    await bob.waitFor(() => delivered(bob.frames).length === 2);
    await bob.request({ ping: { nonce: 1 } });
    await alice.request({ ping: { nonce: 1 } }); // served while its answers are held
    // Committed (bob's rows are stored), not answered.
    await expect.poll(() => queueRows(path).rows).toEqual(['bob', 'bob']);
    expect(answers(alice.frames, 7).concat(answers(alice.frames, 8))).toEqual([]);
    await gateway.kill();
    expect(queueRows(path)).toEqual({ rows: ['bob', 'bob'], marks: [] });
    await gateway.start();
    const aliceAgain = await connect('alice');
    for (const id of ids) {
      const again = await aliceAgain.request(folding('bob', id)); // bob offline: answered at once
      expect(again.sendAck?.recipients).toBe(1);
      expect(again.sendAck?.deliveredAt ?? 0).toBe(0);
    }
    expect(queueRows(path).rows).toEqual(['bob', 'bob']); // duplicates: nothing stored twice
    const bobAgain = await connect('bob');
    await bobAgain.waitFor(() => delivered(bobAgain.frames).length === 2);
    expect(delivered(bobAgain.frames).map((e) => e.messageId)).toEqual(ids); // in order
    ackAll(bobAgain);
    await aliceAgain.waitFor(() => ids.every((id) => receiptIds(aliceAgain.frames).includes(id)));
  });

  it('after the fold answered at once, before the removal commits: the answer carries it; the entry comes again if not removed', async () => {
    const { gateway, connect, path, alice, id } = await foldedAfterCommit();
    await gateway.kill(); // the removal waits for the next batch (150 ms after the commit): usually not made
    expect(answers(alice.frames, 7)[0]?.sendAck?.deliveredAt).toBeGreaterThan(0);
    const rows = queueRows(path);
    await gateway.start();
    const aliceAgain = await connect('alice');
    const bobAgain = await connect('bob');
    await bobAgain.request({ ping: { nonce: 1 } });
    if (rows.rows.length === 0) {
      // The removal committed: nothing comes again.
      expect(rows).toEqual({ rows: [], marks: ['bob'] });
      expect(delivered(bobAgain.frames)).toEqual([]);
      return;
    }
    // Not removed: bob gets it again (a client drops the repeat by message id), and his ack queues
    // the receipt, a repeat of the one in the answer (statuses only move forward).
    expect(rows).toEqual({ rows: ['bob'], marks: [] });
    await bobAgain.waitFor(() => delivered(bobAgain.frames).some((e) => e.messageId === id));
    ackAll(bobAgain);
    await aliceAgain.waitFor(() => receiptIds(aliceAgain.frames).includes(id));
    await expect.poll(() => queueRows(path).rows).toEqual(['alice']); // the receipt, until alice acks it
  });

  it('after the fold with the removal committed: nothing comes again, a resend is a duplicate', async () => {
    const { gateway, connect, path, alice, id } = await foldedAfterCommit();
    await expect.poll(() => queueRows(path)).toEqual({ rows: [], marks: ['bob'] });
    await gateway.kill();
    expect(answers(alice.frames, 7)[0]?.sendAck?.deliveredAt).toBeGreaterThan(0);
    expect(queueRows(path)).toEqual({ rows: [], marks: ['bob'] });
    await gateway.start();
    const aliceAgain = await connect('alice');
    expect((await aliceAgain.request(folding('bob', id))).sendAck?.recipients).toBe(1);
    const bobAgain = await connect('bob');
    await bobAgain.request({ ping: { nonce: 1 } });
    expect(delivered(bobAgain.frames)).toEqual([]);
    expect(queueRows(path).rows).toEqual([]);
    expect(receiptIds(aliceAgain.frames)).toEqual([]);
  });

  it('after the SendAck (answered at the deadline) and the later ack: the receipt is queued once and kept', async () => {
    const { gateway, connect, path } = await holding('1');
    const bob = await connect('bob');
    const alice = await connect('alice');
    const id = newMessageId();
    expect((await alice.request(folding('bob', id))).sendAck?.deliveredAt ?? 0).toBe(0);
    await bob.waitFor(() => delivered(bob.frames).some((e) => e.messageId === id));
    ackAll(bob);
    await alice.waitFor(() => receiptIds(alice.frames).includes(id));
    await expect.poll(() => queueRows(path)).toEqual({ rows: ['alice'], marks: ['bob'] });
    await gateway.kill();
    expect(queueRows(path)).toEqual({ rows: ['alice'], marks: ['bob'] });
    await gateway.start();
    const aliceAgain = await connect('alice');
    await aliceAgain.waitFor(() => receiptIds(aliceAgain.frames).includes(id)); // not acked: comes again
    expect(receiptIds(aliceAgain.frames).filter((r) => r === id)).toHaveLength(1);
    const bobAgain = await connect('bob');
    await bobAgain.request({ ping: { nonce: 1 } });
    expect(delivered(bobAgain.frames)).toEqual([]);
  });
});
