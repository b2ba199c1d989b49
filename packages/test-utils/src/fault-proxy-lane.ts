import type { Socket } from 'node:net';
import type { ProxyClock } from './fault-proxy-clock.js';

/**
 * One direction of a fault-proxy connection: bytes read from `from` wait in a queue and are
 * written to `to` as the current faults allow (added latency per chunk, a byte rate, halted), or
 * cut after a set number of bytes. The queue is bounded: past `HIGH_WATER` bytes the source is
 * paused (TCP backpressure, as a slow or silent network gives), and resumed below `LOW_WATER`.
 */

/** Faults of one direction. */
export interface LaneFaults {
  /** Each chunk is held this long after it arrived. */
  latencyMs: number;
  /** Bytes per second forwarded; 0 for no limit. */
  bytesPerSecond: number;
  /** Nothing is forwarded (bytes are held, the socket stays open): one side of a half-open link. */
  halted: boolean;
}

const HIGH_WATER = 1024 * 1024;
const LOW_WATER = 256 * 1024;
/** Most a throttled lane sends at once: a 50 ms burst at its rate (at least one byte). */
const burstBytes = (rate: number) => Math.max(1, Math.floor(rate / 20));

export class Lane {
  /** Bytes read from the source, and written to the destination. */
  received = 0;
  forwarded = 0;
  private readonly queue: Array<{ data: Buffer; at: number }> = [];
  private queued = 0;
  private tokens = 0;
  private refilledAt: number;
  private cancelTimer: (() => void) | undefined;
  private waitingDrain = false;
  private ended = false;
  /** Bytes still to forward before the connection is reset; undefined when not armed, null for half of the next chunk. */
  private cutAfter: number | null | undefined;
  /** Set once cut: nothing more goes through. */
  private halted = false;

  constructor(
    private readonly from: Socket,
    private readonly to: Socket,
    private readonly clock: ProxyClock,
    private faults: () => LaneFaults,
    private readonly reset: () => void,
  ) {
    this.refilledAt = clock.now();
    from.on('data', (data: Buffer) => {
      this.received += data.length;
      this.queue.push({ data, at: this.clock.now() });
      this.queued += data.length;
      if (this.queued > HIGH_WATER) from.pause();
      this.pump();
    });
    from.on('end', () => {
      this.ended = true;
      this.pump();
    });
    to.on('drain', () => {
      this.waitingDrain = false;
      this.pump();
    });
  }

  /** Resets the connection after `bytes` more bytes (default: half of the next chunk, so mid-frame). */
  cutAfterBytes(bytes?: number): void {
    this.cutAfter = bytes ?? null;
    this.pump();
  }

  /** Re-reads the faults (they changed) and forwards what they now allow. */
  refresh(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.pump();
  }

  stop(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.queue.length = 0;
    this.queued = 0;
  }

  private pump(): void {
    if (this.cancelTimer || this.waitingDrain || this.to.destroyed) return;
    const f = this.faults();
    if (f.halted || this.halted) return;
    // Bounded by the queue: each pass forwards part of a chunk or waits.
    while (this.queue.length > 0) {
      const head = this.queue[0] as { data: Buffer; at: number };
      const now = this.clock.now();
      const due = head.at + f.latencyMs;
      if (now < due) {
        this.wait(due - now);
        return;
      }
      let n = head.data.length;
      if (f.bytesPerSecond > 0) {
        const burst = burstBytes(f.bytesPerSecond);
        this.tokens = Math.min(burst, this.tokens + ((now - this.refilledAt) * f.bytesPerSecond) / 1000);
        this.refilledAt = now;
        const want = Math.min(n, burst);
        if (this.tokens < want) {
          this.wait(Math.ceil(((want - this.tokens) * 1000) / f.bytesPerSecond));
          return;
        }
        n = Math.min(n, Math.floor(this.tokens));
        this.tokens -= n;
      }
      if (this.cutAfter === null) this.cutAfter = Math.max(1, Math.floor(head.data.length / 2));
      if (this.cutAfter !== undefined) n = Math.min(n, this.cutAfter);
      const part = head.data.subarray(0, n);
      if (n === head.data.length) this.queue.shift();
      else head.data = head.data.subarray(n);
      this.queued -= n;
      this.forwarded += n;
      if (this.cutAfter !== undefined) {
        this.cutAfter -= n;
        if (this.cutAfter <= 0) {
          this.cutAfter = undefined;
          this.halted = true;
          // The reset once the part is handed to the kernel (a reset with the write pending would be a plain close).
          this.to.write(part, () => this.reset());
          return;
        }
      }
      const flushed = this.to.write(part);
      if (this.queued < LOW_WATER && this.from.isPaused()) this.from.resume();
      if (!flushed) {
        this.waitingDrain = true;
        return;
      }
    }
    if (this.ended && !this.to.writableEnded) this.to.end();
  }

  private wait(ms: number): void {
    this.cancelTimer = this.clock.after(ms, () => {
      this.cancelTimer = undefined;
      this.pump();
    });
  }
}
