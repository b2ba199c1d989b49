import type { parley } from '@parley/core';
import { isValidMessageId, ParleyError, pb } from '@parley/core';
import { type AckAlong, enqueueWithAckOf } from '../cluster/enqueue-with-ack.js';
import type { EnqueueOptions, EnqueueResult, QueueItem } from '../contracts/offline-queue.js';
import type { DeviceAddress } from '../contracts/types.js';
import { encodeEnvelope } from './envelope.js';
import { type QueueId, receiptQueueId } from './queue-id.js';
import { enqueueAndDeliver, type PendingWrite, type QueuePorts } from './queue-ports.js';

/** What receipts need on top of queueing: each user's read receipt setting. */
export interface ReceiptPorts extends QueuePorts {
  /** Whether the user sends and sees read receipts (a privacy setting; default on). */
  readReceipts(userId: string): Promise<boolean>;
}

const MAX_IDS = 1000;

/** What an ack that asks for no receipt writes: nothing (the shared results are frozen). */
export const NO_RECEIPTS: PendingWrite = {
  staged: true,
  durable: Promise.resolve(Object.freeze([]) as unknown as EnqueueResult[]),
};

/** Queues a receipt for `devices` and delivers it; resolves once it is durable. */
export async function enqueueReceipt(
  ctx: ReceiptPorts,
  devices: DeviceAddress[],
  id: string,
  event: parley.v1.ReceiptEvent.$Properties,
): Promise<void> {
  await startReceipt(ctx, devices, id, event).durable;
}

/**
 * Makes the enqueue call of a receipt now (see PendingWrite). `forgetAcked` for DELIVERED receipts:
 * one is made per acknowledged message, so its id repeats only in rare races (the gateway dying
 * between the receipt and the ack it came from, an entry acknowledged on two connections at once),
 * and the client applies a repeat as a no-op (statuses only move forward): the queue need keep no
 * dedup mark of it. READ receipts keep theirs: a client resends one it got no answer for.
 */
function startReceipt(
  ctx: ReceiptPorts,
  devices: DeviceAddress[],
  id: string,
  event: parley.v1.ReceiptEvent.$Properties,
  forgetAcked = false,
  enqueue?: (items: QueueItem[], options: EnqueueOptions) => Promise<EnqueueResult[]>,
): PendingWrite {
  if (devices.length === 0) return { staged: true, durable: Promise.resolve([]) };
  const data = encodeEnvelope({ id, serverTime: ctx.clock(), receipt: event });
  const items: QueueItem[] = devices.map((device) => ({ device, id, data }));
  const options = forgetAcked
    ? { maxPerDevice: ctx.maxQueuedPerDevice + 1000, forgetAcked }
    : { maxPerDevice: ctx.maxQueuedPerDevice + 1000 };
  const entryOf = (r: EnqueueResult) => ({ device: r.device, id: r.id, seq: r.seq, data });
  return enqueueAndDeliver(ctx, items, options, entryOf, enqueue);
}

export const devicesOf = async (ctx: ReceiptPorts, userId: string) =>
  (await ctx.stores.devices.list(userId)).map((d) => ({ userId: d.userId, deviceId: d.deviceId }));

/** Whether acknowledging this entry sends its sender a DELIVERED receipt: a 1:1 message from another user that asks for one. */
export function asksReceipt(
  parsed: QueueId | undefined,
  acker: DeviceAddress,
): parsed is Extract<QueueId, { kind: 'direct' }> {
  return parsed?.kind === 'direct' && !parsed.noReceipts && parsed.sender.userId !== acker.userId;
}

/**
 * A device acknowledged queue entries (read with `parseAckedId`): for each message from another user that asks for receipts,
 * a DELIVERED receipt goes to every device of its sender, through their queues. Resolves once every
 * receipt's enqueue call was made (after the device lists were read): the caller that removes the
 * acknowledged entries must wait for `durable` unless `staged` (see deliverAck). With `along` (the
 * acknowledged ids), a queue that offers EnqueueWithAckPort removes them in the receipt's commit
 * when the ack names one sender's messages: then the result says `acked`, and `durable` is the removal too.
 */
