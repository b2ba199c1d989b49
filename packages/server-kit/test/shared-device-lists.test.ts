// Registries hand every reader one frozen device list until the user's devices change (issue 15
// aim 1: a send read two lists and a delivered receipt one more, each copied per read). A change is
// seen by the very next send and receipt, and nothing a reader does reaches the next reader.
import { newMessageId, pb } from '@parley/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceRegistry } from '../src/contracts/device-registry.js';
import type { EnqueueResult, QueueItem } from '../src/contracts/offline-queue.js';
import { memoryDeviceRegistry, memoryQueue } from '../src/index.js';
import { addressesOf } from '../src/messages/device-addresses.js';
import { devicesOf, type ReceiptPorts } from '../src/messages/receipts-handler.js';
import { handleSend } from '../src/messages/send-handler.js';
import { sqliteDeviceRegistry } from '../src/sqlite/index.js';
import { tempSqlite } from './helpers/temp-sqlite.js';

const sqlite = tempSqlite((db) => sqliteDeviceRegistry({ db }));
const made: DeviceRegistry[] = [];
afterEach(async () => {
  for (const r of made.splice(0)) await sqlite.cleanup(r);
});

const registries: Array<[string, () => Promise<DeviceRegistry>]> = [
  ['memory', async () => memoryDeviceRegistry()],
  [
    'sqlite',
    async () => {
      const r = await sqlite.create();
      made.push(r);
      return r;
    },
  ],
];

const key = (fill: number) => new Uint8Array(32).fill(fill);
const register = (r: DeviceRegistry, userId: string, deviceId: number) =>
  r.register({ userId, deviceId, authKey: key(deviceId), registrationId: 0, approvedBy: 0 });

/** Ports over `devices` and a memory queue that records which devices each enqueue named. */
function ports(devices: DeviceRegistry) {
  const queue = memoryQueue();
  const enqueued: string[][] = [];
  const enqueue = queue.enqueue.bind(queue);
  queue.enqueue = (items: QueueItem[], options): Promise<EnqueueResult[]> => {
    enqueued.push(items.map((i) => `${i.device.userId}/${i.device.deviceId}`));
    return enqueue(items, options);
  };
  const ctx: ReceiptPorts = {
    stores: { devices, queue },
    clock: () => 1_000,
    maxQueuedPerDevice: 100,
    maxQueuedPerSender: 100,
    queueFullRetryAfterMs: 1,
    stored: () => {},
    readReceipts: async () => true,
  };
  return { ctx, enqueued };
}

const alice = { userId: 'alice', deviceId: 1 };
const sendTo = (userId: string) => ({
  userId,
  shared: { type: pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT, data: new Uint8Array([1]) },
});

describe.each(registries)('shared device lists (%s registry)', (_name, create) => {
  it("the next send after a device change goes to the changed list (recipient's and sender's own)", async () => {
    const devices = await create();
    const { ctx, enqueued } = ports(devices);
    await register(devices, 'alice', 1);
    await register(devices, 'bob', 1);
    const send = () => handleSend(ctx, alice, sendTo('bob'), newMessageId());

    await send();
    await register(devices, 'bob', 2);
    await send();
    await register(devices, 'alice', 2); // the sender's own other device gets a copy
    await send();
    await devices.remove('bob', 1);
    await send();
    await devices.remove('alice', 2);
    await send();
    expect(enqueued).toEqual([
      ['bob/1'],
      ['bob/1', 'bob/2'],
      ['bob/1', 'bob/2', 'alice/2'],
      ['bob/2', 'alice/2'],
      ['bob/2'],
    ]);
  });

  it('a receipt goes to the devices the sender has now, and a list changed by a caller changes nothing', async () => {
    const devices = await create();
    const { ctx } = ports(devices);
    await register(devices, 'alice', 1);
    const first = await devicesOf(ctx, 'alice');
    expect(first).toEqual([alice]);
    // Frozen when shared: a caller cannot add a device to what the next receipt reads.
    expect(() => (first as Array<typeof alice>).push({ userId: 'alice', deviceId: 9 })).toThrow(TypeError);
    expect(() => {
      (first[0] as { deviceId: number }).deviceId = 9;
    }).toThrow(TypeError);
    expect(await devicesOf(ctx, 'alice')).toEqual([alice]);

    await register(devices, 'alice', 2);
    expect(await devicesOf(ctx, 'alice')).toEqual([alice, { userId: 'alice', deviceId: 2 }]);
    await devices.setRegistrationId('alice', 1, 5);
    await devices.remove('alice', 2);
    expect(await devicesOf(ctx, 'alice')).toEqual([alice]);
    expect(first).toEqual([alice]);
  });

  it('reads allocate nothing while the list is unchanged: the same list and addresses each time', async () => {
    const devices = await create();
    const { ctx } = ports(devices);
    await register(devices, 'alice', 1);
    const list = await devices.list('alice');
    expect(Object.isFrozen(list) && list.every(Object.isFrozen)).toBe(true);
    expect(await devices.list('alice')).toBe(list);
    expect(await devicesOf(ctx, 'alice')).toBe(await devicesOf(ctx, 'alice'));
    await devices.setRegistrationId('alice', 1, 7);
    const changed = await devices.list('alice');
    expect(changed).not.toBe(list);
    expect(changed[0]?.registrationId).toBe(7);
    // The key is copied per read (a typed array cannot be frozen): changing it changes no one else's.
    changed[0]?.authKey.fill(0);
    expect(changed[0]?.authKey).toEqual(key(1));
  });
});

describe('addressesOf', () => {
  it('makes fresh addresses for a list that is not frozen (a registry that copies per read)', () => {
    const list = [{ userId: 'a', deviceId: 1, authKey: key(1), registrationId: 0, createdAt: 0, approvedBy: 0 }];
    const one = addressesOf(list);
    expect(one).toEqual([{ userId: 'a', deviceId: 1 }]);
    expect(addressesOf(list)).not.toBe(one);
    expect(Object.isFrozen(one)).toBe(false);
  });
});
