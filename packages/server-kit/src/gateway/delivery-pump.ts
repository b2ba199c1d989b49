import type { Logger } from '../contracts/logger.js';
import type { OfflineQueue } from '../contracts/offline-queue.js';
import { type SetTimer, systemTimer } from '../contracts/timer.js';
import type { DeviceAddress } from '../contracts/types.js';
import { envelopeLength } from '../messages/envelope.js';
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
  /**
   * Entries are sent only while the connection's unsent bytes stay under this (the rest wait for
   * acks), so a backlog larger than the connection's buffer limit is delivered in parts instead of
   * tripping BACKPRESSURE at every connect; unlimited when absent. One entry always goes when none
   * is in flight, whatever its size.
   */
  maxUnsentBytes?: number;
  logger: Logger;
  /** Called once per pump, after the backlog present at connect has been sent; default sends SyncComplete. */
  onSyncComplete?(connection: Connection, delivered: number): void;
  /** Schedules the retry of a failed read; default {@link systemTimer}. */
  setTimer?: SetTimer;
}

// The pump's yes/no states, bits of one number: every connected device has a pump, and four
// boolean fields cost 24 bytes more per idle connection than one (aim 5 of issue 15).
/** A read of the queue is under way. */
const READING = 1;
/** Something may be queued that was not read yet. */
const DIRTY = 2;
/** The backlog present at connect has been sent (SyncComplete went out). */
const SYNCED = 4;
/** The connection is gone: nothing more is read or sent. */
const STOPPED = 8;

/**
 * What a pump holds only while it has work: entries in flight, a tick's offered batch, a late
 * entry's rewind, a failed read's retry, the count of the first sync. Made when needed and dropped
 * once it is all done (see DeliveryPump.settle): a caught-up pump is five fields, where these seven
 * more cost every idle connection 56 bytes (aim 5 of issue 15).
 */
class PumpWork {
  /** Sent, not acknowledged. */
  readonly inflight = new Set<string>();
  /** Entries sent before SyncComplete (which reports them). */
  sentDuringSync = 0;
  /** Entries offered during this tick, not sent yet: they leave in one Deliver frame (see offer). */
  offered: PumpEntry[] | undefined;
  offeredBytes = 0;
  /** The next read starts after this seq (not after `lastSentSeq`) when an entry was offered late. */
  rewindTo: number | undefined;
  /** Made at the first failed read, dropped after a successful one. */
  backoff: RetryBackoff | undefined;
  cancelRetry: (() => void) | undefined;
}

/**
 * Moves one device's queue onto its connection, in seq order, with at most `window`
 * unacknowledged envelopes in flight. The queue is the truth: a nudge only makes the pump
 * look again, so a lost nudge delays delivery until the next one or the next connect.
 * The device is the connection's (`connection.address`, set before the pump is made).
 */
export class DeliveryPump {
  private lastSentSeq = 0;
  /** READING, DIRTY, SYNCED and STOPPED. */
  private flags = DIRTY;
  /** Only while there is work (see PumpWork). */
  private work: PumpWork | undefined;

  constructor(
    private readonly o: DeliveryPumpSettings,
    readonly connection: Connection,
  ) {}

  /** The pump's work, made when needed. */
  private get busy(): PumpWork {
    this.work ??= new PumpWork();
    return this.work;
  }

  /** Drops the work once nothing is left in it (nor the first sync's count, until SyncComplete). */
  private settle(): void {
    const w = this.work;
    if (
      w &&
      w.inflight.size === 0 &&
      !w.offered &&
      w.rewindTo === undefined &&
      !w.backoff &&
      !w.cancelRetry &&
      (this.is(SYNCED) || w.sentDuringSync === 0)
    ) {
      this.work = undefined;
    }
  }

  private get device(): DeviceAddress {
    return this.connection.address as DeviceAddress;
  }

  private is(flag: number): boolean {
    return (this.flags & flag) !== 0;
  }

  private mark(flag: number, on: boolean): void {
    this.flags = on ? this.flags | flag : this.flags & ~flag;
  }

