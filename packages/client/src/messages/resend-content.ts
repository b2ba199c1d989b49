import type { SignalAddress } from '@parley/core/crypto';
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
 * The content of a message this device sent, to re-encrypt for a device that could not decrypt
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
    if (!m?.outgoing || !resendable(m.content)) return { refused: 'not-resendable' };
    const group = await getGroup(tx, m.chatId);
    if (group && !isMember(group, requester.userId)) return { refused: 'not-a-member' };
    const claim = await claimResend(tx, messageId, requester, now, policy);
    if (!claim.ok) return { refused: claim.reason };
    if (group) {
      await redistributeTo(tx, m.chatId, requester);
      const content = encodeContent(m.content, m.sentAt, { groupId: m.chatId, ...seqOf(m) });
      return { chatId: m.chatId, content, attempt: claim.attempt };
    }
    const content = encodeContent(m.content, m.sentAt, { toUserId: m.chatId, ...seqOf(m) });
    return { chatId: m.chatId, content, attempt: claim.attempt };
  });
}
