import { benchClock } from './clock.js';
import { HEADER_BYTES, PayloadWriter } from './payload.js';
import { Samples } from './stats.js';

/** What a {@link Tracker} counts; a load-generator thread keeps them in its shared counter row. */
export interface TrackerCounts {
  /** Messages received (first copies only). */
  received: number;
  duplicates: number;
  /** Messages the server refused (OVERLOADED): never delivered, by design. */
  refusedSeqs: number;
  /** Measured-window messages received. */
  windowReceived: number;
  /** Measured-window messages the server refused. */
  windowRefused: number;
}

export const zeroTrackerCounts = (): TrackerCounts => ({
  received: 0,
  duplicates: 0,
  refusedSeqs: 0,
  windowReceived: 0,
  windowRefused: 0,
});

/**
 * Builds payloads and records what comes back: every payload carries its send time and a
 * sequence number, so latency is measured on one clock (`benchClock`, the same in every thread)
 * and duplicates and losses are visible. Only messages whose sequence lies in the measured window
 * are sampled. A message has one recipient, so a tracker per generator thread (each seeing the
 * messages to its own clients) detects duplicates as one would.
 */
export class Tracker {
  readonly latency = new Samples();
  private seen = new Uint8Array(1 << 16);
  private windowFrom = Number.POSITIVE_INFINITY;
  private windowTo = Number.POSITIVE_INFINITY;
  private readonly writer: PayloadWriter;
  private readonly scratch = new Uint8Array(HEADER_BYTES);
  private readonly view = new DataView(this.scratch.buffer);

  constructor(
    readonly size: number,
    readonly counts: TrackerCounts = zeroTrackerCounts(),
  ) {
    this.writer = new PayloadWriter(size);
  }

  /** Messages received (first copies only). */
  get received(): number {
    return this.counts.received;
  }

  get duplicates(): number {
    return this.counts.duplicates;
  }

  /** Messages the server refused (OVERLOADED): never delivered, by design. */
  get refused(): number {
    return this.counts.refusedSeqs;
  }

  /** Writes a payload of `size` bytes for message `seq` at `offset` of `out`: header then random bytes. */
  write(out: Uint8Array, offset: number, seq: number): void {
    this.writer.write(out, offset, seq);
  }

  /** Sequence numbers in [from, to) are the measured window: their latencies are sampled. */
  setWindow(from: number, to: number): void {
    this.windowFrom = from;
    this.windowTo = to;
  }

  /** Measured-window messages received so far. */
  get receivedInWindow(): number {
    return this.counts.windowReceived;
  }

  /** Measured-window messages the server refused. */
  get refusedInWindow(): number {
    return this.counts.windowRefused;
  }

  /** The server refused message `seq` (it is not expected at its recipient). */
  refuse(seq: number): void {
    this.counts.refusedSeqs++;
    if (seq >= this.windowFrom && seq < this.windowTo) this.counts.windowRefused++;
  }

  /** Records a received payload; returns false for a malformed or duplicate one. */
  receive(payload: Uint8Array): boolean {
    if (payload.byteLength < HEADER_BYTES) return false;
    const now = benchClock();
    this.scratch.set(payload.subarray(0, HEADER_BYTES));
    const sentAt = this.view.getFloat64(0);
    const seq = this.view.getUint32(8);
    const byte = seq >>> 3;
    const bit = 1 << (seq & 7);
    if (byte >= this.seen.length) {
      const bigger = new Uint8Array(Math.max(this.seen.length * 2, byte + 1));
      bigger.set(this.seen);
      this.seen = bigger;
    }
    const flags = this.seen[byte] as number;
    if (flags & bit) {
      this.counts.duplicates++;
      return false;
    }
    this.seen[byte] = flags | bit;
    this.counts.received++;
    if (seq >= this.windowFrom && seq < this.windowTo) {
      this.counts.windowReceived++;
      this.latency.add(now - sentAt);
    }
    return true;
  }
}
