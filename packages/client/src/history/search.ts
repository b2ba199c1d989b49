import { ParleyError } from '@parley/core';
import type { StoredMessage } from '../events.js';
import { chatMessageIdRange, getMessage, messageRange } from '../messages/message-store.js';
import type { ClientStore } from '../stores/client-store.js';
import { pageLimit } from './page-limit.js';

/** Options of a history search. */
export interface SearchOptions {
  /** Only this chat. Default: every chat. */
  chatId?: string;
  /** Hits to return, 1 to 500. Default 50. */
  limit?: number;
  /** Only messages older than this id (the last hit of the previous call, to page on). */
  before?: string;
}

/** Messages read per transaction, so a search through a long history never blocks writes for long. */
const BATCH = 500;
const MAX_QUERY = 1000;

/** The text a message can be found by: a text message's text, a media message's caption and file name. */
function searchableText(m: StoredMessage): string {
  if (m.content.kind === 'text') return m.content.text;
  return [m.content.media.caption, m.content.media.fileName].filter(Boolean).join('\n');
}

/**
 * Messages containing `text` (ignoring case), newest first. A scan of the local history, newest
 * first in batches, that stops at `limit` hits: its cost grows with how far back the hits are.
 */
export async function searchMessages(
  store: ClientStore,
  text: string,
  options: SearchOptions = {},
): Promise<StoredMessage[]> {
  if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_QUERY) {
    throw new ParleyError('INVALID_ARGUMENT', `search text must be 1 to ${MAX_QUERY} characters`);
  }
  const limit = pageLimit(options.limit, 50);
  const needle = text.toLocaleLowerCase();
  const hits: StoredMessage[] = [];
  let end = options.before;
  while (hits.length < limit) {
    const range = { reverse: true, limit: BATCH, ...(end !== undefined ? { end } : {}) };
    const chatId = options.chatId;
    const batch = await store.transaction(async (tx) => {
      if (chatId === undefined) return messageRange(tx, range);
      const out: StoredMessage[] = [];
      for (const id of await chatMessageIdRange(tx, chatId, range)) {
        const m = await getMessage(tx, id);
        if (m) out.push(m);
      }
      return out;
    });
    for (const m of batch) {
      if (searchableText(m).toLocaleLowerCase().includes(needle)) hits.push(m);
      if (hits.length === limit) break;
    }
    const last = batch.at(-1);
    if (batch.length < BATCH || !last) break;
    end = last.id;
  }
  return hits;
}
