// The load generator as the delivery bench sees it: clients it sends through (in this thread or
// spread over worker threads), counters it can read at any moment, and the samples at the end.
import type { LoadTarget } from '../load.js';
import type { ParleyIdentity } from '../parley-bench-client.js';
import type { Samples } from '../stats.js';
import type { CounterField } from './counters.js';

/** Which clients to run and where they connect. */
export interface ClientSpec {
  /** `parley`: Parley devices; `relay`: raw relay clients; `relay-acks`: the acked relay's. */
  protocol: 'parley' | 'relay' | 'relay-acks';
  clients: number;
  /** Payload bytes per message. */
  size: number;
  /** Parley: one identity per client (user id and auth keys), at least `clients` of them. */
  identities: readonly ParleyIdentity[];
  /**
   * Server URLs. Parley client i connects to `urls[i % n]` (round-robin over a cluster's gateways,
   * by its index in the whole set); relay client i to `${urls[0]}/i`.
   */
  urls: readonly string[];
}

/** Totals over every generator thread; `maxLagMs` is the worst of theirs (0 in process). */
export type GeneratorTotals = Record<CounterField, number>;

export interface GeneratorResults {
  /** Latencies of the measured window's messages, ms. */
  latency: Samples;
  /** Each generator thread's lag samples of the measured window's batches (none in process). */
  lag: Samples[];
  /** Distinct error texts and their counts (at most 20 per thread, merged). */
  errorSamples: Map<string, number>;
}

/** Connected clients driven by the open-loop scheduler (`runOpenLoop`). */
export interface Generator extends LoadTarget {
  /** Threads that own clients: 0 when they live in the calling thread. */
  readonly threads: number;
  /** Sequence numbers in [from, to) are the measured window (latency sampled, counted). */
  setWindow(from: number, to: number): void;
  /** Counters summed over every thread, read now. */
  totals(): GeneratorTotals;
  /** Batches of sends handed to threads and not yet written (0 in process). */
  pending(): number;
  /** Closes every client (bounded) and collects the samples; call once, after the drain. */
  finish(): Promise<GeneratorResults>;
  /** Stops everything, finished or not (idempotent; for teardown and errors). */
  close(): Promise<void>;
}
