import type { Logger } from '../contracts/logger.js';
import type { OfflineQueue } from '../contracts/offline-queue.js';
import { type SetTimer, systemTimer } from '../contracts/timer.js';
import type { DeviceAddress } from '../contracts/types.js';
import { encodeDeliverFrameOf, envelopeLength } from '../messages/envelope.js';
import type { Connection } from './connection.js';
import { RetryBackoff } from './retry-backoff.js';

/** A queue entry on its way out (see QueueEntry). */
interface PumpEntry {
  id: string;
  seq: number;
  data: Uint8Array;
  shared?: Uint8Array | undefined;
}

/** What every pump of a gateway shares (one object per gateway, not per connection). */
export interface DeliveryPumpSettings {
  queue: OfflineQueue;
  window: number;
  /** Deliver frames are kept under this many bytes (one envelope may exceed it alone). */
  maxFrameBytes: number;
  logger: Logger;
  /** Called once per pump, after the backlog present at connect has been sent; default sends SyncComplete. */
  onSyncComplete?(connection: Connection, delivered: number): void;
  /** Schedules the retry of a failed read; default {@link systemTimer}. */
  setTimer?: SetTimer;
}

/**
 * Moves one device's queue onto its connection, in seq order, with at most `window`
 * unacknowledged envelopes in flight. The queue is the truth: a nudge only makes the pump
 * look again, so a lost nudge delays delivery until the next one or the next connect.
 */
export class DeliveryPump {
  private lastSentSeq = 0;
  /** Sent, not acknowledged; made at the first send (an idle connection may never need it). */
  private inflight: Set<string> | undefined;
  private reading = false;
  private dirty = true;
  private synced = false;
  private sentDuringSync = 0;
  private stopped = false;
  /** Made at the first failed read. */
  private backoff: RetryBackoff | undefined;
  private cancelRetry: (() => void) | undefined;
  /** Envelopes offered during this tick, not sent yet: they leave in one Deliver frame (see offer). */
  private offered: PumpEntry[] | undefined;
  private offeredBytes = 0;
  /** The next read starts after this seq (not after `lastSentSeq`) when an entry was offered late. */
  private rewindTo = Number.POSITIVE_INFINITY;

  constructor(
    private readonly o: DeliveryPumpSettings,
    private readonly connection: Connection,
    private readonly device: DeviceAddress,
  ) {}

  /** Something may have been queued for the device: look again soon. */
  nudge(): void {
    this.dirty = true;
    void this.pump();
  }

  /**
   * A freshly stored entry (usually in seq order, see OfflineQueue.commitOrdered; one that comes
   * after a later entry went out makes the next read start before it). When
   * the pump is caught up it goes out at the end of this tick, in one Deliver frame with the other
   * entries offered meanwhile (a group commit stores many at once, and each frame costs a write and
   * an ack); otherwise it is read from the queue in turn.
   */
  offer(entry: PumpEntry): void {
    if (entry.seq <= this.lastSentSeq) {
      // The queue commits in seq order, but the requests that stored these entries finish in any
      // order (a receipt's handler may reach here before a message's stored in the same commit).
      // Reading on after lastSentSeq would skip this entry until the next connection: read again
      // from just before it (entries already in flight are not sent twice).
      if (!this.inflight?.has(entry.id)) this.rewindTo = Math.min(this.rewindTo, entry.seq - 1);
      this.nudge();
      return;
    }
    const caughtUp = this.synced && !this.reading && !this.dirty && !this.stopped;
    if (caughtUp && entry.seq > this.lastSentSeq && this.inflightCount() < this.o.window && this.connection.isOpen) {
      const size = this.take(entry);
      if (this.offeredBytes + size > this.o.maxFrameBytes / 2) this.sendOffered();
      // A tick queued from a promise job runs once the job queue is drained: the end of this tick.
      if (!this.offered) {
        this.offered = [];
        process.nextTick(() => this.sendOffered());
      }
      this.offered.push(entry);
      this.offeredBytes += size + 8;
    } else {
      this.nudge();
    }
  }

