import type { ParleyError } from '@parley/core';
import { MESSAGES_NS, type StoredMessage } from './inbox.js';
import type { OutboxEvents, OutboxRecord } from './outbox.js';
import { type MessageStatus, rankOf } from './receipts.js';

/** A user's message, as opposed to a resend or a receipt travelling through the outbox. */
export const isUserMessage = (record: OutboxRecord) => !record.kind || record.kind === 'message';

/**
 * The outbox hooks that keep a stored message's status in step with the server (sent, failed),
 * inside the outbox's transactions, and report it after commit.
 */
export function messageStatusEvents(emit: {
  sent(event: { id: string; chatId: string; serverTime: number }): void;
  failed(record: OutboxRecord, error: ParleyError): void;
}): Pick<OutboxEvents, 'onSent' | 'afterSent' | 'onFailed' | 'afterFailed'> {
  return {
    onSent: async (tx, record, serverTime) => {
      if (!isUserMessage(record)) return;
      const m = await tx.get<StoredMessage>(MESSAGES_NS, record.id);
      // A delivered or read receipt may have been processed first: never move the status back.
      const status = m && rankOf(m.status as MessageStatus) > rankOf('sent') ? m.status : 'sent';
      if (m) await tx.put(MESSAGES_NS, record.id, { ...m, status, serverTime });
    },
    afterSent: (record, serverTime) => {
      if (isUserMessage(record)) emit.sent({ id: record.id, chatId: record.chatId, serverTime });
    },
    onFailed: async (tx, record) => {
      if (!isUserMessage(record)) return;
      const m = await tx.get<StoredMessage>(MESSAGES_NS, record.id);
      if (m) await tx.put(MESSAGES_NS, record.id, { ...m, status: 'failed' });
    },
    afterFailed: (record, error) => emit.failed(record, error),
  };
}
