import { pb } from '@parley/core';
import { getGroup } from '../groups/group-book.js';
import { groupReadRecords } from '../groups/group-read.js';
import { encodeLane } from '../outbox/lane.js';
import type { Outbox } from '../outbox/outbox.js';
import type { ClientStore } from '../stores/client-store.js';
import { getMessage, markIncomingRead, unreadMessageIds } from './message-store.js';

/** What marking messages read needs from the client. */
export interface ReadMarkerDeps {
  store: ClientStore;
  outbox: Outbox;
  clock: { now(): number };
}

/**
 * Marks received messages of a chat read (the given ids, or every unread one up to and including
 * `upTo`), then queues the read receipt in the outbox (so it survives being offline): one to the
 * peer of a 1:1 chat, or one per sending device in a group.
 */
export async function markRead(
  deps: ReadMarkerDeps,
  chatId: string,
  which: string[] | { upTo: string },
): Promise<void> {
  const { store, outbox } = deps;
  const now = deps.clock.now();
  const ids = await store.transaction(async (tx) => {
    const candidates = Array.isArray(which) ? which : await unreadMessageIds(tx, chatId, which.upTo);
    const marked: string[] = [];
    for (const id of candidates) if (await markIncomingRead(tx, id, now, chatId)) marked.push(id);
    return marked;
  });
  if (ids.length === 0) return;
  const group = await store.transaction((tx) => getGroup(tx, chatId));
  if (group) {
    const message = (id: string) => store.transaction((tx) => getMessage(tx, id));
    for (const record of await groupReadRecords(chatId, ids, now, message)) await outbox.addInternal(record);
    return;
  }
  await outbox.addInternal({
    id: ids[ids.length - 1] as string,
    lane: encodeLane({ kind: 'receipts', chatId }),
    createdAt: now,
    kind: 'receipt',
    receipt: { userId: chatId, messageIds: ids, status: pb.ReceiptStatus.RECEIPT_STATUS_READ },
  });
}
