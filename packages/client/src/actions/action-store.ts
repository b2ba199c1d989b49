import type { PeerAddress } from '../events.js';
import { getGroup } from '../groups/group-book.js';
import type { StoreTx } from '../stores/client-store.js';
import { NS } from '../stores/namespaces.js';
import { actionKey, actionPrefix, expiryKey, parseExpiryKey } from './action-keys.js';
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

export const wasSeen = async (tx: StoreTx, id: string) => (await tx.get(NS.actionsSeen, id)) !== undefined;
export const markSeen = (tx: StoreTx, id: string) => tx.put(NS.actionsSeen, id, true);

/**
 * Keeps an action on a message this device does not have yet; false when the target already has
 * the most actions kept (a flood of actions on an id that never comes is dropped, not stored).
 */
export async function keepPending(tx: StoreTx, action: ReceivedAction): Promise<boolean> {
  const waiting = await tx.list(NS.actionsPending, {
    prefix: actionPrefix(action.action.messageId),
    limit: ACTION_LIMITS.pendingPerTarget,
  });
  if (waiting.length >= ACTION_LIMITS.pendingPerTarget) return false;
  await tx.put(NS.actionsPending, actionKey(action.action.messageId, action.id), action);
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
