// In a cluster every stored entry was read back from the database before it went out (1.9 of the
// ~2.4 PostgreSQL round trips per delivered message in bench:delivery --gateways 2 once device
// lists were cached and acks batched). A gateway knows the entries it just committed, and the
// gateway that holds the device can be told them in the nudge note: a read can then be answered
// from memory when memory provably holds exactly what the database would return first.
import type { OfflineQueue, QueueEntry } from '../contracts/offline-queue.js';
import { type Clock, type DeviceAddress, deviceKey, systemClock } from '../contracts/types.js';

/**
 * What a queue that remembers recent entries offers the gateway (postgresQueue does). The rule
 * that keeps reads right: for each device, every entry committed after the device's last read
 * from the database is, on this gateway, either remembered (committed here, or told in a note),
 * or announced by a note still to come, or {@link forget}-ed by a note that carried no entries.
 */
export interface RecentEntriesPort {
  /**
   * Takes (and forgets) the entries this gateway committed lately for `device`, in seq order, to
   * send along with a nudge to the gateway that holds the device.
   */
  takeRecent(device: DeviceAddress): QueueEntry[];
  /** Entries committed elsewhere (from a nudge note), in seq order: the next read may use them. */
  remember(device: DeviceAddress, entries: QueueEntry[]): void;
  /** Something was committed for `device` that this gateway was not told: its next read goes to the store. */
  forget(device: DeviceAddress): void;
}

/** The queue's {@link RecentEntriesPort}, when it has one. */
export function recentEntriesOf(queue: OfflineQueue): RecentEntriesPort | undefined {
  const port = queue as Partial<RecentEntriesPort>;
  return typeof port.takeRecent === 'function' &&
    typeof port.remember === 'function' &&
    typeof port.forget === 'function'
    ? (port as RecentEntriesPort)
    : undefined;
}

/**
 * A device whose last store read came back short (fewer entries than asked): the store then held
 * nothing after `seq`. Kept only while memory has lost nothing of the device since (see
 * {@link RecentEntries.read}).
 */
interface Drained {
  seq: number;
  at: number;
}

/** A store read under way: `lost` when memory lost entries of its device meanwhile (its answer then proves nothing). */
export interface StoreRead {
  readonly key: string;
  lost: boolean;
}

/** One device's remembered entries: consecutive seqs, oldest first. */
interface Run {
  device: DeviceAddress;
  entries: QueueEntry[];
  touchedAt: number;
}

/** Options of {@link RecentEntries}. */
export interface RecentEntriesOptions {
  clock?: Clock;
  /**
   * An entry older than this (since it was remembered, and since it was stored) is forgotten and
   * reads go to the store; keep it well below the queue's entry lifetime. Default 2 s.
   */
  maxAgeMs?: number;
  /** Most entries remembered over all devices; past it the least recently touched devices go first. Default 20,000. */
  maxEntries?: number;
  /** Most bytes of entries remembered over all devices (a shared payload counts once per entry); default 8 MiB. */
  maxBytes?: number;
  /** Most entries remembered per device; default 256. */
  maxPerDevice?: number;
}

/**
 * Per device, a run of entries with consecutive seqs that this gateway knows are committed. A
 * read after seq n is answered from memory only when the run holds n + 1: the answer is then the
 * run from n + 1 on, which is what the database would return first (seqs are consecutive, so
 * nothing lies between). Everything else — no run, a run that starts later, a first read (n = 0),
 * an old run — goes to the store. An entry that does not continue the run starts a new one.
 */
export class RecentEntries {
  private readonly runs = new Map<string, Run>();
  private readonly drained = new Map<string, Drained>();
  private readonly reading = new Map<string, Set<StoreRead>>();
  /** Entries and bytes remembered over all devices. */
  private size = 0;
  private bytes = 0;
  private readonly clock: Clock;
  private readonly maxAgeMs: number;
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private readonly maxPerDevice: number;

