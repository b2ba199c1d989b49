import { newMessageId, ParleyError } from '@parley/core';
import type { SignalAddress } from '@parley/core/crypto';
import { encodeContent } from '../content.js';
import type { MessageContent } from '../events.js';
import { getGroup } from '../groups/group-book.js';
import { encodeLane } from '../outbox/lane.js';
import type { MessageRecord, Outbox, SendResult } from '../outbox/outbox.js';
import type { ClientStore, StoreTx } from '../stores/client-store.js';
import { putOutgoing, type StoredMessage } from './message-store.js';

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
 * Queues a message to a user or a group (whichever `to` names): the stored message (pending) and
 * the outbox record commit in one transaction; resolves once the server acknowledged it.
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
  retry?: { id: string; sentAt: number; write: (tx: StoreTx) => Promise<StoredMessage | undefined> },
): Promise<SendHandle> {
  if (!to) throw new ParleyError('INVALID_ARGUMENT', 'recipient required');
  const { store, outbox, self } = deps;
  const id = retry?.id ?? newMessageId();
  const sentAt = retry?.sentAt ?? deps.clock.now();
  const group = await store.transaction((tx) => getGroup(tx, to));
  const { written, sent } = await outbox.enqueue(
    {
      id,
      lane: encodeLane({ kind: 'chat', chatId: to }),
      chatId: to,
      createdAt: sentAt,
      kind: 'message',
      content: encodeContent(content, sentAt, group ? { groupId: to } : { toUserId: to }),
      send: group ? { messageId: id, groupId: to } : { messageId: id, userId: to },
      ...extra,
    },
    async (tx) => {
      if (!retry) {
        return putOutgoing(tx, {
          id,
          chatId: to,
          from: { userId: self.userId, deviceId: self.deviceId },
          content,
          sentAt,
          serverTime: 0,
        });
      }
      // Throwing rolls the outbox record back with it.
      const again = await retry.write(tx);
      if (!again) throw new ParleyError('CONFLICT', `message ${id} is not a failed message of this device`);
      return again;
    },
  );
  return {
    id,
    message: written,
    get sent() {
      return sent.promise;
    },
  };
}