export async function deliveredReceipts(
  ctx: ReceiptPorts,
  acker: DeviceAddress,
  acked: ReadonlyArray<QueueId | undefined>,
  along?: AckAlong,
): Promise<PendingWrite> {
  // Message ids per sender, in ack order. An ack usually names one sender's messages (or only
  // receipts, which get none): the first sender's ids need no map.
  let firstSender: string | undefined;
  let firstIds: string[] | undefined; // usually one id: made by its first, not grown from empty
  let others: Map<string, string[]> | undefined;
  for (const parsed of acked) {
    if (!asksReceipt(parsed, acker)) continue;
    const sender = parsed.sender.userId;
    if (firstSender === undefined) firstSender = sender;
    if (sender === firstSender) {
      if (firstIds) firstIds.push(parsed.messageId);
      else firstIds = [parsed.messageId];
      continue;
    }
    others ??= new Map();
    const list = others.get(sender);
    if (list) list.push(parsed.messageId);
    else others.set(sender, [parsed.messageId]);
  }
  if (firstSender === undefined || !firstIds) return NO_RECEIPTS;
  const at = ctx.clock();
  const receiptOf = (ids: string[]) =>
    ({ messageIds: ids, status: pb.ReceiptStatus.RECEIPT_STATUS_DELIVERED, byUserId: acker.userId, at }) as const;
  if (!others) {
    const devices = await devicesOf(ctx, firstSender);
    const id = receiptQueueId(acker.userId, 'delivered', firstIds);
    const port = along && devices.length > 0 ? enqueueWithAckOf(ctx.stores.queue) : undefined;
    if (!port || !along) return startReceipt(ctx, devices, id, receiptOf(firstIds), true);
    const withAck = (items: QueueItem[], options: EnqueueOptions) => port.enqueueWithAck(items, options, along);
    return { ...startReceipt(ctx, devices, id, receiptOf(firstIds), true, withAck), acked: true };
  }
  const senders: Array<[string, string[]]> = [[firstSender, firstIds], ...others];
  const devices = await Promise.all(senders.map(([sender]) => devicesOf(ctx, sender)));
  // All enqueue calls in one turn: a queue that stages puts them in one batch.
  const writes = senders.map(([, ids], i) =>
    startReceipt(
      ctx,
      devices[i] as DeviceAddress[],
      receiptQueueId(acker.userId, 'delivered', ids),
      receiptOf(ids),
      true,
    ),
  );
  return {
    staged: writes.every((w) => w.staged),
    durable: Promise.all(writes.map((w) => w.durable)).then((all) => all.flat()),
  };
}

/**
 * "I read these messages": a READ receipt to the sender's devices (unless the reader or the sender
 * has read receipts off) and, always, to the reader's own other devices so they clear their unread counts.
 */
export async function handleReceipt(
  ctx: ReceiptPorts,
  reader: DeviceAddress,
  receipt: parley.v1.Receipt.$Properties,
): Promise<void> {
  if (receipt.chat === 'groupId')
    throw new ParleyError('INVALID_ARGUMENT', 'group receipts are not enabled on this server');
  const sender = receipt.userId;
  const ids = receipt.messageIds ?? [];
  if (!sender) throw new ParleyError('INVALID_ARGUMENT', 'a receipt names the user whose messages were read');
  if (receipt.status !== pb.ReceiptStatus.RECEIPT_STATUS_READ) {
    throw new ParleyError('INVALID_ARGUMENT', 'clients send READ receipts only; the server makes DELIVERED ones');
  }
  if (ids.length === 0 || ids.length > MAX_IDS || !ids.every(isValidMessageId)) {
    throw new ParleyError('INVALID_ARGUMENT', `1-${MAX_IDS} valid message ids`);
  }
  const at = ctx.clock();
  const id = receiptQueueId(reader.userId, 'read', ids);
  const status = pb.ReceiptStatus.RECEIPT_STATUS_READ;
  const own = (await devicesOf(ctx, reader.userId)).filter((d) => d.deviceId !== reader.deviceId);
  await enqueueReceipt(ctx, own, id, { messageIds: ids, status, byUserId: reader.userId, peerUserId: sender, at });
  if (sender === reader.userId) return;
  const [readerOn, senderOn] = await Promise.all([ctx.readReceipts(reader.userId), ctx.readReceipts(sender)]);
  if (!readerOn || !senderOn) return;
  await enqueueReceipt(ctx, await devicesOf(ctx, sender), id, { messageIds: ids, status, byUserId: reader.userId, at });
}
