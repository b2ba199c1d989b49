// A send and a delivered receipt read the device lists without a promise when the registry has them
// at hand (DeviceRegistry.listNow, issue 15 aim 1): the enqueue call is made in the same turn. A
// registry without listNow goes the waiting way. Both give the same answers, refusals included.
import { isParleyError, newMessageId, pb } from '@parley/core';
import { describe, expect, it } from 'vitest';
import type { DeviceRegistry } from '../src/contracts/device-registry.js';
import type { EnqueueResult, QueueItem } from '../src/contracts/offline-queue.js';
import { memoryDeviceRegistry, memoryQueue } from '../src/index.js';
import { DeliveredFolds } from '../src/messages/delivered-folds.js';
import { parseAckedId } from '../src/messages/queue-id.js';
import { deliveredReceipts, type ReceiptPorts } from '../src/messages/receipts-handler.js';
import { handleSend } from '../src/messages/send-handler.js';

/** The same registry with only its waiting `list` (as a registry that must ask a server). */
const listOnly = (r: DeviceRegistry): DeviceRegistry => {
  const { listNow: _, ...rest } = r;
  return rest as DeviceRegistry;
};

const key = (fill: number) => new Uint8Array(32).fill(fill);

async function ports(atHand: boolean) {
  const registry = memoryDeviceRegistry();
  const add = (userId: string, deviceId: number, registrationId = 0) =>
    registry.register({ userId, deviceId, authKey: key(deviceId), registrationId, approvedBy: 0 });
  await add('alice', 1, 11);
  await add('alice', 2, 0);
  await add('bob', 1, 21);
  await add('bob', 2, 0);
  await add('carol', 1, 0);
  const queue = memoryQueue({ clock: () => 1_000 });
  const enqueued: string[][] = [];
  const enqueue = queue.enqueue.bind(queue);
  queue.enqueue = (items: QueueItem[], options): Promise<EnqueueResult[]> => {
    enqueued.push(items.map((i) => `${i.device.userId}/${i.device.deviceId}`));
    return enqueue(items, options);
  };
  const folds = new DeliveredFolds();
  const ctx: ReceiptPorts = {
    stores: { devices: atHand ? registry : listOnly(registry), queue },
    clock: () => 1_000,
    maxQueuedPerDevice: 100,
    maxQueuedPerSender: 100,
    queueFullRetryAfterMs: 1,
    stored: () => {},
    readReceipts: async () => true,
    folds,
  };
  return { ctx, enqueued, queue };
}

const alice = { userId: 'alice', deviceId: 1 };
const payload = { type: pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT, data: new Uint8Array([1]) };
const copy = (userId: string, deviceId: number, registrationId?: number) => ({
  to: { userId, deviceId },
  registrationId,
  payload,
});

/** Sends that cover every way to the targets; each is answered (or refused) the same with or without listNow. */
const sends: Array<[string, Record<string, unknown>]> = [
  ['to bob, shared', { userId: 'bob', shared: payload }],
  ['to bob, skipping own devices', { userId: 'bob', shared: payload, skipOwnDevices: true }],
  ['a note to self', { userId: 'alice', shared: payload }],
  ['to bob, copies for devices with keys', { userId: 'bob', copies: [copy('bob', 1, 21), copy('alice', 1)] }],
  ['to carol, copies but no device with keys', { userId: 'carol', copies: [copy('carol', 1)] }],
  ['to bob, a copy missing', { userId: 'bob', copies: [copy('alice', 1)] }],
  ['to bob, a stale copy', { userId: 'bob', copies: [copy('bob', 1, 99), copy('alice', 1)] }],
  ['direct to bob 2', { userId: 'bob', direct: true, copies: [copy('bob', 2)] }],
  ['direct to an unknown device', { userId: 'bob', direct: true, copies: [copy('bob', 7)] }],
  ['direct without copies', { userId: 'bob', direct: true }],
  ['to nobody registered', { userId: 'dave', shared: payload }],
  ['without a destination', { shared: payload }],
  ['without a payload', { userId: 'bob' }],
  ['a copy without a payload', { userId: 'bob', copies: [{ to: { userId: 'bob', deviceId: 1 } }] }],
];

const outcome = (p: Promise<unknown>) =>
  p.then(
    (ack) => ({ ack }),
    (error: unknown) => ({ error: isParleyError(error) ? [error.code, error.message, error.details] : String(error) }),
  );

describe('device lists at hand (listNow) or waited for (list)', () => {
  it.each(sends)('%s: the same answer and entries either way', async (_name, send) => {
    const answers = [];
    for (const atHand of [true, false]) {
      const { ctx, enqueued } = await ports(atHand);
      const messageId = newMessageId();
      const answer = outcome(handleSend(ctx, alice, send, messageId));
      // With the lists at hand the enqueue call is made before handleSend returns.
      const callsNow = enqueued.length;
      const settled = await answer;
      answers.push({ settled: JSON.stringify(settled).replaceAll(messageId, 'M'), enqueued, callsNow });
    }
    const [now, waited] = answers;
    expect(now?.settled).toBe(waited?.settled);
    expect(now?.enqueued).toEqual(waited?.enqueued);
    expect(waited?.callsNow).toBe(0);
    expect(now?.callsNow).toBe(now?.enqueued.length);
  });

  it('a delivered receipt: made in the same turn with the list at hand, the same either way', async () => {
    const receipts = [];
    for (const atHand of [true, false]) {
      const { ctx, enqueued, queue } = await ports(atHand);
      const bob = { userId: 'bob', deviceId: 1 };
      const sent = [newMessageId(), newMessageId()];
      for (const m of sent) await handleSend(ctx, alice, { userId: 'bob', shared: payload }, m);
      const entries = await queue.read(bob, { limit: 10 });
      const ids = entries.map((e) => e.id);
      // The first message's receipt is folded into alice 1's answer: she alone gets only the second's.
      const fold = ctx.folds?.open(ids[0] as string);
      const write = deliveredReceipts(ctx, bob, ids.map(parseAckedId), ids);
      expect(write instanceof Promise).toBe(!atHand);
      const { staged } = await write;
      await (await write).durable;
      if (fold) ctx.folds?.close(fold);
      const alice1 = await queue.read(alice, { limit: 10 });
      const alice2 = await queue.read({ userId: 'alice', deviceId: 2 }, { limit: 10 });
      receipts.push({ staged, receipts: enqueued.slice(2), alice1: alice1.length, alice2: alice2.length });
    }
    expect(receipts[0]).toEqual(receipts[1]);
    // alice 2 got one receipt of both messages; alice 1 (whose answer carried the first) one of the second.
    expect(receipts[0]?.receipts).toEqual([['alice/1'], ['alice/2']]);
  });
});
