import type { StoreTx } from '../stores/client-store.js';
import { NS } from '../stores/namespaces.js';
import { encodeActivityKey } from './activity-key.js';

// The one owner of the chat list: a summary per chat and the index that orders chats by their last
// activity. Only the message store updates message-derived fields (it calls in here inside the
// transaction that changes a message), so the summary can never disagree with the history.

/** What the chat list keeps per chat. */
export interface ChatRecord {
  chatId: string;
  /** The newest message in the chat's history (greatest id), if any. */
  lastMessageId?: string;
  /** When the chat last had a message (server time, or the send time of a pending one), ms. */
  lastActivity: number;
  /** Incoming messages not read yet (here or on another device of this user). */
  unread: number;
  /** Set by this device's user (local to this device). */
  muted: boolean;
  archived: boolean;
}

const empty = (chatId: string): ChatRecord => ({ chatId, lastActivity: 0, unread: 0, muted: false, archived: false });

/** The chat's record, if it has one. */
export const getChat = (tx: StoreTx, chatId: string) => tx.get<ChatRecord>(NS.chats, chatId);

async function save(tx: StoreTx, before: ChatRecord | undefined, after: ChatRecord): Promise<void> {
  if (before && before.lastActivity !== after.lastActivity) {
    await tx.delete(NS.chatsByActivity, encodeActivityKey({ at: before.lastActivity, chatId: before.chatId }));
  }
  if (!before || before.lastActivity !== after.lastActivity) {
    await tx.put(NS.chatsByActivity, encodeActivityKey({ at: after.lastActivity, chatId: after.chatId }), after.chatId);
  }
  await tx.put(NS.chats, after.chatId, after);
}

/** Changes a chat's record (creating it), keeping the activity index in step. */
export async function updateChat(
  tx: StoreTx,
  chatId: string,
  change: (chat: ChatRecord) => ChatRecord,
): Promise<ChatRecord> {
  const before = await getChat(tx, chatId);
  const after = change(before ? { ...before } : empty(chatId));
  await save(tx, before, after);
  return after;
}

/** A message joined the chat's history: it may be the newest one, and an unread one counts. */
export const chatGotMessage = (
  tx: StoreTx,
  m: { id: string; chatId: string; activity: number; unread: boolean },
): Promise<ChatRecord> =>
  updateChat(tx, m.chatId, (chat) => {
    if (chat.lastMessageId === undefined || m.id >= chat.lastMessageId) chat.lastMessageId = m.id;
    chat.lastActivity = Math.max(chat.lastActivity, m.activity);
    if (m.unread) chat.unread += 1;
    return chat;
  });

/** Chat ids by last activity, newest first, starting after `cursor` (an activity key) when given. */
export async function chatIdsByActivity(
  tx: StoreTx,
  options: { cursor?: string; limit: number },
): Promise<Array<{ chatId: string; key: string }>> {
  const rows = await tx.list<string>(NS.chatsByActivity, {
    reverse: true,
    limit: options.limit,
    ...(options.cursor !== undefined ? { end: options.cursor } : {}),
  });
  return rows.map(([key, chatId]) => ({ chatId, key }));
}

/**
 * Drops every chat's message-derived state (last message, activity, unread), keeping muted and
 * archived: the start of rebuilding the list from the stored messages.
 */
export async function clearChatSummaries(tx: StoreTx): Promise<void> {
  for (const [key] of await tx.list(NS.chatsByActivity)) await tx.delete(NS.chatsByActivity, key);
  for (const [chatId, chat] of await tx.list<ChatRecord>(NS.chats)) {
    await save(tx, undefined, { ...empty(chatId), muted: chat.muted, archived: chat.archived });
  }
}
