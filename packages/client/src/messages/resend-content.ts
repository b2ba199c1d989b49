import type { SignalAddress } from '@parley/core/crypto';
import { sentAction } from '../actions/action-store.js';
import { encodeContent } from '../content.js';
import { getGroup, isMember } from '../groups/group-book.js';
import { redistributeTo } from '../groups/group-sender-keys.js';
import { resendable } from '../media/media-service.js';
import type { ClientStore } from '../stores/client-store.js';
import { getMessage } from './message-store.js';
import { claimResend, type ResendPolicy, type ResendRefusal } from './sent-targets.js';

/** A message to re-encrypt for the device that asked, or why it gets nothing. */
export type ResendContent =
  | { chatId: string; content: Uint8Array; attempt: number }
  | { refused: ResendRefusal | 'not-resendable' | 'not-a-member' };

/** A resend keeps the message's sequence number, so the receiver can fill the gap it left. */
const seqOf = (m: { seq?: number }) => (m.seq ? { seq: m.seq } : {});

/**
 * The content of a message (or action) this device sent, to re-encrypt for a device that could not decrypt
 * it. Refused unless the requester is a device the message was encrypted for, within the policy's
 * window and resend cap (see sent-targets.ts), and, for a group message, still a verified member;
 * the requester's device then gets our sender key again with the next group message. An honoured
 * request is counted in the same transaction, and `attempt` numbers the resend.
 */
export async function resendContent(
  store: ClientStore,
  messageId: string,
  requester: SignalAddress,
  now: number,
  policy: ResendPolicy,
): Promise<ResendContent> {
  return store.transaction(async (tx) => {
    const m = await getMessage(tx, messageId);
    if (!m) {
      // Not a message: a reaction, edit, delete or setting this device sent, kept as encoded.
      const action = await sentAction(tx, messageId);
      if (!action) return { refused: 'not-resendable' };
      const group = await getGroup(tx, action.chatId);
      if (group && !isMember(group, requester.userId)) return { refused: 'not-a-member' };
      const claim = await claimResend(tx, messageId, requester, now, policy);
      if (!claim.ok) return { refused: claim.reason };
      if (group) await redistributeTo(tx, action.chatId, requester);
      return { chatId: action.chatId, content: action.content, attempt: claim.attempt };
    }
    if (!m.outgoing || m.content.kind === 'deleted' || !resendable(m.content)) return { refused: 'not-resendable' };
    const content = m.content;
    const meta = {
      ...(m.replyTo ? { replyTo: m.replyTo } : {}),
      ...(m.mentions ? { mentions: m.mentions } : {}),
      ...(m.forwarded ? { forwarded: true } : {}),
      ...(m.expiresAt ? { expiresInS: Math.round((m.expiresAt - m.sentAt) / 1000) } : {}),
    };
    const group = await getGroup(tx, m.chatId);
    if (group && !isMember(group, requester.userId)) return { refused: 'not-a-member' };
    const claim = await claimResend(tx, messageId, requester, now, policy);
    if (!claim.ok) return { refused: claim.reason };
    if (group) {
      await redistributeTo(tx, m.chatId, requester);
      const encoded = encodeContent(content, m.sentAt, { groupId: m.chatId, meta, ...seqOf(m) });
      return { chatId: m.chatId, content: encoded, attempt: claim.attempt };
    }
    const encoded = encodeContent(content, m.sentAt, { toUserId: m.chatId, meta, ...seqOf(m) });
    return { chatId: m.chatId, content: encoded, attempt: claim.attempt };
  });
}
