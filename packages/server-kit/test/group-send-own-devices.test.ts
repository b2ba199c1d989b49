import { isParleyError, newMessageId, pb } from '@parley/core';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { EnqueueOptions, QueueItem } from '../src/contracts/offline-queue.js';
import type { DeviceAddress } from '../src/contracts/types.js';
import { handleGroupSend } from '../src/groups/group-send-handler.js';
import { memoryStores, type ServerStores } from '../src/index.js';
import { withSeq } from '../src/messages/envelope.js';
import { sqliteStores } from '../src/sqlite/index.js';
import { storedGroup } from './helpers/stored-group.js';

// A group message's entries for the sender's OWN other devices, as the gateway's group send path
// makes them (handleGroupSend decides; the queue keeps what it is given): the envelope every other
// member gets (no conversation marker: the conversation is the group), no `sender` (so they never
// count against the sender's share, EnqueueOptions.maxPerSender), and a reference to the one shared
// payload like any member's entry, so it outlives the other members' acks.

const PLAINTEXT = pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT;
const alice1: DeviceAddress = { userId: 'alice', deviceId: 1 };
const alice2: DeviceAddress = { userId: 'alice', deviceId: 2 };
const alice3: DeviceAddress = { userId: 'alice', deviceId: 3 };
const bob1: DeviceAddress = { userId: 'bob', deviceId: 1 };
const SHARE = 2;

const payload = (byte: number) => ({ type: PLAINTEXT, data: new Uint8Array([byte]) });

interface Backend {
  name: string;
  make(): { stores: ServerStores; db?: Database.Database };
}

const backends: Backend[] = [
  { name: 'memory', make: () => ({ stores: memoryStores() }) },
  {
    name: 'SQLite',
    make: () => {
      const db = new Database(':memory:');
      return { stores: sqliteStores({ db }), db };
    },
  },
];

