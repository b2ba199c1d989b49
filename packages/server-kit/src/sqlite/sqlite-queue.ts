import { ParleyError } from '@parley/core';
import type Database from 'better-sqlite3';
import {
  DEFAULT_QUEUE_TTL_MS,
  type EnqueueOptions,
  type EnqueueResult,
  type OfflineQueue,
  type QueueEntry,
  type QueueItem,
  queueFull,
  senderShareFull,
} from '../contracts/offline-queue.js';
import { checkSharedKeys } from '../contracts/shared-payloads.js';
import { type Clock, type DeviceAddress, deviceKey, systemClock } from '../contracts/types.js';
import { committerFor } from './group-commit.js';
import { migrate } from './migrations.js';
import { idKey, QueueStaging, type StagedEntry, stagedResult } from './queue-staging.js';
import { type InsertRow, queueStatements } from './queue-statements.js';

/** Options of {@link sqliteQueue}. */
export interface SqliteQueueOptions {
  /** An open better-sqlite3 database; the queue creates its tables in it. */
  db: Database.Database;
  clock?: Clock;
  /** Entry lifetime; default 30 days. Fixed per entry when it is stored. */
  ttlMs?: number;
}

/** What this process knows of one device's queue (one process owns the file). */
interface DeviceState {
  /** The next seq to hand out. */
  nextSeq: number;
  /** `queue_devices.next_seq` as stored: every seq below it may be handed out without a write. */
  reserved: number;
  /** Rows in `queue` for the device, expired ones included until purged, plus its staged entries. */
  size: number;
  /** A transaction failed: `reserved` and `size` are reloaded at the next use (`nextSeq` is kept). */
  stale?: boolean;
}

/**
 * Seqs are reserved in blocks: `queue_devices.next_seq` is written once per this many enqueued
 * entries (in the same transaction as the first entry of the block), not once per entry. After a
 * restart the counter resumes at the stored value, so seqs stay strictly increasing and unique
 * (with a gap), which is all the queue promises.
 */
const SEQ_BLOCK = 1024;

/** One device's state as changed by an enqueue call that has not finished yet. */
interface Touched {
  state: DeviceState;
  device: DeviceAddress;
  nextSeq: number;
  size: number;
  added: number;
  reservedTo?: number;
}

/** Device states and staged entries per database, shared by every queue over that connection. */
const statesByDb = new WeakMap<Database.Database, { states: Map<string, DeviceState>; staging: QueueStaging }>();

/** Most device states kept in memory; past it they are dropped between batches and reloaded on use. */
const MAX_STATES = 100_000;

const namesShared = (item: QueueItem) => item.shared !== undefined;

/** The payloads of a call without shared payloads: never written to. */
const NO_PAYLOADS = new Map<string, Uint8Array>();

/** Copies out of the driver's Buffer: callers get a plain Uint8Array they cannot alias. */
const bytes = (b: Uint8Array): Uint8Array => new Uint8Array(b);

/**
 * An {@link OfflineQueue} in SQLite. Every write call is atomic and durable when it resolves
 * (group-committed), statements are prepared once, and reads, acks and dedup are index lookups.
 *
 * Entries are staged (`queue-staging.ts`): `enqueue` checks them and hands out their seqs at once,
 * in memory, and calls `onStaged`; from then on they are read, counted and acknowledged like stored
 * ones, and they are written as the first writes of the batch's transaction. An entry acknowledged
 * before that (its device was online and quick) is never written, only its dedup mark is. Calls
 * that need the table to decide (a full queue, a sender near its share, an expired id reused, a
 * device with a clear or such a call pending in the batch) run as savepoint jobs inside the
 * transaction instead, as every other write does.
 *
 * Durability is what the database is configured for; see `sqliteStores` for the pragmas. Writes
 * are committed on the next event-loop turn, so close a database you own only after its calls
 * have settled (`sqliteStores().close()` commits pending calls itself).
 */
