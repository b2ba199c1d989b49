import { newMessageId, ParleyError } from '@parley/core';
import type { SignalAddress } from '@parley/core/crypto';
import { type ContentBody, encodeBody } from '../content.js';
import type { ReceivedMessage } from '../events.js';
import { getGroup } from '../groups/group-book.js';
import type { InviteBody } from '../groups/group-invites.js';
import { getMessage, replaceMessage } from '../messages/message-store.js';
import { encodeLane } from '../outbox/lane.js';
import type { Outbox, SendResult } from '../outbox/outbox.js';
import type { ClientStore, StoreTx } from '../stores/client-store.js';
import { applyChatSetting, getChatSetting, markSeen } from './action-store.js';
import type { DisappearingTimer, MessageAction } from './action-types.js';
import { judge } from './apply-action.js';

/** What sending an action needs from the client. */
export interface SendActionDeps {
  store: ClientStore;
  outbox: Outbox;
  self: SignalAddress;
  clock: { now(): number };
}

/** What the sending device applied to its own store, to report once the send is queued. */
export type LocalChange =
  | {
      kind: 'updated';
      message: ReceivedMessage;
      change: MessageAction['kind'];
      /** A delete of a media message this device uploaded: the blob to delete on the server. */
      blob?: { blobId: string; deleteToken: string };
    }
  | { kind: 'setting'; chatId: string; disappearingS: number }
  | { kind: 'none' };

/**
 * Queues a Content for a chat (in the chat's lane, so it follows the messages it refers to) and,
 * in the same transaction, applies it to this device's store with `local`, which may refuse by
 * throwing (then nothing is queued). Returns the local change at once and the server's ack later.
 */
async function queue(
  deps: SendActionDeps,
  chatId: string,
  body: ContentBody,
  local: (tx: StoreTx, id: string, sentAt: number) => Promise<LocalChange>,
): Promise<{ change: LocalChange; sent: Promise<SendResult> }> {
  const id = newMessageId();
  const sentAt = deps.clock.now();
  const group = await deps.store.transaction((tx) => getGroup(tx, chatId));
  let change: LocalChange = { kind: 'none' };
  let queued!: () => void;
  const isQueued = new Promise<void>((resolve) => {
    queued = resolve;
  });
  const content = encodeBody(body, sentAt, group ? { groupId: chatId } : { toUserId: chatId });
  const sent = deps.outbox.add(async (tx) => {
    // Kept with its id, so a device that cannot decrypt it and asks again gets it re-sent.
    await markSeen(tx, id, sentAt, { chatId, content });
    change = await local(tx, id, sentAt);
    queued();
    return {
      id,
      lane: encodeLane({ kind: 'chat', chatId }),
      chatId,
      createdAt: sentAt,
      kind: 'message',
      content,
      send: group ? { messageId: id, groupId: chatId } : { messageId: id, userId: chatId },
    };
  });
  // add() rejects before queuing when `local` refused: surface that refusal, not a hang.
  await Promise.race([isQueued, sent]);
  return { change, sent };
}

/**
 * Sends a reaction, edit or delete for everyone on a stored message, after checking on this device
 * what every receiver checks (FORBIDDEN: not the sender or an admin, past the window, a non-member;
 * NOT_FOUND: no such message here).
 */
export async function sendAction(deps: SendActionDeps, action: MessageAction) {
  const target = await deps.store.transaction((tx) => getMessage(tx, action.messageId));
  if (!target) throw new ParleyError('NOT_FOUND', `no message ${action.messageId} on this device`);
  return queue(deps, target.chatId, { kind: 'action', action }, async (tx, id, sentAt) => {
    const m = await getMessage(tx, action.messageId);
    if (!m) throw new ParleyError('NOT_FOUND', `no message ${action.messageId} on this device`);
    const group = await getGroup(tx, m.chatId);
    const member = group?.snapshot.members.find((x) => x.userId === deps.self.userId);
    const verdict = judge(
      m,
      { id, from: deps.self, chatId: m.chatId, sentAt, action },
      { group: !!group, member: !group || !!member, admin: member?.role === 'admin' },
      deps.self.userId,
    );
    if (verdict.kind === 'refused') throw new ParleyError('FORBIDDEN', verdict.reason);
    if (verdict.kind === 'unchanged') return { kind: 'none' };
    await replaceMessage(tx, verdict.message);
    const blob =
      verdict.change === 'delete' && m.content.kind === 'media' && m.content.media.blobId && m.mediaDeleteToken
        ? { blobId: m.content.media.blobId, deleteToken: m.mediaDeleteToken }
        : undefined;
    return { kind: 'updated', message: verdict.message, change: verdict.change, ...(blob ? { blob } : {}) };
  });
}

/** Sets a chat's disappearing timer: one above every version seen, so it orders after them on every device. */
export async function sendChatSetting(deps: SendActionDeps, chatId: string, disappearingS: DisappearingTimer) {
  const current = await deps.store.transaction((tx) => getChatSetting(tx, chatId));
  const version = current.version + 1;
  return queue(deps, chatId, { kind: 'setting', setting: { version, disappearingS } }, async (tx) => {
    const applied = await applyChatSetting(tx, chatId, { version, disappearingS, by: deps.self });
    if (!applied) throw new ParleyError('CONFLICT', 'the chat setting changed meanwhile; try again');
    return { kind: 'setting', chatId, disappearingS };
  });
}

/**
 * Sends a group invitation or an answer to one as a 1:1 content to `toUserId`; `local` runs in the
 * transaction that queues it (an inviter records the invitation it issues there).
 */
export async function sendInvite(
  deps: SendActionDeps,
  toUserId: string,
  invite: InviteBody,
  local: (tx: StoreTx) => Promise<void> = async () => {},
) {
  return queue(deps, toUserId, { kind: 'invite', invite }, async (tx) => {
    await local(tx);
    return { kind: 'none' };
  });
}
