// --generators 1: every client in the calling thread, as the bench ran before generator threads
// (kept for A/B runs and for small loads).
import { Tracker } from '../tracker.js';
import type { ClientSpec, Generator, GeneratorResults, GeneratorTotals } from './generator.js';
import { type SlicePool, slicePool, sliceSpec } from './slice-pool.js';

class InProcessGenerator implements Generator {
  readonly threads = 0;
  private closed: Promise<void> | undefined;

  constructor(
    readonly clients: number,
    private readonly tracker: Tracker,
    private readonly pool: SlicePool,
  ) {}

  send(from: number, to: number, seq: number): void {
    this.pool.send(from, to, seq);
  }

  setWindow(from: number, to: number): void {
    this.tracker.setWindow(from, to);
  }

  totals(): GeneratorTotals {
    const c = this.pool.counters;
    return {
      sent: c.sent,
      acked: c.acked,
      errors: c.errors,
      disconnects: c.disconnects,
      refused: c.refused,
      receipts: c.receipts ?? 0,
      receiptsInAck: c.receiptsInAck ?? 0,
      ...this.tracker.counts,
      maxLagMs: 0,
      batches: 0,
    };
  }

  pending(): number {
    return 0;
  }

  async finish(): Promise<GeneratorResults> {
    await this.close();
    return { latency: this.tracker.latency, lag: [], errorSamples: this.pool.errorSamples };
  }

  close(): Promise<void> {
    this.closed ??= this.pool.close();
    return this.closed;
  }
}

/** Connects every client of `spec` in this thread. */
export async function startInProcess(
  spec: ClientSpec,
  { concurrency = 50, timeoutMs = 60_000 } = {},
): Promise<Generator> {
  const slice = { first: 0, count: spec.clients };
  const tracker = new Tracker(spec.size);
  const pool = slicePool(sliceSpec(spec, slice), slice, tracker);
  const generator = new InProcessGenerator(spec.clients, tracker, pool);
  try {
    await pool.connect(concurrency, timeoutMs);
  } catch (error) {
    await generator.close();
    throw error;
  }
  return generator;
}
