import type { ParleyError } from '@parley/core';
import type { MessageRecord, OutboxEvents, OutboxRecord } from '../outbox/outbox.js';
import type { Announcements, Noted } from './announcements.js';
import { markFailed, markSent } from './message-store.js';

/** A user's message, as opposed to a resend or a receipt travelling through the outbox. */
export const isUserMessage = (record: OutboxRecord): record is MessageRecord => record.kind === 'message';

/**
 * The outbox hooks that keep a stored message's status in step with the server (sent, failed),
 * inside the outbox's transactions, and report it after commit. `message:sent` is noted with the
 * status (so a crash before it is emitted replays it at the next start) and emitted through
 * `announcements`.
 */
export function messageStatusEvents(emit: {
  announcements: Announcements;
  failed(record: OutboxRecord, error: ParleyError): void;
}): Pick<OutboxEvents, 'onSent' | 'afterSent' | 'onFailed' | 'afterFailed'> {
  /** Announcements noted in the transaction that marked a message sent, until emitted after its commit. */
  const noted = new Map<string, Noted>();
  return {
    onSent: async (tx, record, serverTime) => {
      if (!isUserMessage(record)) return;
      await markSent(tx, record.id, serverTime);
      const message = { id: record.id, chatId: record.chatId, serverTime };
      noted.set(record.id, await emit.announcements.note(tx, { kind: 'sent', message }));
    },
    afterSent: (record) => {
      const note = noted.get(record.id);
      noted.delete(record.id);
      // The outbox does not wait: the emit is synchronous, and forgetting it logs its own failure.
      if (note) void emit.announcements.announce([note]);
    },
    onFailed: async (tx, record) => {
      if (isUserMessage(record)) await markFailed(tx, record.id);
    },
    afterFailed: (record, error) => emit.failed(record, error),
  };
}
