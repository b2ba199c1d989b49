import { ParleyError } from '@parley/core';
import type { StoredMessage } from '../events.js';
import { getGroup } from '../groups/group-book.js';
import { getMessage } from '../messages/message-store.js';
import type { ClientStore, StoreTx } from '../stores/client-store.js';
import { decodeActivityKey } from './activity-key.js';
import { type ChatRecord, chatIdsByActivity, getChat, updateChat } from './chat-list-store.js';
import { checkId, pageLimit } from './page-limit.js';

/** One row of the chat list. */
export interface ChatSummary {
  /** The other user's id for a 1:1 chat, the group's id for a group. */
  chatId: string;
  isGroup: boolean;
  /** The newest message in this device's history of the chat (none after clearing it). */
  lastMessage: StoredMessage | undefined;
  /** When the chat last had a message, ms (the list is ordered by it, newest first). */
  lastActivity: number;
  /** Incoming messages not read yet; `markRead` (here or on another own device) lowers it. */
  unreadCount: number;
  muted: boolean;
  archived: boolean;
}

/** A page of the chat list; pass `next` as `cursor` for the following page. */
export interface ChatListPage {
  chats: ChatSummary[];
  /** Undefined on the last page. */
  next?: string;
}

/** Options of {@link ChatsApi.list}. */
export interface ChatListOptions {
  /** Chats per page, 1 to 500. Default 50. */
  limit?: number;
  /** `next` of the previous page. */
  cursor?: string;
  /** Only archived chats (`true`) or only the others (`false`). Default: both. */
  archived?: boolean;
}

/**
 * The chat list: every chat this device has history for, newest activity first, with its last
 * message and unread count. Muted and archived are this device's settings (not synced).
 */
export interface ChatsApi {
  list(options?: ChatListOptions): Promise<ChatListPage>;
  /** One chat's summary; undefined when this device has no history and no settings for it. */
  get(chatId: string): Promise<ChatSummary | undefined>;
  setMuted(chatId: string, muted: boolean): Promise<void>;
  setArchived(chatId: string, archived: boolean): Promise<void>;
}

/** Rows read per transaction while filtering by `archived`, so a long scan never blocks writes for long. */
const SCAN_BATCH = 200;

/**
 * The chat list over a client store. `ready` resolves once the list covers every stored message
 * (the client indexes a store written by an older version when it opens).
 */
export function chatsApi(store: ClientStore, ready: () => Promise<unknown> = async () => {}): ChatsApi {
  const summarize = async (tx: StoreTx, chat: ChatRecord): Promise<ChatSummary> => ({
    chatId: chat.chatId,
    isGroup: (await getGroup(tx, chat.chatId)) !== undefined,
    lastMessage: chat.lastMessageId === undefined ? undefined : await getMessage(tx, chat.lastMessageId),
    lastActivity: chat.lastActivity,
    unreadCount: chat.unread,
    muted: chat.muted,
    archived: chat.archived,
  });

  const setFlag = async (chatId: string, flag: 'muted' | 'archived', value: boolean) => {
    checkId(chatId, 'chat id');
    await ready();
    const on = value === true;
    await store.transaction((tx) => updateChat(tx, chatId, (chat) => ({ ...chat, [flag]: on })));
  };

  return {
    async list(options = {}) {
      const limit = pageLimit(options.limit, 50);
      await ready();
      if (options.cursor !== undefined && decodeActivityKey(options.cursor as string) === undefined) {
        throw new ParleyError('INVALID_ARGUMENT', 'cursor must be the `next` of a chat list page');
      }
      const chats: ChatSummary[] = [];
      let cursor = options.cursor;
      // Reads one more row than needed, so the page knows whether another follows.
      while (chats.length <= limit) {
        const batch = await store.transaction(async (tx) => {
          const rows = await chatIdsByActivity(tx, {
            limit: options.archived === undefined ? limit + 1 - chats.length : SCAN_BATCH,
            ...(cursor !== undefined ? { cursor } : {}),
          });
          const out: Array<{ key: string; summary?: ChatSummary }> = [];
          for (const { chatId, key } of rows) {
            const chat = await getChat(tx, chatId);
            const wanted = chat && (options.archived === undefined || chat.archived === options.archived);
            out.push(wanted ? { key, summary: await summarize(tx, chat) } : { key });
          }
          return out;
        });
        for (const row of batch) {
          if (chats.length === limit && row.summary) {
            return { chats, next: cursor as string };
          }
          cursor = row.key;
          if (row.summary) chats.push(row.summary);
        }
        if (batch.length === 0 || options.archived === undefined) break;
      }
      return { chats };
    },

    async get(chatId) {
      checkId(chatId, 'chat id');
      await ready();
      return store.transaction(async (tx) => {
        const chat = await getChat(tx, chatId);
        return chat && summarize(tx, chat);
      });
    },

    setMuted: (chatId, muted) => setFlag(chatId, 'muted', muted),
    setArchived: (chatId, archived) => setFlag(chatId, 'archived', archived),
  };
}
