// Alice's group g1 with bob and carol on a killable SQLite gateway (sqlite-crash-gateway.ts), and
// what the kill tests of a group send read back: the frames each peer got and the database file.
import { pb, type ServerFrame } from '@parley/core';
import { createGroup, publishIdentity } from '@parley/test-utils/abuse-server';
import { textContent } from '@parley/test-utils/content';
import type { RawPeer } from '@parley/test-utils/raw-peer';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { delivered } from './killable-gateway.js';

const PLAINTEXT = pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT;

/** The answers to request `requestId` among these frames. */
export const sendAcks = (frames: ServerFrame[], requestId: number) => frames.filter((f) => f.requestId === requestId);

/** A group message to g1 with id `messageId`. */
export const groupSend = (messageId: string) => ({
  send: { messageId, groupId: 'g1', shared: { type: PLAINTEXT, data: textContent(messageId) } },
});

/** Acknowledges everything the peer was delivered so far. */
export const ackAll = (peer: RawPeer) =>
  peer.send({ requestId: 0, deliverAck: { ids: delivered(peer.frames).map((e) => e.id ?? '') } });

/** A condition: the peer was delivered the message `id`. */
export const has = (peer: RawPeer, id: string) => () => delivered(peer.frames).some((e) => e.messageId === id);

/** alice's group g1 with bob and carol, all three online with keys published. */
export async function aliceGroup(connect: (userId: string) => Promise<RawPeer>) {
  const bob = await connect('bob');
  await publishIdentity(bob, 8);
  const carol = await connect('carol');
  await publishIdentity(carol, 7);
  const alice = await connect('alice');
  const identity = await publishIdentity(alice, 9);
  expect((await createGroup(alice, 'alice', identity, 'g1', ['bob', 'carol'])).body).toBe('groupState');
  return { alice, bob, carol };
}

/** What a (killed) gateway left in its database file of group message `id`. */
export function storedOf(path: string, id: string) {
  const db = new Database(path, { readonly: true });
  try {
    const count = (sql: string) => db.prepare(sql).pluck().get();
    return {
      // The members' entries only (alice's "delivered to all" receipt names the id too).
      entries: count(`SELECT count(*) FROM queue WHERE user_id <> 'alice' AND instr(id, '${id}') > 0`),
      cursors: count(`SELECT count(*) FROM group_receipt_cursors WHERE delivered = '${id}'`),
      // The message's key, kept to dedup resends.
      remembered: count(`SELECT count(*) FROM queue_shared WHERE instr(key, '${id}') > 0`),
      // The head's last message sent (new members start counting after it).
      head: count(`SELECT count(*) FROM group_receipt_heads WHERE last = '${id}'`),
    };
  } finally {
    db.close();
  }
}
