// The ordered chain of a connection's frames (connection-reader.ts) without a promise of the
// reader's own (issue 15 aim 1): a frame starts once the one before it said it is ordered or
// settled, never sooner, in the order they were read; every frame taken on is counted until it
// settles (a stopping gateway waits for it), those still waiting their turn included.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { DEFAULT_LIMITS } from '../src/contracts/limits.js';
import { Admission } from '../src/gateway/admission.js';
import type { Connection } from '../src/gateway/connection.js';
import { ConnectionReader, type ReaderLoop } from '../src/gateway/connection-reader.js';
import { FrameBudget } from '../src/gateway/frame-budget.js';
import type { Handshake } from '../src/gateway/handshake.js';

interface Started {
  n: number;
  ordered: () => void;
  settled: () => void;
}

function setUp() {
  const started: Started[] = [];
  let inflight = 0;
  const limits = { ...DEFAULT_LIMITS, maxConcurrentRequests: 100 };
  const clock = () => 0;
  const loop: ReaderLoop = {
    limits,
    clock,
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    setTimer: () => () => {},
    admission: new Admission({ maxPending: 1000, targetDelayMs: 1000, retryAfterMs: 1, clock }),
    frameBudget: new FrameBudget(1e9, 1e9),
    closing: () => false,
    began: () => {
      inflight++;
    },
    ended: () => {
      inflight--;
    },
    shed: () => false,
    acknowledge: async () => {},
    onFrame: (_reader, bytes, _isBinary, ordered, settled) => {
      started.push({ n: bytes[0] as number, ordered, settled });
    },
  };
  const connection = {
    id: 'c',
    isOpen: true,
    state: 'hello',
    address: undefined,
    lastReceivedAt: 0,
    pauseReading() {},
    resumeReading() {},
    close() {},
  } as unknown as Connection;
  const ws = new EventEmitter();
  new ConnectionReader(loop, connection, ws as unknown as WebSocket, {} as Handshake);
  const read = (n: number) => ws.emit('message', Buffer.from([n]), true);
  return { started, read, inflight: () => inflight };
}

/** Lets queued microtasks run (a waiting frame starts one microtask after its turn came). */
const microtasks = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the ordered chain of a connection', () => {
  it('starts a frame read while nothing waits at once', () => {
    const { started, read, inflight } = setUp();
    read(1);
    expect(started.map((s) => s.n)).toEqual([1]);
    expect(inflight()).toBe(1);
    started[0]?.settled();
    expect(inflight()).toBe(0);
    read(2);
    expect(started.map((s) => s.n)).toEqual([1, 2]);
  });

  it('starts the next frame only once the one before is ordered or settled, in the order read', async () => {
    const { started, read, inflight } = setUp();
    read(1);
    read(2);
    read(3);
    await microtasks();
    expect(started.map((s) => s.n)).toEqual([1]);
    expect(inflight()).toBe(3); // the waiting frames count too
    started[0]?.ordered(); // a send whose seqs are fixed: the next may start before its commit
    started[0]?.ordered(); // said twice: still one turn
    await microtasks();
    expect(started.map((s) => s.n)).toEqual([1, 2]);
    started[0]?.settled(); // the first settling gives no turn away again
    await microtasks();
    expect(started.map((s) => s.n)).toEqual([1, 2]);
    expect(inflight()).toBe(2);
    read(4);
    started[1]?.settled(); // settled without saying ordered: the turn passes all the same
    await microtasks();
    expect(started.map((s) => s.n)).toEqual([1, 2, 3]);
    started[2]?.ordered();
    await microtasks();
    expect(started.map((s) => s.n)).toEqual([1, 2, 3, 4]);
    started[3]?.settled();
    started[2]?.settled();
    expect(inflight()).toBe(0);
    read(5); // nothing waits: at once
    expect(started.map((s) => s.n)).toEqual([1, 2, 3, 4, 5]);
  });

  it('a frame read after the turn passed but before the next frame started waits behind it', async () => {
    const { started, read } = setUp();
    read(1);
    read(2);
    started[0]?.settled(); // frame 2 starts a microtask later
    read(3); // read before that microtask: it must not overtake frame 2
    expect(started.map((s) => s.n)).toEqual([1]);
    await microtasks();
    expect(started.map((s) => s.n)).toEqual([1, 2]);
    started[1]?.settled();
    await microtasks();
    expect(started.map((s) => s.n)).toEqual([1, 2, 3]);
  });
});
