import type { parley } from '@parley/core';
import { ParleyError } from '@parley/core';
import type { DeviceRecord } from '../contracts/device-registry.js';
import type { GroupReceiptStore } from '../contracts/group-receipt-store.js';
import type { QueueItem } from '../contracts/offline-queue.js';
import { type DeviceAddress, deviceKey } from '../contracts/types.js';
import { encodeEnvelope } from '../messages/envelope.js';
import { encodeQueueId } from '../messages/queue-id.js';
import { enqueueMessage, type QueuePorts } from '../messages/queue-ports.js';

/** What the group send path needs of the group store: the current members. */
export interface GroupMembership {
  get(groupId: string): Promise<{ version: number; members: Array<{ userId: string }> } | undefined>;
}

/** What group sends use on top of what 1:1 sends use. */
export interface GroupSendPorts extends QueuePorts {
  groups: GroupMembership;
  groupReceipts: GroupReceiptStore;
}

const isPayload = (p: parley.v1.Payload.$Properties | null | undefined): p is parley.v1.Payload.$Properties =>
  !!p && !!p.type && !!p.data && p.data.byteLength > 0;

/**
 * Stores a group message once and queues a reference to it for every device (with published keys)
 * of every current member, the sender's other devices included. Sender key distributions in `copies`
 * ride along to the devices they name; copies for devices that are not (or no longer) member devices
 * are dropped, never delivered. `ordered` is called once the entries' seqs are fixed, as in
 * `handleSend`: the sender's next request may start while this one waits for its commit.
 */
export async function handleGroupSend(
  ctx: GroupSendPorts,
  sender: DeviceAddress,
  send: parley.v1.Send.$Properties,
  messageId: string,
  ordered?: () => void,
): Promise<parley.v1.SendAck.$Properties> {
  const groupId = send.groupId;
  if (!groupId) throw new ParleyError('INVALID_ARGUMENT', 'send needs a destination');
  if (send.direct || send.attempt) {
    throw new ParleyError('INVALID_ARGUMENT', 'direct sends and resends go to one user, not to a group');
  }
  if (!isPayload(send.shared)) {
    throw new ParleyError('INVALID_ARGUMENT', 'a group message needs its shared (sender key) payload');
  }
  const group = await ctx.groups.get(groupId);
  if (!group?.members.some((m) => m.userId === sender.userId)) {
    throw new ParleyError('NOT_GROUP_MEMBER', `not a member of group ${groupId}`);
  }
  const lists = await Promise.all(group.members.map((m) => ctx.stores.devices.list(m.userId)));
  const distributions = new Map<string, parley.v1.Payload.$Properties>();
  for (const copy of send.copies ?? []) {
    if (!isPayload(copy.payload)) {
      throw new ParleyError('INVALID_ARGUMENT', 'every device copy needs a payload with a type and data');
    }
    distributions.set(deviceKey({ userId: copy.to?.userId ?? '', deviceId: copy.to?.deviceId ?? 0 }), copy.payload);
  }

  const now = ctx.clock();
  const queueId = encodeQueueId({
    kind: 'group',
    groupId,
    sender: { userId: sender.userId, deviceId: sender.deviceId },
    messageId,
  });
  // The part every member device shares, stored once; each entry adds only its id (and a key distribution).
  const shared = encodeEnvelope({
    sender: { userId: sender.userId, deviceId: sender.deviceId },
    serverTime: now,
    groupId,
    messageId,
    message: send.shared,
  });
  // Most member devices hold the sender's key already: their entries are one and the same bytes,
  // encoded once (the queue copies each distinct buffer once); only a key distribution differs.
  const plain = encodeEnvelope({ id: queueId });
  const withKeys = new Map<string, Uint8Array>();
  const itemFor = (device: DeviceRecord, own: boolean): QueueItem => {
    const address = { userId: device.userId, deviceId: device.deviceId };
    let data = plain;
    if (distributions.size > 0) {
      const key = deviceKey(address);
      const distribution = distributions.get(key);
      if (distribution) {
        data = encodeEnvelope({ id: queueId, senderKeyDistribution: distribution });
        withKeys.set(key, data);
      }
    }
    // Other users' entries name their sender (maxPerSender) here: enqueueMessage then keeps them as they are.
    return own
      ? { device: address, id: queueId, data, shared: queueId }
      : { device: address, id: queueId, data, shared: queueId, sender: sender.userId };
  };
  // One item per device (with published keys) of every member, the sending device left out: made
  // straight from the device lists, no list of targets first (a fan-out makes one per member).
  const items: QueueItem[] = [];
  for (const list of lists) {
    for (const device of list) {
      if (device.registrationId === 0) continue;
      const own = device.userId === sender.userId;
      if (own && device.deviceId === sender.deviceId) continue;
      items.push(itemFor(device, own));
    }
  }
  // Members are counted for receipts before anything can be acknowledged.
  const others = group.members.map((m) => m.userId).filter((u) => u !== sender.userId);
  await ctx.groupReceipts.sent(groupId, sender, messageId, others, group.version);
  if (items.length === 0) return { messageId, serverTime: now, recipients: 0 };
  const dataOf = (device: DeviceAddress) => (withKeys.size > 0 ? withKeys.get(deviceKey(device)) : undefined) ?? plain;
  const stored = enqueueMessage(
    ctx,
    sender.userId,
    items,
    now,
    (r) => ({ device: r.device, id: r.id, seq: r.seq, data: dataOf(r.device), shared }),
    { key: queueId, data: shared },
  );
  // The enqueue call was made: with seqs fixed in call order, the sender's next send cannot overtake
  // this one (and joining this batch, it ends a fan-out hold early rather than waiting behind it).
  if (ctx.stores.queue.seqsInCallOrder) ordered?.();
  const results = await stored;
  const storedAt = results.reduce((t, r) => Math.min(t, r.storedAt), Number.POSITIVE_INFINITY);
  return { messageId, serverTime: Number.isFinite(storedAt) ? storedAt : now, recipients: results.length };
}
