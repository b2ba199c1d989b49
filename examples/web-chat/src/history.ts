// What the chat screens show, kept in the client's own store under `webchat/` namespaces: the
// client has no history API yet (it keeps messages by id for receipts and dedup only), so the app
// indexes the messages it was told about. Statuses (ticks) are not copied here: they are read
// from the client (`messageStatus`), which keeps them durably.
// TODO(history): switch to the client's message history API once it has one.
import type { ClientStore, StoredMessage } from '@parley/client';
import { type MediaInfo, mediaInfo, mediaLabel } from './media-info.js';

/** A message as the conversation view shows it. */
export interface ChatMessage {
  id: string;
  chatId: string;
  /** Sender's user id (differs from `chatId` in groups). Older entries lack it: then the peer. */
  from?: string;
  outgoing: boolean;
  /** The text, or for an attachment its caption or a label ("📷 Photo"). */
  text: string;
  /** Set for attachments; the bytes are fetched with `client.downloadMedia` when shown. */
  media?: MediaInfo;
  /** Sender's clock (ms). */
  sentAt: number;
  /** The message it replies to: its sender and a preview. */
  quote?: { userId: string; text: string };
  /** Reactions, one per user. */
  reactions?: Array<{ userId: string; emoji: string }>;
  edited?: boolean;
  /** Deleted for everyone: `text` is the tombstone line. */
  deleted?: boolean;
}

/** One row of the chat list. */
export interface ChatSummary {
  chatId: string;
  /** Newest message, absent for a chat started but still empty. */
  last?: { id: string; text: string; outgoing: boolean; sentAt: number; from?: string };
  unread: number;
  /** Set for group chats: the group's name as last seen. */
  group?: { name: string };
}

const CHATS = 'webchat/chats';
const messagesNs = (chatId: string) => `webchat/messages\u001f${chatId}`;

/** Every chat, the newest activity first. */
export async function listChats(store: ClientStore): Promise<ChatSummary[]> {
  const rows = await store.transaction((tx) => tx.list<ChatSummary>(CHATS));
  return rows.map(([, chat]) => chat).sort(byActivity);
}

/** Orders chats by their newest message (message ids are UUIDv7, so they sort by time); empty chats last. */
export function byActivity(a: ChatSummary, b: ChatSummary): number {
  const x = a.last?.id ?? '';
  const y = b.last?.id ?? '';
  return x === y ? a.chatId.localeCompare(b.chatId) : x < y ? 1 : -1;
}

/**
 * Creates an empty chat (from "new chat"); returns the existing one if there is one. With `group`,
 * marks the chat as a group chat and keeps its name up to date.
 */
export async function ensureChat(store: ClientStore, chatId: string, group?: { name: string }): Promise<ChatSummary> {
  return store.transaction(async (tx) => {
    const existing = await tx.get<ChatSummary>(CHATS, chatId);
    if (existing && (!group || existing.group?.name === group.name)) return existing;
    const chat: ChatSummary = { ...(existing ?? { chatId, unread: 0 }), ...(group ? { group } : {}) };
    await tx.put(CHATS, chatId, chat);
    return chat;
  });
}

/**
 * Adds a message to its chat (idempotent: a message already there changes nothing and returns
 * `added: false`). An incoming message counts as unread unless `read` (its chat is on screen).
 */
export async function recordMessage(
  store: ClientStore,
  message: ChatMessage,
  options: { read: boolean },
): Promise<{ chat: ChatSummary; added: boolean }> {
  return store.transaction(async (tx) => {
    const chat = (await tx.get<ChatSummary>(CHATS, message.chatId)) ?? { chatId: message.chatId, unread: 0 };
    if (await tx.get(messagesNs(message.chatId), message.id)) return { chat, added: false };
    await tx.put(messagesNs(message.chatId), message.id, message);
    if (!chat.last || chat.last.id < message.id) {
      chat.last = { id: message.id, text: message.text, outgoing: message.outgoing, sentAt: message.sentAt };
      if (message.from) chat.last.from = message.from;
    }
    if (!message.outgoing && !options.read) chat.unread += 1;
    await tx.put(CHATS, chat.chatId, chat);
    return { chat, added: true };
  });
}

/**
 * Replaces a message already in its chat (a reaction, edit or delete changed it), and the chat's
 * preview when it is the newest; the chat, or undefined when the message is not there.
 */
export async function updateMessage(store: ClientStore, message: ChatMessage): Promise<ChatSummary | undefined> {
  return store.transaction(async (tx) => {
    if (!(await tx.get(messagesNs(message.chatId), message.id))) return undefined;
    await tx.put(messagesNs(message.chatId), message.id, message);
    const chat = await tx.get<ChatSummary>(CHATS, message.chatId);
    if (chat?.last?.id === message.id) {
      chat.last = { ...chat.last, text: message.text };
      await tx.put(CHATS, chat.chatId, chat);
    }
    return chat;
  });
}

/** The last `limit` messages of a chat, oldest first. */
export async function loadMessages(store: ClientStore, chatId: string, limit = 200): Promise<ChatMessage[]> {
  const rows = await store.transaction((tx) => tx.list<ChatMessage>(messagesNs(chatId)));
  return rows.slice(-limit).map(([, message]) => message);
}

/** Clears a chat's unread count (its messages were marked read). */
export async function clearUnread(store: ClientStore, chatId: string): Promise<ChatSummary | undefined> {
  return store.transaction(async (tx) => {
    const chat = await tx.get<ChatSummary>(CHATS, chatId);
    if (!chat || chat.unread === 0) return chat;
    const cleared = { ...chat, unread: 0 };
    await tx.put(CHATS, chatId, cleared);
    return cleared;
  });
}

/** A message the client stored (text or attachment), as the views show it. */
export function toChatMessage(
  stored: Pick<StoredMessage, 'id' | 'chatId' | 'outgoing' | 'content' | 'sentAt'> &
    Partial<Pick<StoredMessage, 'replyTo' | 'reactions' | 'edited' | 'deleted'>> & {
      from?: Pick<StoredMessage['from'], 'userId'>;
    },
): ChatMessage {
  const message: ChatMessage = {
    id: stored.id,
    chatId: stored.chatId,
    outgoing: stored.outgoing,
    text: '',
    sentAt: stored.sentAt,
  };
  if (stored.from?.userId) message.from = stored.from.userId;
  if (stored.replyTo) message.quote = { userId: stored.replyTo.userId, text: stored.replyTo.text };
  if (stored.reactions?.length) message.reactions = stored.reactions.map((r) => ({ userId: r.userId, emoji: r.emoji }));
  if (stored.edited) message.edited = true;
  if (stored.deleted) message.deleted = true;
  if (stored.content.kind === 'text') message.text = stored.content.text;
  else if (stored.content.kind === 'deleted') message.text = 'This message was deleted';
  else {
    message.media = mediaInfo(stored.content.media);
    message.text = mediaLabel(message.media);
  }
  return message;
}
