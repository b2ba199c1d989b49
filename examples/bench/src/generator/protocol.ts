// Messages between the main thread (the scheduler) and a generator thread (a slice of clients).
import type { ClientSlice, SliceSpec } from './slice-pool.js';

export type ToThread =
  /** Build the slice's pool, count into `row` of `counters`, connect; answered `ready` or `failed`. */
  | {
      type: 'start';
      spec: SliceSpec;
      slice: ClientSlice;
      counters: SharedArrayBuffer;
      row: number;
      concurrency: number;
      timeoutMs: number;
    }
  | { type: 'window'; from: number; to: number }
  /**
   * One tick's sends of this thread's clients: (from, to, seq) triples, client indexes of the whole
   * spec; `scheduledAt` is the tick's scheduled time (`benchClock()` ms), for the thread's lag.
   */
  | { type: 'sends'; sends: Uint32Array; scheduledAt: number }
  /** Close every client, answer `finished` with the samples. */
  | { type: 'finish' };

export type FromThread =
  | { type: 'ready' }
  | { type: 'failed'; error: string }
  /** `lagMs`: the thread's lag samples of the measured window's batches (see LagSampler). */
  | { type: 'finished'; latency: Float64Array; lagMs: Float64Array; errorSamples: Array<[string, number]> };
