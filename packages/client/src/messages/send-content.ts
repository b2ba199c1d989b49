import { newMessageId, ParleyError } from '@parley/core';
import type { SignalAddress } from '@parley/core/crypto';
import { chatTimer, noteExpiry } from '../actions/action-store.js';
import type { MessageMeta } from '../actions/action-types.js';
import { encodeContent } from '../content.js';
import type { SendableContent } from '../events.js';
import { getGroup } from '../groups/group-book.js';
import { encodeLane } from '../outbox/lane.js';
import type { MessageRecord, Outbox, SendResult } from '../outbox/outbox.js';
import type { ClientStore } from '../stores/client-store.js';
import { putOutgoing } from './message-store.js';

/** What sending a message needs from the client. */
export interface SendContentDeps {
  store: ClientStore;
  outbox: Outbox;
  self: SignalAddress;
  clock: { now(): number };
  /** A disappearing message was stored: when it goes. */
  expires?(at: number): void;
}

/**
 * Queues a message to a user or a group (whichever `to` names): the stored message (pending) and
 * the outbox record commit in one transaction; resolves once the server acknowledged it.
 */
export async function sendContent(
  deps: SendContentDeps,
  to: string,
  content: SendableContent,
  extra: Pick<MessageRecord, 'upload'> & { meta?: MessageMeta } = {},
): Promise<SendResult> {
  if (!to) throw new ParleyError('INVALID_ARGUMENT', 'recipient required');
  const { store, outbox, self } = deps;
  const id = newMessageId();
  const sentAt = deps.clock.now();
  const [group, timer] = await store.transaction(
    async (tx) => [await getGroup(tx, to), await chatTimer(tx, to)] as const,
  );
  // The chat's disappearing timer travels in the message, so every device deletes it at the same time.
  const meta: MessageMeta = { ...extra.meta, ...(timer ? { expiresInS: timer } : {}) };
  const expiresAt = timer ? sentAt + timer * 1000 : undefined;
  const { upload } = extra;
  return outbox.add(
    {
      id,
      lane: encodeLane({ kind: 'chat', chatId: to }),
      chatId: to,
      createdAt: sentAt,
      kind: 'message',
      content: encodeContent(content, sentAt, group ? { groupId: to, meta } : { toUserId: to, meta }),
      send: group ? { messageId: id, groupId: to } : { messageId: id, userId: to },
      ...(upload ? { upload } : {}),
    },
    async (tx) => {
      await putOutgoing(tx, {
        id,
        chatId: to,
        from: { userId: self.userId, deviceId: self.deviceId },
        content,
        sentAt,
        serverTime: 0,
        ...(meta.replyTo ? { replyTo: meta.replyTo } : {}),
        ...(meta.mentions?.length ? { mentions: meta.mentions } : {}),
        ...(meta.forwarded ? { forwarded: true } : {}),
        ...(expiresAt !== undefined ? { expiresAt } : {}),
      });
      if (expiresAt !== undefined) {
        await noteExpiry(tx, expiresAt, id);
        // Only sets a timer: its sweep is a later transaction, so it sees this one committed.
        deps.expires?.(expiresAt);
      }
    },
  );
}