  constructor(o: RecentEntriesOptions = {}) {
    this.clock = o.clock ?? systemClock;
    this.maxAgeMs = o.maxAgeMs ?? 2_000;
    this.maxEntries = o.maxEntries ?? 20_000;
    this.maxBytes = o.maxBytes ?? 8 << 20;
    this.maxPerDevice = o.maxPerDevice ?? 256;
  }

  /** Committed entries of `device` in seq order (by this gateway, or told by another). */
  add(device: DeviceAddress, entries: readonly QueueEntry[]): void {
    if (entries.length === 0) return;
    const key = deviceKey(device);
    let run = this.runs.get(key);
    this.runs.delete(key); // re-inserted last: the map stays in touch order
    for (const entry of entries) {
      const last = run?.entries[run.entries.length - 1];
      if (run && last && entry.seq === last.seq + 1) {
        run.entries.push(entry);
        this.count(entry, 1);
      } else if (!run || !last || entry.seq > last.seq) {
        // A gap (or nothing yet): what lies between is unknown here, so the old run cannot be continued.
        if (run) {
          this.uncount(run.entries);
          this.lose(key);
        }
        run = { device: { userId: device.userId, deviceId: device.deviceId }, entries: [entry], touchedAt: 0 };
        this.count(entry, 1);
      }
      // An older seq (a commit reported late) is left out: a read that needs it goes to the store.
      else this.lose(key);
    }
    if (!run) return;
    const excess = run.entries.length - this.maxPerDevice;
    if (excess > 0) {
      this.uncount(run.entries.splice(0, excess));
      this.lose(key);
    }
    run.touchedAt = this.clock();
    this.runs.set(key, run);
    this.evict();
  }

  /**
   * Entries after `afterSeq` (up to `limit`) when memory holds the next one; undefined when the
   * store must answer. Also none (`[]`) when memory holds nothing after `afterSeq` and the
   * device's last store read, lately, came back short at or before `afterSeq`: every entry
   * committed since that read is remembered, or announced by a note still to come (whose nudge
   * reads again), or was forgotten (which ends the mark), so the store would answer none too. This
   * spares the read a nudge makes after a store read already returned the entries it announced.
   */
  read(device: DeviceAddress, afterSeq: number, limit: number): QueueEntry[] | undefined {
    if (afterSeq <= 0) return undefined; // a connection's first read always goes to the store
    const key = deviceKey(device);
    const run = this.runs.get(key);
    if (!run) return this.none(key, afterSeq);
    const first = run.entries[0] as QueueEntry;
    // By the time it was stored too (another gateway's clock): an old entry may have expired.
    const now = this.clock();
    if (now - run.touchedAt > this.maxAgeMs || now - first.storedAt > this.maxAgeMs) {
      this.drop(key, run);
      return undefined;
    }
    const start = afterSeq + 1 - first.seq;
    if (start < 0) return undefined;
    if (start >= run.entries.length) return this.none(key, afterSeq);
    const out = run.entries.slice(start, start + Math.max(0, Math.floor(limit)));
    // What was read (and what came before it) will not be read again by this connection.
    const used = start + out.length;
    this.uncount(run.entries.splice(0, used));
    if (run.entries.length === 0) this.runs.delete(key);
    return out;
  }

  /** A store read of `device` begins: pass what this returns to {@link stored} or {@link abandon} when it ends. */
  beginStoreRead(device: DeviceAddress): StoreRead {
    const read: StoreRead = { key: deviceKey(device), lost: false };
    const reads = this.reading.get(read.key);
    if (reads) reads.add(read);
    else this.reading.set(read.key, new Set([read]));
    return read;
  }

  /** A store read failed. */
  abandon(read: StoreRead): void {
    const reads = this.reading.get(read.key);
    reads?.delete(read);
    if (reads?.size === 0) this.reading.delete(read.key);
  }

