// Issue 15: with early delivery, a DELIVERED receipt is staged and the acknowledged entry removed in
// the same SQLite batch. If that batch fails, neither happened: the entry is delivered again, so the
// receipt is never lost.
import { newMessageId, pb, type ServerFrame } from '@parley/core';
import { createGroup, publishIdentity, useAbuseServer } from '@parley/test-utils/abuse-server';
import { textContent } from '@parley/test-utils/content';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { sqliteStores } from '../src/sqlite/index.js';

const PLAINTEXT = pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT;
const fixture = useAbuseServer();
const delivered = (frames: ServerFrame[]) => frames.flatMap((f) => f.deliver?.envelopes ?? []);

describe('a receipt that cannot be stored', () => {
  it('leaves the acknowledged entry queued: it comes again, and its next ack brings the receipt', async () => {
    const db = new Database(':memory:');
    await fixture.start({}, { stores: sqliteStores({ db }, { commitHoldMs: 1 }) });
    const first = await fixture.peer('bob'); // registers bob's key
    first.close(); // offline
    const alice = await fixture.peer('alice');
    const id = newMessageId();
    const send = { messageId: id, userId: 'bob', shared: { type: PLAINTEXT, data: textContent('hi') } };
    expect((await alice.request({ send })).body).toBe('sendAck'); // stored: bob was offline

    // From now on nothing can be written to alice's queue (a full disk, say): the receipt fails.
    db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON queue WHEN NEW.user_id = 'alice'
             BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const bob = await fixture.peer('bob', 1, first.key);
    await bob.waitFor(() => delivered(bob.frames).some((e) => e.messageId === id));
    bob.send({ requestId: 0, deliverAck: { ids: delivered(bob.frames).map((e) => e.id ?? '') } });
    // The receipt goes out early each time the gateway tries the ack; a second one means the first
    // batch failed. Closing the connection ends the attempts.
    const receipts = () => delivered(alice.frames).filter((e) => e.receipt?.messageIds?.includes(id)).length;
    await alice.waitFor(() => receipts() >= 2);
    bob.close();
    // Neither the receipt nor the ack was stored: bob's entry is still queued.
    const queued = () => db.prepare("SELECT count(*) FROM queue WHERE user_id = 'bob'").pluck().get();
    expect(queued()).toBe(1);
    expect(db.prepare("SELECT count(*) FROM queue WHERE user_id = 'alice'").pluck().get()).toBe(0);

    // The next connection gets the entry again (and ends the old one's retries) while the disk is
    // still full; then the disk has room and its ack brings the receipt.
    const bobAgain = await fixture.peer('bob', 1, first.key);
    await bobAgain.waitFor(() => delivered(bobAgain.frames).some((e) => e.messageId === id));
    db.exec('DROP TRIGGER refuse');
    bobAgain.send({ requestId: 0, deliverAck: { ids: delivered(bobAgain.frames).map((e) => e.id ?? '') } });
    const before = receipts();
    await alice.waitFor(() => receipts() > before);
    await vi.waitFor(() => expect(queued()).toBe(0));
  });

  it('a group message delivered early waits for its members acks: never written, no mark, its cursor moves', async () => {
    // A fan-out hold of a minute: the SendAck can only come from the ack releasing the batch.
    const db = new Database(':memory:');
    await fixture.start({}, { stores: sqliteStores({ db }, { commitFanoutHoldMs: 60_000 }) });
    // Counts the group message's entries written (the shared payload marks them; group updates have none).
    db.exec(`CREATE TABLE written (user_id TEXT);
             CREATE TRIGGER count_writes AFTER INSERT ON queue WHEN NEW.shared IS NOT NULL
             BEGIN INSERT INTO written VALUES (NEW.user_id); END`);
    const bob = await fixture.peer('bob');
    await publishIdentity(bob, 8);
    const alice = await fixture.peer('alice');
    const identity = await publishIdentity(alice, 9);
    expect((await createGroup(alice, 'alice', identity, 'g1', ['bob'])).body).toBe('groupState');
    const messageId = newMessageId();
    const send = alice.request({
      send: { messageId, groupId: 'g1', shared: { type: PLAINTEXT, data: new Uint8Array([1]) } },
    });
    await bob.waitFor(() => delivered(bob.frames).some((e) => e.messageId === messageId)); // early
    bob.send({ requestId: 0, deliverAck: { ids: delivered(bob.frames).map((e) => e.id ?? '') } });
    expect((await send).body).toBe('sendAck');
    const count = (sql: string) => db.prepare(sql).pluck().get();
    expect(count("SELECT count(*) FROM written WHERE user_id = 'bob'")).toBe(0);
    // A fan-out keeps no mark per member: the message's key, remembered without its bytes, dedups resends.
    expect(count(`SELECT count(*) FROM queue_acked WHERE user_id = 'bob' AND instr(id, '${messageId}') > 0`)).toBe(0);
    expect(
      db.prepare(`SELECT refs, length(data) AS bytes FROM queue_shared WHERE instr(key, '${messageId}') > 0`).all(),
    ).toEqual([{ refs: 0, bytes: 0 }]);
    expect(count("SELECT delivered FROM group_receipt_cursors WHERE member = 'bob'")).toBe(messageId);
    // Delivered to every member: alice hears it once.
    await alice.waitFor(() => delivered(alice.frames).some((e) => e.receipt?.allMembers));
  });

  it('a group batch waits only for the members it reached: an offline member does not hold it', async () => {
    const db = new Database(':memory:');
    await fixture.start({}, { stores: sqliteStores({ db }, { commitFanoutHoldMs: 60_000 }) });
    const carol = await fixture.peer('carol');
    await publishIdentity(carol, 7);
    carol.close(); // registered, offline
    const bob = await fixture.peer('bob');
    await publishIdentity(bob, 8);
    const alice = await fixture.peer('alice');
    const identity = await publishIdentity(alice, 9);
    expect((await createGroup(alice, 'alice', identity, 'g1', ['bob', 'carol'])).body).toBe('groupState');
    const messageId = newMessageId();
    const send = alice.request({
      send: { messageId, groupId: 'g1', shared: { type: PLAINTEXT, data: new Uint8Array([1]) } },
    });
    await bob.waitFor(() => delivered(bob.frames).some((e) => e.messageId === messageId));
    bob.send({ requestId: 0, deliverAck: { ids: delivered(bob.frames).map((e) => e.id ?? '') } });
    expect((await send).body).toBe('sendAck'); // not a minute later: carol's entry is not waited for
    expect(db.prepare("SELECT count(*) FROM queue WHERE user_id = 'carol' AND shared IS NOT NULL").pluck().get()).toBe(
      1,
    );
  });
});
