import { applyChatSetting, markSeen, noteExpiry, wasSeen } from '../actions/action-store.js';
import { applyPending, receiveAction } from '../actions/apply-action.js';
import { groupExpiry } from '../actions/group-timer.js';
import type { DecodedContent } from '../content.js';
import type { PeerAddress, ReceivedMessage } from '../events.js';
import { getGroup } from '../groups/group-book.js';
import { fileInvite, type InviteFiled } from '../groups/group-invites.js';
import type { StoreTx } from '../stores/client-store.js';
import type { Announcement } from './announcements.js';
import { getMessage, hasMessage, putIncoming, replaceMessage } from './message-store.js';

/** Where a decoded Content came from, as the inbox verified it. */
export interface ContentOrigin {
  id: string;
  from: PeerAddress;
  chatId: string;
  serverTime: number;
  selfUserId: string;
  now: number;
}

/** What filing a Content asks the inbox to report after commit. */
export type Filed =
  | { kind: 'announce'; announcement: Announcement }
  | { kind: 'refused'; id: string; from: PeerAddress; targetId: string; action: string; reason: string }
  | { kind: 'unsupported'; id: string; chatId: string; from: PeerAddress; sentAt: number }
  | { kind: 'setting'; chatId: string; disappearingS: number; by: string }
  | Exclude<InviteFiled, { kind: 'refused' }>;

/** Whether an id was filed already, as a message or as an action, setting or unsupported kind. */
export const wasFiled = async (tx: StoreTx, id: string) => (await hasMessage(tx, id)) || (await wasSeen(tx, id));

/**
 * Files one decoded Content inside the inbox transaction: a message is stored (with the actions that
 * waited for it applied), an action is applied or kept, a setting ordered in, an unknown kind noted.
 * Returns what to report.
 */
export async function fileContent(tx: StoreTx, decoded: DecodedContent, o: ContentOrigin): Promise<Filed[]> {
  const { id, from, chatId } = o;
  switch (decoded.kind) {
    case 'unsupported':
      await markSeen(tx, id, o.now);
      return [{ kind: 'unsupported', id, chatId, from, sentAt: decoded.sentAt }];
    case 'invite': {
      await markSeen(tx, id, o.now);
      // Invitations travel 1:1 only: one inside a group chat is someone else's doing.
      if (decoded.groupId || (await getGroup(tx, chatId))) {
        return [
          { kind: 'refused', id, from, targetId: chatId, action: 'invite', reason: 'an invitation in a group chat' },
        ];
      }
      return fileInvite(tx, decoded.invite, { id, from, selfUserId: o.selfUserId, now: o.now });
    }
    case 'setting': {
      await markSeen(tx, id, o.now);
      if (await getGroup(tx, chatId)) {
        // A group's timer is an admin's signed record, verified by every member: never a member's Content.
        const reason = 'a group sets its timer in a signed group record';
        return [{ kind: 'refused', id, from, targetId: chatId, action: 'setting', reason }];
      }
      const applied = await applyChatSetting(tx, chatId, { ...decoded.setting, by: from });
      return applied ? [{ kind: 'setting', chatId, disappearingS: applied.disappearingS, by: from.userId }] : [];
    }
    case 'action': {
      const outcome = await receiveAction(
        tx,
        { id, from, chatId, sentAt: decoded.sentAt, action: decoded.action },
        o.selfUserId,
        o.now,
      );
      if (outcome.kind === 'applied') {
        return [
          { kind: 'announce', announcement: { kind: 'updated', message: outcome.message, change: outcome.change } },
        ];
      }
      if (outcome.kind === 'refused' || outcome.kind === 'dropped') {
        const reason = outcome.kind === 'refused' ? outcome.reason : 'too many actions wait for this message';
        return [{ kind: 'refused', id, from, targetId: decoded.action.messageId, action: decoded.action.kind, reason }];
      }
      return [];
    }
    case 'message': {
      const { meta } = decoded;
      const group = await getGroup(tx, chatId);
      // In a group the verified chain's timer applies whatever the message declares (shorter may win).
      const expiresAt = group
        ? await groupExpiry(tx, chatId, decoded.sentAt, meta.expiresInS)
        : meta.expiresInS
          ? decoded.sentAt + meta.expiresInS * 1000
          : undefined;
      if (expiresAt !== undefined && expiresAt <= o.now) {
        // Its time ran out while this device was away: never shown, never stored.
        await markSeen(tx, id, o.now);
        return [];
      }
      const message: ReceivedMessage = {
        id,
        chatId,
        from,
        content: decoded.content,
        sentAt: decoded.sentAt,
        serverTime: o.serverTime,
        outgoing: from.userId === o.selfUserId,
        ...(meta.replyTo ? { replyTo: meta.replyTo } : {}),
        ...(meta.mentions ? { mentions: meta.mentions } : {}),
        ...(meta.forwarded ? { forwarded: true } : {}),
        ...(expiresAt !== undefined ? { expiresAt } : {}),
      };
      await putIncoming(tx, { ...message, ...(decoded.seq ? { seq: decoded.seq } : {}) });
      if (expiresAt !== undefined) await noteExpiry(tx, expiresAt, id);
      const stored = await getMessage(tx, id);
      if (!stored) return [];
      const { message: final, refused } = await applyPending(tx, stored, o.selfUserId);
      if (final !== stored) await replaceMessage(tx, final);
      return [
        { kind: 'announce', announcement: { kind: 'received', message: final } },
        ...refused.map(
          ({ action, reason }): Filed => ({
            kind: 'refused',
            id: action.id,
            from: action.from,
            targetId: id,
            action: action.action.kind,
            reason,
          }),
        ),
      ];
    }
  }
}
