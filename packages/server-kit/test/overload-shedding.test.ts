import { newMessageId, pb, type ServerFrame } from '@parley/core';
import { RawPeer } from '@parley/test-utils/raw-peer';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createServer, memoryStores, type ParleyServer, type ServerStores } from '../src/index.js';

const PLAINTEXT = pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT;
const E = pb.ErrorCode;

let server: ParleyServer | undefined;
let stores: ServerStores | undefined;
const peers: RawPeer[] = [];

afterEach(async () => {
  for (const p of peers.splice(0)) p.close();
  await server?.close();
  await stores?.close();
});

const delivered = (peer: RawPeer) =>
  peer.frames.flatMap((f: ServerFrame) => (f.deliver?.envelopes ?? []).map((e) => e.messageId as string));

describe('load shedding', () => {
  it('refuses what a pipelining sender queues past its fair share with OVERLOADED, stores none of it, and serves others', async () => {
    // Every store write of 'flood' waits at a gate, so its requests stay pending as long as the test needs.
    stores = memoryStores();
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const enqueue = stores.queue.enqueue.bind(stores.queue);
    stores.queue.enqueue = async (items, options) => {
      if (items[0]?.id.startsWith('flood')) await gate;
      return enqueue(items, options);
    };
    server = await createServer({ stores, port: 0, limits: { maxPendingRequests: 4, overloadRetryAfterMs: 123 } });
    const bob = await RawPeer.authenticated(server.url, 'bob');
    const flood = await RawPeer.authenticated(server.url, 'flood');
    const calm = await RawPeer.authenticated(server.url, 'calm');
    peers.push(bob, flood, calm);

    const ids = Array.from({ length: 40 }, () => newMessageId());
    const send = (messageId: string) => ({
      send: { messageId, userId: 'bob', shared: { type: PLAINTEXT, data: new Uint8Array([1]) } },
    });
    for (const [i, id] of ids.entries()) flood.send({ requestId: 1000 + i, ...send(id) });
    flood.send({ requestId: 2000, ping: { nonce: 7 } }); // never shed

    // 4 wait (the gateway's whole budget, and flood's fair share); the 36 after them are refused.
    await vi.waitFor(() => expect(flood.frames.filter((f) => f.error)).toHaveLength(36), { timeout: 20_000 });
    const refused = flood.frames.filter((f) => f.error);
    expect(refused.every((f) => f.error?.code === E.ERROR_CODE_OVERLOADED && f.error.retryable)).toBe(true);
    expect(refused.every((f) => Number(f.error?.retryAfterMs) === 123)).toBe(true);
    expect(refused.map((f) => Number(f.requestId))).toEqual(ids.slice(4).map((_, i) => 1004 + i));

    // Another connection, with nothing waiting, is served at once.
    expect((await calm.request(send(newMessageId()))).sendAck).toBeTruthy();

    // The ping is answered while the accepted sends still wait for their store: a send lets the
    // connection's next frame start once its seqs are fixed (pipelined-sends.test.ts).
    expect((await flood.waitFor((f) => Number(f.requestId) === 2000)).pong?.nonce).toBe(7);
    expect(flood.frames.some((f) => f.sendAck)).toBe(false);
    open();
    await vi.waitFor(() => expect(flood.frames.filter((f) => f.sendAck)).toHaveLength(4));
    expect(flood.frames.filter((f) => f.sendAck).map((f) => f.sendAck?.messageId)).toEqual(ids.slice(0, 4));
    // Nothing of a refused send was stored: bob gets the four accepted ones (and calm's) only.
    await vi.waitFor(() => expect(delivered(bob)).toHaveLength(5));
    expect(delivered(bob).filter((id) => ids.includes(id))).toEqual(ids.slice(0, 4));

    // Resent one at a time (as an outbox does), the refused ones are stored once each, in order.
    for (const id of ids.slice(4)) expect((await flood.request(send(id))).sendAck?.messageId).toBe(id);
    await vi.waitFor(() => expect(delivered(bob).filter((id) => ids.includes(id))).toEqual(ids));
  });
});
