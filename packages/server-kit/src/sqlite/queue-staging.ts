import type { EnqueueResult, QueueEntry } from '../contracts/offline-queue.js';
import type { LeadWriter } from './group-commit.js';
import { DeviceStaged } from './queue-device-staged.js';

/** One entry handed a seq and readable, not yet written: it is written when its batch commits. */
export interface StagedEntry {
  device: { userId: string; deviceId: number };
  id: string;
  seq: number;
  data: Uint8Array;
  storedAt: number;
  expiresAt: number;
  shared: string | undefined;
  sender: string | null;
  /** Enqueued with `forgetAcked` or as a fan-out: its ack (before its commit or after) writes no mark. */
  forget: boolean;
  /** Of a fan-out call (`EnqueueOptions.fanOut`): deduplicated by its shared key, remembered at its commit. */
  fanOut: boolean;
  /** Acknowledged before its commit: only its dedup mark is written (none if `forget`), at this time. */
  ackedAt: number | undefined;
  /** Went out before its commit, so the batch waits a little for its ack. */
  held: boolean;
  /** Stored `queue_devices.next_seq` to write with this entry (the first of a new seq block). */
  reserveTo: number | undefined;
  /** The results reporting this entry (its call's, and those of calls that repeated it in the batch). */
  echoes: EnqueueResult[];
}

/** How the staged rows reach the database (prepared statements of the queue), run inside the batch. */
export interface StagingWrites {
  reserve(entry: StagedEntry, reserveTo: number): void;
  /**
   * Stores the entry, or returns the seq and time of the earlier entry its id repeats (queued, or
   * acknowledged within the dedup window): then nothing is stored.
   */
  insert(entry: StagedEntry): { seq: number; storedAt: number } | undefined;
  /** Marks entries acknowledged before they were written (at their `ackedAt`), in a few statements. */
  marks(entries: readonly StagedEntry[]): void;
  /** Stores a payload with `refs` references; a fan-out key (`fanOutAt`: its calls' time) even with none. */
  addShared(key: string, data: Uint8Array, refs: number, fanOutAt: number | undefined): void;
  /**
   * Deletes the device's stored entries with these ids; returns how many there were. The shared
   * payload references the deleted rows held are added to `released`, not released yet; their
   * marks' values to `marks`, not written yet.
   */
  ack(
    device: { userId: string; deviceId: number },
    ids: string[],
    ackedAt: number,
    released: Map<string, number>,
    marks: unknown[],
  ): number;
  /** Releases shared payload references (after every ack of the batch: one update per key). */
  release(released: ReadonlyMap<string, number>): void;
  /** Writes the marks `ack` collected (after every ack of the batch: a few multi-row statements). */
  markStored(marks: readonly unknown[]): void;
}

/** Acks of stored entries made during a batch (see QueueStaging.ackStored). */
interface StoredAck {
  device: { userId: string; deviceId: number };
  ids: string[];
  at: number;
  removed: number;
}

/** What the staging tells the committer. */
export interface StagingCommitter {
  touch(): void;
  hold(fanout: boolean): void;
  release(): void;
}

/**
 * The SQLite queue's entries of the current batch (see `sqliteQueue`): stored in memory when
 * `enqueue` is called, so they can be delivered and acknowledged before the batch commits, and
 * written as the first writes of that batch's transaction. An entry acknowledged before then is
 * never written; its dedup mark is. If the batch fails, they vanish and their `enqueue` calls
 * reject: nothing was acknowledged to their senders, who send again.
 */
export class QueueStaging implements LeadWriter {
  private entries: StagedEntry[] = [];
  /** By device key, then id (no key string of device and id per entry: see DeviceStaged). */
  private readonly byDevice = new Map<string, DeviceStaged<StagedEntry>>();
  private readonly payloads = new Map<string, Uint8Array>();
  /** The fan-out keys of this batch, with their calls' time: stored even when every entry was acked. */
  private readonly fanOuts = new Map<string, number>();
  private acks: StoredAck[] = [];
  /** Devices with a write of this batch that runs as a job (after the staged rows): see `mustWait`. */
  private readonly jobs = new Set<string>();
  /** Held entries not acknowledged yet: the batch commits when this reaches 0 (or the hold ends). */
  private waiting = 0;
  private outcome: { promise: Promise<void>; resolve(): void; reject(error: unknown): void } | undefined;
  /** The batch's commit answering 1, shared by every one-entry ack of the batch (see `ackedOne`). */
  private one: Promise<number> | undefined;

