import { benchClock } from './clock.js';

/** Bytes at the start of every payload: float64 send time (`benchClock()`, ms) + uint32 sequence. */
export const HEADER_BYTES = 12;

const POOL_BYTES = 1 << 16;

/**
 * Writes bench payloads: the header (send time and sequence number, so latency is measured on one
 * clock shared by every thread, and every copy is attributable) followed by random bytes taken from a pool at a random
 * offset, so payloads do not compress and cost no per-message randomness. Payloads larger than the
 * pool repeat it.
 */
export class PayloadWriter {
  private readonly random = new Uint8Array(POOL_BYTES);
  private readonly scratch = new Uint8Array(HEADER_BYTES);
  private readonly view = new DataView(this.scratch.buffer);

  constructor(readonly size: number) {
    if (size < HEADER_BYTES) throw new RangeError(`payload size must be >= ${HEADER_BYTES}`);
    crypto.getRandomValues(this.random);
  }

  /** Writes a payload of `size` bytes for message `seq` at `offset` of `out`: header then random bytes. */
  write(out: Uint8Array, offset: number, seq: number): void {
    for (let done = 0; done < this.size; ) {
      const n = Math.min(this.size - done, POOL_BYTES / 2);
      const start = Math.floor(Math.random() * (POOL_BYTES - n));
      out.set(this.random.subarray(start, start + n), offset + done);
      done += n;
    }
    this.view.setFloat64(0, benchClock());
    this.view.setUint32(8, seq);
    out.set(this.scratch, offset);
  }
}

/** Send time and sequence number of a payload; undefined when it is too short to carry them. */
export function readHeader(payload: Uint8Array): { sentAt: number; seq: number } | undefined {
  if (payload.byteLength < HEADER_BYTES) return undefined;
  const view = new DataView(payload.buffer, payload.byteOffset, HEADER_BYTES);
  return { sentAt: view.getFloat64(0), seq: view.getUint32(8) };
}

/** What the client pools need of a tracker: payloads to send, and a place to report what arrives. */
export interface PayloadTracker {
  readonly size: number;
  /** Writes the payload of message `seq` at `offset` of `out`. */
  write(out: Uint8Array, offset: number, seq: number): void;
  /** A payload arrived at client `client` (an index of the pool). */
  receive(payload: Uint8Array, client: number): unknown;
  /** The server refused message `seq` (load shedding): it is not expected anywhere. */
  refuse?(seq: number): void;
}
