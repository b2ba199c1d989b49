// Timing for the crypto benchmark: a warm-up, an iteration count chosen from the warm-up so each
// measurement lasts about `budgetMs`, inputs prepared outside the timed loop.

export interface Measurement {
  readonly iterations: number;
  readonly msPerOp: number;
  readonly opsPerSec: number;
}

/** One benchmarked operation: `prepare(n)` builds the inputs of n runs (untimed), `run` is timed. */
export interface Operation<T> {
  prepare(count: number): Promise<T[]>;
  run(input: T): Promise<unknown>;
}

export interface MeasureOptions {
  /** Target duration of the timed loop. */
  readonly budgetMs: number;
  readonly warmUp: number;
  readonly minIterations: number;
  readonly maxIterations: number;
}

export const DEFAULT_MEASURE: MeasureOptions = { budgetMs: 1_200, warmUp: 10, minIterations: 20, maxIterations: 5_000 };

/** An operation without inputs. */
export function simple(run: () => Promise<unknown>): Operation<undefined> {
  return { prepare: async (count) => new Array<undefined>(count).fill(undefined), run: () => run() };
}

export async function measure<T>(op: Operation<T>, options: MeasureOptions = DEFAULT_MEASURE): Promise<Measurement> {
  const warm = await op.prepare(options.warmUp);
  const warmStart = performance.now();
  for (const input of warm) await op.run(input);
  const estimate = Math.max((performance.now() - warmStart) / Math.max(1, options.warmUp), 1e-4);
  const iterations = Math.min(
    options.maxIterations,
    Math.max(options.minIterations, Math.round(options.budgetMs / estimate)),
  );
  const inputs = await op.prepare(iterations);
  const start = performance.now();
  for (const input of inputs) await op.run(input);
  const msPerOp = (performance.now() - start) / iterations;
  return { iterations, msPerOp, opsPerSec: 1000 / msPerOp };
}
