import type { parley } from '@parley/core';
import { isValidMessageId, ParleyError } from '@parley/core';
import { accountRoutes } from '../account/account-requests.js';
import { deviceListRoutes } from '../account/device-list-requests.js';
import type { ServerLimits } from '../contracts/limits.js';
import type { ServerStores } from '../contracts/stores.js';
import { type SetTimer, systemTimer } from '../contracts/timer.js';
import type { Clock, DeviceAddress } from '../contracts/types.js';
import type { GroupReceipts } from '../groups/group-receipts.js';
import type { GroupRequests } from '../groups/group-requests.js';
import { handleGroupSend } from '../groups/group-send-handler.js';
import { keysRoutes } from '../keys/keys-handler.js';
import type { MediaRequests } from '../media/media-requests.js';
import { DeliveredFolds } from '../messages/delivered-folds.js';
import { HeldAnswers } from '../messages/held-answers.js';
import { type AckedId, parseAckedId } from '../messages/queue-id.js';
import type { Deliveries, PendingWrite, QueuePorts, StoredEntry } from '../messages/queue-ports.js';
import {
  asksReceipt,
  deliveredReceipts,
  handleReceipt,
  NO_RECEIPTS,
  queueFoldedReceipt,
  type ReceiptPorts,
} from '../messages/receipts-handler.js';
import { encodeReply } from '../messages/send-ack-frame.js';
import { type AnswerHold, handleSend } from '../messages/send-handler.js';
import type { PresenceRequests } from '../presence/presence-requests.js';
import type { Handler, Reply, RequestCase, Routes } from '../router/routes.js';
import type { Connection } from './connection.js';
import type { DeliveryPump } from './delivery-pump.js';

/** What the built-in routes are made from; each route gets only the part it uses. */
export interface BuiltInRoutePorts {
  stores: ServerStores;
  limits: ServerLimits;
  clock: Clock;
  /** Where stored entries go, the pump of each device connected here, and best-effort pushes to them. */
  live: Deliveries & {
    pumpOf(device: DeviceAddress): DeliveryPump | undefined;
    pushToLocal(device: DeviceAddress, body: { prekeysLow: { oneTimeRemaining: number } }): boolean;
  };
  /** The connection with this id when it is `device`'s live one (presence subscriptions belong to a connection). */
  connectionOf(device: DeviceAddress, id: string): Connection | undefined;
  presence: PresenceRequests;
  groups: GroupRequests;
  groupReceipts: GroupReceipts;
  /** Media tickets, when the stores have media. */
  media?: MediaRequests | undefined;
  /** Ends held answers (`answerHoldMs`); default {@link systemTimer}. */
  setTimer?: SetTimer | undefined;
}

/** Refuses a body this server does not serve. */
const notEnabled =
  <C extends RequestCase>(c: C): Handler<C> =>
  async () => {
    throw new ParleyError('INVALID_ARGUMENT', `${c} is not enabled on this server`);
  };

const NO_REPLY: Promise<Reply> = Promise.resolve(undefined);
const noReply = (): Reply => undefined;
/**
 * An ack's removal as the route's answer: it resolves with undefined, which is no reply (a `then`
 * mapping it to undefined would be one more promise per ack, issue 15 aim 1).
 */
const removal = (removed: Promise<void>): Promise<Reply> => removed as Promise<unknown> as Promise<Reply>;

// Loops, not `some` with a closure: every member's ack of a group message runs these.
function anyGroupEntry(acked: ReadonlyArray<AckedId | undefined>): boolean {
  for (const parsed of acked) if (parsed?.kind === 'group') return true;
  return false;
}

function anyAsksReceipt(acked: ReadonlyArray<AckedId | undefined>, device: DeviceAddress): boolean {
  for (const parsed of acked) if (asksReceipt(parsed, device)) return true;
  return false;
}

/** The kit's own handler for every request case. */
export function builtInRoutes(o: BuiltInRoutePorts): Routes {
  const { stores, clock } = o;
  const folds = new DeliveredFolds();
  const queue: QueuePorts = {
    stores,
    clock,
    maxQueuedPerDevice: o.limits.maxQueuedPerDevice,
    maxQueuedPerSender: o.limits.maxQueuedPerSender,
    queueFullRetryAfterMs: o.limits.queueFullRetryAfterMs,
    folds,
    stored: (entries) => o.live.stored(entries),
    ...(o.live.staged ? { staged: (entries: StoredEntry[]) => o.live.staged?.(entries) ?? entries } : {}),
  };
  const receipts: ReceiptPorts = {
    ...queue,
    readReceipts: async (userId) => (stores.presence ? (await stores.presence.settings(userId)).readReceipts : true),
  };
  const media = o.media;
  return {
    ...messageRoutes(o, queue, receipts, heldAnswers(o, folds)),
    ...accountRoutes(stores),
    ...deviceListRoutes(stores),
    ...keysRoutes({
      stores,
      limits: o.limits,
      notifyPreKeysLow: (device, oneTimeRemaining) => o.live.pushToLocal(device, { prekeysLow: { oneTimeRemaining } }),
    }),
    ...o.presence.routes((device, id) => o.connectionOf(device, id)),
    ...o.groups.routes(),
    ...(media
      ? media.routes()
      : {
          mediaUpload: notEnabled('mediaUpload'),
          mediaDownload: notEnabled('mediaDownload'),
          mediaDelete: notEnabled('mediaDelete'),
        }),
    deviceRemove: notEnabled('deviceRemove'),
  };
}

