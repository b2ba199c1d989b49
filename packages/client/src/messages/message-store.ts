import type { MessageStatus, StoredMessage } from '../events.js';
import { chatGotMessage, clearChatSummaries, updateChat } from '../history/chat-list-store.js';
import { type ClientStore, keyAfter, type ListOptions, type StoreTx } from '../stores/client-store.js';
import { chatIndexNs, chatUnreadNs, NS } from '../stores/namespaces.js';

// The one owner of the stored message: nobody else reads or writes the messages namespace, the
// per-chat index, the per-chat unread index or the unsent index, so what a status may do (only move
// forward) is decided here and nowhere else. Every change also updates the chat's summary in the
// chat list (history/chat-list-store.ts), in the same transaction.

export type { MessageStatus, StoredMessage } from '../events.js';

type StoredMessageBase = Omit<StoredMessage, 'status'>;

const RANK: Record<MessageStatus, number> = { pending: 0, failed: 0, sent: 1, delivered: 2, read: 3 };

/** Whether moving from `from` to `to` goes forward (failed ranks with pending: a retry may still send it). */
const isForward = (from: MessageStatus, to: MessageStatus) => RANK[to] > RANK[from];

/** A stored message by id. */
export const getMessage = (tx: StoreTx, id: string) => tx.get<StoredMessage>(NS.messages, id);

/** Whether a message with this id was stored already (the inbox's dedup). */
export const hasMessage = async (tx: StoreTx, id: string) => (await tx.get(NS.messages, id)) !== undefined;

/** When a message counts as chat activity: the server's time, or the send time before the server has it. */
const activityOf = (m: StoredMessage) => m.serverTime || m.sentAt;

const isUnread = (m: StoredMessage) => !m.outgoing && !m.readAt;

/** Stores a new message, indexes it in its chat (and as unread or unsent) and updates the chat's summary. */
async function put(tx: StoreTx, message: StoredMessage): Promise<StoredMessage> {
  await tx.put(NS.messages, message.id, message);
  await tx.put(chatIndexNs(message.chatId), message.id, true);
  if (isUnread(message)) await tx.put(chatUnreadNs(message.chatId), message.id, true);
  if (message.outgoing && message.status === 'pending') await tx.put(NS.unsent, message.id, message.status);
  await chatGotMessage(tx, {
    id: message.id,
    chatId: message.chatId,
    activity: activityOf(message),
    unread: isUnread(message),
  });
  return message;
}

/** Stores a message this device is sending, as `pending`, in the transaction that queues it. */
export const putOutgoing = (tx: StoreTx, message: Omit<StoredMessageBase, 'outgoing'>): Promise<StoredMessage> =>
  put(tx, { ...message, outgoing: true, status: 'pending' });

/** Stores a received message: `received`, or `sent` when this user sent it from another device. */
export const putIncoming = (tx: StoreTx, message: StoredMessageBase): Promise<StoredMessage> =>
  put(
    tx,
    message.outgoing
      ? { ...message, outgoing: true, status: 'sent' }
      : { ...message, outgoing: false, status: 'received' },
  );

/** Ids of the messages of a chat, oldest first (ids are UUIDv7, and the index lists them in key order). */
export async function chatMessageIds(tx: StoreTx, chatId: string): Promise<string[]> {
  return (await tx.list<boolean>(chatIndexNs(chatId))).map(([id]) => id);
}

/** Ids of a chat's messages in an id range, in key order (reversed with `reverse`): a history page. */
export async function chatMessageIdRange(tx: StoreTx, chatId: string, range: ListOptions): Promise<string[]> {
  return (await tx.list<boolean>(chatIndexNs(chatId), range)).map(([id]) => id);
}

/** Ids of a chat's unread incoming messages up to and including `upTo` (all with none), oldest first. */
export async function unreadMessageIds(tx: StoreTx, chatId: string, upTo?: string): Promise<string[]> {
  const range = upTo === undefined ? {} : { end: keyAfter(upTo) };
  return (await tx.list<boolean>(chatUnreadNs(chatId), range)).map(([id]) => id);
}

