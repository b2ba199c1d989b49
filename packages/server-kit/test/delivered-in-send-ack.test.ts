// Issue 15: a 1:1 send with `ack_delivered` whose recipient acknowledges it before the answer gets
// its DELIVERED receipt in the SendAck (`delivered_at`) instead of a queued ReceiptEvent
// (messages/delivered-folds.ts). The sender's other devices still get the receipt, a send without
// the flag gets it as before, and a sender whose connection closed before the answer gets it queued.
import { generateAuthKeyPair, newMessageId, pb, type ServerFrame } from '@parley/core';
import { useAbuseServer } from '@parley/test-utils/abuse-server';
import { textContent } from '@parley/test-utils/content';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DeliveredFolds } from '../src/messages/delivered-folds.js';
import { sqliteStores } from '../src/sqlite/index.js';

const PLAINTEXT = pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT;
const fixture = useAbuseServer();
const delivered = (frames: ServerFrame[]) => frames.flatMap((f) => f.deliver?.envelopes ?? []);
const receiptsOf = (frames: ServerFrame[], id: string) =>
  delivered(frames).filter((e) => e.receipt?.messageIds?.includes(id));
const shared = { type: PLAINTEXT, data: textContent('hi') };

/** Acknowledges everything `peer` got: a held batch waits for it (the test's server closes after). */
const ackAll = (peer: { send(frame: object): void; frames: ServerFrame[] }) =>
  peer.send({ requestId: 0, deliverAck: { ids: delivered(peer.frames).map((e) => e.id ?? '') } });

/** A server whose batches wait (up to a minute) for the acks of entries that went out early. */
async function holdingServer() {
  const db = new Database(':memory:');
  await fixture.start({}, { stores: sqliteStores({ db }, { commitHoldMs: 60_000 }) });
  return db;
}

