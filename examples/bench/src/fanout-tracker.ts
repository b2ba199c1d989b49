import { PayloadWriter, readHeader } from './payload.js';

/** What happened to one fanned-out message. */
interface MessageState {
  /** performance.now() when its first copy was sent. */
  sentAt: number;
  /** Copies received per recipient (duplicates show as 2+). */
  copies: Uint8Array;
  received: number;
  firstAt: number;
  lastAt: number;
}

/**
 * Records, per message and per recipient, that a fanned-out payload arrived: when the first and
 * the last recipient got it, whether every recipient got it exactly once. Payloads carry their
 * sequence number (payload.ts), so the same bytes sent to 1,000 recipients stay attributable.
 */
export class FanoutTracker {
  duplicates = 0;
  /** Payloads for no expected message or from a recipient index out of range. */
  unexpected = 0;
  private writer: PayloadWriter;
  private readonly messages = new Map<number, MessageState>();

  constructor(
    size: number,
    readonly recipients: number,
  ) {
    this.writer = new PayloadWriter(size);
  }

  /** Payload bytes of the messages sent from now on. */
  get size(): number {
    return this.writer.size;
  }

  set size(size: number) {
    if (size !== this.writer.size) this.writer = new PayloadWriter(size);
  }

  write(out: Uint8Array, offset: number, seq: number): void {
    this.writer.write(out, offset, seq);
  }

  /** Registers message `seq` as sent now (before its first copy goes out). */
  sent(seq: number): void {
    this.messages.set(seq, {
      sentAt: performance.now(),
      copies: new Uint8Array(this.recipients),
      received: 0,
      firstAt: Number.NaN,
      lastAt: Number.NaN,
    });
  }

  receive(payload: Uint8Array, recipient: number): void {
    const now = performance.now();
    const header = readHeader(payload);
    const m = header && this.messages.get(header.seq);
    if (!m || recipient < 0 || recipient >= this.recipients) {
      this.unexpected++;
      return;
    }
    const copies = m.copies[recipient] as number;
    m.copies[recipient] = Math.min(255, copies + 1);
    if (copies > 0) {
      this.duplicates++;
      return;
    }
    if (m.received++ === 0) m.firstAt = now;
    m.lastAt = now;
  }

  /** Whether every recipient has message `seq`. */
  complete(seq: number): boolean {
    const m = this.messages.get(seq);
    return !!m && m.received === this.recipients;
  }

  /** Recipients that have message `seq`. */
  receivedOf(seq: number): number {
    return this.messages.get(seq)?.received ?? 0;
  }

  /** ms from sending message `seq` until its first and its last recipient had it (NaN while incomplete). */
  timing(seq: number): { first: number; last: number; sentAt: number } {
    const m = this.messages.get(seq);
    if (!m) return { first: Number.NaN, last: Number.NaN, sentAt: Number.NaN };
    return {
      first: m.firstAt - m.sentAt,
      last: m.received === this.recipients ? m.lastAt - m.sentAt : Number.NaN,
      sentAt: m.sentAt,
    };
  }

  /** performance.now() when the last recipient got message `seq` (NaN while incomplete). */
  lastAt(seq: number): number {
    const m = this.messages.get(seq);
    return m && m.received === this.recipients ? m.lastAt : Number.NaN;
  }
}
