import { newMessageId, pb } from '@parley/core';
import { RawPeer } from '@parley/test-utils/raw-peer';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createServer, memoryStores, type ParleyServer, type ServerStores } from '../src/index.js';

// A stopping gateway takes no new frames but finishes the ones it is handling (it counts them,
// gateway.ts `track`) before it says goodbye and closes the sockets.

let server: ParleyServer | undefined;
let stores: ServerStores | undefined;
const peers: RawPeer[] = [];

afterEach(async () => {
  for (const p of peers.splice(0)) p.close();
  await server?.close();
  await stores?.close();
});

/** Event-loop turns, not time: enough for a close that does not wait to have finished. */
const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

describe('stopping the gateway', () => {
  it('waits for a send it is handling: close() settles only after its SendAck went out', async () => {
    stores = memoryStores();
    let open!: () => void;
    const opened = new Promise<void>((resolve) => {
      open = resolve;
    });
    let calls = 0;
    const enqueue = stores.queue.enqueue.bind(stores.queue);
    stores.queue.enqueue = (items, options) => {
      calls++;
      const result = enqueue(items, options);
      return opened.then(() => result); // a slow commit
    };
    server = await createServer({ stores, port: 0 });
    const bob = await RawPeer.authenticated(server.url, 'bob');
    const alice = await RawPeer.authenticated(server.url, 'alice');
    peers.push(bob, alice);
    const messageId = newMessageId();
    const shared = { type: pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT, data: new Uint8Array([1]) };
    alice.send({ requestId: 7, send: { messageId, userId: 'bob', shared } });
    await vi.waitFor(() => expect(calls).toBe(1));

    let closed = false;
    const closing = server.close().then(() => {
      closed = true;
    });
    await turns(20);
    expect(closed).toBe(false);

    open();
    await closing;
    server = undefined;
    await vi.waitFor(() => expect(alice.frames.find((f) => f.sendAck)?.sendAck?.messageId).toBe(messageId));
  });
});