/** Messages of any chat in id order (so time order), newest first with `reverse`: for search. */
export async function messageRange(tx: StoreTx, range: ListOptions): Promise<StoredMessage[]> {
  return (await tx.list<StoredMessage>(NS.messages, range)).map(([, m]) => m);
}

/** Outgoing messages still pending or failed, oldest first. */
export async function unsentMessages(tx: StoreTx): Promise<StoredMessage[]> {
  const out: StoredMessage[] = [];
  for (const [id] of await tx.list(NS.unsent)) {
    const m = await getMessage(tx, id);
    if (m) out.push(m);
  }
  return out;
}

/**
 * Removes a message from this device's history ("delete for me", clearing a chat, cancelling a
 * send): the message, its index entries, and its share of the chat's summary. The deleted message,
 * or undefined when there was none.
 */
export async function deleteMessage(tx: StoreTx, id: string): Promise<StoredMessage | undefined> {
  const m = await getMessage(tx, id);
  if (!m) return undefined;
  await tx.delete(NS.messages, id);
  await tx.delete(chatIndexNs(m.chatId), id);
  await tx.delete(chatUnreadNs(m.chatId), id);
  await tx.delete(NS.unsent, id);
  const [newest] = await chatMessageIdRange(tx, m.chatId, { reverse: true, limit: 1 });
  await updateChat(tx, m.chatId, (chat) => {
    if (isUnread(m)) chat.unread = Math.max(0, chat.unread - 1);
    if (chat.lastMessageId === id) {
      if (newest === undefined) delete chat.lastMessageId;
      else chat.lastMessageId = newest;
    }
    return chat;
  });
  return m;
}

/** A failed message goes back to `pending` for another try (a retry queues it again). */
export async function markRetrying(tx: StoreTx, id: string, seq: number): Promise<StoredMessage | undefined> {
  const m = await getMessage(tx, id);
  if (!m?.outgoing || m.status !== 'failed') return undefined;
  // Sent anew with a new place (`seq`) in this device's order in the chat.
  const updated: StoredMessage = { ...m, status: 'pending', seq };
  await tx.put(NS.messages, id, updated);
  await tx.put(NS.unsent, id, 'pending');
  return updated;
}

/**
 * Moves an outgoing message's status forward to `status` at `at`; the updated message, or undefined
 * when it is unknown, incoming, or already there or further (a late or duplicate receipt).
 */
export async function advanceStatus(
  tx: StoreTx,
  id: string,
  status: 'delivered' | 'read',
  at: number,
): Promise<StoredMessage | undefined> {
  const m = await getMessage(tx, id);
  if (!m?.outgoing || !isForward(m.status, status)) return undefined;
  const updated: StoredMessage = { ...m, status, statusAt: at };
  await tx.put(NS.messages, id, updated);
  await tx.delete(NS.unsent, id);
  return updated;
}

/**
 * The server stored an outgoing message: it is `sent` with the server's time, unless a delivered or
 * read receipt was processed first (the status never moves back).
 */
export async function markSent(tx: StoreTx, id: string, serverTime: number): Promise<void> {
  const m = await getMessage(tx, id);
  if (!m?.outgoing) return;
  await tx.put(NS.messages, id, { ...m, status: isForward(m.status, 'sent') ? 'sent' : m.status, serverTime });
  await tx.delete(NS.unsent, id);
}

/** The server refused an outgoing message for good (it never reached anyone, so no receipt can outrank this). */
export async function markFailed(tx: StoreTx, id: string): Promise<void> {
  const m = await getMessage(tx, id);
  if (!m?.outgoing) return;
  await tx.put(NS.messages, id, { ...m, status: 'failed' });
  await tx.put(NS.unsent, id, 'failed');
}

/**
 * Marks an incoming message read at `at`; the updated message, or undefined when it is unknown,
 * outgoing, read already, or (with `chatId`) of another chat.
 */
