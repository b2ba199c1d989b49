import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ServerChild, startServerChild } from '../src/child.js';
import { COUNTER_FIELDS, counterBuffer, counterRow, readRow, sumRows } from '../src/generator/counters.js';
import type { ClientSpec } from '../src/generator/generator.js';
import { startInProcess } from '../src/generator/in-process.js';
import { slices, startThreads, type ThreadedGenerator } from '../src/generator/threaded.js';
import { runOpenLoop } from '../src/load.js';
import { type BenchDevice, connectDevices, makeIdentities } from '../src/parley-bench-client.js';

describe('generator counters', () => {
  it('keeps a row per thread: writes land in their own row, sums add up, lag is the worst row', () => {
    const buffer = counterBuffer(3);
    const rows = [0, 1, 2].map((r) => counterRow(buffer, r));
    rows.forEach((row, r) => {
      row.sent += 10 * (r + 1);
      row.received++;
      row.receiptsInAck = (row.receiptsInAck ?? 0) + r;
      row.maxLagMs = [5, 40, 7][r] as number;
    });
    expect(readRow(buffer, 1)).toMatchObject({ sent: 20, received: 1, receiptsInAck: 1, maxLagMs: 40, acked: 0 });
    expect(sumRows(buffer)).toMatchObject({ sent: 60, received: 3, receiptsInAck: 3, maxLagMs: 40, errors: 0 });
    // Every field has its own slot.
    const one = counterRow(buffer, 0);
    COUNTER_FIELDS.forEach((f, i) => {
      one[f] = 1000 + i;
    });
    COUNTER_FIELDS.forEach((f, i) => {
      expect(readRow(buffer, 0)[f]).toBe(1000 + i);
    });
    expect(readRow(buffer, 2).sent).toBe(30);
  });

  it('splits clients into contiguous slices covering every client once', () => {
    for (const [clients, threads] of [
      [10, 3],
      [1000, 4],
      [7, 7],
      [5, 1],
    ] as const) {
      const list = slices(clients, threads);
      expect(list).toHaveLength(threads);
      let next = 0;
      for (const s of list) {
        expect(s.first).toBe(next);
        expect(s.count).toBeGreaterThanOrEqual(Math.floor(clients / threads));
        next += s.count;
      }
      expect(next).toBe(clients);
    }
  });
});

describe('a slice of Parley clients', () => {
  it('spreads its devices over gateways by their index in the whole set', async () => {
    const urls: string[] = [];
    const fake = (n: number) =>
      Array.from({ length: n }, () => ({
        connect: async (url: string) => {
          urls.push(url);
        },
      })) as unknown as BenchDevice[];
    // Clients 5..8 of a set spread over 3 gateways: 5 % 3 = 2, then 0, 1, 2.
    await connectDevices(fake(4), ['g0', 'g1', 'g2'], { concurrency: 1, firstIndex: 5 });
    expect(urls).toEqual(['g2', 'g0', 'g1', 'g2']);
  });
});

/** Sends `pairs` (from, to) as one tick's batch with seqs from `firstSeq`, then flushes. */
function sendTick(
  gen: { send(f: number, t: number, s: number): void; flush?(at: number): void },
  pairs: number[][],
  firstSeq: number,
) {
  pairs.forEach(([from, to], i) => {
    gen.send(from as number, to as number, firstSeq + i);
  });
  gen.flush?.(performance.timeOrigin + performance.now());
}

/** A bench server child for the tests of one describe block. */
function useServerChild(script: string): () => ServerChild {
  let child: ServerChild | undefined;
  beforeAll(async () => {
    child = await startServerChild(script, undefined);
  }, 30_000);
  afterAll(() => child?.stop());
  return () => {
    if (!child) throw new Error(`${script} not started`);
    return child;
  };
}

