import { newMessageId, pb, type ServerFrame } from '@parley/core';
import { RawPeer } from '@parley/test-utils/raw-peer';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OfflineQueue } from '../src/contracts/offline-queue.js';
import { handleGroupSend } from '../src/groups/group-send-handler.js';
import { createServer, memoryStores, type ParleyServer, type ServerStores } from '../src/index.js';
import { handleSend } from '../src/messages/send-handler.js';
import { storedGroup } from './helpers/stored-group.js';

// A connection's frames are handled in order, but a 1:1 send lets the next frame start as soon as
// its enqueue call has fixed its seqs (RequestContext.ordered), when the queue fixes them in call
// order (OfflineQueue.seqsInCallOrder): a sender's next send does not wait for the previous commit.

const PLAINTEXT = pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT;

let server: ParleyServer | undefined;
let stores: ServerStores | undefined;
const peers: RawPeer[] = [];

afterEach(async () => {
  for (const p of peers.splice(0)) p.close();
  await server?.close();
  await stores?.close();
});

const send = (messageId: string, userId = 'bob') => ({
  send: { messageId, userId, shared: { type: PLAINTEXT, data: new Uint8Array([1]) } },
});

const delivered = (peer: RawPeer) =>
  peer.frames.flatMap((f: ServerFrame) => (f.deliver?.envelopes ?? []).map((e) => e.messageId as string));

/**
 * Holds every enqueue's durable promise until `open()`, as a slow commit would; the calls themselves
 * (and their seqs) happen at once, and they resolve in call order, as the queue promises.
 */
function holdCommits(queue: OfflineQueue) {
  const { open, opened } = gate();
  const calls: string[] = [];
  const enqueue = queue.enqueue.bind(queue);
  queue.enqueue = (items, options) => {
    calls.push(items[0]?.id ?? '');
    const result = enqueue(items, options); // seqs fixed here, in call order
    return opened.then(() => result);
  };
  return { open, calls };
}

/** A gate the test opens. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

/**
 * A queue that forwards to `queue` and declares `seqsInCallOrder` only when told; with `held`, each
 * enqueue call is made at once but its promise settles only once `held` does (a slow commit).
 */
function forwarding(queue: OfflineQueue, seqsInCallOrder: boolean, held?: Promise<void>): OfflineQueue {
  return {
    enqueue: (items, options) => {
      const result = queue.enqueue(items, options);
      return held ? held.then(() => result) : result;
    },
    read: (device, options) => queue.read(device, options),
    ack: (device, ids) => queue.ack(device, ids),
    count: (device) => queue.count(device),
    purgeExpired: () => queue.purgeExpired(),
    clear: (device) => queue.clear(device),
    ...(seqsInCallOrder ? { seqsInCallOrder: true } : {}),
  };
}