  constructor(
    private readonly writes: StagingWrites,
    private readonly committer: StagingCommitter,
    /** Runs after every flush, when nothing is staged (the queue trims its caches then). */
    private readonly afterBatch: () => void = () => {},
    /** A staged entry turned out to repeat a stored one and was not written (it was counted as queued). */
    private readonly onRepeat: (entry: StagedEntry) => void = () => {},
  ) {}

  /** The staged entry with this id in the device's queue, acknowledged or not. */
  find(deviceKey: string, id: string): StagedEntry | undefined {
    return this.byDevice.get(deviceKey)?.find(id);
  }

  /** Whether a call of this batch staged entries referencing the shared payload `key`. */
  hasPayload(key: string): boolean {
    return this.payloads.has(key);
  }

  /**
   * A job of this batch (a slow-path enqueue, a clear) touches the device. Jobs run after the staged
   * rows in the transaction, so later calls for the device must run as jobs too, in call order.
   */
  jobFor(deviceKey: string): void {
    this.jobs.add(deviceKey);
  }

  /** True when calls for the device must run as jobs until this batch commits (see jobFor). */
  mustWait(deviceKey: string): boolean {
    return this.jobs.has(deviceKey);
  }

  /**
   * Stages entries (already checked: new ids, seqs handed out; `keys[i]` is the device key of
   * `entries[i]`) with the payloads they reference; resolves once their batch committed.
   */
  stage(
    keys: readonly string[],
    entries: readonly StagedEntry[],
    payloads: ReadonlyMap<string, Uint8Array>,
    fanOutAt?: number,
  ): Promise<void> {
    for (let i = 0; i < entries.length; i++) {
      const key = keys[i] as string;
      const entry = entries[i] as StagedEntry;
      this.entries.push(entry);
      const staged = this.byDevice.get(key);
      if (staged) staged.add(entry);
      else this.byDevice.set(key, new DeviceStaged(entry));
    }
    for (const [key, data] of payloads) {
      if (!this.payloads.has(key)) this.payloads.set(key, data);
      if (fanOutAt !== undefined && !this.fanOuts.has(key)) this.fanOuts.set(key, fanOutAt);
    }
    // Nothing new (duplicates only): durable once the batch holding what they repeat is.
    if (entries.length === 0) return this.outcome?.promise ?? Promise.resolve();
    return this.batchOutcome();
  }

  /**
   * Acknowledges entries stored by earlier batches: deleted and marked as the batch's first writes
   * (after the staged rows), outside any savepoint, which spares each ack a savepoint of its own
   * (two statements) and a job. Resolves with how many were removed once the batch commits. The
   * caller sends a device's acks the job way while a job touches the device (`mustWait`), so they
   * keep their order with a `clear`.
   */
  ackStored(device: { userId: string; deviceId: number }, ids: string[], now: number): Promise<number> {
    const request: StoredAck = { device, ids, at: now, removed: 0 };
    this.acks.push(request);
    return this.batchOutcome().then(() => request.removed);
  }

  /** The current batch's commit, made (and a flush asked for) by its first write. */
  private batchOutcome(): Promise<void> {
    if (!this.outcome) {
      let resolve!: () => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      promise.catch(() => {}); // each caller gets the rejection through its own `then`
      this.outcome = { promise, resolve, reject };
      this.committer.touch();
    }
    return this.outcome.promise;
  }

  /**
   * These entries of one call went out before their commit: the batch waits a little for their acks
   * (longer for a fan-out, see `DEFAULT_FANOUT_HOLD_MS`).
   */
  hold(entries: StagedEntry[], fanout: boolean): void {
    for (const entry of entries) {
      if (entry.held || entry.ackedAt !== undefined) continue;
      entry.held = true;
      this.waiting++;
    }
    if (this.waiting > 0) this.committer.hold(fanout);
  }

  /**
   * Acknowledges a staged entry: it will not be written, only its mark. Returns the batch's commit
   * (the ack is durable then), or undefined when no unacknowledged entry has that id.
   */
  ack(deviceKey: string, id: string, now: number): Promise<void> | undefined {
    const entry = this.find(deviceKey, id);
    if (!entry || entry.ackedAt !== undefined || !this.outcome) return undefined;
    entry.ackedAt = now;
    if (entry.held && --this.waiting === 0) this.committer.release();
    return this.outcome.promise;
  }

