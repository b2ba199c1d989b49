// How far the load generator fell behind its schedule during the measured window, and whether a run
// is valid. Warm-up (JIT) and drain are not sampled. One pause (a young-generation GC, a JIT burst)
// must not void a run; a generator that cannot keep the rate must.
import { percentile, Samples } from '../stats.js';

/** A sample above this many ms is a late tick or batch. */
export const LATE_MS = 100;

/**
 * The lag of the sends of one event loop (the scheduler's ticks, or one generator thread's batches),
 * one sample per tick or batch: how late it was handled, minus the part the one before it already
 * explains. A tick or batch that was already waiting when the previous one was handled (queued
 * behind the same pause) adds only the time since that one, so a pause is one late sample however
 * many batches queued behind it; a loop that is late at every turn gives a late sample at every turn.
 * `maxMs` is the worst plain lateness (handled minus due), as before.
 */
export class LagSampler {
  readonly samples = new Samples();
  maxMs = 0;
  private lastAt = Number.NEGATIVE_INFINITY;

  /**
   * A tick or batch handled at `at` whose oldest send was due at `dueAt` (ms, one clock; undefined:
   * nothing was due). Sampled only when `counted` (in the measured window), but always remembered
   * as the previous one.
   */
  note(dueAt: number | undefined, at: number, counted = true): void {
    if (dueAt !== undefined && counted) {
      this.maxMs = Math.max(this.maxMs, at - dueAt);
      this.samples.add(Math.max(0, at - Math.max(dueAt, this.lastAt)));
    }
    this.lastAt = at;
  }
}

/** The lag of several event loops (the scheduler, each generator thread) over the window. */
export interface LagSummary {
  /** Samples (ticks or batches of the measured window), all loops. */
  samples: number;
  /** The worst loop's 99th percentile: a thread late at 2% of its turns is not averaged away by the others. */
  p99Ms: number;
  /** The worst plain lateness of any of them, ms. */
  maxMs: number;
  /** Samples above {@link LATE_MS}, all loops. */
  late: number;
}

/** `loops`: one Samples per event loop; `maxMs`: the worst plain lateness of any of them. */
export function summarizeLag(loops: Samples[], maxMs: number): LagSummary {
  let samples = 0;
  let p99Ms = 0;
  let late = 0;
  for (const loop of loops) {
    const sorted = loop.sorted();
    samples += sorted.length;
    if (sorted.length > 0) p99Ms = Math.max(p99Ms, percentile(sorted, 99));
    for (const v of sorted) if (v > LATE_MS) late++;
  }
  return { samples, p99Ms, maxMs, late };
}

/** What the verdict is taken on. */
export interface GeneratorHealth {
  /** CPU of the generator's process over the window, % of one core. */
  cpuPct: number;
  /** The window's lag of the scheduler and of every thread. */
  lag: LagSummary;
  /** Sends written to sockets during the window. */
  written: number;
  /** Sends the schedule had due in the window. */
  scheduled: number;
}

export const LIMITS = { cpuPct: 90, lagP99Ms: LATE_MS, writtenShare: 0.99 } as const;

/**
 * Valid when the generator kept the schedule: its CPU at most 90% of its core, the 99th percentile
 * of each event loop's lag samples at most 100 ms (not a pause, but a loop late at more than 1% of
 * its turns), and at least 99% of the window's scheduled sends written within the window (the scheduler catches up
 * after a pause, sending everything due at once, so a generator whose backlog grew by more than 1%
 * of the window by its end could not keep the rate). `reasons` says what failed.
 */
export function generatorVerdict(h: GeneratorHealth): { ok: boolean; reasons: string[] } {
  const reasons: string[] = [];
  if (!(h.cpuPct <= LIMITS.cpuPct)) reasons.push(`cpu ${h.cpuPct.toFixed(0)}% > ${LIMITS.cpuPct}%`);
  if (!(h.lag.p99Ms <= LIMITS.lagP99Ms)) reasons.push(`lag p99 ${h.lag.p99Ms.toFixed(0)} ms > ${LIMITS.lagP99Ms} ms`);
  const share = h.scheduled > 0 ? h.written / h.scheduled : 1;
  if (!(share >= LIMITS.writtenShare))
    reasons.push(`wrote ${(100 * share).toFixed(1)}% of the window's sends < ${100 * LIMITS.writtenShare}%`);
  return { ok: reasons.length === 0, reasons };
}
