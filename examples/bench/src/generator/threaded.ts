// --generators K (K > 1): the clients in K worker threads, each owning a contiguous slice; the
// scheduler stays in the main thread and posts each thread one batch of sends per tick. Counters
// live in a SharedArrayBuffer (a row per thread), so the main thread reads them synchronously as
// it read the in-process pool's; latency samples and error texts come back at the end.
import { noteSample } from '../load.js';
import { Samples } from '../stats.js';
import { counterBuffer, readRow, sumRows } from './counters.js';
import type { ClientSpec, Generator, GeneratorResults, GeneratorTotals } from './generator.js';
import type { ClientSlice } from './slice-pool.js';
import { sliceSpec } from './slice-pool.js';
import { GeneratorThread } from './thread.js';

/** Splits `clients` into `threads` contiguous slices whose sizes differ by at most one. */
export function slices(clients: number, threads: number): ClientSlice[] {
  const out: ClientSlice[] = [];
  for (let t = 0; t < threads; t++) {
    const first = Math.floor((t * clients) / threads);
    out.push({ first, count: Math.floor(((t + 1) * clients) / threads) - first });
  }
  return out;
}

/** The sends of one thread for the current tick: (from, to, seq) triples. */
class Batch {
  private data = new Uint32Array(3 * 64);
  private n = 0;

  add(from: number, to: number, seq: number): void {
    if (this.n + 3 > this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.n++] = from;
    this.data[this.n++] = to;
    this.data[this.n++] = seq;
  }

  /** The batch's triples in a buffer of their own (to transfer), and an empty batch; undefined if empty. */
  take(): Uint32Array | undefined {
    if (this.n === 0) return undefined;
    const out = this.data.slice(0, this.n);
    this.n = 0;
    return out;
  }
}

export class ThreadedGenerator implements Generator {
  private readonly owner: Uint16Array;
  private readonly batches: Batch[];
  private closing: Promise<void> | undefined;
  private posted = 0;

  constructor(
    readonly clients: number,
    private readonly workers: GeneratorThread[],
    sliceList: ClientSlice[],
    private readonly counters: SharedArrayBuffer,
  ) {
    this.owner = new Uint16Array(clients);
    sliceList.forEach((s, t) => {
      this.owner.fill(t, s.first, s.first + s.count);
    });
    this.batches = workers.map(() => new Batch());
  }

  get threads(): number {
    return this.workers.length;
  }

  send(from: number, to: number, seq: number): void {
    (this.batches[this.owner[from] as number] as Batch).add(from, to, seq);
  }

  flush(scheduledAt: number): void {
    this.batches.forEach((batch, t) => {
      const sends = batch.take();
      if (!sends) return;
      this.posted++;
      (this.workers[t] as GeneratorThread).post({ type: 'sends', sends, scheduledAt }, [sends.buffer as ArrayBuffer]);
    });
  }

  setWindow(from: number, to: number): void {
    for (const w of this.workers) w.post({ type: 'window', from, to });
  }

  totals(): GeneratorTotals {
    return sumRows(this.counters);
  }

  /** Each thread's own counters (thread t owns the t-th slice of the clients). */
  perThread(): GeneratorTotals[] {
    return this.workers.map((_, t) => readRow(this.counters, t));
  }

  /** Thread `t` (fault tests end one to see the run fail). */
  thread(t: number): GeneratorThread | undefined {
    return this.workers[t];
  }

  pending(): number {
    return this.posted - sumRows(this.counters).batches;
  }

  /** The first thread that failed, if any: its sends since were lost, so the run is not a result. */
  private failed(): Error | undefined {
    return this.workers.find((w) => w.error)?.error;
  }

  async finish(timeoutMs = 15_000): Promise<GeneratorResults> {
    const broken = this.failed();
    if (broken) throw broken;
    const answers = this.workers.map((w) => w.answer('finished', timeoutMs));
    for (const w of this.workers) w.post({ type: 'finish' });
    const finished = await Promise.all(answers);
    const latency = new Samples();
    const lag: Samples[] = [];
    const errorSamples = new Map<string, number>();
    for (const f of finished) {
      latency.addAll(f.latency);
      const thread = new Samples();
      thread.addAll(f.lagMs);
      lag.push(thread);
      for (const [text, n] of f.errorSamples) noteSample(errorSamples, text, n);
    }
    return { latency, lag, errorSamples };
  }

  close(): Promise<void> {
    this.closing ??= Promise.all(this.workers.map((w) => w.terminate())).then(() => undefined);
    return this.closing;
  }
}

/**
 * Starts `threads` generator threads, each connecting its slice of `spec`'s clients
 * (`concurrency` handshakes at a time in all); ends them all if any fails to start.
 */
export async function startThreads(
  spec: ClientSpec,
  threads: number,
  { concurrency = 50, timeoutMs = 60_000 } = {},
): Promise<ThreadedGenerator> {
  const k = Math.max(1, Math.min(threads, spec.clients));
  const sliceList = slices(spec.clients, k);
  const counters = counterBuffer(k);
  const workers = sliceList.map((_, t) => new GeneratorThread(t));
  const generator = new ThreadedGenerator(spec.clients, workers, sliceList, counters);
  try {
    const ready = workers.map((w) => w.answer('ready', timeoutMs + 10_000));
    sliceList.forEach((slice, row) => {
      (workers[row] as GeneratorThread).post({
        type: 'start',
        spec: sliceSpec(spec, slice),
        slice,
        counters,
        row,
        concurrency: Math.max(1, Math.ceil(concurrency / k)),
        timeoutMs,
      });
    });
    await Promise.all(ready);
  } catch (error) {
    await generator.close();
    throw error;
  }
  return generator;
}
