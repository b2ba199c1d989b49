import type { SoakOptions } from './soak-args.js';

/** One sample of the server during the soak. */
export interface SoakSample {
  /** Seconds since the load started. */
  atS: number;
  rssMiB: number;
  fds: number;
  sent: number;
  delivered: number;
}

/** The run's counts. */
export interface SoakCounts {
  sent: number;
  acked: number;
  delivered: number;
  duplicates: number;
  errors: number;
  disconnects: number;
  /** Whether every sent message arrived before the drain timeout. */
  drained: boolean;
  maxTickLagMs: number;
  fdsBefore: number | undefined;
  fdsAfterClose: number | undefined;
}

/** RSS may grow this much over the measured window (MiB, or a fraction of the start) and still count as flat. */
const RSS_SLACK_MIB = 16;
const RSS_SLACK_FRACTION = 0.1;
/** Descriptors the server may hold beyond the start of the measured window (a WAL file, a timer fd). */
const FD_SLACK = 4;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : (sorted[Math.floor((sorted.length - 1) / 2)] as number);
};

/**
 * The soak's checks: delivered = sent with no duplicates, no errors or lost connections, server RSS
 * flat after warm-up (median of the last third of the measured samples within 10% or 16 MiB of the
 * first third's), and no descriptor growth (the measured window's last count within 4 of its first).
 */
export function soakVerdict(
  o: SoakOptions,
  samples: SoakSample[],
  counts: SoakCounts,
): { ok: boolean; lines: string[]; figures: Record<string, unknown> } {
  const measured = samples.filter((s) => s.atS >= o.warmupS && s.atS <= o.durationS + 0.5);
  const third = Math.max(1, Math.floor(measured.length / 3));
  const rssStart = median(measured.slice(0, third).map((s) => s.rssMiB));
  const rssEnd = median(measured.slice(-third).map((s) => s.rssMiB));
  const rssPeak = Math.max(...samples.map((s) => s.rssMiB));
  const fdStart = measured[0]?.fds ?? Number.NaN;
  const fdEnd = measured.at(-1)?.fds ?? Number.NaN;
  const fdPeak = Math.max(...samples.map((s) => s.fds));
  const rssGrowth = rssEnd - rssStart;
  const checks = {
    deliveredAll: counts.delivered === counts.sent && counts.drained,
    noDuplicates: counts.duplicates === 0,
    noErrors: counts.errors === 0 && counts.disconnects === 0,
    rssFlat: measured.length >= 2 && rssGrowth <= Math.max(RSS_SLACK_MIB, rssStart * RSS_SLACK_FRACTION),
    fdsFlat: measured.length >= 2 && fdEnd - fdStart <= FD_SLACK,
  };
  const ok = Object.values(checks).every(Boolean);
  const mark = (pass: boolean) => (pass ? 'ok' : 'FAIL');
  const lines = [
    `sent ${counts.sent}, acked ${counts.acked}, delivered ${counts.delivered}, duplicates ${counts.duplicates} ` +
      `[${mark(checks.deliveredAll && checks.noDuplicates)}]`,
    `errors ${counts.errors}, disconnects ${counts.disconnects} [${mark(checks.noErrors)}]`,
    `server RSS after warm-up: ${rssStart.toFixed(1)} -> ${rssEnd.toFixed(1)} MiB ` +
      `(${rssGrowth >= 0 ? '+' : ''}${rssGrowth.toFixed(1)} MiB, peak ${rssPeak.toFixed(1)} MiB, ` +
      `${measured.length} samples) [${mark(checks.rssFlat)}]`,
    `server descriptors: ${counts.fdsBefore ?? '?'} before clients, ${fdStart} -> ${fdEnd} over the window ` +
      `(peak ${fdPeak}), ${counts.fdsAfterClose ?? '?'} after they left [${mark(checks.fdsFlat)}]`,
    `generator: worst tick lag ${counts.maxTickLagMs.toFixed(0)} ms`,
    ok ? 'soak: all checks passed' : 'soak: FAILED',
  ];
  return {
    ok,
    lines,
    figures: {
      ...counts,
      rssStartMiB: rssStart,
      rssEndMiB: rssEnd,
      rssPeakMiB: rssPeak,
      fdStart,
      fdEnd,
      fdPeak,
      checks,
    },
  };
}