describe('the delivered receipt in the SendAck', () => {
  it('comes in the answer when the recipient acks first: no receipt queued for the sending device', async () => {
    const db = await holdingServer();
    const bob = await fixture.peer('bob');
    const alice = await fixture.peer('alice');
    const messageId = newMessageId();
    const answer = alice.request({ send: { messageId, userId: 'bob', shared, ackDelivered: true } });
    await bob.waitFor(() => delivered(bob.frames).some((e) => e.messageId === messageId)); // before its commit
    bob.send({ requestId: 0, deliverAck: { ids: delivered(bob.frames).map((e) => e.id ?? '') } });
    const ack = (await answer).sendAck;
    expect(ack?.deliveredAt).toBeGreaterThan(0);
    expect(ack?.deliveredAt).toBeGreaterThanOrEqual(Number(ack?.serverTime));
    // A later message's receipt (no fold: sent without the flag) would come after any receipt of the
    // first. Its batch waits for every early entry's ack, the receipt's too: answered after those.
    const later = newMessageId();
    const laterAnswer = alice.request({ send: { messageId: later, userId: 'bob', shared } });
    await bob.waitFor(() => delivered(bob.frames).some((e) => e.messageId === later));
    const laterEntry = delivered(bob.frames).find((e) => e.messageId === later);
    bob.send({ requestId: 0, deliverAck: { ids: [laterEntry?.id ?? ''] } });
    await alice.waitFor(() => receiptsOf(alice.frames, later).length > 0);
    expect(receiptsOf(alice.frames, messageId)).toEqual([]);
    ackAll(alice);
    expect((await laterAnswer).sendAck?.deliveredAt ?? 0).toBe(0);
    await expect.poll(() => db.prepare("SELECT count(*) FROM queue WHERE user_id = 'alice'").pluck().get()).toBe(0);
  });

  it("still queues the receipt for the sender's other devices", async () => {
    await holdingServer();
    const bob = await fixture.peer('bob');
    const alice = await fixture.peer('alice');
    const key2 = await generateAuthKeyPair();
    const registered = { userId: 'alice', deviceId: 2, authKey: key2.publicKey, registrationId: 0, approvedBy: 1 };
    await fixture.current.stores.devices.register(registered); // linked directly (no link needed here)
    const alice2 = await fixture.peer('alice', 2, key2);
    const messageId = newMessageId();
    const answer = alice.request({ send: { messageId, userId: 'bob', shared, ackDelivered: true } });
    // Both the recipient and the sender's other device (its sync copy) acknowledge: the batch commits.
    await bob.waitFor(() => delivered(bob.frames).some((e) => e.messageId === messageId));
    await alice2.waitFor(() => delivered(alice2.frames).some((e) => e.messageId === messageId));
    bob.send({ requestId: 0, deliverAck: { ids: delivered(bob.frames).map((e) => e.id ?? '') } });
    alice2.send({ requestId: 0, deliverAck: { ids: delivered(alice2.frames).map((e) => e.id ?? '') } });
    // alice2's receipt goes out at once (staged) and the batch waits for its ack too.
    await alice2.waitFor(() => receiptsOf(alice2.frames, messageId).length > 0);
    expect(receiptsOf(alice2.frames, messageId)[0]?.receipt?.status).toBe(pb.ReceiptStatus.RECEIPT_STATUS_DELIVERED);
    ackAll(alice2);
    expect((await answer).sendAck?.deliveredAt).toBeGreaterThan(0);
    // One receipt for alice/1 would have gone out with alice2's (one enqueue call for both devices).
    await alice.request({ ping: { nonce: 1 } });
    expect(receiptsOf(alice.frames, messageId)).toEqual([]);
    ackAll(alice2);
  });

  it('is not folded for a send without the flag, nor when the ack comes after the answer', async () => {
    await fixture.start({}, { stores: sqliteStores({ db: new Database(':memory:') }, { commitHoldMs: 0 }) });
    const bob = await fixture.peer('bob');
    const alice = await fixture.peer('alice');
    const plain = newMessageId();
    const late = newMessageId();
    const asked = await alice.request({ send: { messageId: plain, userId: 'bob', shared } });
    expect(asked.sendAck?.deliveredAt ?? 0).toBe(0);
    // No hold: the batch commits before bob can answer, so the flag finds no ack yet.
    const flagged = await alice.request({ send: { messageId: late, userId: 'bob', shared, ackDelivered: true } });
    expect(flagged.sendAck?.deliveredAt ?? 0).toBe(0);
    await bob.waitFor(
      () => delivered(bob.frames).filter((e) => e.messageId === plain || e.messageId === late).length === 2,
    );
    bob.send({ requestId: 0, deliverAck: { ids: delivered(bob.frames).map((e) => e.id ?? '') } });
    await alice.waitFor(() => receiptsOf(alice.frames, plain).length > 0 && receiptsOf(alice.frames, late).length > 0);
  });

  it('is queued after all when the sender disconnected before its answer', async () => {
    const db = await holdingServer();
    const bob = await fixture.peer('bob');
    const alice = await fixture.peer('alice');
    const messageId = newMessageId();
    alice.send({ requestId: 7, send: { messageId, userId: 'bob', shared, ackDelivered: true } });
    await bob.waitFor(() => delivered(bob.frames).some((e) => e.messageId === messageId));
    alice.close(); // the answer has nowhere to go
    await expect.poll(() => fixture.current.server.connections, { timeout: 20_000 }).toBe(1); // bob's alone
    bob.send({ requestId: 0, deliverAck: { ids: delivered(bob.frames).map((e) => e.id ?? '') } });
    // The receipt waits in alice's queue; her next connection gets it.
    await expect
      .poll(() => db.prepare("SELECT count(*) FROM queue WHERE user_id = 'alice'").pluck().get(), { timeout: 20_000 })
      .toBe(1);
    const again = await fixture.peer('alice', 1, alice.key);
    await again.waitFor(() => receiptsOf(again.frames, messageId).length > 0);
    ackAll(again);
  });
});

describe('DeliveredFolds', () => {
  it('folds an ack into an open slot only, and forgets the slot when its last holder closes it', () => {
    const folds = new DeliveredFolds();
    expect(folds.fold('q1', 5)).toBe(false); // no send waiting
    const first = folds.open('q1');
    const resend = folds.open('q1'); // a resend racing the first attempt shares the slot
    expect(folds.fold('q1', 7)).toBe(true);
    expect(folds.fold('q1', 9)).toBe(true); // a second device's ack keeps the first time
    expect(folds.close(first)).toBe(7);
    expect(folds.size).toBe(1);
    expect(folds.close(resend)).toBe(7);
    expect(folds.size).toBe(0);
    expect(folds.fold('q1', 11)).toBe(false); // answered: the ack makes a receipt
  });
});