  /**
   * The current batch's commit, resolving to 1: what an ack that cancelled one staged entry answers.
   * One promise per batch, not one per ack (every member of a fan-out acks its one entry). Only
   * after `ack` returned a commit.
   */
  ackedOne(): Promise<number> {
    this.one ??= (this.outcome?.promise ?? Promise.resolve()).then(() => 1);
    return this.one;
  }

  /** The device's unacknowledged staged entries after `afterSeq` that are alive at `now`, in seq order. */
  live(deviceKey: string, afterSeq: number, now: number): QueueEntry[] {
    const out: QueueEntry[] = [];
    for (const e of this.byDevice.get(deviceKey)?.entries ?? []) {
      if (e.ackedAt !== undefined || e.seq <= afterSeq || e.expiresAt <= now) continue;
      const entry: QueueEntry = { id: e.id, seq: e.seq, data: new Uint8Array(e.data), storedAt: e.storedAt };
      const shared = e.shared !== undefined ? this.payloads.get(e.shared) : undefined;
      if (shared) entry.shared = new Uint8Array(shared);
      out.push(entry);
    }
    return out;
  }

  /** How many unacknowledged staged entries the device has (alive at `now`). */
  count(deviceKey: string, now: number): number {
    let n = 0;
    for (const e of this.byDevice.get(deviceKey)?.entries ?? []) if (e.ackedAt === undefined && e.expiresAt > now) n++;
    return n;
  }

  hasWork(): boolean {
    return this.entries.length > 0 || this.acks.length > 0;
  }

  write(): void {
    const refs = new Map<string, number>();
    /** Fan-out keys with an entry acknowledged before this commit: remembered though nothing references them. */
    const acked = new Set<string>();
    const marked: StagedEntry[] = [];
    for (const entry of this.entries) {
      if (entry.reserveTo !== undefined) this.writes.reserve(entry, entry.reserveTo);
      if (entry.ackedAt !== undefined) {
        if (!entry.forget) marked.push(entry);
        else if (entry.fanOut && entry.shared !== undefined) acked.add(entry.shared);
        continue;
      }
      const earlier = this.writes.insert(entry);
      if (earlier) {
        // A resend of an entry stored before: its call reports the earlier one, as a duplicate.
        for (const result of entry.echoes) Object.assign(result, { duplicate: true, ...earlier });
        this.onRepeat(entry);
        continue;
      }
      if (entry.shared !== undefined) refs.set(entry.shared, (refs.get(entry.shared) ?? 0) + 1);
    }
    // Before the stored acks below: a stored entry acked in this batch replaces a staged resend's mark.
    if (marked.length > 0) this.writes.marks(marked);
    for (const [key, n] of refs) {
      this.writes.addShared(key, this.payloads.get(key) as Uint8Array, n, this.fanOuts.get(key));
    }
    // A fan-out key is remembered even when every member acked before the commit (no entry written).
    for (const key of acked) {
      if (!refs.has(key)) this.writes.addShared(key, this.payloads.get(key) as Uint8Array, 0, this.fanOuts.get(key));
    }
    if (this.acks.length === 0) return;
    const released = new Map<string, number>();
    const marks: unknown[] = [];
    for (const ack of this.acks) ack.removed = this.writes.ack(ack.device, ack.ids, ack.at, released, marks);
    if (marks.length > 0) this.writes.markStored(marks);
    this.writes.release(released);
  }

  done(error: unknown): void {
    const outcome = this.outcome;
    this.entries = [];
    this.acks = [];
    this.byDevice.clear();
    this.payloads.clear();
    this.fanOuts.clear();
    this.jobs.clear();
    this.waiting = 0;
    this.outcome = undefined;
    this.one = undefined;
    this.afterBatch();
    if (!outcome) return;
    if (error === undefined) outcome.resolve();
    else outcome.reject(error);
  }
}

/** The results of staged entries, as `enqueue` reports them. */
export function stagedResult(entry: StagedEntry, duplicate: boolean): EnqueueResult {
  return {
    device: { userId: entry.device.userId, deviceId: entry.device.deviceId },
    id: entry.id,
    seq: entry.seq,
    storedAt: entry.storedAt,
    duplicate,
  };
}