describe('pipelined sends', () => {
  it("starts a connection's next send while the previous one waits for its commit, and keeps their order", async () => {
    stores = memoryStores();
    expect(stores.queue.seqsInCallOrder).toBe(true);
    const first = newMessageId();
    const second = newMessageId();
    const { open, calls } = holdCommits(stores.queue);
    server = await createServer({ stores, port: 0 });
    const bob = await RawPeer.authenticated(server.url, 'bob');
    const alice = await RawPeer.authenticated(server.url, 'alice');
    peers.push(bob, alice);

    alice.send({ requestId: 101, ...send(first) });
    alice.send({ requestId: 102, ...send(second) });
    // The second send's enqueue call is made while the first still waits for its commit.
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]).toContain(second);
    expect(alice.frames.some((f) => f.sendAck)).toBe(false);

    open();
    await vi.waitFor(() => expect(alice.frames.filter((f) => f.sendAck)).toHaveLength(2));
    const acks = alice.frames.filter((f) => f.sendAck).map((f) => f.sendAck?.messageId);
    expect(acks).toEqual([first, second]);
    // Seqs were fixed in call order: bob gets them in the order alice sent them.
    await vi.waitFor(() => expect(delivered(bob)).toEqual([first, second]));
  });

  it.each([
    ['seqs fixed in call order', true],
    ['whole sends', false],
  ])(
    'a connection cut with sends waiting their turn (%s): a prefix stored, in order, and the server stops',
    async (_name, inCallOrder) => {
      const base = memoryStores();
      const { open, opened } = gate();
      const queue = forwarding(base.queue, inCallOrder, opened);
      let calls = 0;
      const enqueue = queue.enqueue;
      queue.enqueue = (items, options) => {
        calls++;
        return enqueue(items, options);
      };
      stores = { ...base, queue };
      server = await createServer({ stores, port: 0 });
      const bob = await RawPeer.authenticated(server.url, 'bob');
      const alice = await RawPeer.authenticated(server.url, 'alice');
      peers.push(bob);
      const sent = Array.from({ length: 30 }, () => newMessageId());
      for (const [i, id] of sent.entries()) alice.send({ requestId: 200 + i, ...send(id) });
      // Cut once the first send waits for its commit: the rest are read, waiting their turn (whole
      // sends) or their commits (seqs fixed in call order), or still on the wire.
      await vi.waitFor(() => expect(calls).toBeGreaterThan(0));
      alice.close();
      open();
      const stopping = server;
      server = undefined;
      await stopping.close(); // waits for every frame taken on, those that waited their turn included
      const bobDevice = { userId: 'bob', deviceId: 1 };
      const ids = (await base.queue.read(bobDevice, { limit: 100 })).map((e) => sent.find((m) => e.id.includes(m)));
      expect(ids.length).toBeGreaterThan(0);
      expect(ids).toEqual(sent.slice(0, ids.length)); // none twice, none missing before the last, in order
    },
  );

  it('keeps a send whole when the queue does not fix seqs in call order', async () => {
    stores = memoryStores();
    const queue = stores.queue;
    const unordered = forwarding(queue, false);
    let ordered = 0;
    let resolved = false;
    const ports = {
      stores: { devices: stores.devices, queue: unordered },
      clock: () => 1_000,
      maxQueuedPerDevice: 100,
      maxQueuedPerSender: 100,
      queueFullRetryAfterMs: 1,
      stored: () => {},
    };
    await stores.devices.register({
      userId: 'bob',
      deviceId: 1,
      authKey: new Uint8Array(32),
      registrationId: 0,
      approvedBy: 1,
    });
    const alice = { userId: 'alice', deviceId: 1 };
    const pending = handleSend(ports, alice, send(newMessageId()).send, newMessageId(), () => ordered++).then(() => {
      resolved = true;
    });
    expect(ordered).toBe(0);
    await pending;
    expect(resolved).toBe(true);
    expect(ordered).toBe(0);

    // The same queue, saying it fixes seqs in call order: ordered is called once the call is made,
    // before the entries are durable.
    const { open, opened } = gate();
    const gated = forwarding(queue, true, opened);
    const ordering = { ...ports, stores: { ...ports.stores, queue: gated } };
    const again = handleSend(ordering, alice, send(newMessageId()).send, newMessageId(), () => ordered++);
    await vi.waitFor(() => expect(ordered).toBe(1));
    open();
    await again;
    expect(ordered).toBe(1);
  });

  it('lets a group send go on the same way, and only with a queue that fixes seqs in call order', async () => {
    stores = memoryStores();
    const queue = stores.queue;
    await stores.devices.register({
      userId: 'bob',
      deviceId: 1,
      authKey: new Uint8Array(32),
      registrationId: 7,
      approvedBy: 1,
    });
    await stores.groups.create(storedGroup('g', ['alice', 'bob']), new Uint8Array([1]));
    const { open, opened } = gate();
    const gated = (inOrder: boolean) => forwarding(queue, inOrder, opened);
    const ports = (inOrder: boolean) => ({
      stores: { devices: stores?.devices as ServerStores['devices'], queue: gated(inOrder) },
      groups: stores?.groups as ServerStores['groups'],
      groupReceipts: stores?.groupReceipts as ServerStores['groupReceipts'],
      clock: () => 1_000,
      maxQueuedPerDevice: 100,
      maxQueuedPerSender: 100,
      queueFullRetryAfterMs: 1,
      stored: () => {},
    });
    const groupSend = { groupId: 'g', shared: { type: 2, data: new Uint8Array([1]) } };
    const alice = { userId: 'alice', deviceId: 1 };
    let ordered = 0;
    const calls = [true, false].map((inOrder) =>
      handleGroupSend(ports(inOrder), alice, groupSend, newMessageId(), () => ordered++),
    );
    // Only the queue that fixes seqs in call order lets the request go on before its commit.
    await vi.waitFor(() => expect(ordered).toBe(1));
    open();
    await Promise.all(calls);
    expect(ordered).toBe(1);
  });
});
