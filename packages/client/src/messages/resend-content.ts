import type { SignalAddress } from '@parley/core/crypto';
import { encodeContent } from '../content.js';
import { getGroup, isMember } from '../groups/group-book.js';
import { redistributeTo } from '../groups/group-sender-keys.js';
import { resendable } from '../media/media-service.js';
import type { ClientStore } from '../stores/client-store.js';
import { getMessage } from './message-store.js';

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
    if (!m?.outgoing || m.content.kind === 'deleted' || !resendable(m.content)) return undefined;
    const content = m.content;
    const meta = {
      ...(m.replyTo ? { replyTo: m.replyTo } : {}),
      ...(m.mentions ? { mentions: m.mentions } : {}),
      ...(m.forwarded ? { forwarded: true } : {}),
      ...(m.expiresAt ? { expiresInS: Math.round((m.expiresAt - m.sentAt) / 1000) } : {}),
    };
    const group = await getGroup(tx, m.chatId);
    if (group) {
      if (!isMember(group, requester.userId)) return undefined;
      await redistributeTo(tx, m.chatId, requester);
      return { chatId: m.chatId, content: encodeContent(content, m.sentAt, { groupId: m.chatId, meta }) };
    }
    if (m.chatId !== requester.userId && requester.userId !== self.userId) return undefined;
    return { chatId: m.chatId, content: encodeContent(content, m.sentAt, { toUserId: m.chatId, meta }) };
  });
}
