import type { parley } from '@parley/core';
import { ParleyError } from '@parley/core';
import type { DeviceRecord } from '../contracts/device-registry.js';
import type { EnqueueResult, QueueItem } from '../contracts/offline-queue.js';
import { type DeviceAddress, deviceKey } from '../contracts/types.js';
import type { FoldSlot } from './delivered-folds.js';
import { addressesOf } from './device-addresses.js';
import type { HeldAnswers } from './held-answers.js';
import { encodeMessageEnvelope } from './message-envelope.js';
import { encodeQueueId } from './queue-id.js';
import { type QueuePorts, retryableQueueFull, startMessage } from './queue-ports.js';

type Payload = parley.v1.Payload.$Properties;
type SendAck = parley.v1.SendAck.$Properties;

/**
 * How a send's answer may be held after its commit for the recipient's ack (see HeldAnswers): one
 * for the gateway, the request's own part being its {@link HeldRequest} (no object per send).
 */
export interface AnswerHold {
  holds: HeldAnswers;
  /** Whether entry `id` went out to `device`, connected to this gateway, and awaits its ack. */
  awaitsAck(device: DeviceAddress, id: string): boolean;
  /** Writes the answer to request `requestId` of `device`'s connection `connectionId` later; false when it is gone. */
  write(device: DeviceAddress, connectionId: string, requestId: number, ack: SendAck): boolean;
}

/** The request whose answer may be held: the sending connection (held answers are bounded per connection) and its request id. */
export interface HeldRequest {
  connectionId: string;
  requestId: number;
}

const sameDevice = (a: DeviceAddress, b: DeviceAddress) => a.userId === b.userId && a.deviceId === b.deviceId;

/**
 * Stores one 1:1 message in the queue of every addressed device, atomically and idempotently,
 * and resolves with the SendAck. The sender address always comes from the authenticated
 * connection; nothing in the frame can change it. The router sends group messages to
 * `handleGroupSend` instead, after checking the message id. `ordered` is called once the entries'
 * seqs are fixed, when the queue fixes them in call order (`OfflineQueue.seqsInCallOrder`): the
 * sender's next request may start while this one waits for its commit. With `hold`, an answer that
 * could still carry the delivered receipt may be held (resolves undefined: `hold.write` answers).
 */
