import type { parley } from '@parley/core';
import { isValidMessageId, ParleyError, pb } from '@parley/core';
import { type AckAlong, enqueueWithAckOf } from '../cluster/enqueue-with-ack.js';
import type { DeviceRecord } from '../contracts/device-registry.js';
import type { EnqueueOptions, EnqueueResult, QueueItem } from '../contracts/offline-queue.js';
import type { DeviceAddress } from '../contracts/types.js';
import { addressesOf } from './device-addresses.js';
import { type QueueId, receiptQueueId } from './queue-id.js';
import { enqueueAndDeliver, type PendingWrite, type QueuePorts } from './queue-ports.js';
import { encodeReceiptEnvelope } from './receipt-envelope.js';

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
  devices: readonly DeviceAddress[],
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
  devices: readonly DeviceAddress[],
  id: string,
  event: parley.v1.ReceiptEvent.$Properties,
  forgetAcked = false,
  enqueue?: (items: QueueItem[], options: EnqueueOptions) => Promise<EnqueueResult[]>,
): PendingWrite {
  if (devices.length === 0) return { staged: true, durable: Promise.resolve([]) };
  const data = encodeReceiptEnvelope(id, ctx.clock(), event);
  const items: QueueItem[] = devices.map((device) => ({ device, id, data }));
  const options = forgetAcked
    ? { maxPerDevice: ctx.maxQueuedPerDevice + 1000, forgetAcked }
    : { maxPerDevice: ctx.maxQueuedPerDevice + 1000 };
  const entryOf = (r: EnqueueResult) => ({ device: r.device, id: r.id, seq: r.seq, data });
  return enqueueAndDeliver(ctx, items, options, entryOf, enqueue);
}

/** The addresses of a user's devices (shared and frozen while the registry's list is: see addressesOf). */
export const devicesOf = async (ctx: ReceiptPorts, userId: string): Promise<readonly DeviceAddress[]> =>
  addressesOf(await ctx.stores.devices.list(userId));

/** Whether acknowledging this entry sends its sender a DELIVERED receipt: a 1:1 message from another user that asks for one. */
export function asksReceipt(
  parsed: QueueId | undefined,
  acker: DeviceAddress,
): parsed is Extract<QueueId, { kind: 'direct' }> {
  return parsed?.kind === 'direct' && !parsed.noReceipts && parsed.sender.userId !== acker.userId;
}

/**
 * A device acknowledged queue entries (read with `parseAckedId`; `ids` the same entries' queue ids):
 * for each message from another user that asks for receipts, a DELIVERED receipt goes to every
 * device of its sender, through their queues, except to a sending device whose send is still
 * unanswered and asked for the receipt in its answer (`ctx.folds`, Send.ack_delivered). Resolves
 * once every receipt's enqueue call was made (after the device lists were read): the caller that
 * removes the acknowledged entries must wait for `durable` unless `staged` (see deliverAck). With
 * `along` (the acknowledged ids), a queue that offers EnqueueWithAckPort removes them in the
 * receipt's commit when the ack names one sender's messages and none was folded: then the result
 * says `acked`, and `durable` is the removal too.
 */
