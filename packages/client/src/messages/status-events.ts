import type { ParleyError } from '@parley/core';
import type { ReceiptUpdate } from '../events.js';
import type { MessageRecord, OutboxEvents, OutboxRecord } from '../outbox/outbox.js';
import type { Announcements, Noted } from './announcements.js';
import { advanceStatus, markFailed, markSent } from './message-store.js';

/** A user's message, as opposed to a resend or a receipt travelling through the outbox. */
export const isUserMessage = (record: OutboxRecord): record is MessageRecord => record.kind === 'message';

/**
 * The outbox hooks that keep a stored message's status in step with the server (sent, failed),
 * inside the outbox's transactions, and report it after commit. `message:sent` is noted with the
 * status (so a crash before it is emitted replays it at the next start) and emitted through
 * `announcements`. A SendAck that says the peer already has a 1:1 message (`delivered_at`) moves
 * it on to delivered in the same transaction, reported like a receipt.
 */
export function messageStatusEvents(emit: {
  announcements: Announcements;
  failed(record: OutboxRecord, error: ParleyError): void;
  receipt(update: ReceiptUpdate): void;
}): Pick<OutboxEvents, 'onSent' | 'afterSent' | 'onFailed' | 'afterFailed'> {
  /** Announcements noted in the transaction that marked a message sent, until emitted after its commit. */
  const noted = new Map<string, Noted>();
  /** Delivered statuses the SendAck carried, until emitted after its commit. */
  const delivered = new Map<string, ReceiptUpdate>();
  return {
    onSent: async (tx, record, serverTime, deliveredAt) => {
      if (!isUserMessage(record)) return;
      await markSent(tx, record.id, serverTime);
      const message = { id: record.id, chatId: record.chatId, serverTime };
      noted.set(record.id, await emit.announcements.note(tx, { kind: 'sent', message }));
      // Only the peer of a 1:1 chat delivers (the server sets it on 1:1 sends alone).
      if (deliveredAt > 0 && record.send.userId === record.chatId) {
        if (await advanceStatus(tx, record.id, 'delivered', deliveredAt)) {
          const by = record.chatId;
          delivered.set(record.id, { chatId: by, messageId: record.id, status: 'delivered', by, at: deliveredAt });
        }
      }
    },
    afterSent: (record) => {
      const note = noted.get(record.id);
      noted.delete(record.id);
      // The outbox does not wait: the emit is synchronous, and forgetting it logs its own failure.
      if (note) void emit.announcements.announce([note]);
      const update = delivered.get(record.id);
      if (update) {
        delivered.delete(record.id);
        emit.receipt(update);
      }
    },
    onFailed: async (tx, record) => {
      if (isUserMessage(record)) await markFailed(tx, record.id);
    },
    afterFailed: (record, error) => emit.failed(record, error),
  };
}