export async function markIncomingRead(
  tx: StoreTx,
  id: string,
  at: number,
  chatId?: string,
): Promise<StoredMessage | undefined> {
  const m = await getMessage(tx, id);
  if (!m || m.outgoing || m.readAt || (chatId !== undefined && m.chatId !== chatId)) return undefined;
  const updated: StoredMessage = { ...m, readAt: at };
  await tx.put(NS.messages, id, updated);
  await tx.delete(chatUnreadNs(m.chatId), id);
  await updateChat(tx, m.chatId, (chat) => ({ ...chat, unread: Math.max(0, chat.unread - 1) }));
  return updated;
}

/** Sets the blob id of an uploaded media message (its content names the blob once the server has it). */
export async function setMediaBlobId(tx: StoreTx, id: string, blobId: string, deleteToken = ''): Promise<void> {
  const m = await getMessage(tx, id);
  if (m?.content.kind !== 'media') return;
  await tx.put(NS.messages, id, {
    ...m,
    content: { kind: 'media', media: { ...m.content.media, blobId } },
    ...(deleteToken ? { mediaDeleteToken: deleteToken } : {}),
  });
}

/** Writes back a message an action changed (reaction, edit, delete for everyone); same id, same chat. */
export async function replaceMessage(tx: StoreTx, message: StoredMessage): Promise<void> {
  await tx.put(NS.messages, message.id, message);
}

/** Removes a message and its chat index entry (a disappearing message whose time came); the removed one. */
export async function eraseMessage(tx: StoreTx, id: string): Promise<StoredMessage | undefined> {
  const m = await getMessage(tx, id);
  if (!m) return undefined;
  await tx.delete(NS.messages, id);
  await tx.delete(chatIndexNs(m.chatId), id);
  return m;
}

/** Marks a store whose chat list and unread and unsent indexes cover every stored message. */
const INDEXED_KEY = 'history.indexed';
/** Messages indexed per transaction while catching up, so opening never blocks for one long transaction. */
const INDEX_BATCH = 500;

/**
 * Brings a store written before the chat list existed up to date: builds each chat's summary and
 * the unread and unsent indexes from the stored messages, once (a flag in `meta` records it). A
 * crash part-way leaves the flag unset; the next start indexes again from the beginning, and since
 * it first drops what a partial run wrote for the messages it meets, nothing is counted twice.
 */
export async function indexStoredMessages(store: ClientStore): Promise<void> {
  if (await store.transaction((tx) => tx.get(NS.meta, INDEXED_KEY))) return;
  const first = await store.transaction((tx) => tx.list(NS.messages, { limit: 1 }));
  let start: string | undefined;
  if (first.length > 0) {
    await store.transaction((tx) => clearChatSummaries(tx));
    for (;;) {
      const batch = await store.transaction(async (tx) => {
        const rows = await tx.list<StoredMessage>(NS.messages, {
          limit: INDEX_BATCH,
          ...(start !== undefined ? { start } : {}),
        });
        for (const [, m] of rows) {
          await tx.put(chatIndexNs(m.chatId), m.id, true);
          if (isUnread(m)) await tx.put(chatUnreadNs(m.chatId), m.id, true);
          else await tx.delete(chatUnreadNs(m.chatId), m.id);
          if (m.outgoing && (m.status === 'pending' || m.status === 'failed')) await tx.put(NS.unsent, m.id, m.status);
          await chatGotMessage(tx, { id: m.id, chatId: m.chatId, activity: activityOf(m), unread: isUnread(m) });
        }
        return rows;
      });
      const last = batch.at(-1);
      if (!last || batch.length < INDEX_BATCH) break;
      start = keyAfter(last[0]);
    }
  }
  await store.transaction(markIndexed);
}

/** Records that the chat list and indexes cover every stored message (for a store filled by this module). */
export const markIndexed = (tx: StoreTx): Promise<void> => tx.put(NS.meta, INDEXED_KEY, true);
