import type { parley } from '@parley/core';
import { ParleyError } from '@parley/core';
import type { DeviceRecord } from '../contracts/device-registry.js';
import type { EnqueueResult, QueueItem } from '../contracts/offline-queue.js';
import { type DeviceAddress, deviceKey } from '../contracts/types.js';
import type { HeldAnswers } from './held-answers.js';
import { encodeMessageEnvelope } from './message-envelope.js';
import { encodeQueueId } from './queue-id.js';
import { enqueueMessage, type QueuePorts } from './queue-ports.js';

type Payload = parley.v1.Payload.$Properties;
type SendAck = parley.v1.SendAck.$Properties;

/** How a send's answer may be held after its commit for the recipient's ack (see HeldAnswers). */
export interface AnswerHold {
  holds: HeldAnswers;
  /** The sending connection (held answers are bounded per connection). */
  connectionId: string;
  /** Whether entry `id` went out to `device`, connected to this gateway, and awaits its ack. */
  awaitsAck(device: DeviceAddress, id: string): boolean;
  /** Writes the answer later; false when the connection is gone. */
  write(ack: SendAck): boolean;
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
): Promise<SendAck | undefined>;
export async function handleSend(
  ctx: QueuePorts,
  sender: DeviceAddress,
  send: parley.v1.Send.$Properties,
  messageId: string,
  ordered?: () => void,
  hold?: AnswerHold,
): Promise<SendAck | undefined> {
  const toUser = send.userId;
  if (!toUser) throw new ParleyError('INVALID_ARGUMENT', 'send needs a destination');

  const copies = send.copies ?? [];
  if (send.shared && !isPayload(send.shared))
    throw new ParleyError('INVALID_ARGUMENT', 'shared payload needs a type and data');
  if (copies.some((c) => !isPayload(c.payload))) {
    throw new ParleyError('INVALID_ARGUMENT', 'every device copy needs a payload with a type and data');
  }
  const recipients = await ctx.stores.devices.list(toUser);
  if (recipients.length === 0) throw new ParleyError('UNKNOWN_RECIPIENT', `user ${toUser} has no registered device`);
  let targets: readonly DeviceRecord[];
  if (send.direct) {
    targets = directTargets(recipients, toUser, copies);
  } else {
    const own =
      send.skipOwnDevices || toUser === sender.userId
        ? NONE
        : othersOf(await ctx.stores.devices.list(sender.userId), sender.deviceId);
    // Only a note to self lists the sending device among the recipients (and then `own` is empty);
    // `targets` is only read from here on, so it may be the registry's (read-only) array itself.
    targets =
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
  }

  const payloads = assignPayloads(targets, send);
  const now = ctx.clock();
  const queueId = encodeQueueId({
    kind: 'direct',
    sender: { userId: sender.userId, deviceId: sender.deviceId },
    messageId,
    attempt: send.attempt ?? 0,
    noReceipts: send.noReceipts ?? false,
  });
  const senderAddress = { userId: sender.userId, deviceId: sender.deviceId };
  const items: QueueItem[] = targets.map((device, i) => ({
    device: { userId: device.userId, deviceId: device.deviceId },
    id: queueId,
    // Counted against the sender's share of the device's queue, except the sender's own devices' copies.
    ...(device.userId === sender.userId ? {} : { sender: sender.userId }),
    data: encodeMessageEnvelope({
      id: queueId,
      messageId,
      sender: senderAddress,
      serverTime: now,
      message: payloads[i] as Payload,
      conversationUserId: device.userId === sender.userId && toUser !== sender.userId ? toUser : undefined,
    }),
  }));

  // A message to one device (the usual 1:1 case) needs no lookup of its envelope.
  const only = items.length === 1 ? (items[0] as QueueItem).data : undefined;
  const dataOf = only ? undefined : new Map(items.map((item) => [deviceKey(item.device), item.data]));
  // Opened before the entries can go out: an ack arriving before the answer is folded into it.
  const fold = send.ackDelivered && !send.noReceipts && toUser !== sender.userId ? ctx.folds?.open(queueId) : undefined;
  let results: EnqueueResult[];
  try {
    const stored = enqueueMessage(ctx, sender.userId, items, now, (r) => ({
      device: r.device,
      id: r.id,
      seq: r.seq,
      data: only ?? (dataOf?.get(deviceKey(r.device)) as Uint8Array),
    }));
    // enqueueMessage made the enqueue call before returning: with seqs fixed in call order, nothing
    // the sender sends next can land before these entries.
    if (ctx.stores.queue.seqsInCallOrder) ordered?.();
    results = await stored;
  } catch (error) {
    // A folded ack failed with the same batch (or comes again): its retry queues the receipt.
    if (fold) ctx.folds?.close(fold);
    throw error;
  }
  // Stored at `now`, the envelopes' server_time. On a resend every item is a duplicate and storedAt
  // is the first attempt's time, which its envelopes carry.
  const storedAt = results.reduce((t, r) => Math.min(t, r.storedAt), Number.POSITIVE_INFINITY);
  const ack = { messageId, serverTime: Number.isFinite(storedAt) ? storedAt : now, recipients: results.length };
  if (!fold) return ack;
  // Not acknowledged yet, but out to a recipient connected here: its ack may come soon.
  if (fold.deliveredAt === 0 && hold && awaitsAck(items, toUser, hold)) {
    const write = (at: number) => hold.write(at > 0 ? { ...ack, deliveredAt: at } : ack);
    if (hold.holds.hold(fold, hold.connectionId, write)) return undefined;
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
