import { newMessageId, ParleyError } from '@parley/core';
import { markIndexed, markSent, putIncoming, putOutgoing } from '../messages/message-store.js';
import type { ClientStore } from '../stores/client-store.js';

/** Options of {@link seedHistory}. */
export interface SeedHistoryOptions {
  /** The user whose store this is. Default `'me'`. */
  userId?: string;
  /** Chats to spread the messages over (`peer-0`, `peer-1`, …). Default 1. */
  chats?: number;
  /** Messages in all, round robin over the chats; every third is outgoing (sent), the rest incoming. */
  messages: number;
  /** Messages per transaction. Default 1,000. */
  batch?: number;
}

/**
 * Fills a client store with a history the way the client itself stores messages (chat list,
 * unread and unsent indexes included), for benchmarks and tests of long histories. The newest
 * message of each chat stays unread. Returns the chat ids.
 */
export async function seedHistory(store: ClientStore, options: SeedHistoryOptions): Promise<string[]> {
  const userId = options.userId ?? 'me';
  const chats = options.chats ?? 1;
  const batch = options.batch ?? 1000;
  if (!Number.isInteger(options.messages) || options.messages < 0 || !Number.isInteger(chats) || chats < 1) {
    throw new ParleyError('INVALID_ARGUMENT', 'messages must be a whole number, chats at least 1');
  }
  const chatIds = Array.from({ length: chats }, (_, i) => `peer-${i}`);
  const start = Date.UTC(2026, 0, 1);
  for (let first = 0; first < options.messages; first += batch) {
    await store.transaction(async (tx) => {
      for (let i = first; i < Math.min(first + batch, options.messages); i++) {
        const chatId = chatIds[i % chats] as string;
        const at = start + i * 1000;
        const base = {
          id: newMessageId(),
          chatId,
          content: { kind: 'text' as const, text: `message ${i} in ${chatId}` },
        };
        if (i % 3 === 0) {
          await putOutgoing(tx, { ...base, from: { userId, deviceId: 1 }, sentAt: at, serverTime: 0 });
          await markSent(tx, base.id, at);
        } else {
          const newest = i + chats >= options.messages;
          await putIncoming(tx, {
            ...base,
            from: { userId: chatId, deviceId: 1 },
            sentAt: at,
            serverTime: at,
            outgoing: false,
            ...(newest ? {} : { readAt: at }),
          });
        }
      }
    });
  }
  await store.transaction(markIndexed);
  return chatIds;
}
