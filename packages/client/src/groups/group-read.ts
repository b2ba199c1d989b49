import { pb } from '@parley/core';
import { addressKey } from '../e2ee/tx-signal-store.js';
import type { StoredMessage } from '../messages/message-store.js';
import { encodeLane } from '../outbox/lane.js';
import type { NewRecord, ReceiptRecord } from '../outbox/outbox-record.js';

/**
 * Outbox records for "I read these group messages": one per sending device, because the server keeps a
 * read cursor per member and sending device.
 */
export async function groupReadRecords(
  groupId: string,
  ids: string[],
  now: number,
  message: (id: string) => Promise<StoredMessage | undefined>,
): Promise<Array<NewRecord<ReceiptRecord>>> {
  const bySender = new Map<string, { userId: string; deviceId: number; ids: string[] }>();
  for (const id of ids) {
    const m = await message(id);
    if (!m) continue;
    const key = addressKey(m.from);
    const entry = bySender.get(key) ?? { userId: m.from.userId, deviceId: m.from.deviceId, ids: [] };
    entry.ids.push(id);
    bySender.set(key, entry);
  }
  return [...bySender.values()].map(({ userId, deviceId, ids: read }) => ({
    id: read[read.length - 1] as string,
    lane: encodeLane({ kind: 'receipts', chatId: groupId }),
    createdAt: now,
    kind: 'receipt' as const,
    receipt: {
      groupId,
      senderUserId: userId,
      senderDeviceId: deviceId,
      messageIds: read,
      status: pb.ReceiptStatus.RECEIPT_STATUS_READ,
    },
  }));
}