/**
 * How a 1:1 send's answer is held after its commit for the recipient's ack (HeldAnswers), when
 * `answerHoldMs` is on: written straight to the sending connection, not through the router.
 */
function heldAnswers(o: BuiltInRoutePorts, folds: DeliveredFolds) {
  if (o.limits.answerHoldMs <= 0) return undefined;
  const holds = new HeldAnswers({
    holdMs: o.limits.answerHoldMs,
    maxPerConnection: o.limits.maxHeldAnswersPerConnection,
    folds,
    clock: o.clock,
    setTimer: o.setTimer ?? systemTimer,
  });
  const hold: AnswerHold = {
    holds,
    awaitsAck: (device, id) => o.live.pumpOf(device)?.awaitsAck(id) ?? false,
    write(device, connectionId, requestId, sendAck) {
      const connection = o.connectionOf(device, connectionId);
      if (!connection?.isOpen) return false;
      connection.sendBytes(encodeReply(requestId, { sendAck }));
      return true;
    },
  };
  return hold;
}

/** Sends (1:1 and group), acknowledgements and receipts. */
function messageRoutes(
  o: BuiltInRoutePorts,
  queue: QueuePorts,
  receipts: ReceiptPorts,
  hold: AnswerHold | undefined,
): Pick<Routes, 'send' | 'deliverAck' | 'receipt' | 'groupReceipts'> {
  const shared = o.stores.queue.sharedCommit;
  const commitsTogether = shared !== undefined && shared === o.stores.groupReceipts.sharedCommit;
  // The cursors commit with the ack and need no promise per member (a fan-out's acks, issue 15 aim 4).
  const cursorsWithAck = commitsTogether && o.groupReceipts.batched;
  /**
   * `deliverAck` when the ack asks for receipts, or moves cursors that do not commit with it. Not
   * async: a receipt folded into its SendAck (or staged with the ack) leaves one removal to wait for,
   * with no promise of this route's own (every 1:1 message's ack, issue 15 aim 1).
   */
  function ackWithReceipts(
    device: DeviceAddress,
    pump: DeliveryPump,
    ids: string[],
    acked: ReadonlyArray<AckedId | undefined>,
  ): Promise<Reply> {
    const groupEntries = anyGroupEntry(acked);
    // Without group entries the queue may remove the entries in the receipt's own commit.
    const receiptsWrite = anyAsksReceipt(acked, device)
      ? deliveredReceipts(receipts, device, acked, ids, groupEntries ? undefined : { device, ids })
      : NO_RECEIPTS;
    if (receiptsWrite instanceof Promise) {
      return receiptsWrite.then((write) => ackAfterReceipts(device, pump, ids, acked, groupEntries, write));
    }
    return ackAfterReceipts(device, pump, ids, acked, groupEntries, receiptsWrite);
  }

  /**
   * {@link ackWithReceipts} once the receipts' enqueue calls were made (and, when `durable`, the
   * receipts stored): moves the group cursors and removes the acknowledged entries.
   */
  function ackAfterReceipts(
    device: DeviceAddress,
    pump: DeliveryPump,
    ids: string[],
    acked: ReadonlyArray<AckedId | undefined>,
    groupEntries: boolean,
    receiptsWrite: PendingWrite,
    durable = false,
  ): Promise<Reply> {
    if (receiptsWrite.acked) return removal(pump.ack(ids, receiptsWrite.durable));
    // Staged receipts share the batch of the ack below (nothing but promise jobs runs in between,
    // and a batch commits on a later turn): they commit together or not at all. Otherwise the
    // receipts must be durable before the entries go.
    if (!receiptsWrite.staged && !durable) {
      return receiptsWrite.durable.then(() =>
        ackAfterReceipts(device, pump, ids, acked, groupEntries, receiptsWrite, true),
      );
    }
    // Group receipt cursors move before the entries go: in the same batch when the stores commit
    // together (then a group batch can wait for its members' acks, as 1:1 ones can, and the ack's
    // outcome is the cursors' too: nothing more to wait for), else first. An ack of no group
    // message moves none.
    let cursors: Promise<void> | undefined;
    if (groupEntries) {
      if (cursorsWithAck) o.groupReceipts.deliveredInBatch(device, acked);
      else cursors = o.groupReceipts.delivered(device, acked);
    }
    const removed = commitsTogether || !cursors ? pump.ack(ids) : cursors.then(() => pump.ack(ids));
    // Every receipt folded into a SendAck, no cursors: the removal is all there is to wait for.
    if (!cursors && receiptsWrite === NO_RECEIPTS) return removal(removed);
    // One Promise.all observes all from now on: no failure is left unhandled.
    return Promise.all([cursors, removed, receiptsWrite.durable]).then(noReply);
  }

  /** A stored send's reply: none when held for the recipient's ack (HeldAnswers writes it then). */
  function sendReply(
    ack: parley.v1.SendAck.$Properties | undefined,
    device: DeviceAddress,
    connectionId: string,
    byUserId: string,
    messageId: string,
  ): Reply | Promise<Reply> {
    if (!ack) return undefined;
    // The answer carries the delivered receipt, but the connection is gone (a resend's duplicate
    // answer would not): queue it after all, for the sending device's next connection.
    if (ack.deliveredAt && !o.connectionOf(device, connectionId)?.isOpen) {
      const queued = queueFoldedReceipt(receipts, device, byUserId, messageId, ack.deliveredAt).durable;
      return queued.then(() => ({ sendAck: ack }));
    }
    return { sendAck: ack };
  }

  return {
    send(request, ctx) {
      const { device, ordered, connectionId } = ctx;
      const messageId = request.messageId ?? '';
      if (!isValidMessageId(messageId)) {
        return Promise.reject(new ParleyError('INVALID_ARGUMENT', 'message_id must be 1-64 printable ASCII'));
      }
      // Not an async frame: the stored answer goes on in one `then` (every send, issue 15 aim 1).
      const stored =
        request.destination === 'groupId'
          ? handleGroupSend(
              { ...queue, groups: o.stores.groups, groupReceipts: o.stores.groupReceipts },
              device,
              request,
              messageId,
              ordered,
            )
          : handleSend(
              queue,
              device,
              request,
              messageId,
              ordered,
              request.ackDelivered ? hold : undefined,
              ctx, // the request's connection and id, should its answer be held
            );
      return stored.then((ack) => sendReply(ack, device, connectionId, request.userId ?? '', messageId));
    },
    /**
     * Queues DELIVERED receipts for the acknowledged messages, then removes the entries: in this order
     * a gateway dying (or a store failing) in between leaves the entries queued, so they are delivered
     * and acknowledged again and the receipt is never lost (a repeat is harmless: statuses never go back).
     * A queue with EnqueueWithAckPort (PostgreSQL) does both in one commit when the ack names one
     * sender's 1:1 messages: nothing in between, so no repeat either.
     * Only ids this connection was sent and has not acknowledged yet count (see DeliveryPump.outstanding):
     * an ack can neither forge receipts nor touch another queue. An ack naming more ids than the
     * delivery window is refused whole: no client has that many in flight.
     */
    deliverAck(request, { device }) {
      const named = request.ids ?? [];
      if (named.length > o.limits.deliveryWindow) {
        return Promise.reject(
          new ParleyError('INVALID_ARGUMENT', `an ack names at most ${o.limits.deliveryWindow} ids`),
        );
      }
      const pump = o.live.pumpOf(device);
      if (!pump) return NO_REPLY;
      const ids = pump.outstanding(named);
      if (ids.length === 0) return NO_REPLY;
      const acked = ids.map(parseAckedId); // read once: 1:1 and group receipts both look at them
      // An ack of receipts only (half of all acks), of messages that ask for none, or of group
      // messages whose cursors commit with it (one ack per member of a fan-out): the removal is all
      // there is to wait for, with no async frame of this route's own.
      if (!anyAsksReceipt(acked, device)) {
        const groups = anyGroupEntry(acked);
        if (!groups || cursorsWithAck) {
          if (groups) o.groupReceipts.deliveredInBatch(device, acked);
          return removal(pump.ack(ids));
        }
      }
      return ackWithReceipts(device, pump, ids, acked);
    },
    async receipt(request, { device }) {
      if (request.chat === 'groupId') await o.groupReceipts.read(device, request);
      else await handleReceipt(receipts, device, request);
      return { ok: {} };
    },
    async groupReceipts(request, { device }) {
      return { groupReceipts: await o.groupReceipts.list(device, request) };
    },
  };
}
