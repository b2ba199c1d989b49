import { ParleyError } from '@parley/core';
import type Database from 'better-sqlite3';
import {
  DEFAULT_QUEUE_TTL_MS,
  type EnqueueOptions,
  type EnqueueResult,
  type OfflineQueue,
  type QueueEntry,
  type QueueItem,
} from '../contracts/offline-queue.js';
import { checkSharedKeys } from '../contracts/shared-payloads.js';
import { type Clock, type DeviceAddress, deviceKey, systemClock } from '../contracts/types.js';
import { committerFor } from './group-commit.js';
import { migrate } from './migrations.js';
import { queueAckRows } from './queue-ack-rows.js';
import { type DeviceStates, deviceStateLoader, MAX_STATES } from './queue-device-states.js';
import { enqueueJob } from './queue-enqueue-job.js';
import { fanOutKeys } from './queue-fan-out-keys.js';
import { type CallLimits, NO_PAYLOADS, stageCall } from './queue-stage-call.js';
import { QueueStaging, type StagedEntry } from './queue-staging.js';
import { stagingWrites } from './queue-staging-writes.js';
import { queueStatements } from './queue-statements.js';

/** Options of {@link sqliteQueue}. */
export interface SqliteQueueOptions {
  /** An open better-sqlite3 database; the queue creates its tables in it. */
  db: Database.Database;
  clock?: Clock;
  /** Entry lifetime; default 30 days. Fixed per entry when it is stored. */
  ttlMs?: number;
}

/** Device states and staged entries per database, shared by every queue over that connection. */
const statesByDb = new WeakMap<Database.Database, { states: DeviceStates; staging: QueueStaging }>();

const namesShared = (item: QueueItem) => item.shared !== undefined;

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
 * Its parts: `queue-stage-call.ts` (the staged way in), `queue-enqueue-job.ts` (the job),
 * `queue-staging-writes.ts` (how staged entries are written), `queue-fan-out-keys.ts` (fan-out
 * dedup by shared key), `queue-ack-rows.ts` (acks of stored rows), `queue-device-states.ts` (the
 * per-device seq and row counters) over `queue-statements.ts`.
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
  const statements = queueStatements(db);
  const { readPage, deleteExpired, release, deleteOldMarks, forgetFanOuts, deleteAllOf, countLive } = statements;
  const keys = fanOutKeys(statements, ttlMs);
  const { fanOutDuplicates } = keys;

  let perDb = statesByDb.get(db);
  const deviceStates: DeviceStates = perDb?.states ?? new Map();
  const ackRows = queueAckRows(statements, deviceStates);
  if (!perDb) {
    const states = deviceStates;
    const staging = new QueueStaging(
      stagingWrites(statements, keys, ackRows, states),
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
  const { staging } = perDb;
  const stateOf = deviceStateLoader(deviceStates, statements);
  const enqueueTx = enqueueJob({ db, clock, ttlMs, statements, keys, stateOf });
  const tryStage = stageCall(staging, stateOf, clock, ttlMs);

  /** The staged entries of these results (duplicates of earlier entries are not held). */
  const wentOut = (results: EnqueueResult[]): StagedEntry[] => {
    const out: StagedEntry[] = [];
    for (const r of results) {
      const entry = r.duplicate ? undefined : staging.find(deviceKey(r.device), r.id);
      if (entry) out.push(entry);
    }
    return out;
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
    // A member of a group acks its staged entry before the commit: the usual case, one promise per batch.
    if (!stored)
      return !commit ? Promise.resolve(cancelled) : cancelled === 1 ? staging.ackedOne() : commit.then(() => cancelled);
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
      const limits: CallLimits = {
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
