// Issue 15 aim 4: a group member's ack on SQLite moves its delivered cursor without a promise of
// its own (`GroupReceipts.deliveredInBatch`): the ack's batch carries the cursor, so the ack's own
// outcome must be the cursor's. If the cursor cannot be written, the ack is not stored either: the
// entry stays queued, comes again, and its next ack moves the cursor ("delivered to all" is never lost).
import { newMessageId, pb, type ServerFrame } from '@parley/core';
import { createGroup, publishIdentity, useAbuseServer } from '@parley/test-utils/abuse-server';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { sqliteStores } from '../src/sqlite/index.js';

const PLAINTEXT = pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT;
const fixture = useAbuseServer();
const delivered = (frames: ServerFrame[]) => frames.flatMap((f) => f.deliver?.envelopes ?? []);

describe('a group member ack whose cursor cannot be written', () => {
  it('is not stored either: the entry comes again and its next ack moves the cursor', async () => {
    const db = new Database(':memory:');
    await fixture.start({}, { stores: sqliteStores({ db }) });
    // bob and carol registered with keys, offline: the group message is stored for both.
    const bobFirst = await fixture.peer('bob');
    await publishIdentity(bobFirst, 8);
    bobFirst.close();
    const carolFirst = await fixture.peer('carol');
    await publishIdentity(carolFirst, 7);
    carolFirst.close();
    const alice = await fixture.peer('alice');
    const identity = await publishIdentity(alice, 9);
    expect((await createGroup(alice, 'alice', identity, 'g1', ['bob', 'carol'])).body).toBe('groupState');
    const messageId = newMessageId();
    const send = { messageId, groupId: 'g1', shared: { type: PLAINTEXT, data: new Uint8Array([1]) } };
    expect((await alice.request({ send })).body).toBe('sendAck');

    // From now on bob's cursor cannot be written (a full disk, say): every batch moving it fails.
    // The function counts the attempts in JS, where a rollback does not undo them.
    let attempts = 0;
    db.function('refuse_cursor', () => {
      attempts++;
      throw new Error('disk full');
    });
    db.exec(`CREATE TRIGGER refuse BEFORE UPDATE ON group_receipt_cursors WHEN NEW.member = 'bob'
             BEGIN SELECT refuse_cursor(); END`);
    const count = (sql: string) => db.prepare(sql).pluck().get();
    const queued = () => count("SELECT count(*) FROM queue WHERE user_id = 'bob' AND shared IS NOT NULL");
    const cursor = () => count("SELECT delivered FROM group_receipt_cursors WHERE member = 'bob'");

    const bob = await fixture.peer('bob', 1, bobFirst.key);
    await bob.waitFor(() => delivered(bob.frames).some((e) => e.messageId === messageId));
    bob.send({ requestId: 0, deliverAck: { ids: delivered(bob.frames).map((e) => e.id ?? '') } });
    // A second attempt means the first batch failed and the gateway tried the ack again.
    await vi.waitFor(() => expect(attempts).toBeGreaterThanOrEqual(2));
    bob.close(); // ends the attempts
    // Neither the cursor nor the ack was stored: bob's entry is still queued.
    expect(queued()).toBe(1);
    expect(cursor()).not.toBe(messageId);

    // The next connection gets the entry again; the disk has room now and its ack moves the cursor.
    const bobAgain = await fixture.peer('bob', 1, bobFirst.key);
    await bobAgain.waitFor(() => delivered(bobAgain.frames).some((e) => e.messageId === messageId));
    db.exec('DROP TRIGGER refuse');
    bobAgain.send({ requestId: 0, deliverAck: { ids: delivered(bobAgain.frames).map((e) => e.id ?? '') } });
    await vi.waitFor(() => expect([queued(), cursor()]).toEqual([0, messageId]));

    // carol's ack completes the aggregate: alice hears "delivered to all" for the message.
    const carol = await fixture.peer('carol', 1, carolFirst.key);
    await carol.waitFor(() => delivered(carol.frames).some((e) => e.messageId === messageId));
    carol.send({ requestId: 0, deliverAck: { ids: delivered(carol.frames).map((e) => e.id ?? '') } });
    await alice.waitFor(() =>
      delivered(alice.frames).some((e) => e.receipt?.allMembers && e.receipt.messageIds?.includes(messageId)),
    );
  });
});