export function deliveredReceipts(
  ctx: ReceiptPorts,
  acker: DeviceAddress,
  acked: ReadonlyArray<QueueId | undefined>,
  ids?: readonly string[],
  along?: AckAlong,
): PendingWrite | Promise<PendingWrite> {
  // Not async: an ack of one sender's messages whose device list is at hand (DeviceRegistry.listNow)
  // makes its receipt's enqueue call in this turn, with no promise of its own (every 1:1 message's
  // ack, issue 15 aim 1). It may throw: the caller awaits it inside an async frame.
  const at = ctx.clock();
  // Message ids per sender, in ack order. An ack usually names one sender's messages (or only
  // receipts, which get none): the first sender's ids need no map.
  let firstSender: string | undefined;
  let firstIds: string[] | undefined; // usually one id: made by its first, not grown from empty
  let others: Map<string, string[]> | undefined;
  /** Message id -> the sending device that has its receipt in its SendAck. */
  let folded: Map<string, number> | undefined;
  const folds = ids ? ctx.folds : undefined;
  for (let i = 0; i < acked.length; i++) {
    const parsed = acked[i];
    if (!asksReceipt(parsed, acker)) continue;
    if (folds?.fold(ids?.[i] as string, at)) {
      folded ??= new Map();
      folded.set(parsed.messageId, parsed.sender.deviceId);
    }
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
  if (others) return manySenders(ctx, acker, at, [[firstSender, firstIds], ...others], folded);
  // One sender (the usual ack, its receipt folded into a SendAck): its list without a Promise.all.
  const registry = ctx.stores.devices;
  const listed = registry.listNow?.(firstSender);
  const messageIds = firstIds;
  const write = (list: readonly DeviceRecord[]) => oneSender(ctx, acker, at, messageIds, list, folded, along);
  return listed ? write(listed) : registry.list(firstSender).then(write);
}

/** The receipts of an ack of one sender's messages, whose devices are `list`. */
function oneSender(
  ctx: ReceiptPorts,
  acker: DeviceAddress,
  at: number,
  messageIds: string[],
  list: readonly DeviceRecord[],
  folded: ReadonlyMap<string, number> | undefined,
  along: AckAlong | undefined,
): PendingWrite {
  const devices = addressesOf(list);
  if (!folded) {
    const id = receiptQueueId(acker.userId, 'delivered', messageIds);
    const receipt = receiptOf(acker, messageIds, at);
    const port = along && devices.length > 0 ? enqueueWithAckOf(ctx.stores.queue) : undefined;
    if (!port || !along) return startReceipt(ctx, devices, id, receipt, true);
    const withAck = (items: QueueItem[], options: EnqueueOptions) => port.enqueueWithAck(items, options, along);
    return { ...startReceipt(ctx, devices, id, receipt, true, withAck), acked: true };
  }
  return receiptWrites(ctx, acker, at, [[messageIds, devices]], folded);
}

/** The receipts of an ack of several senders' messages (`senders`: each one's message ids). */
async function manySenders(
  ctx: ReceiptPorts,
  acker: DeviceAddress,
  at: number,
  senders: Array<[string, string[]]>,
  folded: ReadonlyMap<string, number> | undefined,
): Promise<PendingWrite> {
  const devices = await Promise.all(senders.map(([sender]) => devicesOf(ctx, sender)));
  return receiptWrites(
    ctx,
    acker,
    at,
    senders.map(([, messageIds], i) => [messageIds, devices[i] as readonly DeviceAddress[]]),
    folded,
  );
}

/** Every sender's receipts (`lists`: each one's message ids and devices), all enqueue calls in one turn. */
function receiptWrites(
  ctx: ReceiptPorts,
  acker: DeviceAddress,
  at: number,
  lists: ReadonlyArray<readonly [string[], readonly DeviceAddress[]]>,
  folded: ReadonlyMap<string, number> | undefined,
): PendingWrite {
  // All enqueue calls in one turn: a queue that stages puts them in one batch.
  const writes: PendingWrite[] = [];
  for (const [messageIds, devices] of lists) {
    for (const [list, to] of receiptLists(messageIds, devices, folded)) {
      const id = receiptQueueId(acker.userId, 'delivered', list);
      writes.push(startReceipt(ctx, to, id, receiptOf(acker, list, at), true));
    }
  }
  if (writes.length === 0) return NO_RECEIPTS;
  return {
    staged: writes.every((w) => w.staged),
    durable: Promise.all(writes.map((w) => w.durable)).then((all) => all.flat()),
  };
}

const receiptOf = (acker: DeviceAddress, messageIds: string[], at: number) =>
  ({ messageIds, status: pb.ReceiptStatus.RECEIPT_STATUS_DELIVERED, byUserId: acker.userId, at }) as const;

/**
 * The receipts one sender's devices get: every device the whole list, except that a device whose
 * SendAck carries a message's receipt (`folded`) gets the list without it (nothing when that leaves
 * none). Devices getting the same list share one receipt.
 */
function receiptLists(
  messageIds: string[],
  devices: readonly DeviceAddress[],
  folded: ReadonlyMap<string, number> | undefined,
): Array<[string[], DeviceAddress[]]> {
  if (devices.length === 1) {
    // The usual sender, one device: no map of lists (and nothing when its SendAck carried them all).
    const device = devices[0] as DeviceAddress;
    const list = folded ? messageIds.filter((m) => folded.get(m) !== device.deviceId) : messageIds;
    return list.length === 0 ? [] : [[list, [device]]];
  }
  const byList = new Map<string, [string[], DeviceAddress[]]>();
  for (const device of devices) {
    const list = folded ? messageIds.filter((m) => folded.get(m) !== device.deviceId) : messageIds;
    if (list.length === 0) continue;
    const key = list.length === messageIds.length ? '' : list.join('\u0000');
    const group = byList.get(key);
    if (group) group[1].push(device);
    else byList.set(key, [list, [device]]);
  }
  return [...byList.values()];
}

/**
 * The DELIVERED receipt of `messageId` for the sending device alone: for a send whose answer would
 * have carried it (a folded receipt) but whose connection closed before it was answered.
 */
export function queueFoldedReceipt(
  ctx: ReceiptPorts,
  sender: DeviceAddress,
  byUserId: string,
  messageId: string,
  at: number,
): PendingWrite {
  const ids = [messageId];
  const id = receiptQueueId(byUserId, 'delivered', ids);
  return startReceipt(ctx, [sender], id, receiptOf({ userId: byUserId, deviceId: 0 }, ids, at), true);
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
