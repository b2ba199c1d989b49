import type { ParleyError } from '@parley/core';
import type { MessageRecord, OutboxEvents, OutboxRecord } from '../outbox/outbox.js';
import { markFailed, markSent } from './message-store.js';

/** A user's message, as opposed to a resend or a receipt travelling through the outbox. */
export const isUserMessage = (record: OutboxRecord): record is MessageRecord => record.kind === 'message';

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
      if (isUserMessage(record)) await markSent(tx, record.id, serverTime);
    },
    afterSent: (record, serverTime) => {
      if (isUserMessage(record)) emit.sent({ id: record.id, chatId: record.chatId, serverTime });
    },
    onFailed: async (tx, record) => {
      if (isUserMessage(record)) await markFailed(tx, record.id);
    },
    afterFailed: (record, error) => emit.failed(record, error),
  };
}