  /**
   * What a store read after `afterSeq` asking for `limit` returned: when short, the store held
   * nothing after its last entry (or `afterSeq`), which {@link read} may then answer, unless memory
   * lost entries of the device while the read was under way (a forget, a drop: news it no longer
   * holds, committed after the read's snapshot perhaps).
   */
  stored(read: StoreRead, afterSeq: number, limit: number, entries: readonly QueueEntry[]): void {
    this.abandon(read);
    const key = read.key;
    this.drained.delete(key); // re-inserted last: the map stays in age order
    if (read.lost || entries.length >= limit) return;
    const last = entries[entries.length - 1];
    this.drained.set(key, { seq: last ? last.seq : afterSeq, at: this.clock() });
    for (const [k] of this.drained) {
      if (this.drained.size <= this.maxEntries) break;
      this.drained.delete(k);
    }
  }

  /** `[]` when the device's drained mark proves the store holds nothing after `afterSeq`; else undefined. */
  private none(key: string, afterSeq: number): QueueEntry[] | undefined {
    const mark = this.drained.get(key);
    if (!mark) return undefined;
    if (this.clock() - mark.at > this.maxAgeMs) {
      this.drained.delete(key);
      return undefined;
    }
    return afterSeq >= mark.seq ? [] : undefined;
  }

  /** Takes the remembered entries of `device` (to hand them to the gateway that holds it). */
  take(device: DeviceAddress): QueueEntry[] {
    const key = deviceKey(device);
    const run = this.runs.get(key);
    if (!run) return [];
    this.drop(key, run);
    return this.clock() - run.touchedAt > this.maxAgeMs ? [] : run.entries;
  }

  /**
   * Ids being acknowledged: a run holding any of them is forgotten (an acknowledged entry is never
   * read again). Entries up to the last acknowledged one were sent (a device gets its entries in
   * seq order), so only entries after it leave memory unread.
   */
  acked(device: DeviceAddress, ids: readonly string[]): void {
    const key = deviceKey(device);
    const run = this.runs.get(key);
    if (!run) return;
    const set = new Set(ids);
    let lastAcked: number | undefined;
    for (const e of run.entries) if (set.has(e.id)) lastAcked = e.seq;
    if (lastAcked === undefined) return;
    this.runs.delete(key);
    this.uncount(run.entries);
    if ((run.entries[run.entries.length - 1] as QueueEntry).seq > lastAcked) this.lose(key);
  }

  forget(device: DeviceAddress): void {
    const key = deviceKey(device);
    this.lose(key);
    const run = this.runs.get(key);
    if (run) this.drop(key, run);
  }

  clear(): void {
    this.runs.clear();
    this.drained.clear();
    for (const reads of this.reading.values()) for (const r of reads) r.lost = true;
    this.size = 0;
    this.bytes = 0;
  }

  /** Entries of `key` left memory unread (or news of it was not told): its drained mark proves nothing now, nor do reads under way. */
  private lose(key: string): void {
    this.drained.delete(key);
    const reads = this.reading.get(key);
    if (reads) for (const r of reads) r.lost = true;
  }

  /** Entries leaving memory unread: the device's drained mark no longer proves anything. */
  private drop(key: string, run: Run): void {
    this.runs.delete(key);
    this.lose(key);
    this.uncount(run.entries);
  }

  private count(entry: QueueEntry, sign: 1 | -1): void {
    this.size += sign;
    this.bytes += sign * (64 + entry.id.length + entry.data.byteLength + (entry.shared?.byteLength ?? 0));
  }

  private uncount(entries: readonly QueueEntry[]): void {
    for (const entry of entries) this.count(entry, -1);
  }

  /** Least recently touched first: past the size bound, and any older than maxAgeMs. */
  private evict(): void {
    const oldest = this.clock() - this.maxAgeMs;
    for (const [key, run] of this.runs) {
      if (this.size <= this.maxEntries && this.bytes <= this.maxBytes && run.touchedAt >= oldest) break;
      this.drop(key, run);
    }
  }
}