export function handleSend(
  ctx: QueuePorts,
  sender: DeviceAddress,
  send: parley.v1.Send.$Properties,
  messageId: string,
  ordered?: () => void,
): Promise<SendAck>;
export function handleSend(
  ctx: QueuePorts,
  sender: DeviceAddress,
  send: parley.v1.Send.$Properties,
  messageId: string,
  ordered: (() => void) | undefined,
  hold: AnswerHold | undefined,
  request: HeldRequest | undefined,
): Promise<SendAck | undefined>;
export function handleSend(
  ctx: QueuePorts,
  sender: DeviceAddress,
  send: parley.v1.Send.$Properties,
  messageId: string,
  ordered?: () => void,
  hold?: AnswerHold,
  request?: HeldRequest,
): Promise<SendAck | undefined> {
  // Not async: with the device lists at hand (DeviceRegistry.listNow) the entries are made and the
  // enqueue called in this turn, and one `then` answers (five promises per send fewer than an
  // async frame awaiting the lists and the store, issue 15 aim 1). A throw is still a rejection.
  try {
    const toUser = send.userId;
    if (!toUser) throw new ParleyError('INVALID_ARGUMENT', 'send needs a destination');
    const copies = send.copies ?? [];
    if (send.shared && !isPayload(send.shared))
      throw new ParleyError('INVALID_ARGUMENT', 'shared payload needs a type and data');
    if (copies.some((c) => !isPayload(c.payload))) {
      throw new ParleyError('INVALID_ARGUMENT', 'every device copy needs a payload with a type and data');
    }
    const targets = targetsOf(ctx, sender, send, toUser, copies);
    return Array.isArray(targets)
      ? store(ctx, sender, send, messageId, toUser, targets, ordered, hold, request)
      : (targets as Promise<readonly DeviceRecord[]>).then((t) =>
          store(ctx, sender, send, messageId, toUser, t, ordered, hold, request),
        );
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * The devices a send goes to: at once when the registry has both lists at hand, else a promise.
 * Throws (or rejects) UNKNOWN_RECIPIENT and INVALID_ARGUMENT as the send's answer.
 */
function targetsOf(
  ctx: QueuePorts,
  sender: DeviceAddress,
  send: parley.v1.Send.$Properties,
  toUser: string,
  copies: parley.v1.DeviceCopy.$Properties[],
): readonly DeviceRecord[] | Promise<readonly DeviceRecord[]> {
  const devices = ctx.stores.devices;
  const recipients = devices.listNow?.(toUser);
  if (!recipients) return devices.list(toUser).then((r) => targetsAmong(ctx, sender, send, toUser, copies, r));
  return targetsAmong(ctx, sender, send, toUser, copies, recipients);
}

/** {@link targetsOf} once the recipient's devices are known. */
function targetsAmong(
  ctx: QueuePorts,
  sender: DeviceAddress,
  send: parley.v1.Send.$Properties,
  toUser: string,
  copies: parley.v1.DeviceCopy.$Properties[],
  recipients: readonly DeviceRecord[],
): readonly DeviceRecord[] | Promise<readonly DeviceRecord[]> {
  if (recipients.length === 0) throw new ParleyError('UNKNOWN_RECIPIENT', `user ${toUser} has no registered device`);
  if (send.direct) return directTargets(recipients, toUser, copies);
  if (send.skipOwnDevices || toUser === sender.userId) return othersTargets(sender, toUser, copies, recipients, NONE);
  const devices = ctx.stores.devices;
  const mine = devices.listNow?.(sender.userId);
  if (!mine) {
    return devices
      .list(sender.userId)
      .then((m) => othersTargets(sender, toUser, copies, recipients, othersOf(m, sender.deviceId)));
  }
  return othersTargets(sender, toUser, copies, recipients, othersOf(mine, sender.deviceId));
}

/** The targets of a send that is not direct: the recipient's devices and `own` (the sender's other devices). */
function othersTargets(
  sender: DeviceAddress,
  toUser: string,
  copies: parley.v1.DeviceCopy.$Properties[],
  recipients: readonly DeviceRecord[],
  own: readonly DeviceRecord[],
): readonly DeviceRecord[] {
  // Only a note to self lists the sending device among the recipients (and then `own` is empty);
  // `targets` is only read from here on, so it may be the registry's (read-only) array itself.
  let targets =
    toUser === sender.userId
      ? recipients.filter((d) => !sameDevice(d, sender))
      : own.length === 0
        ? recipients
        : recipients.concat(own);
  // Per-device (encrypted) copies can only go to devices that published keys.
  if (copies.length > 0) {
    targets = targets.filter((d) => d.registrationId !== 0);
    if (!targets.some((d) => d.userId === toUser)) {
      throw new ParleyError('UNKNOWN_RECIPIENT', `user ${toUser} has no device with published keys`);
    }
  }
  return targets;
}

/** Makes the entries of a send to `targets`, calls the enqueue and answers once they are stored. */
function store(
  ctx: QueuePorts,
  sender: DeviceAddress,
  send: parley.v1.Send.$Properties,
  messageId: string,
  toUser: string,
  targets: readonly DeviceRecord[],
  ordered: (() => void) | undefined,
  hold: AnswerHold | undefined,
  request: HeldRequest | undefined,
): Promise<SendAck | undefined> {
  const payloads = assignPayloads(targets, send);
  const now = ctx.clock();
  // Both only read `sender` (the connection's address): no copy of it.
  const queueId = encodeQueueId({
    kind: 'direct',
    sender,
    messageId,
    attempt: send.attempt ?? 0,
    noReceipts: send.noReceipts ?? false,
  });
  // The registry's shared list (the usual send's targets) has its addresses made once (frozen).
  const addresses = addressesOf(targets);
  const items: QueueItem[] = targets.map((device, i) => {
    const data = encodeMessageEnvelope({
      id: queueId,
      messageId,
      sender,
      serverTime: now,
      message: payloads[i] as Payload,
      conversationUserId: device.userId === sender.userId && toUser !== sender.userId ? toUser : undefined,
    });
    const to = addresses[i] as DeviceAddress;
    // Counted against the sender's share of the device's queue, except the sender's own devices' copies.
    return device.userId === sender.userId
      ? { device: to, id: queueId, data }
      : { device: to, id: queueId, sender: sender.userId, data };
  });

  // A message to one device (the usual 1:1 case) needs no lookup of its envelope.
  const only = items.length === 1 ? (items[0] as QueueItem).data : undefined;
  const dataOf = only ? undefined : new Map(items.map((item) => [deviceKey(item.device), item.data]));
  // Opened before the entries can go out: an ack arriving before the answer is folded into it.
  const fold = send.ackDelivered && !send.noReceipts && toUser !== sender.userId ? ctx.folds?.open(queueId) : undefined;
  let stored: Promise<EnqueueResult[]>;
  try {
    stored = startMessage(ctx, sender.userId, items, now, (r) => ({
      device: r.device,
      id: r.id,
      seq: r.seq,
      data: only ?? (dataOf?.get(deviceKey(r.device)) as Uint8Array),
    }));
  } catch (error) {
    return Promise.reject(failed(ctx, fold, error));
  }
  // startMessage made the enqueue call before returning: with seqs fixed in call order, nothing
  // the sender sends next can land before these entries.
  if (ctx.stores.queue.seqsInCallOrder) ordered?.();
  return stored.then(
    (results) => answer(ctx, results, messageId, now, sender, toUser, items, fold, hold, request),
    (error: unknown) => {
      throw failed(ctx, fold, error);
    },
  );
}

/** A send whose enqueue failed: its fold closes, and QUEUE_FULL says when to retry. */
function failed(ctx: QueuePorts, fold: FoldSlot | undefined, error: unknown): unknown {
  // A folded ack failed with the same batch (or comes again): its retry queues the receipt.
  if (fold) ctx.folds?.close(fold);
  return retryableQueueFull(error, ctx.queueFullRetryAfterMs);
}

/** The SendAck of stored entries; undefined when it is held for the recipient's ack. */
function answer(
  ctx: QueuePorts,
  results: readonly EnqueueResult[],
  messageId: string,
  now: number,
  sender: DeviceAddress,
  toUser: string,
  items: readonly QueueItem[],
  fold: FoldSlot | undefined,
  hold: AnswerHold | undefined,
  request: HeldRequest | undefined,
): SendAck | undefined {
  // Stored at `now`, the envelopes' server_time. On a resend every item is a duplicate and storedAt
  // is the first attempt's time, which its envelopes carry.
  let storedAt = Number.POSITIVE_INFINITY;
  for (const r of results) if (r.storedAt < storedAt) storedAt = r.storedAt;
  const ack = { messageId, serverTime: Number.isFinite(storedAt) ? storedAt : now, recipients: results.length };
  if (!fold) return ack;
  // Not acknowledged yet, but out to a recipient connected here: its ack may come soon.
  if (fold.deliveredAt === 0 && hold && request && awaitsAck(items, toUser, hold)) {
    const { connectionId, requestId } = request;
    const write = (at: number) =>
      hold.write(sender, connectionId, requestId, at > 0 ? { ...ack, deliveredAt: at } : ack);
    if (hold.holds.hold(fold, connectionId, write)) return undefined;
  }
  const deliveredAt = ctx.folds?.close(fold) ?? 0;
  return deliveredAt > 0 ? { ...ack, deliveredAt } : ack;
}

/** Whether a device of `toUser` connected here was sent the entry and has not acknowledged it. */
function awaitsAck(items: readonly QueueItem[], toUser: string, hold: AnswerHold): boolean {
  for (const item of items) if (item.device.userId === toUser && hold.awaitsAck(item.device, item.id)) return true;
  return false;
}

const NONE: readonly DeviceRecord[] = Object.freeze([]);

/** The devices of `list` other than `deviceId`: nearly always none, found without a new array. */
function othersOf(list: readonly DeviceRecord[], deviceId: number): readonly DeviceRecord[] {
  if (list.length === 0 || (list.length === 1 && list[0]?.deviceId === deviceId)) return NONE;
  return list.filter((d) => d.deviceId !== deviceId);
}

/** Targets of a direct send: exactly the listed devices of the recipient, each of which must exist. */
function directTargets(
  recipients: readonly DeviceRecord[],
  toUser: string,
  copies: parley.v1.DeviceCopy.$Properties[],
): DeviceRecord[] {
  if (copies.length === 0) throw new ParleyError('INVALID_ARGUMENT', 'a direct send needs device copies');
  return copies.map((copy) => {
    const device = recipients.find((d) => d.userId === copy.to?.userId && d.deviceId === copy.to?.deviceId);
    if (copy.to?.userId !== toUser || !device) {
      throw new ParleyError('UNKNOWN_RECIPIENT', `no device ${copy.to?.userId}.${copy.to?.deviceId} of ${toUser}`);
    }
    return device;
  });
}

const isPayload = (p: parley.v1.Payload.$Properties | null | undefined): p is Payload =>
  !!p && !!p.type && !!p.data && p.data.byteLength > 0;

/** Picks each target's payload: its own copy, else the shared one; DEVICES_MISMATCH when copies do not fit. */
function assignPayloads(targets: readonly DeviceRecord[], send: parley.v1.Send.$Properties): Payload[] {
  const copies = send.copies ?? [];
  const shared = isPayload(send.shared) ? send.shared : undefined;
  if (copies.length === 0) {
    if (!shared) throw new ParleyError('INVALID_ARGUMENT', 'send has no payload');
    return targets.map(() => shared);
  }
  const missing: DeviceAddress[] = [];
  const stale: DeviceAddress[] = [];
  const extra: DeviceAddress[] = [];
  const byDevice = new Map<string, parley.v1.DeviceCopy.$Properties>();
  for (const copy of copies) {
    const to = { userId: copy.to?.userId ?? '', deviceId: copy.to?.deviceId ?? 0 };
    const key = `${to.userId}\u0000${to.deviceId}`;
    if (!targets.some((t) => sameDevice(t, to)) || byDevice.has(key)) extra.push(to);
    else byDevice.set(key, copy);
  }
  const out = targets.map((t) => {
    const copy = byDevice.get(`${t.userId}\u0000${t.deviceId}`);
    if (!copy) {
      if (!shared) missing.push({ userId: t.userId, deviceId: t.deviceId });
      return shared as Payload;
    }
    // A copy that names no registration id (a control payload) is not checked for staleness.
    if (t.registrationId !== 0 && copy.registrationId && copy.registrationId !== t.registrationId) {
      stale.push({ userId: t.userId, deviceId: t.deviceId });
    }
    return copy.payload as Payload;
  });
  if (missing.length || extra.length || stale.length) {
    throw new ParleyError('DEVICES_MISMATCH', 'the copies do not match the current devices', {
      details: { missing, extra, stale },
    });
  }
  return out;
}
