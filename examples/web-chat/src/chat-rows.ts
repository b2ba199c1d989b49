// The rows of the chat list, from the client's chat list (`client.chats.list`) plus what the
// client's list cannot know yet: groups verified here that have no message yet, and chats started
// in this tab ("new chat") before their first message.
import type { ChatSummary } from '@parley/client';
import { type ChatMessage, toChatMessage } from './chat-message.js';

/** One row of the chat list. */
export interface ChatRow {
  chatId: string;
  /** The group's name, or the peer's user id. */
  name: string;
  group: boolean;
  last?: ChatMessage;
  /** When the chat last had a message (ms); 0 for an empty chat. */
  activity: number;
  unread: number;
}

/**
 * Chat rows, newest activity first (empty chats last, by name). `summaries` come from the client
 * in that order already; `groups` names group chats; `started` are empty chats to show too.
 */
export function chatRows(
  summaries: readonly ChatSummary[],
  groups: ReadonlyMap<string, { name: string }>,
  started: Iterable<string>,
): ChatRow[] {
  const rows = new Map<string, ChatRow>();
  const name = (chatId: string) => groups.get(chatId)?.name ?? chatId;
  for (const s of summaries) {
    const row: ChatRow = {
      chatId: s.chatId,
      name: name(s.chatId),
      group: s.isGroup || groups.has(s.chatId),
      activity: s.lastActivity,
      unread: s.unreadCount,
    };
    if (s.lastMessage) row.last = toChatMessage(s.lastMessage);
    rows.set(s.chatId, row);
  }
  for (const chatId of [...groups.keys(), ...started]) {
    if (!rows.has(chatId)) {
      rows.set(chatId, { chatId, name: name(chatId), group: groups.has(chatId), activity: 0, unread: 0 });
    }
  }
  return [...rows.values()].sort((a, b) => b.activity - a.activity || a.name.localeCompare(b.name));
}
