// A group message's fan-out writes every member's Deliver frame straight to its socket from one
// shared buffer (issue 15 aim 4, gateway/ws-direct-write.ts). Whatever happens to one member (a key
// distribution of its own, a socket that dies as its frame is written, a reader too slow to keep up)
// the others get the message once, and that member gets it once, in seq order, when it is back.
import type { Duplex } from 'node:stream';
import { newMessageId, type parley, pb, type ServerFrame } from '@parley/core';
import { createGroup, publishIdentity, useAbuseServer } from '@parley/test-utils/abuse-server';
import type { RawPeer } from '@parley/test-utils/raw-peer';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WebSocket } from 'ws';
import type { ServerLimits } from '../src/contracts/limits.js';
import { Connection } from '../src/gateway/connection.js';
import type { EnvelopeParts } from '../src/messages/envelope.js';

const SENDER_KEY = pb.PayloadType.PAYLOAD_TYPE_SENDER_KEY_MESSAGE;
const PREKEY = pb.PayloadType.PAYLOAD_TYPE_PREKEY_SIGNAL_MESSAGE;
const PLAINTEXT = pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT;
const fixture = useAbuseServer();
const envelopes = (frames: ServerFrame[]) => frames.flatMap((f) => f.deliver?.envelopes ?? []);
/** The envelopes of `ids` a peer got, in arrival order. */
const got = (peer: RawPeer, ids: string[]) => envelopes(peer.frames).filter((e) => ids.includes(e.messageId ?? ''));
const payload = (byte: number, length = 1500) => ({ type: SENDER_KEY, data: new Uint8Array(length).fill(byte) });
const socketOf = (connection: Connection) =>
  (connection as unknown as { ws: WebSocket & { _socket: Duplex } }).ws._socket;

/** alice (the sender) and bob, carol and dave in group g, every one with published keys. */
async function groupOfFour(limits: Partial<ServerLimits> = {}) {
  await fixture.start(limits);
  const peers: Record<string, RawPeer & { key: Parameters<typeof fixture.peer>[2] }> = {};
  for (const [i, user] of ['bob', 'carol', 'dave', 'alice'].entries()) {
    peers[user] = await fixture.peer(user);
    await publishIdentity(peers[user] as RawPeer, 10 + i);
  }
  const alice = peers.alice as RawPeer;
  const identity = await publishIdentity(alice, 20);
  expect((await createGroup(alice, 'alice', identity, 'g', ['bob', 'carol', 'dave'])).body).toBe('groupState');
  return peers as Record<
    'alice' | 'bob' | 'carol' | 'dave',
    RawPeer & { key: NonNullable<Parameters<typeof fixture.peer>[2]> }
  >;
}

/** Calls `before(connection, envelopes)` ahead of every Deliver frame the gateway writes. */
function beforeEachDeliver(before: (connection: Connection, envelopes: readonly EnvelopeParts[]) => void) {
  const original = Connection.prototype.sendDeliver;
  return vi.spyOn(Connection.prototype, 'sendDeliver').mockImplementation(function (this: Connection, list) {
    before(this, list);
    return original.call(this, list);
  });
}

const sendToGroup = (alice: RawPeer, messageId: string, byte: number, copies?: parley.v1.DeviceCopy.$Properties[]) =>
  alice.request({ send: { messageId, groupId: 'g', shared: payload(byte), ...(copies ? { copies } : {}) } });

