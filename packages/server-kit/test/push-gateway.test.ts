import { newMessageId, pb } from '@parley/core';
import { textContent } from '@parley/test-utils/content';
import { RawPeer } from '@parley/test-utils/raw-peer';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, memoryPushSink, memoryStores, type ParleyServer, type ServerStores } from '../src/index.js';

const PLAINTEXT = pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT;

let server: ParleyServer | undefined;
let stores: ServerStores | undefined;
const peers: RawPeer[] = [];

afterEach(async () => {
  for (const p of peers.splice(0)) p.close();
  await server?.close();
  await stores?.close();
});

describe('push notifications through the gateway', () => {
  it('wakes an offline device with a handful of content-free pushes carrying the right count', async () => {
    const sink = memoryPushSink();
    stores = memoryStores();
    // At most one push per second: 100 sends within a few seconds (even on a busy CI machine) give a handful.
    server = await createServer({ stores, push: sink, pushIntervalMs: 1_000 });
    const bob = await RawPeer.authenticated(server.url, 'bob');
    expect((await bob.request({ registerPushToken: { provider: 'fcm', token: 'bob-token' } })).body).toBe('ok');
    bob.close();
    await expect.poll(() => (server as ParleyServer).connections).toBe(0);
    const alice = await RawPeer.authenticated(server.url, 'alice');
    peers.push(alice);
    const started = Date.now();
    for (let i = 0; i < 100; i++) {
      const ack = await alice.request({
        send: { messageId: newMessageId(), userId: 'bob', shared: { type: PLAINTEXT, data: textContent(`m${i}`) } },
      });
      expect(ack.body).toBe('sendAck');
    }
    const total = () => sink.callsFor({ userId: 'bob', deviceId: 1 }).reduce((n, c) => n + c.count, 0);
    await expect.poll(total, { timeout: 15_000 }).toBe(100);
    const calls = sink.callsFor({ userId: 'bob', deviceId: 1 });
    expect(calls.length).toBeGreaterThanOrEqual(1);
    expect(calls.length).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / 1_000) + 1);
    expect(calls.length).toBeLessThanOrEqual(10);
    // Only the address, the count and the token: no content, no sender.
    for (const call of calls) {
      expect(Object.keys(call).sort()).toEqual(['count', 'deviceId', 'token', 'userId']);
      expect(call.token).toEqual({ provider: 'fcm', token: 'bob-token' });
    }
    // alice is connected: nothing was pushed to her.
    expect(sink.callsFor({ userId: 'alice', deviceId: 1 })).toEqual([]);
  });
});