  /**
   * The ids among `ids` that this pump sent and that are not acknowledged yet: entries of this
   * device's own queue. Only those may be acknowledged and answered with receipts, so an ack naming
   * ids of another queue (forged receipts) does nothing. An id sent on an earlier connection is not
   * among them; the entry stays queued, is sent again, and its next ack counts.
   */
  outstanding(ids: readonly string[]): string[] {
    const inflight = this.inflight;
    return inflight ? ids.filter((id) => inflight.has(id)) : [];
  }

  /** The device acknowledged these ids: remove them from the queue, then refill the window. */
  async ack(ids: string[]): Promise<void> {
    const wasFull = this.inflightCount() >= this.o.window;
    await this.o.queue.ack(this.device, ids);
    // Only once removed: an ack that failed (and is retried) still holds its place in the window.
    for (const id of ids) this.inflight?.delete(id);
    if (this.inflight?.size === 0) this.inflight = undefined; // an idle connection holds no Set
    // Only a full window left entries unread; otherwise nothing new is waiting (nudges say so).
    if (wasFull || this.dirty) this.nudge();
  }

  stop(): void {
    this.stopped = true;
    this.cancelRetry?.();
    this.cancelRetry = undefined;
  }

  private inflightCount(): number {
    return this.inflight?.size ?? 0;
  }

  private async pump(): Promise<void> {
    if (this.reading) return;
    this.reading = true;
    try {
      while (this.dirty && !this.stopped && this.connection.isOpen) {
        const room = this.o.window - this.inflightCount();
        if (room <= 0) break; // acks will nudge again
        this.dirty = false;
        const afterSeq = Math.min(this.lastSentSeq, this.rewindTo);
        this.rewindTo = Number.POSITIVE_INFINITY;
        const entries = await this.o.queue.read(this.device, { afterSeq, limit: room });
        this.backoff = undefined; // the next failure starts from the first delay again
        if (this.stopped || !this.connection.isOpen) break;
        this.send(entries);
        if (entries.length === room)
          this.dirty = true; // there may be more
        else if (!this.synced) {
          this.synced = true;
          if (this.o.onSyncComplete) this.o.onSyncComplete(this.connection, this.sentDuringSync);
          else this.connection.send({ syncComplete: { delivered: this.sentDuringSync } });
        }
      }
    } catch (error) {
      // A store failure leaves entries queued and the connection open: the pump looks again after
      // a backoff (or at the next nudge), so deliveries resume soon after the store is back.
      this.o.logger.warn('delivery read failed', { error: String(error) });
      this.dirty = true;
      this.retryLater();
    } finally {
      this.reading = false;
    }
  }

  private retryLater(): void {
    if (this.stopped || this.cancelRetry) return;
    this.backoff ??= new RetryBackoff();
    this.cancelRetry = (this.o.setTimer ?? systemTimer)(() => {
      this.cancelRetry = undefined;
      if (!this.stopped && this.connection.isOpen) this.nudge();
    }, this.backoff.next());
  }

  /** Counts `entry` as sent (in flight, last seq) and returns its envelope's size. */
  private take(entry: PumpEntry): number {
    this.inflight ??= new Set();
    this.inflight.add(entry.id);
    this.lastSentSeq = Math.max(this.lastSentSeq, entry.seq);
    if (!this.synced) this.sentDuringSync++;
    return envelopeLength(entry);
  }

  /** Sends the entries offered so far, before anything sent after them. */
  private sendOffered(): void {
    const batch = this.offered;
    if (!batch) return;
    this.offered = undefined;
    this.offeredBytes = 0;
    this.connection.sendBytes(encodeDeliverFrameOf(batch));
  }

  private send(entries: PumpEntry[]): void {
    this.sendOffered(); // keeps seq order on the wire
    let batch: PumpEntry[] = [];
    let size = 0;
    const flush = () => {
      if (batch.length === 0) return;
      this.connection.sendBytes(encodeDeliverFrameOf(batch));
      batch = [];
      size = 0;
    };
    for (const entry of entries) {
      if (this.inflight?.has(entry.id)) continue; // read again after a rewind, and sent already
      const length = this.take(entry);
      if (size + length > this.o.maxFrameBytes / 2) flush();
      batch.push(entry);
      size += length + 8;
    }
    flush();
  }
}
