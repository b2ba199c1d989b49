import { benchClock } from './clock.js';
import { LagSampler } from './generator/lag.js';

/** Counters every load target keeps. */
export interface TargetCounters {
  /** Send frames written. */
  sent: number;
  /** Server confirmations of durable storage (Parley SendAck; 0 for the relay). */
  acked: number;
  /** Error frames, failed handshakes, sends on closed sockets. */
  errors: number;
  /** Connections lost after connecting. */
  disconnects: number;
  /** Sends refused with a retryable OVERLOADED (Parley's load shedding; not errors). */
  refused: number;
  /** Messages whose DELIVERED receipt came as a queued ReceiptEvent (Parley). */
  receipts?: number;
  /** Messages whose DELIVERED receipt came in their SendAck (`delivered_at`, Send.ack_delivered). */
  receiptsInAck?: number;
}

/** A set of connected clients the scheduler can send through. */
export interface LoadTarget {
  readonly clients: number;
  /** Sends message `seq` from client `from` to client `to` without waiting for anything. */
  send(from: number, to: number, seq: number): void;
  /**
   * Called after each tick's sends with the tick's scheduled time (`benchClock()` ms): a target
   * that batches sends (to generator threads) hands them over here.
   */
  flush?(scheduledAt: number): void;
}

/** Counts an error text (`n` times), keeping at most 20 distinct ones. */
export function noteSample(samples: Map<string, number>, text: string, n = 1): void {
  if (samples.size < 20 || samples.has(text)) samples.set(text, (samples.get(text) ?? 0) + n);
}

export interface Phase {
  name: string;
  ms: number;
}

export interface LoadReport {
  /** Messages sent in each phase. */
  sent: Record<string, number>;
  /** Worst delay of a tick behind its schedule (ms), every phase: large values mean the generator was saturated. */
  maxTickLagMs: number;
  ticks: number;
  /** The ticks of the `sampledPhase`: how late each one's oldest send went out (see LagSampler). */
  lag: LagSampler;
}

/** The scheduler's clock and timer: ms on `benchClock()`'s scale; tests inject a simulated one. */
export interface SchedulerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): void;
}

const realClock: SchedulerClock = { now: benchClock, setTimeout: (fn, ms) => void setTimeout(fn, ms) };

/**
 * Open-loop scheduler: every `tickMs` it sends however many messages the fixed aggregate
 * `rate` says are due by now, each from a random client to a random other client (one of its
 * `partners` next ones, when given), never waiting for acknowledgements. Catch-up: message k is
 * due k / `rate` s after the start, and a tick sends every message due by now, so after a pause
 * the missed sends all go out in the next tick and each phase gets exactly its schedule's count.
 * The ticks of `sampledPhase` are lag-sampled. `onPhase` runs at each phase boundary (before that
 * phase's first message and once after the last), where callers snapshot counters and CPU time.
 */
export async function runOpenLoop(
  target: LoadTarget,
  options: {
    rate: number;
    tickMs: number;
    phases: Phase[];
    firstSeq?: number;
    partners?: number;
    sampledPhase?: string;
    clock?: SchedulerClock;
  },
  onPhase: (name: string | undefined, seq: number) => void,
): Promise<LoadReport> {
  const { rate, tickMs, phases } = options;
  const n = target.clients;
  // Each client writes to its `partners` next clients (a few chats, as people do), or to anyone.
  const spread = Math.min(n - 1, Math.max(1, options.partners ?? n - 1));
  const ends: number[] = [];
  let total = 0;
  for (const p of phases) {
    total += p.ms;
    ends.push(total);
  }
  const dueAt = (ms: number) => Math.floor((rate * ms) / 1000);
  const clock = options.clock ?? realClock;
  const report: LoadReport = { sent: {}, maxTickLagMs: 0, ticks: 0, lag: new LagSampler() };
  for (const p of phases) report.sent[p.name] = 0;

  let seq = options.firstSeq ?? 0;
  let sentTotal = 0;
  let phase = 0;
  const start = clock.now();
  onPhase(phases[0]?.name, seq);
  const maxTicks = Math.ceil(total / tickMs) * 4 + 100; // bounded even if timers misbehave

  await new Promise<void>((resolve) => {
    const tick = () => {
      const elapsed = clock.now() - start;
      report.ticks++;
      report.maxTickLagMs = Math.max(report.maxTickLagMs, elapsed - report.ticks * tickMs);
      const limit = Math.min(elapsed, total);
      // The oldest unsent message's due time (ms after start), if any is due by now.
      const oldestDue = dueAt(limit) > sentTotal ? ((sentTotal + 1) * 1000) / rate : undefined;
      report.lag.note(oldestDue, elapsed, phases[phase]?.name === options.sampledPhase);
      const scheduledAt = start + report.ticks * tickMs;
      while (phase < phases.length) {
        const phaseEnd = ends[phase] as number;
        const due = dueAt(Math.min(limit, phaseEnd));
        const name = (phases[phase] as Phase).name;
        for (; sentTotal < due; sentTotal++) {
          const from = Math.floor(Math.random() * n);
          const to = (from + 1 + Math.floor(Math.random() * spread)) % n;
          target.send(from, to, seq++);
          report.sent[name] = (report.sent[name] ?? 0) + 1;
        }
        if (limit < phaseEnd) break;
        target.flush?.(scheduledAt); // a phase's sends leave before its boundary's snapshot
        phase++;
        onPhase(phases[phase]?.name, seq);
      }
      target.flush?.(scheduledAt);
      if (phase >= phases.length || report.ticks >= maxTicks) resolve();
      else clock.setTimeout(tick, Math.max(0, start + (report.ticks + 1) * tickMs - clock.now()));
    };
    clock.setTimeout(tick, tickMs);
  });
  return report;
}