describe('generator threads against the relay', () => {
  const relay = useServerChild('./relay-server.ts');
  const spec = (clients: number): ClientSpec => ({
    protocol: 'relay',
    clients,
    size: 32,
    identities: [],
    urls: [`ws://127.0.0.1:${relay().port}`],
  });

  it('routes each send to the thread owning its sender and each delivery to the one owning its recipient', async () => {
    const gen = await startThreads(spec(12), 3);
    try {
      expect(gen.threads).toBe(3);
      // Client 0 (thread 0) writes to every client of thread 2 (8..11): relay ids are global indexes.
      sendTick(
        gen,
        [8, 9, 10, 11].map((to) => [0, to]),
        0,
      );
      await vi.waitFor(() => expect(gen.totals().received).toBe(4), { timeout: 10_000 });
      const rows = gen.perThread();
      expect(rows.map((r) => r.sent)).toEqual([4, 0, 0]);
      expect(rows.map((r) => r.received)).toEqual([0, 0, 4]);
      expect(rows.map((r) => r.batches)).toEqual([1, 0, 0]);
      expect(gen.pending()).toBe(0);
      // A tick with senders in two threads: one batch to each.
      sendTick(
        gen,
        [
          [5, 0],
          [6, 1],
          [11, 4],
        ],
        4,
      );
      await vi.waitFor(() => expect(gen.totals().received).toBe(7), { timeout: 10_000 });
      expect(gen.perThread().map((r) => r.batches)).toEqual([1, 1, 1]);
      expect(gen.perThread().map((r) => r.sent)).toEqual([4, 2, 1]);
      expect(gen.totals()).toMatchObject({ sent: 7, received: 7, duplicates: 0, errors: 0, disconnects: 0 });
    } finally {
      await gen.close();
    }
  });

  it('runs the open loop over threads: every message arrives once, the window is sampled on one clock', async () => {
    const gen = await startThreads(spec(30), 3);
    try {
      const rate = 400;
      const [warmupMs, measureMs] = [200, 800];
      const windowFrom = (rate * warmupMs) / 1000;
      const windowTo = (rate * (warmupMs + measureMs)) / 1000;
      gen.setWindow(windowFrom, windowTo);
      const load = await runOpenLoop(
        gen,
        {
          rate,
          tickMs: 5,
          phases: [
            { name: 'warmup', ms: warmupMs },
            { name: 'measure', ms: measureMs },
          ],
        },
        () => {},
      );
      expect((load.sent.warmup ?? 0) + (load.sent.measure ?? 0)).toBe(windowTo);
      await vi.waitFor(
        () => {
          expect(gen.pending()).toBe(0);
          expect(gen.totals()).toMatchObject({ sent: windowTo, received: windowTo });
        },
        { timeout: 15_000 },
      );
      const totals = gen.totals();
      expect(totals).toMatchObject({ duplicates: 0, errors: 0, windowReceived: windowTo - windowFrom });
      expect(totals.batches).toBeGreaterThan(3);
      // The threads' lag: each batch written at or after its tick's scheduled time.
      expect(totals.maxLagMs).toBeGreaterThan(0);
      const { latency, lag } = await gen.finish();
      expect(latency.count).toBe(windowTo - windowFrom);
      // Lag is sampled for the window's batches only (a sample each), not the warm-up's.
      expect(lag).toHaveLength(3);
      const sampled = lag.reduce((n, s) => n + s.count, 0);
      expect(sampled).toBeGreaterThan(0);
      expect(sampled).toBeLessThan(totals.batches);
      // Stamped in one thread, received in another: never negative on a clock shared by threads.
      const sorted = latency.sorted();
      expect(sorted[0]).toBeGreaterThan(0);
    } finally {
      await gen.close();
    }
  });

  it('keeps --generators 1 in process, with the same counters', async () => {
    const gen = await startInProcess(spec(6));
    try {
      expect(gen.threads).toBe(0);
      gen.setWindow(0, 3);
      sendTick(
        gen,
        [
          [0, 5],
          [1, 4],
          [2, 3],
          [3, 2],
        ],
        0,
      );
      await vi.waitFor(() => expect(gen.totals()).toMatchObject({ sent: 4, received: 4, windowReceived: 3 }));
      expect(gen.pending()).toBe(0);
      expect((await gen.finish()).latency.count).toBe(3);
    } finally {
      await gen.close();
    }
  });

  it('fails the run when a thread dies: its batches stay pending and finish() rejects', async () => {
    const gen: ThreadedGenerator = await startThreads(spec(8), 2);
    try {
      await gen.thread(1)?.terminate();
      sendTick(
        gen,
        [
          [0, 1],
          [5, 2],
        ],
        0,
      );
      await vi.waitFor(() => expect(gen.totals().received).toBe(1), { timeout: 10_000 });
      expect(gen.pending()).toBe(1); // the dead thread's batch: the drain never settles on it
      await expect(gen.finish()).rejects.toThrow(/generator thread 1/);
    } finally {
      await gen.close();
    }
  });

  it('fails to start, bounded, when a thread cannot connect, and ends every thread', async () => {
    const closed = { ...spec(4), urls: ['ws://127.0.0.1:1'] };
    // The thread's own error, at once (not the main thread's timeout on its answer).
    await expect(startThreads(closed, 2, { timeoutMs: 5_000 })).rejects.toThrow(/generator thread \d: .*ECONNREFUSED/);
  });
});

describe('generator threads against a Parley server', () => {
  const server = useServerChild('./parley-server.ts');

  it('sends across threads to recipients by global index; every send acked and delivered', async () => {
    const identities = await makeIdentities(9, 'gen-test-');
    const gen = await startThreads(
      { protocol: 'parley', clients: 9, size: 40, identities, urls: [`ws://127.0.0.1:${server().port}`] },
      3,
    );
    try {
      gen.setWindow(0, 100);
      // Every client writes to the next one: each thread sends to its own and the next thread's clients.
      sendTick(
        gen,
        Array.from({ length: 9 }, (_, i) => [i, (i + 1) % 9]),
        0,
      );
      await vi.waitFor(() => expect(gen.totals()).toMatchObject({ sent: 9, acked: 9, received: 9 }), {
        timeout: 15_000,
      });
      expect(gen.perThread().map((r) => r.received)).toEqual([3, 3, 3]);
      const { latency, errorSamples } = await gen.finish();
      expect(latency.count).toBe(9);
      expect(errorSamples.size).toBe(0);
      expect(gen.totals()).toMatchObject({ errors: 0, duplicates: 0, windowReceived: 9 });
    } finally {
      await gen.close();
    }
  });
});
