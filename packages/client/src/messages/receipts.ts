import type { parley } from '@parley/core';
import { pb } from '@parley/core';
import type { ReceiptUpdate } from '../events.js';
import type { StoreTx } from '../stores/client-store.js';
import { advanceStatus, chatMessageIds, getMessage, markIncomingRead } from './message-store.js';

export type { MessageStatus } from './message-store.js';

/**
 * Applies a ReceiptEvent inside the inbox transaction: statuses only move forward, so a duplicate,
 * late or out-of-order receipt changes nothing and produces no update.
 */
export async function applyReceipt(
  tx: StoreTx,
  selfUserId: string,
  event: parley.v1.ReceiptEvent.$Properties,
): Promise<ReceiptUpdate[]> {
  const status = event.status === pb.ReceiptStatus.RECEIPT_STATUS_READ ? 'read' : 'delivered';
  if (
    event.status !== pb.ReceiptStatus.RECEIPT_STATUS_READ &&
    event.status !== pb.ReceiptStatus.RECEIPT_STATUS_DELIVERED
  ) {
    return [];
  }
  const at = event.at ?? 0;
  if (event.allMembers) return applyGroupAggregate(tx, selfUserId, event, status);
  const updates: ReceiptUpdate[] = [];
  for (const messageId of event.messageIds ?? []) {
    const message = await getMessage(tx, messageId);
    if (!message) continue;
    if (event.byUserId === selfUserId) {
      // Read on another of this user's devices: the message here is read too.
      if (status !== 'read' || !(await markIncomingRead(tx, messageId, at))) continue;
      updates.push({ chatId: message.chatId, messageId, status, by: selfUserId, at: at });
      continue;
    }
    // A receipt from the peer of a 1:1 chat, about a message this user sent there.
    if (!message.outgoing || message.chatId !== event.byUserId) continue;
    if (!(await advanceStatus(tx, messageId, status, at))) continue;
    updates.push({ chatId: message.chatId, messageId, status, by: event.byUserId, at: at });
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
  event: parley.v1.ReceiptEvent.$Properties,
  status: 'delivered' | 'read',
): Promise<ReceiptUpdate[]> {
  const at = event.at ?? 0;
  const upTo = event.messageIds?.[0];
  const chatId = event.groupId;
  if (!upTo || !chatId) return [];
  const updates: ReceiptUpdate[] = [];
  for (const messageId of await chatMessageIds(tx, chatId)) {
    if (messageId > upTo) break; // ids sort by time
    const message = await getMessage(tx, messageId);
    if (!message?.outgoing || message.from.userId !== selfUserId || message.from.deviceId !== event.senderDeviceId)
      continue;
    if (!(await advanceStatus(tx, messageId, status, at))) continue;
    updates.push({ chatId, messageId, status, by: '*', at: at });
  }
  return updates;
}
