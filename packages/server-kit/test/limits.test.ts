import { newMessageId, pb } from '@parley/core';
import { textContent } from '@parley/test-utils/content';
import { RawPeer } from '@parley/test-utils/raw-peer';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, memoryStores, type ParleyServer, type ServerLimits, type ServerStores } from '../src/index.js';

const PLAINTEXT = pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT;

let server: ParleyServer | undefined;
let stores: ServerStores | undefined;
const peers: RawPeer[] = [];

async function start(limits: Partial<ServerLimits>) {
  stores = memoryStores();
  server = await createServer({ stores, limits });
  return { server, stores };
}

async function peer(userId: string): Promise<RawPeer> {
  const p = await RawPeer.authenticated((server as ParleyServer).url, userId);
  peers.push(p);
  return p;
}

afterEach(async () => {
  for (const p of peers.splice(0)) p.close();
  await server?.close();
  await stores?.close();
});

describe('gateway limits', () => {
  it('closes a silent connection after the idle timeout with IDLE_TIMEOUT, and keeps one that pings', async () => {
    // An idle timeout well above a busy machine's event-loop stalls, so only silence closes a connection.
    await start({ idleTimeoutMs: 1_500, heartbeatIntervalMs: 500 });
    const silent = await peer('silent');
    const lively = await peer('lively');
    const pinger = setInterval(() => lively.send({ requestId: 0, ping: { nonce: 1 } }), 50);
    try {
      expect(await silent.waitClosed()).toBe(4000 + pb.CloseReason.CLOSE_REASON_IDLE_TIMEOUT);
      const goodbye = silent.frames.find((f) => f.body === 'goodbye');
      expect(goodbye?.goodbye?.reason).toBe(pb.CloseReason.CLOSE_REASON_IDLE_TIMEOUT);
      expect(lively.closeCode).toBeUndefined();
    } finally {
      clearInterval(pinger);
    }
  });

  it('closes a connection that never authenticates with AUTH_TIMEOUT', async () => {
    const { server } = await start({ authTimeoutMs: 200 });
    const p = await RawPeer.open(server.url);
    peers.push(p);
    expect(await p.waitClosed()).toBe(4000 + pb.CloseReason.CLOSE_REASON_AUTH_TIMEOUT);
  });

  it('refuses a send with QUEUE_FULL (retryable) when a device queue is full, storing nothing', async () => {
    const { stores } = await start({ maxQueuedPerDevice: 5 });
    const bob = await peer('bob');
    bob.close(); // offline: entries stay queued
    const alice = await peer('alice');
    for (let i = 0; i < 5; i++) {
      const ack = await alice.request({
        send: { messageId: newMessageId(), userId: 'bob', shared: { type: PLAINTEXT, data: textContent(`m${i}`) } },
      });
      expect(ack.body).toBe('sendAck');
    }
    const refused = await alice.request({
      send: { messageId: newMessageId(), userId: 'bob', shared: { type: PLAINTEXT, data: textContent('m5') } },
    });
    expect(refused.error?.code).toBe(pb.ErrorCode.ERROR_CODE_QUEUE_FULL);
    expect(refused.error?.retryable).toBe(true);
    expect(await stores.queue.count({ userId: 'bob', deviceId: 1 })).toBe(5);
  });

  it('closes a connection that does not read with BACKPRESSURE instead of buffering without bound', async () => {
    const { stores } = await start({ maxBufferedBytes: 64 * 1024, deliveryWindow: 10_000 });
    const slow = await peer('slow');
    // Stop reading from the socket: the server's unsent buffer for this connection grows.
    (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const alice = await peer('alice');
    const payload = textContent('x'.repeat(48 * 1024));
    for (let i = 0; i < 400; i++) {
      alice.send({
        requestId: 100 + i,
        send: { messageId: newMessageId(), userId: 'slow', shared: { type: PLAINTEXT, data: payload } },
      });
    }
    await alice.waitFor((f) => f.requestId === 499);
    // The connection is gone, the messages are not: they stay queued for the next connection.
    await expect.poll(() => (server as ParleyServer).connections, { timeout: 20_000 }).toBe(1);
    expect(await stores.queue.count({ userId: 'slow', deviceId: 1 })).toBe(400);
    // Once it reads again, the last frames before the close say why.
    (slow.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await slow.waitClosed()).toBe(4000 + pb.CloseReason.CLOSE_REASON_BACKPRESSURE);
  });
});

describe('store failures during the handshake', () => {
  it('answers UNAVAILABLE and closes with a retryable reason when the authenticator fails', async () => {
    stores = memoryStores();
    server = await createServer({
      stores,
      authenticator: {
        authenticate: async () => {
          throw new Error('database down');
        },
      },
    });
    const p = await RawPeer.open(server.url);
    peers.push(p);
    const challenge = await p.request({
      hello: { protocolVersion: 1, userId: 'quinn', deviceId: 1, authKey: new Uint8Array(32) },
    });
    expect(challenge.body).toBe('challenge');
    const answer = await p.request({ auth: { signature: new Uint8Array(64), origin: p.origin } });
    expect(answer.error?.code).toBe(pb.ErrorCode.ERROR_CODE_UNAVAILABLE);
    expect(answer.error?.retryable).toBe(true);
    expect(await p.waitClosed()).toBe(4000 + pb.CloseReason.CLOSE_REASON_UNAVAILABLE);
  });
});
