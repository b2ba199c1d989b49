import type { PeerAddress } from '../events.js';
import { getGroup } from '../groups/group-book.js';
import type { StoreTx } from '../stores/client-store.js';
import { NS } from '../stores/namespaces.js';
import { actionKey, actionPrefix, expiryKey, isKeyableId, parseExpiryKey } from './action-keys.js';
import { ACTION_LIMITS, type ChatSetting, type DisappearingTimer, type MessageAction } from './action-types.js';

// The one owner of the actions' namespaces: seen ids, pending actions, chat settings, expiry index.

/** An action as received, with what authorizing it needs. */
export interface ReceivedAction {
  /** The id of the Content that carried it (the envelope's message id). */
  id: string;
  from: PeerAddress;
  /** The chat it was sent in (computed like a message's). */
  chatId: string;
  /** The sender's clock. */
  sentAt: number;
  action: MessageAction;
}

/** A chat's setting as stored: the winning change and who made it (for the tie-break). */
export interface StoredChatSetting extends ChatSetting {
  by: PeerAddress;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * How long a content id is remembered for dedup, and a sent action kept for resending: past the
 * server's offline-queue TTL (30 days), after which no copy of it can arrive again. Forgetting one
 * is safe even then: every action applies idempotently (same stamp, same result).
 */
export const SEEN_KEEP_MS = 31 * DAY_MS;
/** How long an action waits for a message that does not come (it could only come from a queue that long). */
export const PENDING_KEEP_MS = 31 * DAY_MS;
/** Index entries looked at per write: more than one write adds, so the store keeps pace and stays bounded. */
const PRUNE_BATCH = 8;

/** What a sent action keeps for a device that asks for it again (a retry request). */
export interface SentAction {
  chatId: string;
  /** The encoded Content, re-encrypted as is for the device that asks. */
  content: Uint8Array;
}

/** A seen id: `true`, or for an action this device sent, what a resend needs. */
type SeenEntry = true | { resend: SentAction };

export const wasSeen = async (tx: StoreTx, id: string) => (await tx.get(NS.actionsSeen, id)) !== undefined;

/**
 * Remembers a content id (received, or an action sent with what resending it takes) until
 * {@link SEEN_KEEP_MS} after `now`, and forgets the ids and pending actions whose time has come.
 */
export async function markSeen(tx: StoreTx, id: string, now: number, resend?: SentAction): Promise<void> {
  const entry: SeenEntry = resend ? { resend } : true;
  await tx.put(NS.actionsSeen, id, entry);
  if (isKeyableId(id)) await tx.put(NS.actionsSeenPrune, expiryKey(now + SEEN_KEEP_MS, id), true);
  await prune(tx, now);
}

/** The sent action with this id, while it is kept. */
export async function sentAction(tx: StoreTx, id: string): Promise<SentAction | undefined> {
  const entry = await tx.get<SeenEntry>(NS.actionsSeen, id);
  return typeof entry === 'object' ? entry.resend : undefined;
}

/** Forgets up to a batch of seen ids and pending actions whose keeping time ended by `now`. */
async function prune(tx: StoreTx, now: number): Promise<void> {
  for (const [key] of await tx.list(NS.actionsSeenPrune, { limit: PRUNE_BATCH })) {
    const { expiresAt, messageId } = parseExpiryKey(key);
    if (expiresAt > now) break;
    await tx.delete(NS.actionsSeenPrune, key);
    await tx.delete(NS.actionsSeen, messageId);
  }
  for (const [key, targetId] of await tx.list<string>(NS.actionsPendingPrune, { limit: PRUNE_BATCH })) {
    const { expiresAt, messageId } = parseExpiryKey(key);
    if (expiresAt > now) break;
    await tx.delete(NS.actionsPendingPrune, key);
    await tx.delete(NS.actionsPending, actionKey(targetId, messageId)); // gone already if its target came
  }
}

/**
 * Keeps an action on a message this device does not have yet; false when the target already has
 * the most actions kept (a flood of actions on an id that never comes is dropped, not stored).
 */
export async function keepPending(tx: StoreTx, action: ReceivedAction, now: number): Promise<boolean> {
  const waiting = await tx.list(NS.actionsPending, {
    prefix: actionPrefix(action.action.messageId),
    limit: ACTION_LIMITS.pendingPerTarget,
  });
  if (waiting.length >= ACTION_LIMITS.pendingPerTarget) return false;
  await tx.put(NS.actionsPending, actionKey(action.action.messageId, action.id), action);
  await tx.put(NS.actionsPendingPrune, expiryKey(now + PENDING_KEEP_MS, action.id), action.action.messageId);
  return true;
}

/** Takes (lists and removes) the actions waiting for `targetId`, in the order they were sent. */
export async function takePending(tx: StoreTx, targetId: string): Promise<ReceivedAction[]> {
  const waiting = await tx.list<ReceivedAction>(NS.actionsPending, { prefix: actionPrefix(targetId) });
  for (const [key] of waiting) await tx.delete(NS.actionsPending, key);
  return waiting.map(([, a]) => a).sort((a, b) => a.sentAt - b.sentAt || (a.id < b.id ? -1 : 1));
}

const OFF: StoredChatSetting = { version: 0, disappearingS: 0, by: { userId: '', deviceId: 0 } };

export const getChatSetting = async (tx: StoreTx, chatId: string): Promise<StoredChatSetting> =>
  (await tx.get<StoredChatSetting>(NS.chatSettings, chatId)) ?? OFF;

/** The timer new messages of the chat carry: a group's from its verified record chain, a 1:1 chat's from its setting. */
export async function chatTimer(tx: StoreTx, chatId: string): Promise<DisappearingTimer> {
  const group = await getGroup(tx, chatId);
  if (group) return (group.snapshot.disappearingS ?? 0) as DisappearingTimer;
  return (await getChatSetting(tx, chatId)).disappearingS;
}

/** Whether `a` is ordered after `b`: higher version, then higher user id, then higher device id. */
function after(a: StoredChatSetting, b: StoredChatSetting): boolean {
  if (a.version !== b.version) return a.version > b.version;
  if (a.by.userId !== b.by.userId) return a.by.userId > b.by.userId;
  return a.by.deviceId > b.by.deviceId;
}

/**
 * Applies a chat setting when it orders after the stored one (so every device, whatever order the
 * changes arrive in, ends with the same one); the new setting, or undefined when it lost.
 */
export async function applyChatSetting(
  tx: StoreTx,
  chatId: string,
  setting: StoredChatSetting,
): Promise<StoredChatSetting | undefined> {
  const current = await getChatSetting(tx, chatId);
  if (!after(setting, current)) return undefined;
  await tx.put(NS.chatSettings, chatId, setting);
  return setting;
}

/** Indexes a disappearing message by the time it goes. */
export const noteExpiry = (tx: StoreTx, expiresAt: number, messageId: string) =>
  tx.put(NS.expiry, expiryKey(expiresAt, messageId), true);

/** Takes (lists and removes) up to `limit` ids of messages whose time is at or before `now`. */
export async function takeExpired(tx: StoreTx, now: number, limit: number): Promise<string[]> {
  const ids: string[] = [];
  for (const [key] of await tx.list(NS.expiry, { limit })) {
    const { expiresAt, messageId } = parseExpiryKey(key);
    if (expiresAt > now) break;
    await tx.delete(NS.expiry, key);
    ids.push(messageId);
  }
  return ids;
}

/** When the next disappearing message goes, if any. */
export async function nextExpiry(tx: StoreTx): Promise<number | undefined> {
  const [first] = await tx.list(NS.expiry, { limit: 1 });
  return first ? parseExpiryKey(first[0]).expiresAt : undefined;
}
