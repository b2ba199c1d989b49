import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { DEFAULT_LIMITS } from '../src/contracts/limits.js';
import { TimeBase } from '../src/contracts/time-base.js';
import { Connection } from '../src/gateway/connection.js';
import { fakeClock } from '../src/testing/fixture.js';
import { manualTimers } from '../src/testing/manual-timers.js';

// Close callbacks are kept outside the connection (few connections ever have one): each must still
// run once when its connection closes, whichever way it closes, and none of another connection's.

function connection(id: string) {
  const listeners: Array<() => void> = [];
  const socket = {
    readyState: 1,
    OPEN: 1,
    CLOSED: 3,
    bufferedAmount: 0,
    send: () => {},
    close: () => {},
    terminate: () => {},
    on: (event: string, listener: () => void) => {
      if (event === 'close') listeners.push(listener);
    },
  };
  const timers = manualTimers(fakeClock());
  const c = new Connection(
    id,
    socket as unknown as WebSocket,
    { limits: DEFAULT_LIMITS, setTimer: timers.setTimer, times: new TimeBase() },
    0,
  );
  return {
    c,
    socketClosed: () => {
      for (const l of listeners) l();
    },
  };
}

describe('Connection.onClosed', () => {
  it('runs each callback once, in order, when its own connection closes', () => {
    const a = connection('a');
    const b = connection('b');
    const calls: string[] = [];
    a.c.onClosed(() => calls.push('a1'));
    b.c.onClosed(() => calls.push('b1'));
    a.c.onClosed(() => calls.push('a2'));
    a.socketClosed(); // the peer went away
    a.socketClosed();
    expect(calls).toEqual(['a1', 'a2']);
    b.c.terminate();
    expect(calls).toEqual(['a1', 'a2', 'b1']);
    a.c.onClosed(() => calls.push('a3')); // already closed: at once
    expect(calls).toEqual(['a1', 'a2', 'b1', 'a3']);
  });
});
