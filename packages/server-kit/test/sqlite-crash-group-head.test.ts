// A group message sent while the previous one's batch holds for its members' acks records its
// receipt head in that batch (sqlite/group-receipt-heads.ts) instead of a transaction of its own,
// which ended the hold. A gateway killed (SIGKILL) at each step of that loses nothing: no SendAck
// for what was not committed, every member gets each message once and in order, and "delivered to
// all" still comes.
import { newMessageId } from '@parley/core';
import { describe, expect, it } from 'vitest';
import { ackAll, aliceGroup, groupSend, has, sendAcks, storedOf } from './helpers/group-crash.js';
import { delivered } from './helpers/killable-gateway.js';
import { receiptIds, useSqliteCrashGateway } from './helpers/sqlite-crash-gateway.js';

const setUp = useSqliteCrashGateway();

describe('a SQLite gateway killed at each step of a group message sent during a fan-out hold', () => {
  /**
   * m1 (request 7) delivered early to bob and carol, acked by bob only, so its batch holds (for a
   * minute unless `holdMs`); then m2 (request 8), delivered early too, in the same batch.
   */
  const twoHeld = async (holdMs = '60000') => {
    const set = await setUp({ PARLEY_COMMIT_GAP_MS: '0', PARLEY_COMMIT_FANOUT_HOLD_MS: holdMs });
    const { alice, bob, carol } = await aliceGroup(set.connect);
    const m1 = newMessageId();
    alice.send({ requestId: 7, ...groupSend(m1) });
    await bob.waitFor(has(bob, m1));
    await carol.waitFor(has(carol, m1));
    ackAll(bob);
    await bob.request({ ping: { nonce: 1 } }); // the ack was handled
    const m2 = newMessageId();
    alice.send({ requestId: 8, ...groupSend(m2) });
    await bob.waitFor(has(bob, m2));
    await carol.waitFor(has(carol, m2));
    return { ...set, alice, bob, carol, m1, m2 };
  };
  const ids = (frames: Parameters<typeof delivered>[0]) => delivered(frames).map((e) => e.messageId);

  it('before the commit: m2 did not end the hold, nothing of either is stored; resent, each comes once, in order', async () => {
    const { gateway, connect, path, alice, m1, m2 } = await twoHeld();
    await gateway.kill();
    expect(sendAcks(alice.frames, 7)).toEqual([]);
    expect(sendAcks(alice.frames, 8)).toEqual([]);
    // m1's head was written before its entries (the first send at this group version); m2's went with the batch.
    expect(storedOf(path, m1)).toEqual({ entries: 0, cursors: 0, remembered: 0, head: 1 });
    expect(storedOf(path, m2)).toEqual({ entries: 0, cursors: 0, remembered: 0, head: 0 });
    await gateway.start();
    const aliceAgain = await connect('alice'); // members offline: the resends are stored, not held
    expect((await aliceAgain.request(groupSend(m1))).body).toBe('sendAck');
    expect((await aliceAgain.request(groupSend(m2))).body).toBe('sendAck');
    expect(storedOf(path, m2)).toMatchObject({ entries: 2, head: 1 });
    const bobAgain = await connect('bob');
    const carolAgain = await connect('carol');
    await bobAgain.waitFor(has(bobAgain, m2));
    await carolAgain.waitFor(has(carolAgain, m2));
    expect(ids(bobAgain.frames)).toEqual([m1, m2]);
    expect(ids(carolAgain.frames)).toEqual([m1, m2]);
    ackAll(bobAgain);
    ackAll(carolAgain);
    await aliceAgain.waitFor(() => receiptIds(aliceAgain.frames).includes(m2)); // delivered to all
  });

  it('after every member acked both: one commit with both SendAcks, head and cursors at m2; resends are duplicates', async () => {
    const { gateway, connect, path, alice, bob, carol, m2 } = await twoHeld();
    ackAll(bob);
    ackAll(carol);
    await alice.waitFor(() => sendAcks(alice.frames, 8).length > 0);
    expect(sendAcks(alice.frames, 7)[0]?.body).toBe('sendAck');
    expect(sendAcks(alice.frames, 8)[0]?.body).toBe('sendAck');
    await alice.waitFor(() => receiptIds(alice.frames).includes(m2));
    await gateway.kill();
    expect(storedOf(path, m2)).toEqual({ entries: 0, cursors: 2, remembered: 1, head: 1 });
    await gateway.start();
    const aliceAgain = await connect('alice');
    expect((await aliceAgain.request(groupSend(m2))).body).toBe('sendAck');
    const bobAgain = await connect('bob');
    await bobAgain.request({ ping: { nonce: 1 } });
    expect(delivered(bobAgain.frames)).toEqual([]);
  });

  it('after the hold ran out with a member that never acks: both its entries stored, they come again in order', async () => {
    const { gateway, connect, path, alice, bob, m1, m2 } = await twoHeld('300');
    ackAll(bob); // carol never acks: after 300 ms the batch commits without her acks
    await alice.waitFor(() => sendAcks(alice.frames, 8).length > 0);
    await gateway.kill();
    expect(storedOf(path, m1)).toEqual({ entries: 1, cursors: 0, remembered: 1, head: 0 });
    expect(storedOf(path, m2)).toEqual({ entries: 1, cursors: 1, remembered: 1, head: 1 });
    await gateway.start();
    const aliceAgain = await connect('alice');
    const carolAgain = await connect('carol');
    await carolAgain.waitFor(has(carolAgain, m2));
    expect(ids(carolAgain.frames)).toEqual([m1, m2]);
    ackAll(carolAgain);
    await aliceAgain.waitFor(() => receiptIds(aliceAgain.frames).includes(m2));
    expect(storedOf(path, m2)).toMatchObject({ entries: 0, cursors: 2 });
  });
});