  /** Something may have been queued for the device: look again soon. */
  nudge(): void {
    this.mark(DIRTY, true);
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
      if (!this.work?.inflight.has(entry.id)) {
        const w = this.busy;
        w.rewindTo = Math.min(w.rewindTo ?? entry.seq, entry.seq - 1);
      }
      this.nudge();
      return;
    }
    const caughtUp = (this.flags & (SYNCED | READING | DIRTY | STOPPED)) === SYNCED;
    if (
      caughtUp &&
      entry.seq > this.lastSentSeq &&
      this.inflightCount() < this.o.window &&
      this.connection.isOpen &&
      this.hasRoom((this.work?.offeredBytes ?? 0) + envelopeLength(entry))
    ) {
      const size = this.take(entry);
      const w = this.busy;
      if (w.offeredBytes + size > this.o.maxFrameBytes / 2) this.sendOffered();
      // A tick queued from a promise job runs once the job queue is drained: the end of this tick.
      if (w.offered) w.offered.push(entry);
      else {
        w.offered = [entry]; // made with its first entry: an empty array's first push makes room for 16
        process.nextTick(() => this.sendOffered());
      }
      w.offeredBytes += size + 8;
    } else {
      this.nudge();
    }
  }

  /** Whether entry `id` went out to the device and is not acknowledged yet. */
  awaitsAck(id: string): boolean {
    return this.work?.inflight.has(id) ?? false;
  }

  /**
   * The ids among `ids` that this pump sent and that are not acknowledged yet: entries of this
   * device's own queue. Only those may be acknowledged and answered with receipts, so an ack naming
   * ids of another queue (forged receipts) does nothing. An id sent on an earlier connection is not
   * among them; the entry stays queued, is sent again, and its next ack counts.
   */
  outstanding(ids: string[]): string[] {
    const inflight = this.work?.inflight;
    if (!inflight) return [];
    // Usually every named id is: then `ids` itself, not a copy grown from empty.
    for (const id of ids) if (!inflight.has(id)) return ids.filter((i) => inflight.has(i));
    return ids;
  }

  /**
   * The device acknowledged these ids: remove them from the queue, then refill the window.
   * `removing`, when given, is that removal already under way (an ack committed with its receipt).
   * A `then`, not an async frame: every member of a group message acks once.
   */
  ack(ids: string[], removing?: Promise<unknown>): Promise<void> {
    const wasFull = this.inflightCount() >= this.o.window;
    return (removing ?? this.o.queue.ack(this.device, ids)).then(() => this.acked(ids, wasFull));
  }

  /** Only once removed: an ack that failed (and is retried) still holds its place in the window. */
  private acked(ids: string[], wasFull: boolean): void {
    const inflight = this.work?.inflight;
    if (inflight) for (const id of ids) inflight.delete(id);
    this.settle();
    // Only a full window left entries unread; otherwise nothing new is waiting (nudges say so).
    if (wasFull || this.is(DIRTY)) this.nudge();
  }

  stop(): void {
    this.mark(STOPPED, true);
    const w = this.work;
    w?.cancelRetry?.();
    if (w) w.cancelRetry = undefined;
  }

  private inflightCount(): number {
    return this.work?.inflight.size ?? 0;
  }

  private async pump(): Promise<void> {
    if (this.is(READING)) return;
    this.mark(READING, true);
    try {
      while ((this.flags & (DIRTY | STOPPED)) === DIRTY && this.connection.isOpen) {
        const room = this.o.window - this.inflightCount();
        if (room <= 0) break; // acks will nudge again
        this.mark(DIRTY, false);
        const afterSeq = Math.min(this.lastSentSeq, this.work?.rewindTo ?? this.lastSentSeq);
        if (this.work) this.work.rewindTo = undefined;
        const entries = await this.o.queue.read(this.device, { afterSeq, limit: room });
        if (this.work) this.work.backoff = undefined; // the next failure starts from the first delay again
        if (this.is(STOPPED) || !this.connection.isOpen) break;
        if (this.send(entries)) {
          // Sent up to the unsent-bytes budget: the next acks look again (DIRTY, see acked).
          this.mark(DIRTY, true);
          break;
        }
        if (entries.length === room)
          this.mark(DIRTY, true); // there may be more
        else if (!this.is(SYNCED)) {
          this.mark(SYNCED, true);
          const delivered = this.work?.sentDuringSync ?? 0;
          if (this.o.onSyncComplete) this.o.onSyncComplete(this.connection, delivered);
          else this.connection.send({ syncComplete: { delivered } });
        }
      }
    } catch (error) {
      // A store failure leaves entries queued and the connection open: the pump looks again after
      // a backoff (or at the next nudge), so deliveries resume soon after the store is back.
      this.o.logger.warn('delivery read failed', { error: String(error) });
      this.mark(DIRTY, true);
      this.retryLater();
    } finally {
      this.mark(READING, false);
      this.settle();
    }
  }

  private retryLater(): void {
    if (this.is(STOPPED) || this.work?.cancelRetry) return;
    const w = this.busy;
    w.backoff ??= new RetryBackoff();
    w.cancelRetry = (this.o.setTimer ?? systemTimer)(() => {
      // `w` is still the pump's work: it is kept while a retry is pending.
      w.cancelRetry = undefined;
      if (!this.is(STOPPED) && this.connection.isOpen) this.nudge();
      else this.settle();
    }, w.backoff.next());
  }

  /** Counts `entry` as sent (in flight, last seq) and returns its envelope's size. */
  private take(entry: PumpEntry): number {
    const w = this.busy;
    w.inflight.add(entry.id);
    this.lastSentSeq = Math.max(this.lastSentSeq, entry.seq);
    if (!this.is(SYNCED)) w.sentDuringSync++;
    return envelopeLength(entry);
  }

  /** Sends the entries offered so far, before anything sent after them. */
  private sendOffered(): void {
    const w = this.work;
    const batch = w?.offered;
    if (!w || !batch) return;
    w.offered = undefined;
    w.offeredBytes = 0;
    this.connection.sendDeliver(batch);
    this.settle();
  }

  /** Whether `bytes` more may go out now (see DeliveryPumpSettings.maxUnsentBytes). */
  private hasRoom(bytes: number): boolean {
    const budget = this.o.maxUnsentBytes;
    if (budget === undefined || this.inflightCount() === 0) return true;
    return this.connection.unsentBytes + bytes <= budget;
  }

  /** Sends what fits of `entries`; true when some were left for later (the unsent-bytes budget). */
  private send(entries: PumpEntry[]): boolean {
    this.sendOffered(); // keeps seq order on the wire
    let batch: PumpEntry[] = [];
    let size = 0;
    const flush = () => {
      if (batch.length === 0) return;
      this.connection.sendDeliver(batch);
      batch = [];
      size = 0;
    };
    let held = false;
    for (const entry of entries) {
      if (this.work?.inflight.has(entry.id)) continue; // read again after a rewind, and sent already
      if (!this.hasRoom(size + envelopeLength(entry))) {
        held = true; // not taken: the next read starts at it
        break;
      }
      const length = this.take(entry);
      if (size + length > this.o.maxFrameBytes / 2) flush();
      batch.push(entry);
      size += length + 8;
    }
    flush();
    return held;
  }
}
