import type { ReceivedMessage } from '../events.js';
import type { StoreTx } from '../stores/client-store.js';
import { chatIndexNs, NS } from '../stores/namespaces.js';

// The one owner of the stored message: nobody else reads or writes the messages namespace or the
// per-chat index, so what a status may do (only move forward) is decided here and nowhere else.

/** The status of a message this user sent, as far as its recipient got. Never moves backwards. */
export type MessageStatus = 'pending' | 'sent' | 'delivered' | 'read' | 'failed';

interface StoredMessageBase extends ReceivedMessage {
  /** Outgoing: when the status last moved. */
  statusAt?: number;
  /** Incoming: when this user read it (here or on another device). */
  readAt?: number;
  /** A media message uploaded by this device: the secret that deletes its blob on the server (never sent). */
  mediaDeleteToken?: string;
}

/**
 * Stored form of every message this device has seen, in or out. Also the dedup record. Outgoing
 * (sent by this user, from here or another device) carries a {@link MessageStatus}; incoming is `received`.
 */
export type StoredMessage =
  | (StoredMessageBase & { outgoing: true; status: MessageStatus })
  | (StoredMessageBase & { outgoing: false; status: 'received' });

const RANK: Record<MessageStatus, number> = { pending: 0, failed: 0, sent: 1, delivered: 2, read: 3 };

/** Whether moving from `from` to `to` goes forward (failed ranks with pending: a retry may still send it). */
const isForward = (from: MessageStatus, to: MessageStatus) => RANK[to] > RANK[from];

/** A stored message by id. */
export const getMessage = (tx: StoreTx, id: string) => tx.get<StoredMessage>(NS.messages, id);

/** Whether a message with this id was stored already (the inbox's dedup). */
export const hasMessage = async (tx: StoreTx, id: string) => (await tx.get(NS.messages, id)) !== undefined;

/** Stores a message and indexes it in its chat. */
async function put(tx: StoreTx, message: StoredMessage): Promise<void> {
  await tx.put(NS.messages, message.id, message);
  await tx.put(chatIndexNs(message.chatId), message.id, true);
}

/** Stores a message this device is sending, as `pending`, in the transaction that queues it. */
export const putOutgoing = (tx: StoreTx, message: Omit<StoredMessageBase, 'outgoing'>) =>
  put(tx, { ...message, outgoing: true, status: 'pending' });

/** Stores a received message: `received`, or `sent` when this user sent it from another device. */
export const putIncoming = (tx: StoreTx, message: StoredMessageBase) =>
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
}

/** The server refused an outgoing message for good (it never reached anyone, so no receipt can outrank this). */
export async function markFailed(tx: StoreTx, id: string): Promise<void> {
  const m = await getMessage(tx, id);
  if (m?.outgoing) await tx.put(NS.messages, id, { ...m, status: 'failed' });
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
