import { newMessageId, ParleyError } from '@parley/core';
import type { SignalAddress } from '@parley/core/crypto';
import { encodeContent } from '../content.js';
import type { MessageContent } from '../events.js';
import { getGroup } from '../groups/group-book.js';
import { encodeLane } from '../outbox/lane.js';
import type { MessageRecord, Outbox, SendResult } from '../outbox/outbox.js';
import type { ClientStore } from '../stores/client-store.js';
import { putOutgoing } from './message-store.js';
import { takeSendSeq } from './send-seq.js';

/** What sending a message needs from the client. */
export interface SendContentDeps {
  store: ClientStore;
  outbox: Outbox;
  self: SignalAddress;
  clock: { now(): number };
}

/**
 * Queues a message to a user or a group (whichever `to` names): its sequence number in the chat,
 * the stored message (pending) and the outbox record commit in one transaction; resolves once the
 * server acknowledged it.
 */
export async function sendContent(
  deps: SendContentDeps,
  to: string,
  content: MessageContent,
  extra: Pick<MessageRecord, 'upload'> = {},
): Promise<SendResult> {
  if (!to) throw new ParleyError('INVALID_ARGUMENT', 'recipient required');
  const { store, outbox, self } = deps;
  const id = newMessageId();
  const sentAt = deps.clock.now();
  const group = await store.transaction((tx) => getGroup(tx, to));
  return outbox.add(async (tx) => {
    const seq = await takeSendSeq(tx, to);
    await putOutgoing(tx, {
      id,
      chatId: to,
      from: { userId: self.userId, deviceId: self.deviceId },
      content,
      sentAt,
      serverTime: 0,
      seq,
    });
    return {
      id,
      lane: encodeLane({ kind: 'chat', chatId: to }),
      chatId: to,
      createdAt: sentAt,
      kind: 'message',
      content: encodeContent(content, sentAt, group ? { groupId: to, seq } : { toUserId: to, seq }),
      send: group ? { messageId: id, groupId: to } : { messageId: id, userId: to },
      ...extra,
    };
  });
}
