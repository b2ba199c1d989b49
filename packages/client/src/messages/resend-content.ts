import type { SignalAddress } from '@parley/core/crypto';
import { encodeContent } from '../content.js';
import { getGroup, isMember } from '../groups/group-book.js';
import { redistributeTo } from '../groups/group-sender-keys.js';
import { resendable } from '../media/media-service.js';
import type { ClientStore } from '../stores/client-store.js';
import { getMessage } from './message-store.js';

/** A resend keeps the message's sequence number, so the receiver can fill the gap it left. */
const seqOf = (m: { seq?: number }) => (m.seq ? { seq: m.seq } : {});

/**
 * The content of a message this user sent, to re-encrypt for a device that could not decrypt it;
 * undefined when the requester has no business seeing it. A group message goes only to a verified
 * member, whose device then gets our sender key again with the next group message.
 */
export async function resendContent(
  store: ClientStore,
  self: SignalAddress,
  messageId: string,
  requester: SignalAddress,
): Promise<{ chatId: string; content: Uint8Array } | undefined> {
  return store.transaction(async (tx) => {
    const m = await getMessage(tx, messageId);
    if (!m?.outgoing || !resendable(m.content)) return undefined;
    const group = await getGroup(tx, m.chatId);
    if (group) {
      if (!isMember(group, requester.userId)) return undefined;
      await redistributeTo(tx, m.chatId, requester);
      return { chatId: m.chatId, content: encodeContent(m.content, m.sentAt, { groupId: m.chatId, ...seqOf(m) }) };
    }
    if (m.chatId !== requester.userId && requester.userId !== self.userId) return undefined;
    return { chatId: m.chatId, content: encodeContent(m.content, m.sentAt, { toUserId: m.chatId, ...seqOf(m) }) };
  });
}