describe.each(backends)('group sends: entries for the sender’s own other devices ($name)', (backend) => {
  let stores: ServerStores | undefined;
  let db: Database.Database | undefined;

  afterEach(async () => {
    await stores?.close();
    db?.close();
    stores = undefined;
    db = undefined;
  });

  /** alice (devices 1, 2, and 3 without published keys) and bob in group g; every enqueue call recorded. */
  async function setup() {
    const made = backend.make();
    stores = made.stores;
    db = made.db;
    const s = stores;
    for (const [d, registrationId] of [
      [alice1, 11],
      [alice2, 12],
      [alice3, 0],
      [bob1, 21],
    ] as const) {
      await s.devices.register({ ...d, authKey: new Uint8Array(32), registrationId, approvedBy: 1 });
    }
    await s.groups.create(storedGroup('g', ['alice', 'bob']), new Uint8Array([1]));
    const calls: Array<{ items: QueueItem[]; options: EnqueueOptions | undefined }> = [];
    const queue = s.queue;
    const enqueue = queue.enqueue.bind(queue);
    queue.enqueue = (items, options) => {
      calls.push({ items: items.map((i) => ({ ...i })), options });
      return enqueue(items, options);
    };
    const ports = {
      stores: { devices: s.devices, queue },
      groups: s.groups,
      groupReceipts: s.groupReceipts,
      clock: () => Date.now(), // the stores read the system clock too: entries must not be born expired
      maxQueuedPerDevice: 100,
      maxQueuedPerSender: SHARE,
      queueFullRetryAfterMs: 1,
      stored: () => {},
    };
    const groupSend = (messageId = newMessageId(), copies: Array<[DeviceAddress, number]> = []) =>
      handleGroupSend(
        ports,
        alice1,
        { groupId: 'g', shared: payload(9), copies: copies.map(([to, byte]) => ({ to, payload: payload(byte) })) },
        messageId,
      );
    /** The one entry a device holds, as it is delivered (shared part, own fields, seq), decoded. */
    const deliveredTo = async (device: DeviceAddress) => {
      const [entry, more] = await queue.read(device, { limit: 10 });
      expect(more).toBeUndefined();
      if (!entry) throw new Error(`no entry for ${device.userId}/${device.deviceId}`);
      return { entry, envelope: pb.Envelope.decode(withSeq(entry.data, entry.seq, entry.shared)) };
    };
    return { queue, calls, groupSend, deliveredTo };
  }

  it('get the envelope other members get: the group, the sending device, no conversation marker', async () => {
    const { queue, groupSend, deliveredTo } = await setup();
    const messageId = newMessageId();
    // Key distributions for the own other device, for bob, and for the sending device itself (dropped).
    const ack = await groupSend(messageId, [
      [alice2, 2],
      [bob1, 3],
      [alice1, 1],
    ]);
    expect(ack.recipients).toBe(2); // alice/2 and bob/1: not the sending device, not alice/3 (no keys)
    expect(await queue.count(alice1)).toBe(0);
    expect(await queue.count(alice3)).toBe(0);
    const own = (await deliveredTo(alice2)).envelope;
    const bobs = (await deliveredTo(bob1)).envelope;
    for (const e of [own, bobs]) {
      expect(e.groupId).toBe('g');
      expect(e.messageId).toBe(messageId);
      expect([e.sender?.userId, e.sender?.deviceId]).toEqual(['alice', 1]);
      expect(e.message?.data).toEqual(new Uint8Array([9]));
      expect(e.conversationUserId).toBe('');
    }
    expect(own.id).toBe(bobs.id);
    expect(own.senderKeyDistribution?.data).toEqual(new Uint8Array([2]));
    expect(bobs.senderKeyDistribution?.data).toEqual(new Uint8Array([3]));
  });

  it('carry no sender: only other users’ entries count against the sender’s share', async () => {
    const { queue, calls, groupSend } = await setup();
    await groupSend();
    const [call] = calls;
    expect(call?.options).toMatchObject({ fanOut: true, maxPerSender: SHARE });
    const byDevice = new Map(call?.items.map((i) => [`${i.device.userId}/${i.device.deviceId}`, i]));
    expect([...byDevice.keys()].sort()).toEqual(['alice/2', 'bob/1']);
    expect(byDevice.get('alice/2')?.sender).toBeUndefined();
    expect(byDevice.get('bob/1')?.sender).toBe('alice');
    const key = byDevice.get('bob/1')?.shared;
    expect(key).toBeDefined();
    expect(byDevice.get('alice/2')?.shared).toBe(key);

    // bob reads as he goes, alice/2 never does: her own device fills past the share, unrefused.
    const [first] = await queue.read(bob1, { limit: 1 });
    await queue.ack(bob1, [first?.id as string]);
    for (let i = 0; i < SHARE + 1; i++) {
      await groupSend();
      const [entry] = await queue.read(bob1, { limit: 1 });
      await queue.ack(bob1, [entry?.id as string]);
    }
    expect(await queue.count(alice2)).toBe(SHARE + 2);
    // bob stops reading: his queue takes the share, then refuses, naming bob's device.
    for (let i = 0; i < SHARE; i++) await groupSend();
    const refused = await groupSend().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isParleyError(refused, 'QUEUE_FULL'), String(refused)).toBe(true);
    expect((refused as { details?: unknown }).details).toMatchObject({ device: bob1, sender: 'alice' });
    expect(await queue.count(bob1)).toBe(SHARE);
    expect(await queue.count(alice2)).toBe(SHARE + 2 + SHARE);
  });

  it('hold the shared payload after the other members acked; a resend stores nothing again', async () => {
    const { queue, groupSend, deliveredTo } = await setup();
    const messageId = newMessageId();
    const first = await groupSend(messageId);
    const bobs = await deliveredTo(bob1);
    /** References to the message's one stored payload (SQLite keeps the count in queue_shared). */
    const refs = () =>
      db?.prepare<[string], number>('SELECT refs FROM queue_shared WHERE key = ?').pluck().get(bobs.entry.id);
    if (db) expect(refs()).toBe(2);
    await queue.ack(bob1, [bobs.entry.id]);
    if (db) expect(refs()).toBe(1);
    const own = await deliveredTo(alice2);
    expect(own.entry.shared).toEqual(bobs.entry.shared);
    expect(own.envelope.message?.data).toEqual(new Uint8Array([9]));
    await queue.ack(alice2, [own.entry.id]);
    if (db) expect(refs()).toBe(0);
    // The sender's outbox sends again (no SendAck reached it): every entry is a duplicate.
    const again = await groupSend(messageId);
    expect(again).toMatchObject({ recipients: 2, serverTime: first.serverTime });
    expect(await queue.count(alice2)).toBe(0);
    expect(await queue.count(bob1)).toBe(0);
  });
});
