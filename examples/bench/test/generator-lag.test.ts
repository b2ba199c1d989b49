// The validity rule of bench:delivery's load generator, on simulated time: one pause keeps a run
// valid, a generator that cannot keep the schedule makes it INVALID.
import { describe, expect, it } from 'vitest';
import { generatorVerdict, LagSampler, summarizeLag } from '../src/generator/lag.js';
import { type LoadTarget, runOpenLoop, type SchedulerClock } from '../src/load.js';

const RATE = 2_000;
const TICK_MS = 5;
const WARMUP_MS = 1_000;
const MEASURE_MS = 10_000;

/**
 * Simulated time: a timer fires exactly when due, then the clock jumps by `stall(now)` (a pause of
 * the event loop: GC, JIT); `advance` is time spent in a send.
 */
function simulated(stall: (now: number) => number = () => 0) {
  let now = 0;
  const clock: SchedulerClock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      setImmediate(() => {
        now += ms;
        now += stall(now);
        fn();
      });
    },
  };
  return {
    clock,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** A pause of `ms` the first time the clock passes `atMs`. */
function pauseOnce(atMs: number, ms: number) {
  let done = false;
  return (now: number) => {
    if (done || now < atMs) return 0;
    done = true;
    return ms;
  };
}

/** Runs the scheduler (warm-up, measured window) on `clock`; each send costs `sendMs` of it. */
async function schedule(sim: ReturnType<typeof simulated>, sendMs = 0) {
  let written = 0;
  let atWindowStart = 0;
  let atWindowEnd = 0;
  const target: LoadTarget = {
    clients: 10,
    send: () => {
      written++;
      sim.advance(sendMs);
    },
  };
  const load = await runOpenLoop(
    target,
    {
      rate: RATE,
      tickMs: TICK_MS,
      sampledPhase: 'measure',
      clock: sim.clock,
      phases: [
        { name: 'warmup', ms: WARMUP_MS },
        { name: 'measure', ms: MEASURE_MS },
      ],
    },
    (phase) => {
      if (phase === 'measure') atWindowStart = written;
      if (phase === undefined) atWindowEnd = written;
    },
  );
  const lag = summarizeLag([load.lag.samples], load.lag.maxMs);
  const scheduled = (RATE * MEASURE_MS) / 1000;
  return { load, lag, verdict: generatorVerdict({ cpuPct: 50, lag, written: atWindowEnd - atWindowStart, scheduled }) };
}

describe('the scheduler lag over the measured window', () => {
  it('keeps a run valid through one 200 ms pause: one late tick, the missed sends caught up', async () => {
    const { load, lag, verdict } = await schedule(simulated(pauseOnce(WARMUP_MS + 4_000, 200)));
    expect(verdict).toEqual({ ok: true, reasons: [] });
    expect(lag.late).toBe(1);
    expect(lag.maxMs).toBeGreaterThanOrEqual(200);
    expect(lag.p99Ms).toBeLessThanOrEqual(TICK_MS);
    expect(load.sent.measure).toBe((RATE * MEASURE_MS) / 1000);
  });

  it('does not sample the warm-up: a 600 ms JIT pause there is not in the window', async () => {
    const { lag, verdict } = await schedule(simulated(pauseOnce(300, 600)));
    expect(verdict.ok).toBe(true);
    expect(lag).toMatchObject({ late: 0 });
    expect(lag.maxMs).toBeLessThanOrEqual(TICK_MS);
    // About one sample per tick of the window.
    expect(lag.samples).toBeGreaterThan(0.9 * (MEASURE_MS / TICK_MS));
  });

  it('marks a stalled scheduler INVALID: sends cost more time than the schedule gives them', async () => {
    // 0.6 ms per send at 2,000/s: 1.2 s of work per second, so every tick is later than the last.
    const { lag, verdict } = await schedule(simulated(), 0.6);
    expect(verdict.ok).toBe(false);
    expect(verdict.reasons.join()).toMatch(/lag p99 \d+ ms > 100 ms/);
    expect(lag.p99Ms).toBeGreaterThan(1_000);
  });

  it('marks a generator INVALID whose loop pauses often (120 ms every 300 ms), each pause caught up', async () => {
    let next = 0;
    const storm = (now: number) => {
      if (now < next) return 0;
      next = now + 300;
      return 120;
    };
    const { load, lag, verdict } = await schedule(simulated(storm));
    expect(load.sent.measure).toBe((RATE * MEASURE_MS) / 1000);
    expect(verdict.ok).toBe(false);
    expect(lag.late).toBeGreaterThan(20);
  });
});

/**
 * A generator thread's batches, one posted every tick of the window (scheduled at its tick's time),
 * each taking `writeMs(i)` to write once the thread gets to it, after `pause` if given.
 */
function threadBatches(writeMs: (i: number) => number, pause?: { atMs: number; ms: number }) {
  const lag = new LagSampler();
  let free = 0;
  let written = 0;
  const batches = MEASURE_MS / TICK_MS;
  for (let i = 0; i < batches; i++) {
    const scheduledAt = i * TICK_MS;
    let at = Math.max(free, scheduledAt);
    if (pause && at >= pause.atMs && at < pause.atMs + TICK_MS) at += pause.ms;
    at += writeMs(i);
    free = at;
    lag.note(scheduledAt, at);
    if (at <= MEASURE_MS) written++;
  }
  return { lag, written, batches };
}

describe('a generator thread lag over the measured window', () => {
  it('counts a pause once, however many batches queued behind it', () => {
    const { lag, written, batches } = threadBatches(() => 0.1, { atMs: 4_000, ms: 200 });
    const summary = summarizeLag([lag.samples], lag.maxMs);
    // Forty batches waited behind the pause, 200 ms down to 5 ms late: one late sample.
    expect(summary).toMatchObject({ samples: batches, late: 1 });
    expect(summary.maxMs).toBeGreaterThanOrEqual(200);
    expect(summary.p99Ms).toBeLessThan(1);
    expect(generatorVerdict({ cpuPct: 40, lag: summary, written, scheduled: batches }).ok).toBe(true);
  });

  it('marks a saturated thread INVALID by what it wrote: 7 ms of writes per 5 ms tick', () => {
    const { lag, written, batches } = threadBatches(() => 7);
    const summary = summarizeLag([lag.samples], lag.maxMs);
    // Each batch waits behind the one before, so its samples stay small: the count shows it.
    expect(summary.p99Ms).toBeLessThanOrEqual(7);
    expect(summary.maxMs).toBeGreaterThan(2_000);
    const verdict = generatorVerdict({ cpuPct: 40, lag: summary, written, scheduled: batches });
    expect(verdict.ok).toBe(false);
    expect(verdict.reasons).toEqual([expect.stringMatching(/^wrote 7\d\.\d% of the window's sends < 99%$/)]);
  });

  it('judges the worst loop: one thread late at 2.5% of its batches is not averaged away by quiet ones', () => {
    const quiet = threadBatches(() => 0.1);
    const late = threadBatches((i) => (i % 40 === 0 ? 150 : 0.1));
    const loops = [quiet.lag.samples, quiet.lag.samples, quiet.lag.samples, late.lag.samples];
    const together = summarizeLag(loops, late.lag.maxMs);
    expect(together.samples).toBe(4 * quiet.batches);
    expect(together.late).toBe(late.batches / 40);
    expect(together.p99Ms).toBeGreaterThan(100);
    const all = { cpuPct: 40, lag: together, written: quiet.batches, scheduled: quiet.batches };
    expect(generatorVerdict(all).reasons).toEqual([expect.stringMatching(/^lag p99 1\d\d ms > 100 ms$/)]);
  });

  it('still judges the CPU and the written share', () => {
    const quiet = threadBatches(() => 0.1);
    const ok = { cpuPct: 40, lag: summarizeLag([quiet.lag.samples], 0), written: 100, scheduled: 100 };
    expect(generatorVerdict(ok).ok).toBe(true);
    expect(generatorVerdict({ ...ok, cpuPct: 95 }).reasons).toEqual(['cpu 95% > 90%']);
    expect(generatorVerdict({ ...ok, written: 98 }).ok).toBe(false);
    expect(generatorVerdict({ ...ok, written: 99 }).ok).toBe(true);
  });
});
