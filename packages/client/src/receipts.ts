import type { parley } from '@parley/core';
import { pb } from '@parley/core';
import { chatIndexNs, MESSAGES_NS, type StoredMessage } from './inbox.js';
import type { StoreTx } from './stores/client-store.js';

/** The status of a message this user sent, as far as its recipient got. Never moves backwards. */
export type MessageStatus = 'pending' | 'sent' | 'delivered' | 'read' | 'failed';

export interface ReceiptUpdate {
  chatId: string;
  messageId: string;
  status: 'delivered' | 'read';
  /** Who delivered or read it (this user, for reads synced from another of its devices). */
  by: string;
  at: number;
}

const RANK: Record<MessageStatus, number> = { pending: 0, failed: 0, sent: 1, delivered: 2, read: 3 };

export const rankOf = (status: MessageStatus) => RANK[status];

/**
 * Applies a ReceiptEvent inside the inbox transaction: statuses only move forward, so a duplicate,
 * late or out-of-order receipt changes nothing and produces no update.
 */
export async function applyReceipt(
  tx: StoreTx,
  selfUserId: string,
  event: parley.v1.ReceiptEvent,
): Promise<ReceiptUpdate[]> {
  const status = event.status === pb.ReceiptStatus.RECEIPT_STATUS_READ ? 'read' : 'delivered';
  if (
    event.status !== pb.ReceiptStatus.RECEIPT_STATUS_READ &&
    event.status !== pb.ReceiptStatus.RECEIPT_STATUS_DELIVERED
  ) {
    return [];
  }
  if (event.allMembers) return applyGroupAggregate(tx, selfUserId, event, status);
  const updates: ReceiptUpdate[] = [];
  for (const messageId of event.messageIds ?? []) {
    const message = await tx.get<StoredMessage>(MESSAGES_NS, messageId);
    if (!message) continue;
    if (event.byUserId === selfUserId) {
      // Read on another of this user's devices: the message here is read too.
      if (message.outgoing || message.readAt || status !== 'read') continue;
      await tx.put(MESSAGES_NS, messageId, { ...message, readAt: event.at });
      updates.push({ chatId: message.chatId, messageId, status, by: selfUserId, at: event.at });
      continue;
    }
    // A receipt from the peer of a 1:1 chat, about a message this user sent there.
    if (!message.outgoing || message.chatId !== event.byUserId) continue;
    if (RANK[message.status as MessageStatus] >= RANK[status]) continue;
    await tx.put(MESSAGES_NS, messageId, { ...message, status, statusAt: event.at });
    updates.push({ chatId: message.chatId, messageId, status, by: event.byUserId, at: event.at });
  }
  return updates;
}

/**
 * "Delivered to all" / "read by all" in a group: every message this user sent there from the named
 * device, up to and including the given id, reached the status for every member.
 */
async function applyGroupAggregate(
  tx: StoreTx,
  selfUserId: string,
  event: parley.v1.ReceiptEvent,
  status: 'delivered' | 'read',
): Promise<ReceiptUpdate[]> {
  const upTo = event.messageIds?.[0];
  const chatId = event.groupId;
  if (!upTo || !chatId) return [];
  const updates: ReceiptUpdate[] = [];
  for (const [messageId] of await tx.list<boolean>(chatIndexNs(chatId))) {
    if (messageId > upTo) break; // ids sort by time, and the index lists them in key order
    const message = await tx.get<StoredMessage>(MESSAGES_NS, messageId);
    if (!message?.outgoing || message.from.userId !== selfUserId || message.from.deviceId !== event.senderDeviceId)
      continue;
    if (RANK[message.status as MessageStatus] >= RANK[status]) continue;
    await tx.put(MESSAGES_NS, messageId, { ...message, status, statusAt: event.at });
    updates.push({ chatId, messageId, status, by: '*', at: event.at });
  }
  return updates;
}
