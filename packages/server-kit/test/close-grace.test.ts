// After a close the Goodbye and close frame sit behind the unsent bytes: the socket is kept while
// they drain and dropped once they stop shrinking for closeGraceMs (30 s at the latest).
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { DEFAULT_LIMITS } from '../src/contracts/limits.js';
import { TimeBase } from '../src/contracts/time-base.js';
import { CloseReasons, Connection } from '../src/gateway/connection.js';
import { fakeClock } from '../src/testing/fixture.js';
import { manualTimers } from '../src/testing/manual-timers.js';

/** The socket surface Connection uses, with the unsent byte count set by the test. */
function fakeSocket() {
  const socket = {
    OPEN: 1,
    CLOSED: 3,
    readyState: 1,
    bufferedAmount: 0,
    terminated: false,
    send: () => {},
    close: () => {
      socket.readyState = 2;
    },
    terminate: () => {
      socket.terminated = true;
      socket.readyState = 3;
    },
    on: () => {},
    pause: () => {},
    resume: () => {},
  };
  return socket;
}

function setup(closeGraceMs: number) {
  const time = fakeClock();
  const timers = manualTimers(time);
  const socket = fakeSocket();
  const limits = { ...DEFAULT_LIMITS, closeGraceMs };
  const connection = new Connection(
    'c1',
    socket as unknown as WebSocket,
    { limits, setTimer: timers.setTimer, times: new TimeBase() },
    time.now,
  );
  return { socket, timers, connection };
}

describe('closing a connection with unsent bytes', () => {
  it('drops a socket whose unsent bytes do not shrink after closeGraceMs, not before', async () => {
    const { socket, timers, connection } = setup(5_000);
    socket.bufferedAmount = 8 << 20;
    connection.close(CloseReasons.CLOSE_REASON_BACKPRESSURE, 'slow');
    await timers.advance(4_999);
    expect(socket.terminated).toBe(false);
    await timers.advance(1);
    expect(socket.terminated).toBe(true);
  });

  it('keeps a socket that is draining, one grace past the last progress, and 30 s at most', async () => {
    const { socket, timers, connection } = setup(2_000);
    socket.bufferedAmount = 8 << 20;
    connection.close(CloseReasons.CLOSE_REASON_BACKPRESSURE, 'slow');
    for (let i = 0; i < 4; i++) {
      socket.bufferedAmount -= 1 << 20; // the peer reads a little every period
      await timers.advance(2_000);
      expect(socket.terminated).toBe(false);
    }
    socket.bufferedAmount = 0; // all handed to the kernel: one more grace for the peer to read it
    await timers.advance(2_000);
    expect(socket.terminated).toBe(false);
    await timers.advance(2_000);
    expect(socket.terminated).toBe(true);

    const slow = setup(2_000);
    slow.socket.bufferedAmount = 8 << 20;
    slow.connection.close(CloseReasons.CLOSE_REASON_BACKPRESSURE, 'slow');
    for (let t = 0; t < 28_000; t += 2_000) {
      slow.socket.bufferedAmount -= 1_000; // always a little progress
      await slow.timers.advance(2_000);
    }
    expect(slow.socket.terminated).toBe(false);
    slow.socket.bufferedAmount -= 1_000;
    await slow.timers.advance(2_000);
    expect(slow.socket.terminated).toBe(true);
  });

  it('leaves a socket alone that finished the closing handshake', async () => {
    const { socket, timers, connection } = setup(2_000);
    connection.close(CloseReasons.CLOSE_REASON_IDLE_TIMEOUT, 'idle');
    socket.readyState = 3;
    await timers.advance(60_000);
    expect(socket.terminated).toBe(false);
    expect(timers.pending()).toBe(0);
  });
});