export function sqliteQueue(options: SqliteQueueOptions): OfflineQueue {
  const { db } = options;
  const clock = options.clock ?? systemClock;
  const ttlMs = options.ttlMs ?? DEFAULT_QUEUE_TTL_MS;
  if (!(ttlMs > 0)) throw new ParleyError('INVALID_ARGUMENT', 'ttlMs must be positive');
  migrate(db);
  const committer = committerFor(db);
  const { submit } = committer;

  const {
    getDevice,
    countRows,
    putDevice,
    findEntry,
    findAcked,
    insertEntry,
    countOfSender,
    deleteBySeq,
    deleteExpiredOf,
    addShared,
    findShared,
    release,
    releaseCounts,
    forgetFanOuts,
    legacyMarksAckedAt,
    readPage,
    deleteById,
    markAcked,
    markAckedOnce,
    countLive,
    deleteExpired,
    deleteOldMarks,
    deleteAllOf,
  } = queueStatements(db);

  // Marks written before fan-out entries kept none (migration 10) may name fan-out ids: such
  // entries are checked against marks until the newest of those marks is past the dedup window.
  const legacyAckedAt = legacyMarksAckedAt();
  const legacyMarksUntil = legacyAckedAt === undefined ? Number.NEGATIVE_INFINITY : legacyAckedAt + ttlMs;
  /**
   * Whether an item's id must be looked up among the dedup marks before it is stored: not for
   * entries that leave no mark (`forget`), except fan-out ones while marks from before may exist.
   */
  const mayBeMarked = (forget: boolean, fanOut: boolean, now: number) => !forget || (fanOut && now < legacyMarksUntil);
  /** A fan-out key is remembered this long after its call: entries live one ttl, marks one more. */
  const forgetAt = (storedAt: number) => storedAt + 2 * ttlMs;
  const EMPTY = new Uint8Array(0);
  const storeShared = (key: string, data: Uint8Array, refs: number, fanOutAt: number | undefined) =>
    fanOutAt === undefined
      ? addShared.run(key, data, refs, null, null)
      : addShared.run(key, refs > 0 ? data : EMPTY, refs, fanOutAt, forgetAt(fanOutAt));
  /**
   * A fan-out call whose key is stored or remembered: every item is a duplicate, at the first call's
   * time, with its entry's seq while it is queued (0 once it is gone). Undefined when the key is new.
   */
  const fanOutDuplicates = (items: readonly QueueItem[], key: string, now: number): EnqueueResult[] | undefined => {
    const known = findShared.get(key);
    if (!known) return undefined;
    return items.map((item) => {
      const { userId, deviceId } = item.device;
      const entry = known.refs > 0 ? findEntry.get(userId, deviceId, item.id) : undefined;
      return {
        device: { userId, deviceId },
        id: item.id,
        seq: entry?.seq ?? 0,
        storedAt: entry?.stored_at ?? known.stored_at ?? now,
        duplicate: true,
      };
    });
  };

  /**
   * Writes a staged entry in its batch: stores it, or, when its id was acknowledged or is queued
   * already, stores nothing and returns the earlier entry's seq and time (a resend: the call then
   * reports a duplicate). An expired row with the id counts as gone and is replaced. The marks are
   * not looked at for an entry enqueued with `forgetAcked`. (Folding the lookup into the insert,
   * `INSERT ... SELECT ... WHERE NOT EXISTS`, measured slower than the two statements here.)
   */
  const writeStaged = (e: StagedEntry): { seq: number; storedAt: number } | undefined => {
    const { userId, deviceId } = e.device;
    const forget = e.forget ? 1 : null;
    if (mayBeMarked(e.forget, e.fanOut, e.storedAt)) {
      const acked = findAcked.get(userId, deviceId, e.id);
      if (acked) return { seq: acked.seq, storedAt: acked.stored_at };
    }
    const row: InsertRow = [
      userId,
      deviceId,
      e.seq,
      e.id,
      e.data,
      e.storedAt,
      e.expiresAt,
      e.shared ?? null,
      e.sender,
      forget,
    ];
    if (insertEntry.run(...row).changes === 1) return undefined;
    const stored = findEntry.get(userId, deviceId, e.id) as { seq: number; stored_at: number; expires_at: number };
    if (stored.expires_at > e.storedAt) return { seq: stored.seq, storedAt: stored.stored_at };
    const removed = deleteBySeq.all(userId, deviceId, stored.seq);
    release(removed);
    const state = perDb?.states.get(deviceKey(e.device));
    if (state) state.size -= removed.length;
    insertEntry.run(...row);
    return undefined;
  };

  let perDb = statesByDb.get(db);
  if (!perDb) {
    const states = new Map<string, DeviceState>();
    const staging = new QueueStaging(
      {
        reserve: (e, to) => putDevice.run(e.device.userId, e.device.deviceId, to),
        insert: (e) => writeStaged(e),
        mark: (e, at) => markAckedOnce.run(e.device.userId, e.device.deviceId, e.id, e.seq, e.storedAt, at),
        addShared: storeShared,
        ack: (device, ids, at, released) => ackRows(device.userId, device.deviceId, ids, at, released),
        release: releaseCounts,
      },
      committer,
      () => {
        if (states.size >= MAX_STATES) states.clear(); // nothing is staged now: every state reloads exactly
      },
      (e) => {
        const state = states.get(deviceKey(e.device));
        if (state) state.size--;
      },
    );
    committer.addLead(staging);
    // A transaction that did not commit may have changed states it then lost: reload them.
    committer.onRollback(() => {
      for (const state of states.values()) state.stale = true;
    });
    perDb = { states, staging };
    statesByDb.set(db, perDb);
  }
  const { states: deviceStates, staging } = perDb;
  /** The device's state, loaded on first use; a reloaded one keeps handing out higher seqs. */
  const stateOf = (key: string, userId: string, deviceId: number): DeviceState => {
    let state = deviceStates.get(key);
    if (!state || state.stale) {
      const stored = getDevice.get(userId, deviceId) ?? 1;
      const size = countRows.get(userId, deviceId) ?? 0;
      state = { nextSeq: Math.max(stored, state?.nextSeq ?? 0), reserved: stored, size };
      deviceStates.set(key, state);
    }
    return state;
  };

  // Device states are changed only once the call can no longer throw: a call that throws rolls
  // back its savepoint, and its in-memory changes must not outlive it.
  interface Limits {
    max: number | undefined;
    maxPerSender: number | undefined;
    now: number | undefined;
    /** A fan-out call (EnqueueOptions.fanOut): deduplicated by its one shared key. */
    fanOut: boolean;
    /** EnqueueOptions.forgetAcked, or a fan-out: no mark lookup now (see mayBeMarked), no mark at the ack. */
    forget: 1 | null;
  }
  const enqueueTx = db.transaction((items: QueueItem[], limits: Limits, shared: Map<string, Uint8Array>) => {
    const { max, maxPerSender, fanOut, forget } = limits;
    const now = limits.now ?? clock();
    if (fanOut) {
      // An earlier call with the key may have been written earlier in this very batch.
      const duplicates = fanOutDuplicates(items, items[0]?.shared as string, now);
      if (duplicates) return duplicates;
    }
    /** Senders of the rows this call added, per touched device. */
    const sendersAdded = new Map<string, Set<string>>();
    const sharedRefs = new Map<string, number>();
    const touched = new Map<string, Touched>();
    const results: EnqueueResult[] = [];
    for (const item of items) {
      const { userId, deviceId } = item.device;
      const key = deviceKey(item.device);
      let t = touched.get(key);
      if (!t) {
        const state = stateOf(key, userId, deviceId);
        t = { state, device: { userId, deviceId }, nextSeq: state.nextSeq, size: state.size, added: 0 };
        touched.set(key, t);
      }
      const device = { userId, deviceId };
      const acked = mayBeMarked(forget === 1, fanOut, now) ? findAcked.get(userId, deviceId, item.id) : undefined;
      if (acked) {
        results.push({ device, id: item.id, seq: acked.seq, storedAt: acked.stored_at, duplicate: true });
        continue;
      }
      const seq = t.nextSeq;
      if (seq >= (t.reservedTo ?? t.state.reserved)) {
        // Reserve the next block (in the call's savepoint; kept in memory only if the call succeeds).
        t.reservedTo = seq + SEQ_BLOCK;
        putDevice.run(userId, deviceId, t.reservedTo);
      }
      const sender = item.sender ?? null;
      const row: InsertRow = [
        userId,
        deviceId,
        seq,
        item.id,
        item.data,
        now,
        now + ttlMs,
        item.shared ?? null,
        sender,
        forget,
      ];
      if (insertEntry.run(...row).changes === 0) {
        // Already queued (rows written earlier in this call are visible too, so a repeated id is
        // a duplicate as well), unless it expired and was not purged yet: then it counts as gone.
        const stored = findEntry.get(userId, deviceId, item.id) as {
          seq: number;
          stored_at: number;
          expires_at: number;
        };
        if (stored.expires_at > now) {
          results.push({ device, id: item.id, seq: stored.seq, storedAt: stored.stored_at, duplicate: true });
          continue;
        }
        release(deleteBySeq.all(userId, deviceId, stored.seq));
        t.size--;
        insertEntry.run(...row);
      }
      if (sender !== null) {
        const senders = sendersAdded.get(key);
        if (senders) senders.add(sender);
        else sendersAdded.set(key, new Set([sender]));
      }
      if (item.shared !== undefined) sharedRefs.set(item.shared, (sharedRefs.get(item.shared) ?? 0) + 1);
      t.nextSeq++;
      t.size++;
      t.added++;
      results.push({ device, id: item.id, seq, storedAt: now, duplicate: false });
    }
    for (const t of touched.values()) {
      if (t.added === 0 || max === undefined || t.size <= max) continue;
      // `size` counts expired rows too; drop those before refusing (slow path, only when full).
      const expired = deleteExpiredOf.all(t.device.userId, t.device.deviceId, now);
      release(expired);
      t.size -= expired.length;
      // Throwing rolls the whole call back: no device keeps any of its entries.
      if (t.size > max) throw queueFull(t.device, max);
    }
    if (maxPerSender !== undefined) {
      for (const [key, senders] of sendersAdded) {
        const t = touched.get(key) as Touched;
        // The device's row count bounds every sender's share: count only when it could be passed.
        if (t.size <= maxPerSender) continue;
        for (const sender of senders) {
          if ((countOfSender.get(t.device.userId, t.device.deviceId, sender, now) ?? 0) > maxPerSender) {
            throw senderShareFull(t.device, sender, maxPerSender);
          }
        }
      }
    }
    for (const [key, n] of sharedRefs) storeShared(key, shared.get(key) as Uint8Array, n, fanOut ? now : undefined);
    for (const t of touched.values()) {
      t.state.nextSeq = t.nextSeq;
      t.state.size = t.size;
      if (t.reservedTo !== undefined) t.state.reserved = t.reservedTo;
    }
    return results;
  });

  /**
   * Stages a call's entries when memory alone can decide it (see above): checks every id against
   * the staged entries, the dedup marks and the table, hands out seqs and reserves seq blocks.
   * Undefined when the call must run as a job. Changes nothing unless it stages. Reads `items` only
   * here, synchronously, and stores `copyOf(item.data)`: the caller's buffers are never kept.
   */
  const tryStage = (
    items: readonly QueueItem[],
    limits: Limits,
    payloads: Map<string, Uint8Array>,
    copyOf: (data: Uint8Array) => Uint8Array,
  ) => {
    const now = limits.now ?? clock();
    // Sized once (an empty array's first push makes room for 16): a result per item, and at most
    // as many new entries, with their device keys and id keys.
    const results: EnqueueResult[] = new Array(items.length);
    const keys: string[] = new Array(items.length);
    const idKeys: string[] = new Array(items.length);
    const fresh: StagedEntry[] = new Array(items.length);
    let staged = 0;
    // Ids planned by this call: only a call of several items can repeat one of its own.
    const planned = items.length > 1 ? new Map<string, StagedEntry>() : undefined;
    const added = new Map<string, { state: DeviceState; n: number; senders: boolean }>();
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as QueueItem;
      const { userId, deviceId } = item.device;
      const key = deviceKey(item.device);
      if (staging.mustWait(key)) return undefined;
      const entryKey = idKey(key, item.id);
      const earlier = staging.findByKey(entryKey) ?? planned?.get(entryKey);
      if (earlier) {
        const result = stagedResult(earlier, true);
        earlier.echoes.push(result); // corrected with it if it turns out to repeat a stored one
        results[i] = result;
        continue;
      }
      let count = added.get(key);
      if (!count) {
        count = { state: stateOf(key, userId, deviceId), n: 0, senders: false };
        added.set(key, count);
      }
      const seq = count.state.nextSeq + count.n;
      const result: EnqueueResult = { device: { userId, deviceId }, id: item.id, seq, storedAt: now, duplicate: false };
      const entry: StagedEntry = {
        device: { userId, deviceId },
        id: item.id,
        seq,
        data: copyOf(item.data),
        storedAt: now,
        expiresAt: now + ttlMs,
        shared: item.shared,
        sender: item.sender ?? null,
        fanOut: limits.fanOut,
        forget: limits.forget === 1,
        ackedAt: undefined,
        held: false,
        reserveTo: undefined,
        echoes: [result],
      };
      count.n++;
      if (item.sender !== undefined) count.senders = true;
      planned?.set(entryKey, entry);
      keys[staged] = key;
      idKeys[staged] = entryKey;
      fresh[staged] = entry;
      staged++;
      results[i] = result;
    }
    keys.length = staged;
    idKeys.length = staged;
    fresh.length = staged;
    for (const { state, n, senders } of added.values()) {
      // Near a limit the exact count needs the table (expired rows, one sender's rows): a job decides.
      if (limits.max !== undefined && state.size + n > limits.max) return undefined;
      if (senders && limits.maxPerSender !== undefined && state.size + n > limits.maxPerSender) return undefined;
    }
    for (let i = 0; i < fresh.length; i++) {
      const entry = fresh[i] as StagedEntry;
      const state = (added.get(keys[i] as string) as { state: DeviceState }).state;
      if (entry.seq >= state.reserved) {
        entry.reserveTo = entry.seq + SEQ_BLOCK;
        state.reserved = entry.reserveTo;
      }
    }
    for (const { state, n } of added.values()) {
      state.nextSeq += n;
      state.size += n;
    }
    // The payloads the staged entries reference (all of the call's, unless some were duplicates).
    const used = payloads.size === 0 ? NO_PAYLOADS : new Map<string, Uint8Array>();
    if (used !== NO_PAYLOADS)
      for (const entry of fresh)
        if (entry.shared !== undefined) used.set(entry.shared, payloads.get(entry.shared) as Uint8Array);
    const fanOutAt = limits.fanOut ? now : undefined;
    return { results, fresh, committed: staging.stage(keys, idKeys, fresh, used, fanOutAt) };
  };

  /** The staged entries of these results (duplicates of earlier entries are not held). */
  const wentOut = (results: EnqueueResult[]): StagedEntry[] => {
    const out: StagedEntry[] = [];
    for (const r of results) {
      const entry = r.duplicate ? undefined : staging.find(deviceKey(r.device), r.id);
      if (entry) out.push(entry);
    }
    return out;
  };

  /**
   * Deletes and marks (unless of a fan-out) acknowledged stored entries; run inside a transaction (or
   * its savepoint). Their shared payload references are released here, or counted into `released`.
   */
  const ackRows = (
    userId: string,
    deviceId: number,
    ids: string[],
    now: number,
    released?: Map<string, number>,
  ): number => {
    let removed = 0;
    let own: Map<string, number> | undefined;
    for (const id of ids) {
      const row = deleteById.get(userId, deviceId, id);
      if (!row) continue;
      if (row.shared !== null) {
        if (!released) own ??= new Map();
        const counts = released ?? (own as Map<string, number>);
        counts.set(row.shared, (counts.get(row.shared) ?? 0) + 1);
      }
      if (row.forget === null) markAcked.run(userId, deviceId, id, row.seq, row.stored_at, now);
      removed++;
    }
    if (own) releaseCounts(own);
    const state = perDb?.states.get(deviceKey({ userId, deviceId }));
    if (state) state.size -= removed; // nothing above throws after a delete
    return removed;
  };
  const ackTx = db.transaction((userId: string, deviceId: number, ids: string[]): number =>
    ackRows(userId, deviceId, ids, clock()),
  );

  const purgeTx = db.transaction((): number => {
    const now = clock();
    const rows = deleteExpired.all(now);
    release(rows);
    const perDevice = new Map<string, { userId: string; deviceId: number; n: number }>();
    for (const row of rows) {
      const key = deviceKey({ userId: row.user_id, deviceId: row.device_id });
      const entry = perDevice.get(key);
      if (entry) entry.n++;
      else perDevice.set(key, { userId: row.user_id, deviceId: row.device_id, n: 1 });
    }
    // Dedup marks live for one ttl after the ack: a resend later than that is stored again.
    deleteOldMarks.run(now - ttlMs);
    forgetFanOuts.run(now);
    for (const { userId, deviceId, n } of perDevice.values()) {
      const state = deviceStates.get(deviceKey({ userId, deviceId }));
      if (state) state.size -= n;
    }
    return rows.length;
  });

  const clearTx = db.transaction((userId: string, deviceId: number): void => {
    release(deleteAllOf.all(userId, deviceId));
    const state = deviceStates.get(deviceKey({ userId, deviceId }));
    if (state) state.size = 0;
  });

  /** `ack` (see it): entries staged in the current batch are only marked, stored ones deleted in it. */
  const ackNow = (device: DeviceAddress, ids: string[]): Promise<number> => {
    if (ids.length === 0) return Promise.resolve(0);
    const { userId, deviceId } = device;
    const key = deviceKey(device);
    const now = clock();
    let stored: string[] | undefined; // made only for ids that are not staged
    let cancelled = 0;
    let commit: Promise<void> | undefined;
    for (const id of ids) {
      const staged = staging.ack(key, id, now);
      if (staged) {
        cancelled++;
        commit = staged;
      } else if (stored) stored.push(id);
      else stored = [id];
    }
    const state = deviceStates.get(key);
    if (state && cancelled > 0) state.size -= cancelled;
    // A member of a group acks its staged entry before the commit: the usual case, one promise.
    if (!stored) return commit ? commit.then(() => cancelled) : Promise.resolve(cancelled);
    const rows = stored;
    // Acks of stored entries are lead writes of the batch, unless a job (a clear) touches the device.
    const removing = staging.mustWait(key)
      ? submit(() => ackTx(userId, deviceId, rows))
      : staging.ackStored({ userId, deviceId }, rows, now);
    // Only stored entries (a device catching up): no second promise to wait for.
    if (!commit) return removing;
    return Promise.all([removing, commit]).then(([removed]) => removed + cancelled);
  };

  // Writes go through group commit: each call is atomic (its own savepoint) and resolves only
  // once committed, but calls made in the same event-loop turn share one WAL commit.
  return {
    // One writer; a batch's calls resolve in call (and so seq) order after their shared commit.
    commitOrdered: true,
    // Staging hands seqs out inside the call; a call that runs as a savepoint job queues, and later
    // calls to its devices queue behind it (queue-staging.ts): seqs follow call order.
    seqsInCallOrder: true,
    // Staged entries, acks and group receipt cursors of one turn share one batch (group-commit.ts).
    sharedCommit: committer,
    async enqueue(items: QueueItem[], enqueueOptions: EnqueueOptions = {}): Promise<EnqueueResult[]> {
      if (items.length === 0) return [];
      // Snapshot now: the write runs later in the batch, and the caller may reuse its buffers.
      const fanOut = enqueueOptions.fanOut === true;
      const named = fanOut || enqueueOptions.shared !== undefined || items.some(namesShared);
      const shared = named ? checkSharedKeys(items, enqueueOptions.shared, fanOut) : NO_PAYLOADS;
      if (fanOut) {
        // A resend of a fan-out whose key was stored (or is remembered): nothing to write. One
        // staged in this batch is found per entry below, as any repeated id is.
        const key = items[0]?.shared as string;
        const duplicates = staging.hasPayload(key)
          ? undefined
          : fanOutDuplicates(items, key, enqueueOptions.now ?? clock());
        if (duplicates) return duplicates;
      }
      // A copy of each distinct buffer, even of a Buffer (whose slice() is a view): a group message's
      // member entries often share one. The map is made only for a second distinct buffer.
      let first: { data: Uint8Array; copy: Uint8Array } | undefined;
      let copies: Map<Uint8Array, Uint8Array> | undefined;
      const copyOf = (data: Uint8Array): Uint8Array => {
        if (!first) {
          first = { data, copy: new Uint8Array(data) };
          return first.copy;
        }
        if (first.data === data) return first.copy;
        copies ??= new Map();
        let copy = copies.get(data);
        if (!copy) {
          copy = new Uint8Array(data);
          copies.set(data, copy);
        }
        return copy;
      };
      if (named) for (const [key, data] of shared) shared.set(key, new Uint8Array(data));
      const limits: Limits = {
        max: enqueueOptions.maxPerDevice,
        maxPerSender: enqueueOptions.maxPerSender,
        now: enqueueOptions.now,
        fanOut,
        forget: fanOut || enqueueOptions.forgetAcked ? 1 : null,
      };
      const staged = tryStage(items, limits, shared, copyOf);
      if (staged) committer.joined(shared.size > 0); // a job joins through submit
      if (!staged) {
        const snapshot: QueueItem[] = items.map((item) => ({
          device: { userId: item.device.userId, deviceId: item.device.deviceId },
          id: item.id,
          data: copyOf(item.data),
          ...(item.shared !== undefined ? { shared: item.shared } : {}),
          ...(item.sender !== undefined ? { sender: item.sender } : {}),
        }));
        for (const item of snapshot) staging.jobFor(deviceKey(item.device));
        return submit(() => enqueueTx(snapshot, limits, shared));
      }
      const out = enqueueOptions.onStaged?.(staged.results);
      // Only what went out is worth waiting for: an offline member's entry would hold to the deadline.
      const sent = out === true ? staged.fresh : out ? wentOut(out) : [];
      if (sent.length > 0) staging.hold(sent, shared.size > 0);
      await staged.committed;
      return staged.results;
    },

    async read(device, { afterSeq = 0, limit }): Promise<QueueEntry[]> {
      if (limit <= 0) return [];
      const page = Math.min(Math.floor(limit), 100_000);
      const now = clock();
      const entries = readPage(page)
        .all(device.userId, device.deviceId, afterSeq, now)
        .map((row) => {
          const entry: QueueEntry = { id: row.id, seq: row.seq, data: bytes(row.data), storedAt: row.stored_at };
          if (row.payload) entry.shared = bytes(row.payload);
          return entry;
        });
      // Staged entries come after every stored one (their seqs were handed out later).
      if (entries.length < page)
        entries.push(...staging.live(deviceKey(device), afterSeq, now).slice(0, page - entries.length));
      return entries;
    },

    // Not an async function: one ack per member of a group message, and the usual one (a staged
    // entry) is one `then` on its batch's commit. A throw still comes back as a rejection.
    ack(device, ids): Promise<number> {
      try {
        return ackNow(device, ids);
      } catch (error) {
        return Promise.reject(error);
      }
    },

    async count(device): Promise<number> {
      const now = clock();
      return (countLive.get(device.userId, device.deviceId, now) ?? 0) + staging.count(deviceKey(device), now);
    },

    async purgeExpired(): Promise<number> {
      return submit(() => purgeTx());
    },

    async clear(device): Promise<void> {
      const { userId, deviceId } = device;
      staging.jobFor(deviceKey(device)); // entries staged from now on must come after the clear
      await submit(() => clearTx(userId, deviceId));
    },
  };
}
