import { newMessageId, ParleyError } from '@parley/core';
import type { SignalAddress } from '@parley/core/crypto';
import { encodeContent } from '../content.js';
import type { MessageContent } from '../events.js';
import { getGroup } from '../groups/group-book.js';
import { encodeLane } from '../outbox/lane.js';
import type { MessageRecord, Outbox, SendResult } from '../outbox/outbox.js';
import type { ClientStore, StoreTx } from '../stores/client-store.js';
import { putOutgoing, type StoredMessage } from './message-store.js';
import { takeSendSeq } from './send-seq.js';

/** What sending a message needs from the client. */
export interface SendContentDeps {
  store: ClientStore;
  outbox: Outbox;
  self: SignalAddress;
  clock: { now(): number };
}

/**
 * A message just queued (local echo): its id and stored form (status `pending`) are known at once;
 * `sent` resolves once the server stored it for every recipient device (what `sendText` resolves
 * with) and rejects when it was refused for good or cancelled.
 */
export interface SendHandle {
  id: string;
  message: StoredMessage;
  /** Made when first read, so a send that fails while nobody awaits this leaves no unhandled rejection. */
  readonly sent: Promise<SendResult>;
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
  return (await queueContent(deps, to, content, extra)).sent;
}

/**
 * Queues a message like {@link sendContent} but resolves as soon as it is stored: the local echo.
 * `retry` re-queues a failed message under its own id and send time (the server never stored it).
 */
export async function queueContent(
  deps: SendContentDeps,
  to: string,
  content: MessageContent,
  extra: Pick<MessageRecord, 'upload'> = {},
  retry?: { id: string; sentAt: number; write: (tx: StoreTx, seq: number) => Promise<StoredMessage | undefined> },
): Promise<SendHandle> {
  if (!to) throw new ParleyError('INVALID_ARGUMENT', 'recipient required');
  const { store, outbox, self } = deps;
  const id = retry?.id ?? newMessageId();
  const sentAt = retry?.sentAt ?? deps.clock.now();
  const group = await store.transaction((tx) => getGroup(tx, to));
  const { written, sent } = await outbox.enqueue(async (tx) => {
    // A retried message is sent anew, so it takes a new place in the sender's order.
    const seq = await takeSendSeq(tx, to);
    let message: StoredMessage | undefined;
    if (!retry) {
      message = await putOutgoing(tx, {
        id,
        chatId: to,
        from: { userId: self.userId, deviceId: self.deviceId },
        content,
        sentAt,
        serverTime: 0,
        seq,
      });
    } else {
      // Throwing rolls the outbox record back with it.
      message = await retry.write(tx, seq);
      if (!message) throw new ParleyError('CONFLICT', `message ${id} is not a failed message of this device`);
    }
    return {
      written: message,
      record: {
        id,
        lane: encodeLane({ kind: 'chat', chatId: to }),
        chatId: to,
        createdAt: sentAt,
        kind: 'message',
        content: encodeContent(content, sentAt, group ? { groupId: to, seq } : { toUserId: to, seq }),
        send: group ? { messageId: id, groupId: to } : { messageId: id, userId: to },
        ...extra,
      },
    };
  });
  return {
    id,
    message: written,
    get sent() {
      return sent.promise;
    },
  };
}
