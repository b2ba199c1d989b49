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

/** Options of {@link sqliteQueue}. */
export interface SqliteQueueOptions {
  /** An open better-sqlite3 database; the queue creates its tables in it. */
  db: Database.Database;
  clock?: Clock;
  /** Entry lifetime; default 30 days. Fixed per entry when it is stored. */
  ttlMs?: number;
}

type Key = [userId: string, deviceId: number];

/** What this process knows of one device's queue (one process owns the file). */
interface DeviceState {
  /** The next seq to hand out. */
  nextSeq: number;
  /** `queue_devices.next_seq` as stored: every seq below it may be handed out without a write. */
  reserved: number;
  /** Rows in `queue` for the device, expired ones included until purged. */
  size: number;
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

/** Device states per database, shared by every queue over that connection. */
const statesByDb = new WeakMap<Database.Database, Map<string, DeviceState>>();

/** Copies out of the driver's Buffer: callers get a plain Uint8Array they cannot alias. */
const bytes = (b: Uint8Array): Uint8Array => new Uint8Array(b);

/**
 * An {@link OfflineQueue} in SQLite. Every write call is atomic and durable when it resolves
 * (one savepoint in a group-committed transaction), statements are prepared once, and reads,
 * acks and dedup are index lookups (O(log n)).
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
  const { submit } = committerFor(db);

  const getDevice = db
    .prepare<Key, number>('SELECT next_seq FROM queue_devices WHERE user_id = ? AND device_id = ?')
    .pluck();
  const countRows = db.prepare<Key, number>('SELECT count(*) FROM queue WHERE user_id = ? AND device_id = ?').pluck();
  // `size` is no longer maintained (the row count lives in memory); it is written as 0.
  const putDevice = db.prepare<[string, number, number]>(
    `INSERT INTO queue_devices (user_id, device_id, next_seq, size) VALUES (?, ?, ?, 0)
     ON CONFLICT (user_id, device_id) DO UPDATE SET next_seq = excluded.next_seq`,
  );
  const findEntry = db.prepare<[string, number, string], { seq: number; stored_at: number; expires_at: number }>(
    'SELECT seq, stored_at, expires_at FROM queue WHERE user_id = ? AND device_id = ? AND id = ?',
  );
  const findAcked = db.prepare<[string, number, string], { seq: number; stored_at: number }>(
    'SELECT seq, stored_at FROM queue_acked WHERE user_id = ? AND device_id = ? AND id = ?',
  );
  // A queued id makes the insert a no-op (changes 0): one statement for the common, new-id case.
  const insertEntry = db.prepare<
    [string, number, number, string, Uint8Array, number, number, string | null, string | null]
  >(
    `INSERT INTO queue (user_id, device_id, seq, id, data, stored_at, expires_at, shared, sender)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (user_id, device_id, id) DO NOTHING`,
  );
  const countOfSender = db
    .prepare<[string, number, string, number], number>(
      'SELECT count(*) FROM queue WHERE user_id = ? AND device_id = ? AND sender = ? AND expires_at > ?',
    )
    .pluck();
  type SharedRef = { shared: string | null };
  const deleteBySeq = db.prepare<[string, number, number], SharedRef>(
    'DELETE FROM queue WHERE user_id = ? AND device_id = ? AND seq = ? RETURNING shared',
  );
  const deleteExpiredOf = db.prepare<[string, number, number], SharedRef>(
    'DELETE FROM queue WHERE user_id = ? AND device_id = ? AND expires_at <= ? RETURNING shared',
  );
  // Shared payloads: stored once, counted per referencing entry, deleted with the last reference.
  const addShared = db.prepare<[string, Uint8Array, number]>(
    `INSERT INTO queue_shared (key, data, refs) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET refs = refs + excluded.refs`,
  );
  const dropSharedRefs = db.prepare<[number, string]>('UPDATE queue_shared SET refs = refs - ? WHERE key = ?');
  const deleteUnshared = db.prepare<[string]>('DELETE FROM queue_shared WHERE key = ? AND refs <= 0');
  /** Releases the shared payloads named by deleted rows. */
  const release = (rows: SharedRef[]): void => {
    const counts = new Map<string, number>();
    for (const row of rows) if (row.shared !== null) counts.set(row.shared, (counts.get(row.shared) ?? 0) + 1);
    for (const [key, n] of counts) {
      dropSharedRefs.run(n, key);
      deleteUnshared.run(key);
    }
  };
  // One statement per page size, with the limit in the SQL: measured here, a bound LIMIT made
  // this read about four times slower, and the pump runs it for every message.
  type PageRow = { id: string; seq: number; data: Uint8Array; stored_at: number; payload: Uint8Array | null };
  const readPages = new Map<number, Database.Statement<[string, number, number, number], PageRow>>();
  const readPage = (limit: number) => {
    let statement = readPages.get(limit);
    if (!statement) {
      if (readPages.size >= 32) readPages.clear();
      statement = db.prepare<[string, number, number, number], PageRow>(
        `SELECT q.id, q.seq, q.data, q.stored_at, s.data AS payload FROM queue q
         LEFT JOIN queue_shared s ON s.key = q.shared
         WHERE q.user_id = ? AND q.device_id = ? AND q.seq > ? AND q.expires_at > ? ORDER BY q.seq LIMIT ${limit}`,
      );
      readPages.set(limit, statement);
    }
    return statement;
  };
  const deleteById = db.prepare<[string, number, string], { seq: number; stored_at: number; shared: string | null }>(
    'DELETE FROM queue WHERE user_id = ? AND device_id = ? AND id = ? RETURNING seq, stored_at, shared',
  );
  const markAcked = db.prepare<[string, number, string, number, number, number]>(
    `INSERT OR REPLACE INTO queue_acked (user_id, device_id, id, seq, stored_at, acked_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const countLive = db
    .prepare<[string, number, number], number>(
      'SELECT count(*) FROM queue WHERE user_id = ? AND device_id = ? AND expires_at > ?',
    )
    .pluck();
  const deleteExpired = db.prepare<[number], { user_id: string; device_id: number; shared: string | null }>(
    'DELETE FROM queue WHERE expires_at <= ? RETURNING user_id, device_id, shared',
  );
  const deleteOldMarks = db.prepare<[number]>('DELETE FROM queue_acked WHERE acked_at <= ?');
  const deleteAllOf = db.prepare<Key, SharedRef>(
    'DELETE FROM queue WHERE user_id = ? AND device_id = ? RETURNING shared',
  );

  let states = statesByDb.get(db);
  if (!states) {
    const fresh = new Map<string, DeviceState>();
    states = fresh;
    statesByDb.set(db, fresh);
    // A transaction that did not commit may have changed states it then lost: reload them.
    committerFor(db).onRollback(() => fresh.clear());
  }
  const deviceStates = states;
  /** The device's state, loaded on first use (inside the caller's transaction). */
  const stateOf = (key: string, userId: string, deviceId: number): DeviceState => {
    let state = deviceStates.get(key);
    if (!state) {
      const stored = getDevice.get(userId, deviceId) ?? 1;
      state = { nextSeq: stored, reserved: stored, size: countRows.get(userId, deviceId) ?? 0 };
      if (deviceStates.size >= 100_000) deviceStates.clear();
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
  }
  const enqueueTx = db.transaction((items: QueueItem[], limits: Limits, shared: Map<string, Uint8Array>) => {
    const { max, maxPerSender } = limits;
    const now = limits.now ?? clock();
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
      const acked = findAcked.get(userId, deviceId, item.id);
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
      if (
        insertEntry.run(userId, deviceId, seq, item.id, item.data, now, now + ttlMs, item.shared ?? null, sender)
          .changes === 0
      ) {
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
        insertEntry.run(userId, deviceId, seq, item.id, item.data, now, now + ttlMs, item.shared ?? null, sender);
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
    for (const [key, n] of sharedRefs) addShared.run(key, shared.get(key) as Uint8Array, n);
    for (const t of touched.values()) {
      t.state.nextSeq = t.nextSeq;
      t.state.size = t.size;
      if (t.reservedTo !== undefined) t.state.reserved = t.reservedTo;
    }
    return results;
  });

  const ackTx = db.transaction((userId: string, deviceId: number, ids: string[]): number => {
    const now = clock();
    let removed = 0;
    for (const id of ids) {
      const row = deleteById.get(userId, deviceId, id);
      if (!row) continue;
      if (row.shared !== null) release([row]);
      markAcked.run(userId, deviceId, id, row.seq, row.stored_at, now);
      removed++;
    }
    const state = deviceStates.get(deviceKey({ userId, deviceId }));
    if (state) state.size -= removed; // nothing above throws after a delete
    return removed;
  });

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

  // Writes go through group commit: each call is atomic (its own savepoint) and resolves only
  // once committed, but calls made in the same event-loop turn share one WAL commit.
  return {
    // One writer; a batch's calls resolve in call (and so seq) order after their shared commit.
    commitOrdered: true,
    async enqueue(items: QueueItem[], enqueueOptions: EnqueueOptions = {}): Promise<EnqueueResult[]> {
      if (items.length === 0) return [];
      // Snapshot now: the write runs later in the batch, and the caller may reuse its buffers.
      const shared = checkSharedKeys(items, enqueueOptions.shared);
      const snapshot: QueueItem[] = items.map((item) => ({
        device: { userId: item.device.userId, deviceId: item.device.deviceId },
        id: item.id,
        data: new Uint8Array(item.data), // a copy, even of a Buffer (whose slice() is a view)
        ...(item.shared !== undefined ? { shared: item.shared } : {}),
        ...(item.sender !== undefined ? { sender: item.sender } : {}),
      }));
      for (const [key, data] of shared) shared.set(key, new Uint8Array(data));
      const limits = {
        max: enqueueOptions.maxPerDevice,
        maxPerSender: enqueueOptions.maxPerSender,
        now: enqueueOptions.now,
      };
      return submit(() => enqueueTx(snapshot, limits, shared));
    },

    async read(device, { afterSeq = 0, limit }): Promise<QueueEntry[]> {
      if (limit <= 0) return [];
      const page = Math.min(Math.floor(limit), 100_000);
      return readPage(page)
        .all(device.userId, device.deviceId, afterSeq, clock())
        .map((row) => {
          const entry: QueueEntry = { id: row.id, seq: row.seq, data: bytes(row.data), storedAt: row.stored_at };
          if (row.payload) entry.shared = bytes(row.payload);
          return entry;
        });
    },

    async ack(device, ids): Promise<number> {
      if (ids.length === 0) return 0;
      const { userId, deviceId } = device;
      const snapshot = [...ids];
      return submit(() => ackTx(userId, deviceId, snapshot));
    },

    async count(device): Promise<number> {
      return countLive.get(device.userId, device.deviceId, clock()) ?? 0;
    },

    async purgeExpired(): Promise<number> {
      return submit(() => purgeTx());
    },

    async clear(device): Promise<void> {
      const { userId, deviceId } = device;
      await submit(() => clearTx(userId, deviceId));
    },
  };
}
