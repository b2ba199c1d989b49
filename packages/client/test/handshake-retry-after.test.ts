// Issue 17: a server that refuses a connection for a while (registrations per address, too many
// unauthenticated sockets) says how long to stay away; the client's reconnect waits that long instead
// of hammering it with its short backoff, also when the app says "retry now".
import {
  type ClientFrame,
  decodeClientFrame,
  encodeServerFrame,
  generateAuthKeyPair,
  isParleyError,
  pb,
  type ServerFrameInit,
} from '@parley/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClientConnection } from '../src/connection.js';
import { silentLogger } from '../src/logger.js';
import type { WebSocketLike } from '../src/websocket-like.js';

/** The tests end by closing the connection, which rejects a pending connect() with CLOSED; anything else fails the run. */
const closedOnly = (error: unknown) => {
  if (!isParleyError(error, 'CLOSED')) throw error;
};

/** A socket whose server side the test plays through `onFrame`. */
class ScriptedSocket implements WebSocketLike {
  static opened: ScriptedSocket[] = [];
  /** What the "server" does with each client frame. */
  static onFrame: (socket: ScriptedSocket, frame: ClientFrame) => void = () => {};
  /** What the "server" does once the socket opens. */
  static onOpen: (socket: ScriptedSocket) => void = () => {};
  binaryType = '';
  readyState = 0;
  bufferedAmount = 0;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;

  constructor(readonly url: string) {
    ScriptedSocket.opened.push(this);
    queueMicrotask(() => {
      this.readyState = 1;
      this.onopen?.({});
      ScriptedSocket.onOpen(this);
    });
  }

  send(data: Uint8Array): void {
    const frame = decodeClientFrame(data);
    queueMicrotask(() => ScriptedSocket.onFrame(this, frame));
  }

  close(): void {
    this.readyState = 3;
  }

  push(frame: ServerFrameInit): void {
    this.onmessage?.({ data: encodeServerFrame(frame) });
  }

  serverClose(code: number): void {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }
}

const RATE_LIMITED = pb.CloseReason.CLOSE_REASON_RATE_LIMITED;

/** Fake timers and Date; setImmediate stays real, so `until` can wait for I/O without moving time. */
const fakeTime = () =>
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });

/** Waits (real turns of the event loop, fake time standing still) until `done()` holds. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
  expect(done()).toBe(true);
}
const firstClosed = () => ScriptedSocket.opened[0]?.readyState === 3;

async function connection() {
  const key = await generateAuthKeyPair();
  const conn = new ClientConnection({
    url: 'ws://127.0.0.1:1/',
    identity: { userId: 'alice', deviceId: 1, authPublicKey: key.publicKey, authPrivateKey: key.privateKey },
    WebSocket: ScriptedSocket,
    requestTimeoutMs: 15_000,
    backoff: {},
    clientInfo: 'test',
    onPush: async () => {},
    onReady: () => {},
    onState: () => {},
    logger: silentLogger,
    clock: { now: () => Date.now() },
  });
  return conn;
}

afterEach(() => {
  ScriptedSocket.opened = [];
  ScriptedSocket.onFrame = () => {};
  ScriptedSocket.onOpen = () => {};
  vi.useRealTimers();
});

describe('a refused handshake', () => {
  it("waits the server's retry_after_ms before connecting again, even when told to retry now", async () => {
    fakeTime();
    ScriptedSocket.onFrame = (socket, frame) => {
      if (frame.body === 'hello') socket.push({ requestId: frame.requestId, challenge: { nonce: new Uint8Array(32) } });
      if (frame.body === 'auth') {
        // Too many new users from this address: the error, then the Goodbye and the close.
        socket.push({
          requestId: frame.requestId,
          error: { code: pb.ErrorCode.ERROR_CODE_RATE_LIMITED, retryable: true, retryAfterMs: 60_000 },
        });
        socket.push({ goodbye: { reason: RATE_LIMITED, reconnectAfterMs: 60_000 } });
        socket.serverClose(4000 + RATE_LIMITED);
      }
    };
    const conn = await connection();
    void conn.connect().catch(closedOnly);
    await until(firstClosed);
    // Without the hint the backoff would retry within 500 ms.
    await vi.advanceTimersByTimeAsync(59_000);
    conn.retryNow(); // the network came back: still not before the server's time
    await vi.advanceTimersByTimeAsync(999);
    expect(ScriptedSocket.opened).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(ScriptedSocket.opened).toHaveLength(2);
    conn.close();
  });

  it('waits the reconnect_after_ms of a Goodbye that closes the socket before the handshake', async () => {
    fakeTime();
    // Too many unauthenticated sockets: refused at once, before any Hello is answered.
    ScriptedSocket.onOpen = (socket) => {
      if (ScriptedSocket.opened.length > 1) return;
      socket.push({ goodbye: { reason: RATE_LIMITED, reconnectAfterMs: 5_000 } });
      socket.serverClose(4000 + RATE_LIMITED);
    };
    const conn = await connection();
    void conn.connect().catch(closedOnly);
    await until(firstClosed);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(ScriptedSocket.opened).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(ScriptedSocket.opened).toHaveLength(2);
    conn.close();
  });

  it('still retries within its short backoff after a refusal without a hint', async () => {
    fakeTime();
    ScriptedSocket.onOpen = (socket) => {
      if (ScriptedSocket.opened.length === 1) socket.serverClose(1006);
    };
    const conn = await connection();
    void conn.connect().catch(closedOnly);
    await until(firstClosed);
    await vi.advanceTimersByTimeAsync(500);
    expect(ScriptedSocket.opened).toHaveLength(2);
    conn.close();
  });
});
