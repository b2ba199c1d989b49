import { newMessageId, pb } from '@parley/core';
import { sendText, useAbuseServer } from '@parley/test-utils/abuse-server';
import { textContent } from '@parley/test-utils/content';
import { describe, expect, it, vi } from 'vitest';
import { Connection } from '../src/gateway/connection.js';

const PLAINTEXT = pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT;
const fixture = useAbuseServer();

/** Pauses (or resumes) reading a raw peer's socket: the server's unsent bytes for it grow. */
const reading = (peer: { ws: unknown }, on: boolean) => {
  const socket = (peer.ws as { _socket: { pause(): void; resume(): void } })._socket;
  if (on) socket.resume();
  else socket.pause();
};

describe('gateway limits', () => {
  it('closes a silent connection after the idle timeout with IDLE_TIMEOUT, and keeps one that pings', async () => {
    // An idle timeout well above a busy machine's event-loop stalls, so only silence closes a connection.
    const { peer } = await fixture.start({ idleTimeoutMs: 1_500, heartbeatIntervalMs: 500 });
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
    const { open } = await fixture.start({ authTimeoutMs: 200 });
    const p = await open();
    expect(await p.waitClosed()).toBe(4000 + pb.CloseReason.CLOSE_REASON_AUTH_TIMEOUT);
  });

  it('refuses a send with QUEUE_FULL (retryable) when a device queue is full, storing nothing', async () => {
    const { stores, peer } = await fixture.start({ maxQueuedPerDevice: 5 });
    const bob = await peer('bob');
    bob.close(); // offline: entries stay queued
    const alice = await peer('alice');
    for (let i = 0; i < 5; i++) expect((await sendText(alice, 'bob', `m${i}`)).body).toBe('sendAck');
    const refused = await sendText(alice, 'bob', 'm5');
    expect(refused.error?.code).toBe(pb.ErrorCode.ERROR_CODE_QUEUE_FULL);
    expect(refused.error?.retryable).toBe(true);
    expect(refused.error?.retryAfterMs).toBeGreaterThan(0);
    expect(await stores.queue.count({ userId: 'bob', deviceId: 1 })).toBe(5);
  });

  it('holds deliveries to a connection that does not read at half the buffer limit: it stays open and loses nothing', async () => {
    const { server, stores, peer } = await fixture.start({ maxBufferedBytes: 64 * 1024, deliveryWindow: 10_000 });
    const slow = await peer('slow');
    reading(slow, false);
    const alice = await peer('alice');
    const payload = textContent('x'.repeat(48 * 1024));
    for (let i = 0; i < 400; i++) {
      alice.send({
        requestId: 100 + i,
        send: { messageId: newMessageId(), userId: 'slow', shared: { type: PLAINTEXT, data: payload } },
      });
    }
    await alice.waitFor((f) => f.requestId === 499);
    expect(await stores.queue.count({ userId: 'slow', deviceId: 1 })).toBe(400);
    expect(server.connections).toBe(2);
    expect(slow.closeCode).toBeUndefined();
  });

  it('closes a connection with BACKPRESSURE when a frame would pass its unsent limit, and the Goodbye reaches it once it reads', async () => {
    // A grace well above this test's own delays: the stalled reader resumes before the server
    // drops its socket, so it must see the documented Goodbye and 4006, never 1006.
    const { server, peer } = await fixture.start({ maxBufferedBytes: 64 * 1024, closeGraceMs: 30_000 });
    let slowConnection: Connection | undefined;
    const original = Connection.prototype.sendDeliver;
    vi.spyOn(Connection.prototype, 'sendDeliver').mockImplementation(function (this: Connection, list) {
      if (this.address?.userId === 'slow') slowConnection = this;
      return original.call(this, list);
    });
    try {
      const slow = await peer('slow');
      reading(slow, false);
      const alice = await peer('alice');
      await sendText(alice, 'slow');
      await expect.poll(() => slowConnection !== undefined).toBe(true);
      // Deliveries are paced below the limit (above); any other frame that would pass it closes.
      expect(slowConnection?.sendBytes(new Uint8Array(128 * 1024))).toBe(false);
      await expect.poll(() => server.connections, { timeout: 20_000 }).toBe(1);
      reading(slow, true);
      expect(await slow.waitClosed()).toBe(4000 + pb.CloseReason.CLOSE_REASON_BACKPRESSURE);
      const goodbye = slow.frames.find((f) => f.body === 'goodbye');
      expect(goodbye?.goodbye?.reason).toBe(pb.CloseReason.CLOSE_REASON_BACKPRESSURE);
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe('store failures during the handshake', () => {
  it('answers UNAVAILABLE and closes with a retryable reason when the authenticator fails', async () => {
    const { open } = await fixture.start(
      {},
      {
        authenticator: {
          authenticate: async () => {
            throw new Error('database down');
          },
        },
      },
    );
    const p = await open();
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
