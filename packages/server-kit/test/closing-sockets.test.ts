import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { DEFAULT_LIMITS } from '../src/contracts/limits.js';
import { TimeBase } from '../src/contracts/time-base.js';
import { ClosingSockets } from '../src/gateway/closing-sockets.js';
import { CloseReasons, Connection } from '../src/gateway/connection.js';
import { fakeClock } from '../src/testing/fixture.js';
import { manualTimers } from '../src/testing/manual-timers.js';

// ws keeps no list of the server's clients (clientTracking off, which cost every idle connection
// ~160 bytes): a stopping server waits for, then cuts, the sockets the gateway closed. Every socket
// a connection closes must be among them until its peer is gone, and only until then.

class FakeSocket extends EventEmitter {
  readonly OPEN = 1;
  readonly CLOSED = 3;
  readyState = 1;
  bufferedAmount = 0;
  terminated = false;
  send(): void {}
  close(): void {
    this.readyState = 2;
  }
  terminate(): void {
    this.terminated = true;
    this.gone();
  }
  /** The closing handshake is over. */
  gone(): void {
    this.readyState = 3;
    this.emit('close');
  }
}

const asWs = (s: FakeSocket) => s as unknown as WebSocket;

describe('ClosingSockets', () => {
  it('holds a socket from its close until its peer is gone, and cuts the ones left', () => {
    const closing = new ClosingSockets();
    const polite = new FakeSocket();
    const stalled = new FakeSocket();
    const gone = new FakeSocket();
    gone.readyState = 3;
    for (const s of [polite, stalled, gone, polite]) closing.add(asWs(s));
    expect(closing.size).toBe(2);
    polite.gone();
    expect(closing.size).toBe(1);
    closing.terminateAll();
    expect([polite.terminated, stalled.terminated]).toEqual([false, true]);
    expect(closing.size).toBe(0);
  });

  it('gets the socket of every connection that closes', () => {
    const closing = new ClosingSockets();
    const timers = manualTimers(fakeClock());
    const shared = { limits: DEFAULT_LIMITS, setTimer: timers.setTimer, times: new TimeBase(), closing };
    const sockets = [new FakeSocket(), new FakeSocket()];
    const [a, b] = sockets.map((s, i) => new Connection(`c${i}`, asWs(s), shared, 0));
    expect(closing.size).toBe(0); // open connections are not tracked
    a?.close(CloseReasons.CLOSE_REASON_SERVER_SHUTDOWN, 'bye');
    b?.close(CloseReasons.CLOSE_REASON_IDLE_TIMEOUT, 'silent');
    expect(closing.size).toBe(2);
    sockets[0]?.gone();
    closing.terminateAll();
    expect(sockets.map((s) => s.terminated)).toEqual([false, true]);
  });
});