describe('group fan-out written straight to the members sockets', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('gives a key distribution member its own frame, and every other member the shared bytes, not through ws.send', async () => {
    const { alice, bob, carol, dave } = await groupOfFour();
    const sendBytes = vi.spyOn(Connection.prototype, 'sendBytes');
    const id = newMessageId();
    const copies = [{ to: { userId: 'carol', deviceId: 1 }, payload: { type: PREKEY, data: new Uint8Array([9, 9]) } }];
    expect((await sendToGroup(alice, id, 7, copies)).body).toBe('sendAck');
    for (const peer of [bob, carol, dave]) await peer.waitFor(() => got(peer, [id]).length > 0);
    for (const peer of [bob, carol, dave]) {
      const [envelope, ...more] = got(peer, [id]);
      expect(more).toHaveLength(0);
      expect([...(envelope?.message?.data ?? [])]).toEqual([...payload(7).data]);
      expect([envelope?.groupId, envelope?.sender?.userId, Number(envelope?.seq) > 0]).toEqual(['g', 'alice', true]);
      const distribution = envelope?.senderKeyDistribution?.data;
      expect(distribution ? [...distribution] : undefined).toEqual(peer === carol ? [9, 9] : undefined);
    }
    // No member's frame went the `ws.send` way (that path copies the shared part per member).
    expect(sendBytes.mock.calls.filter(([bytes]) => bytes.byteLength > 1000)).toHaveLength(0);
  });

  it('a member whose socket dies as its frame is written: the others get it once, it gets it once when back', async () => {
    const { alice, bob, carol, dave } = await groupOfFour();
    const first = newMessageId();
    let killed = false;
    beforeEachDeliver((connection, list) => {
      // carol's socket dies right before her copy of `first` is written (bob's was written before it).
      if (!killed && connection.address?.userId === 'carol' && list.some((e) => e.shared)) {
        killed = true;
        socketOf(connection).destroy();
      }
    });
    expect((await sendToGroup(alice, first, 1)).body).toBe('sendAck');
    for (const peer of [bob, dave]) await peer.waitFor(() => got(peer, [first]).length > 0);
    expect(killed).toBe(true);
    await carol.waitClosed();
    expect(got(carol, [first])).toHaveLength(0);

    const second = newMessageId();
    const carolAgain = await fixture.peer('carol', 1, carol.key);
    await carolAgain.waitFor(() => got(carolAgain, [first]).length > 0);
    expect((await sendToGroup(alice, second, 2)).body).toBe('sendAck');
    for (const peer of [bob, dave, carolAgain]) await peer.waitFor(() => got(peer, [second]).length > 0);
    for (const peer of [bob, dave, carolAgain]) {
      const list = got(peer, [first, second]);
      expect(list.map((e) => e.messageId)).toEqual([first, second]);
      expect(Number(list[0]?.seq)).toBeLessThan(Number(list[1]?.seq));
    }
  });

  it('a member that does not read is sent no more than half the buffer limit; the others go on; it gets every message once, in order, as it reads', async () => {
    const { alice, bob, carol, dave } = await groupOfFour({ maxBufferedBytes: 16_384 });
    let daveConnection: Connection | undefined;
    beforeEachDeliver((connection) => {
      if (connection.address?.userId !== 'dave' || daveConnection) return;
      daveConnection = connection;
      socketOf(connection).cork(); // dave's frames pile up as for a reader that stopped
    });
    const sent: string[] = [];
    for (let i = 0; i < 40; i++) {
      const id = newMessageId();
      sent.push(id);
      expect((await sendToGroup(alice, id, sent.length)).body).toBe('sendAck');
      for (const peer of [bob, carol]) await peer.waitFor(() => got(peer, [id]).length > 0);
    }
    for (const peer of [bob, carol]) expect(got(peer, sent).map((e) => e.messageId)).toEqual(sent);
    // Held at the pump's budget (half the limit), not cut off: its backlog waits in the queue.
    const held = daveConnection as Connection;
    expect(held.isOpen).toBe(true);
    expect(held.unsentBytes).toBeGreaterThan(0);
    expect(held.unsentBytes).toBeLessThanOrEqual(16_384 / 2);

    socketOf(held).uncork();
    let read = 0;
    /** Acks what arrived since the last look, as a client does: each ack lets more out. */
    const ackNew = () => {
      for (; read < dave.frames.length; read++) {
        const ids = (dave.frames[read]?.deliver?.envelopes ?? []).map((e) => e.id ?? '');
        if (ids.length > 0) dave.send({ requestId: 0, deliverAck: { ids } });
      }
      return got(dave, sent).length;
    };
    await expect.poll(ackNew, { timeout: 20_000 }).toBe(sent.length);
    const list = got(dave, sent);
    expect(list.map((e) => e.messageId)).toEqual(sent);
    const seqs = list.map((e) => Number(e.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(held.isOpen).toBe(true);
  });

  it('keeps a device s seq order across 1:1 and group messages sent to it in the same tick', async () => {
    const { alice, bob } = await groupOfFour();
    const ids = [newMessageId(), newMessageId(), newMessageId(), newMessageId()];
    const direct = (messageId: string, byte: number) =>
      alice.request({ send: { messageId, userId: 'bob', shared: { type: PLAINTEXT, data: payload(byte).data } } });
    // Pipelined: all four requests leave before any answer.
    const answers = await Promise.all([
      direct(ids[0] as string, 1),
      sendToGroup(alice, ids[1] as string, 2),
      direct(ids[2] as string, 3),
      sendToGroup(alice, ids[3] as string, 4),
    ]);
    expect(answers.map((a) => a.body)).toEqual(['sendAck', 'sendAck', 'sendAck', 'sendAck']);
    await bob.waitFor(() => got(bob, ids).length === 4);
    const list = got(bob, ids);
    expect(list).toHaveLength(4);
    expect(new Set(list.map((e) => e.messageId)).size).toBe(4);
    const seqs = list.map((e) => Number(e.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b)); // arrival order is seq order
    const order = list.map((e) => ids.indexOf(e.messageId ?? ''));
    expect(order.filter((i) => i % 2 === 0)).toEqual([0, 2]); // the 1:1 conversation in send order
    expect(order.filter((i) => i % 2 === 1)).toEqual([1, 3]); // the group in send order
    for (const e of list) expect(e.message?.data?.byteLength).toBe(1500);
  });
});
