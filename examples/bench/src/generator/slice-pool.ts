// One contiguous slice of a ClientSpec's clients as a pool, in whichever thread runs it.
import type { TargetCounters } from '../load.js';
import { ParleyPool } from '../parley-bench-client.js';
import type { PayloadTracker } from '../payload.js';
import { RelayPool } from '../relay-bench-client.js';
import type { ClientSpec } from './generator.js';

/** Clients [first, first + count) of a spec. */
export interface ClientSlice {
  first: number;
  count: number;
}

/** What a generator does with its clients; sends take client indexes of the whole spec. */
export interface SlicePool {
  readonly counters: TargetCounters;
  readonly errorSamples: Map<string, number>;
  /** Sends message `seq` from client `from` (of this slice) to client `to` (of the whole spec). */
  send(from: number, to: number, seq: number): void;
  connect(concurrency: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

/** The part of a spec one slice needs: its own identities, and every client's user id (Parley). */
export interface SliceSpec {
  protocol: ClientSpec['protocol'];
  size: number;
  urls: readonly string[];
  identities: ClientSpec['identities'];
  /** Parley: user id of every client of the spec, by index. */
  recipients: readonly string[];
}

export function sliceSpec(spec: ClientSpec, slice: ClientSlice): SliceSpec {
  const parley = spec.protocol === 'parley';
  return {
    protocol: spec.protocol,
    size: spec.size,
    urls: spec.urls,
    identities: parley ? spec.identities.slice(slice.first, slice.first + slice.count) : [],
    recipients: parley ? spec.identities.slice(0, spec.clients).map((i) => i.userId) : [],
  };
}

/** Builds the pool of one slice (not connected); counts go to `counters` when given. */
export function slicePool(
  spec: SliceSpec,
  slice: ClientSlice,
  tracker: PayloadTracker,
  counters?: TargetCounters,
): SlicePool {
  const { first } = slice;
  const url = spec.urls[0];
  if (!url) throw new Error('no server URL');
  let pool: ParleyPool | RelayPool;
  let connect: SlicePool['connect'];
  if (spec.protocol === 'parley') {
    if (spec.identities.length < slice.count) throw new Error('fewer identities than clients');
    const parley = new ParleyPool([...spec.identities.slice(0, slice.count)], tracker, {
      recipients: spec.recipients,
      firstIndex: first,
      ...(counters ? { counters } : {}),
    });
    connect = (concurrency, timeoutMs) => parley.connect(spec.urls, { concurrency, timeoutMs });
    pool = parley;
  } else {
    const relay = new RelayPool(slice.count, tracker, spec.protocol === 'relay-acks', {
      firstId: first,
      ...(counters ? { counters } : {}),
    });
    connect = (concurrency, timeoutMs) => relay.connect(url, { concurrency, timeoutMs });
    pool = relay;
  }
  return {
    counters: pool.counters,
    errorSamples: pool.errorSamples,
    send: (from, to, seq) => pool.send(from - first, to, seq),
    connect,
    close: () => pool.close(),
  };
}
