import { ParleyError } from '@parley/core';
import type { StoredMessage } from '../events.js';
import { chatMessageIdRange, deleteMessage, getMessage } from '../messages/message-store.js';
import { type ClientStore, keyAfter, type StoreTx } from '../stores/client-store.js';
import { checkId, pageLimit } from './page-limit.js';
import { searchMessages } from './search.js';

/** A slice of a chat's history, oldest message first. */
export interface HistoryPage {
  messages: StoredMessage[];
  /** Whether older messages exist before the first one (page on with `before: messages[0].id`). */
  hasOlder: boolean;
  /** Whether newer messages exist after the last one (page on with `after: messages.at(-1).id`). */
  hasNewer: boolean;
}

/** Options of {@link MessageHistory.page}. Without `before` or `after`: the newest messages. */
export interface PageOptions {
  /** Only messages older than this id (the id itself excluded). */
  before?: string;
  /** Only messages newer than this id (the id itself excluded). */
  after?: string;
  /** Messages per page, 1 to 500. Default 50. */
  limit?: number;
}

/**
 * One chat's history on this device: every message sent or received in it (from this device or
 * another of this user's), ordered by message id, which is time-ordered (UUIDv7).
 */
export interface MessageHistory {
  /**
   * A page of messages. With `before` (or neither) the page holds the newest messages of the range
   * (scrolling back); with only `after`, the oldest (scrolling forward). Reads cost the page, not the history.
   */
  page(options?: PageOptions): Promise<HistoryPage>;
  /** The page centred on a message (e.g. to jump to a search hit or a quoted message), that message included. */
  around(id: string, options?: { limit?: number }): Promise<HistoryPage>;
  /** Messages whose text (or media caption) contains `text`, ignoring case, newest first. */
  search(text: string, options?: { limit?: number }): Promise<StoredMessage[]>;
  /** Deletes messages from this device only ("delete for me"); how many were there. */
  delete(ids: string[]): Promise<number>;
  /** Deletes every message of the chat from this device; the chat stays in the list, empty. How many were deleted. */
  clear(): Promise<number>;
}

/** Messages deleted per transaction when clearing a chat, so clearing never blocks other work for long. */
const CLEAR_BATCH = 500;

/** The history of one chat over a client store. */
export function messageHistory(store: ClientStore, chatId: string): MessageHistory {
  checkId(chatId, 'chat id');

  // All reads at once: a store that reads on demand (IndexedDB) serves them in one round.
  const load = async (tx: StoreTx, ids: string[]) =>
    (await Promise.all(ids.map((id) => getMessage(tx, id)))).filter((m) => m !== undefined);

  /** Whether the chat has any message id in [start, end). */
  const any = async (tx: StoreTx, range: { start?: string; end?: string }) =>
    (await chatMessageIdRange(tx, chatId, { ...range, limit: 1 })).length > 0;

  return {
    async page(options = {}) {
      const limit = pageLimit(options.limit, 50);
      const { before, after } = options;
      if (before !== undefined) checkId(before, 'before');
      if (after !== undefined) checkId(after, 'after');
      const start = after === undefined ? undefined : keyAfter(after);
      const range = { ...(start !== undefined ? { start } : {}), ...(before !== undefined ? { end: before } : {}) };
      return store.transaction(async (tx) => {
        const backwards = before !== undefined || after === undefined;
        let ids = await chatMessageIdRange(tx, chatId, { ...range, reverse: backwards, limit: limit + 1 });
        const more = ids.length > limit;
        ids = ids.slice(0, limit);
        if (backwards) ids.reverse();
        const messages = await load(tx, ids);
        const first = ids[0];
        const last = ids.at(-1);
        return {
          messages,
          hasOlder: backwards ? more : await any(tx, { end: first ?? keyAfter(after as string) }),
          hasNewer: backwards
            ? last !== undefined
              ? await any(tx, { start: keyAfter(last) })
              : before !== undefined && (await any(tx, { start: before }))
            : more,
        };
      });
    },

    async around(id, options = {}) {
      checkId(id, 'message id');
      const limit = pageLimit(options.limit, 50);
      return store.transaction(async (tx) => {
        const target = await getMessage(tx, id);
        if (target?.chatId !== chatId) throw new ParleyError('NOT_FOUND', `message ${id} is not in chat ${chatId}`);
        const olderWanted = Math.floor((limit - 1) / 2);
        const olderRows = await chatMessageIdRange(tx, chatId, { end: id, reverse: true, limit: olderWanted + 1 });
        const older = olderRows.slice(0, olderWanted).reverse();
        // Room the older side left goes to the newer side.
        const newerWanted = limit - 1 - older.length;
        const newerRows = await chatMessageIdRange(tx, chatId, { start: keyAfter(id), limit: newerWanted + 1 });
        const ids = [...older, id, ...newerRows.slice(0, newerWanted)];
        const hasOlder = olderRows.length > olderWanted;
        const hasNewer = newerRows.length > newerWanted;
        return { messages: await load(tx, ids), hasOlder, hasNewer };
      });
    },

    search: (text, options = {}) => searchMessages(store, text, { ...options, chatId }),

    async delete(ids) {
      if (!Array.isArray(ids) || ids.length > 10_000) {
        throw new ParleyError('INVALID_ARGUMENT', 'ids must be an array of at most 10,000 message ids');
      }
      for (const id of ids) checkId(id, 'message id');
      return store.transaction(async (tx) => {
        let deleted = 0;
        for (const id of ids) {
          // Only this chat's: an id of another chat is left alone.
          if ((await getMessage(tx, id))?.chatId === chatId && (await deleteMessage(tx, id))) deleted++;
        }
        return deleted;
      });
    },

    async clear() {
      // Up to the newest message now: what arrives while clearing is kept.
      const newest = await store.transaction((tx) => chatMessageIdRange(tx, chatId, { reverse: true, limit: 1 }));
      if (newest[0] === undefined) return 0;
      const end = keyAfter(newest[0]);
      let deleted = 0;
      for (;;) {
        const n = await store.transaction(async (tx) => {
          const ids = await chatMessageIdRange(tx, chatId, { end, limit: CLEAR_BATCH });
          for (const id of ids) await deleteMessage(tx, id);
          return ids.length;
        });
        deleted += n;
        if (n < CLEAR_BATCH) return deleted;
      }
    },
  };
}
