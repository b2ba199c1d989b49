import { ParleyError } from '@parley/core';
import type { Pool } from 'pg';
import type { AckAlong, EnqueueWithAckPort } from '../cluster/enqueue-with-ack.js';
import { RecentEntries, type RecentEntriesPort } from '../cluster/recent-entries.js';
import {
  DEFAULT_QUEUE_TTL_MS,
  type EnqueueOptions,
  type EnqueueResult,
  type OfflineQueue,
  type QueueEntry,
  type QueueItem,
} from '../contracts/offline-queue.js';
import { checkSharedKeys } from '../contracts/shared-payloads.js';
import { type Clock, deviceKey, systemClock } from '../contracts/types.js';
import type { PostgresSchemaOptions } from './migrations.js';
import { bytes, num, pgContext, statement } from './pg-db.js';
import { DEFAULT_PG_TIMEOUTS, type PostgresTimeoutOptions } from './pg-timeouts.js';
import { releasePayloads } from './postgres-ack-sql.js';
import {
  type AckedRow,
  type AckWaiting,
  ackBatchStatement,
  ackColumns,
  ackStatement,
  runAcks,
  settleAcks,
  takeAcks,
} from './postgres-acks.js';
import { type CallOutcome, type EnqueueCall, enqueueStatements, storeBatch } from './postgres-enqueue.js';
import {
  ackEnqueueBatchStatement,
  enqueueBatchStatement,
  needsFullPath,
  plainBatch,
  plainOutcomes,
} from './postgres-enqueue-fast.js';

/** Options of {@link postgresQueue}. */
export interface PostgresQueueOptions extends PostgresSchemaOptions, PostgresTimeoutOptions {
  /** A pg Pool; the queue creates its tables in its schema and never ends the pool. */
  pool: Pool;
  clock?: Clock;
  /** Entry lifetime; default 30 days. Fixed per entry when it is stored. */
  ttlMs?: number;
  /**
   * How long entries just committed (here, or told by another gateway's nudge note) are kept to
   * answer the device's next read without a round trip (see RecentEntries); default 2 s, 0 off.
   */
  recentEntriesMs?: number;
}

/** A call waiting for its batch. */
interface Waiting {
  call: EnqueueCall;
  resolve: (results: EnqueueResult[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Write statements one queue runs at once, enqueue batches and acks together (each holds a pooled
 * connection while it runs). Enqueue batches had two (measured with 64 concurrent callers: two
 * overlap one batch's round trips with the next one's planning; more made smaller batches that
 * mostly waited on each other's device rows) and acks one of their own; sharing two slots cut a
 * loaded cluster's throughput in one bench pair (784 vs 996 delivered/s at 1,000/s), so the three
 * are shared: acks made while all are busy ride the next enqueue batch's statement instead of
 * taking a round trip of their own.
 */
const MAX_BATCHES_IN_FLIGHT = 3;

/** Most items one batch takes (more wait for the next), so one transaction stays short. */
const MAX_BATCH_ITEMS = 2000;

/** Most expired entries one purge statement deletes; purgeExpired repeats it until none are left. */
const PURGE_BATCH = 5000;

/**
 * An {@link OfflineQueue} in PostgreSQL, for many gateways sharing one database.
 *
 * Each device has a counter row (`queue_devices`). An enqueue first takes the rows of its devices
 * (in a fixed order, so two calls never deadlock) and reserves one seq per item on them; the row
 * lock lasts until commit. So enqueues to one device commit one after the other, in seq order,
 * from any gateway: a reader that has seen seq n never misses a smaller seq committed later, and
 * seqs are never reused. The dedup check runs after the lock, so it sees every earlier enqueue.
 * A duplicate spends its reserved seq (a gap, which the queue allows).
 *
 * Enqueues are group-committed: calls made while earlier ones are being stored share the next
 * batch (one WAL flush, everything written by one multi-row INSERT of unnested arrays), and each
 * call stays atomic on its own (one that would overfill a device fails alone with QUEUE_FULL). A
 * plain batch is one statement (`enqueue_batch`, postgres-enqueue-fast-sql.ts: one round trip);
 * others (duplicates, expired ids, a device near a limit) take a transaction of five. Acks are
 * group-committed in the same slots: the acks of every device made while the slots were busy go
 * in the next statement, the enqueue batch's when there is one (postgres-acks.ts); acks, clears
 * and purges release shared payloads in that same statement. Connection failures reject with
 * ParleyError('UNAVAILABLE').
 */
export function postgresQueue(options: PostgresQueueOptions): OfflineQueue {
  // Generic plans: the enqueue lookup was planned anew at every batch (~200 µs of PostgreSQL's CPU
  // per batch, more than running it), its plan being the same whatever the values.
  const db = pgContext(options.pool, options.schema, options.timeouts, { genericPlans: true });
  const { s } = db;
  const clock = options.clock ?? systemClock;
  const ttlMs = options.ttlMs ?? DEFAULT_QUEUE_TTL_MS;
  if (!(ttlMs > 0)) throw new ParleyError('INVALID_ARGUMENT', 'ttlMs must be positive');

  const sql = {
    read: statement(`
      SELECT q.id, q.seq, q.data, q.stored_at, p.data AS shared
      FROM ${s}.queue q LEFT JOIN ${s}.queue_payloads p ON p.key = q.shared_key
      WHERE q.user_id = $1::text AND q.device_id = $2::bigint AND q.seq > $3::bigint AND q.expires_at > $4::bigint
      ORDER BY q.seq LIMIT $5::bigint`),
    count: statement(`
      SELECT count(*)::int AS n FROM ${s}.queue
      WHERE user_id = $1::text AND device_id = $2::bigint AND expires_at > $3::bigint`),
    // SKIP LOCKED: rows an enqueue or ack holds right now are left to the next purge.
    purge: statement(`
      WITH e AS (
        SELECT user_id, device_id, seq FROM ${s}.queue WHERE expires_at <= $1::bigint
        ORDER BY expires_at LIMIT $2::bigint FOR UPDATE SKIP LOCKED),
      d AS (
        DELETE FROM ${s}.queue q USING e
        WHERE q.user_id = e.user_id AND q.device_id = e.device_id AND q.seq = e.seq RETURNING q.shared_key),
      ${releasePayloads(s)}
      SELECT count(*)::int AS n FROM d`),
    purgeMarks: statement(`DELETE FROM ${s}.queue_acked WHERE acked_at <= $1::bigint`),
    clear: statement(`
      WITH d AS (
        DELETE FROM ${s}.queue WHERE user_id = $1::text AND device_id = $2::bigint RETURNING shared_key),
      ${releasePayloads(s)}
      SELECT count(*)::int AS n FROM d`),
  };

  const enqueueSql = enqueueStatements(s, releasePayloads(s));
  const enqueueBatch = enqueueBatchStatement(s);
  const lockTimeoutMs = options.timeouts?.lockTimeoutMs ?? DEFAULT_PG_TIMEOUTS.lockTimeoutMs;
  const ackSql = ackStatement(s);
  const ackBatch = ackBatchStatement(s);
  const ackEnqueueBatch = ackEnqueueBatchStatement(s);
  const recentMs = options.recentEntriesMs ?? 2_000;
  // Never longer than a tenth of the entries' lifetime: a remembered entry must not outlive its row.
  const recent = recentMs > 0 ? new RecentEntries({ clock, maxAgeMs: Math.min(recentMs, ttlMs / 10) }) : undefined;
  const pending: Waiting[] = [];
  /** Acks waiting for a slot: they go with the next batch, enqueues or none. */
  const acks: AckWaiting[] = [];
  /** The devices the batches in flight write to (each device in at most one of them). */
  const busy = new Set<string>();
  let running = 0;

  /**
   * Takes the next batch off `pending`: calls in call order, up to MAX_BATCH_ITEMS items, leaving
   * every call that writes to a device a batch in flight writes to, and every later call to a
   * device of a call left (so no call overtakes an earlier one to the same device).
   */
  const nextBatch = (): Waiting[] => {
    const batch: Waiting[] = [];
    const left: Waiting[] = [];
    const blocked = new Set<string>();
    let size = 0;
    let i = 0;
    for (; i < pending.length; i++) {
      const w = pending[i] as Waiting;
      const weight = w.call.items.length + (w.call.ack?.ids.length ?? 0);
      if (batch.length > 0 && size + weight > MAX_BATCH_ITEMS) break; // the rest waits
      const keys = w.call.items.map((item) => deviceKey(item.device));
      if (keys.some((k) => busy.has(k) || blocked.has(k))) {
        for (const k of keys) blocked.add(k);
        left.push(w);
        continue;
      }
      batch.push(w);
      size += weight;
    }
    for (; i < pending.length; i++) left.push(pending[i] as Waiting);
    pending.length = 0;
    for (const w of left) pending.push(w);
    return batch;
  };

  /**
   * Group commit: a call starts a batch at once while fewer than MAX_BATCHES_IN_FLIGHT run;
   * calls made meanwhile wait and go together in the next batch (one transaction for all of them).
   * An idle queue adds no latency. Seqs in call order: a call waits while a batch in flight writes
   * to one of its devices (and so does every later call to its devices), so a batch reserves seqs
   * on a device only after every earlier call to it committed or failed, whichever connection the
   * batches run on; calls to other devices go on meanwhile.
   */
  const startBatches = (): void => {
    while ((pending.length > 0 || acks.length > 0) && running < MAX_BATCHES_IN_FLIGHT) {
      const batch = pending.length > 0 ? nextBatch() : [];
      const riders = takeAcks(acks);
      if (batch.length === 0 && riders.length === 0) return;
      const keys = new Set(batch.flatMap((w) => w.call.items.map((item) => deviceKey(item.device))));
      for (const key of keys) busy.add(key);
      running++;
      void (batch.length === 0 ? runAcks(db, ackBatch, clock(), riders) : runBatch(batch, riders)).finally(() => {
        for (const key of keys) busy.delete(key);
        running--;
        startBatches();
      });
    }
  };

  /**
   * A plain batch is one statement (`enqueue_batch`, one round trip, committed on its own; with
   * acks, its calls' or riders', `ack_enqueue_batch`); one the function turns down (a duplicate,
   * an expired id, a device near a limit; nothing written) and one with an id twice run the full
   * transaction (postgres-enqueue.ts), the acks in it. Returns the calls' outcomes and the rows of
   * every entry the acks removed.
   */
  const store = async (
    calls: EnqueueCall[],
    riders: readonly AckWaiting[],
  ): Promise<{ outcomes: CallOutcome[]; acked: AckedRow[] }> => {
    const values = plainBatch(calls, ttlMs, lockTimeoutMs);
    const withAcks = riders.length > 0 || calls.some((c) => c.ack !== undefined);
    if (values) {
      try {
        if (!withAcks) {
          const { rows } = await db.run<BatchRow>(enqueueBatch, values);
          return { outcomes: plainOutcomes(calls, rows), acked: [] };
        }
        // The acks riding with the batch, in the same statement (schema step 10).
        const { rows } = await db.run<BatchRow & { o_id: string | null }>(ackEnqueueBatch, [
          ...ackValues(calls, () => true, riders, clock()),
          ...values,
        ]);
        return {
          outcomes: plainOutcomes(
            calls,
            rows.filter((r) => r.o_id === null),
          ),
          acked: rows.flatMap((r) =>
            r.o_id === null ? [] : [{ user_id: r.o_user, device_id: r.o_device, id: r.o_id }],
          ),
        };
      } catch (error) {
        if (!needsFullPath(error)) throw error;
      }
    }
    return db.transaction(async (tx) => {
      const outcomes = await storeBatch(tx, enqueueSql, calls, ttlMs);
      // The acks of the calls stored (one refused with QUEUE_FULL acknowledges nothing) and the
      // riders', in the same commit.
      const stored = (c: EnqueueCall, i: number) => c.ack !== undefined && (outcomes[i] as CallOutcome).ok;
      if (riders.length === 0 && !calls.some(stored)) return { outcomes, acked: [] };
      const { rows } = await tx.run<AckedRow>(ackSql, ackValues(calls, stored, riders, clock()));
      return { outcomes, acked: rows };
    });
  };

  const runBatch = async (batch: Waiting[], riders: AckWaiting[]): Promise<void> => {
    const calls = batch.map((w) => w.call);
    let outcomes: CallOutcome[];
    try {
      let acked: AckedRow[];
      ({ outcomes, acked } = await store(calls, riders));
      settleAcks(riders, acked);
    } catch (error) {
      // A batch with riders runs again without them, and they on their own, call by call: a bad
      // ack (an id PostgreSQL refuses) must not fail the enqueues it rode with, nor the other acks.
      if (riders.length > 0) {
        await Promise.all([runBatch(batch, []), runAcks(db, ackBatch, clock(), riders)]);
        return;
      }
      // Not committed, so nothing of any call is stored; or, when only the answer to COMMIT was
      // lost, everything is: either way the callers' resends are safe (duplicates are detected).
      // Memory cannot tell which, so its devices' next reads go to the store.
      if (recent) for (const call of calls) for (const item of call.items) recent.forget(item.device);
      for (const w of batch) w.reject(error);
      return;
    }
    // Remembered before any caller hears of the commit (see RecentEntriesPort).
    if (recent) remember(recent, calls, outcomes);
    outcomes.forEach((outcome, i) => {
      const w = batch[i] as Waiting;
      if (outcome.ok) w.resolve(outcome.results);
      else w.reject(outcome.error);
    });
  };

  /** Queues `call` for the next batch it may join; resolves with its results once committed. */
  const join = (call: EnqueueCall): Promise<EnqueueResult[]> =>
    new Promise((resolve, reject) => {
      pending.push({ call, resolve, reject });
      startBatches();
    });

  // The gateway finds the RecentEntriesPort with recentEntriesOf, the EnqueueWithAckPort with
  // enqueueWithAckOf; neither is part of the public type.
  const queue: OfflineQueue & RecentEntriesPort & EnqueueWithAckPort = {
    // Several gateways commit to one database: promises do not resolve in seq order.
    commitOrdered: false,
    // Calls join the next batch in call order, seqs are handed out in call order within a batch,
    // and a batch starts only once no batch in flight writes to its devices: a later call to a
    // device gets a higher seq than an earlier one of this queue, even while the earlier one is pending.
    seqsInCallOrder: true,

    async enqueue(items: QueueItem[], enqueueOptions: EnqueueOptions = {}): Promise<EnqueueResult[]> {
      const call = callOf(items, enqueueOptions, clock);
      return call ? join(call) : [];
    },

    // A DeliverAck and the DELIVERED receipt it makes: one statement, one commit (EnqueueWithAckPort).
    async enqueueWithAck(
      items: QueueItem[],
      enqueueOptions: EnqueueOptions,
      along: AckAlong,
    ): Promise<EnqueueResult[]> {
      const call = callOf(items, enqueueOptions, clock);
      if (!call) {
        await queue.ack(along.device, [...along.ids]);
        return [];
      }
      if (along.ids.length > 0) {
        recent?.acked(along.device, along.ids);
        call.ack = { device: { userId: along.device.userId, deviceId: along.device.deviceId }, ids: [...along.ids] };
      }
      return join(call);
    },

    async read(device, { afterSeq = 0, limit }): Promise<QueueEntry[]> {
      if (!(limit > 0)) return [];
      const page = Math.min(Math.floor(limit), 100_000);
      const known = recent?.read(device, afterSeq, page);
      if (known) return known;
      const storeRead = recent?.beginStoreRead(device);
      let rows: ReadRow[];
      try {
        ({ rows } = await db.run<ReadRow>(sql.read, [device.userId, device.deviceId, afterSeq, clock(), page]));
      } catch (error) {
        if (storeRead) recent?.abandon(storeRead);
        throw error;
      }
      const entries = rows.map((row) => {
        const entry: QueueEntry = {
          id: row.id,
          seq: num(row.seq),
          data: bytes(row.data),
          storedAt: num(row.stored_at),
        };
        if (row.shared) entry.shared = bytes(row.shared);
        return entry;
      });
      if (storeRead) recent?.stored(storeRead, afterSeq, page, entries);
      return entries;
    },

    ack: (device, ids) => {
      recent?.acked(device, ids);
      if (ids.length === 0) return Promise.resolve(0);
      return new Promise((resolve, reject) => {
        acks.push({ device: { userId: device.userId, deviceId: device.deviceId }, ids: [...ids], resolve, reject });
        startBatches();
      });
    },

    async count(device): Promise<number> {
      const { rows } = await db.run<{ n: number }>(sql.count, [device.userId, device.deviceId, clock()]);
      return rows[0]?.n ?? 0;
    },

    async purgeExpired(): Promise<number> {
      const now = clock();
      let removed = 0;
      for (;;) {
        const { rows } = await db.run<{ n: number }>(sql.purge, [now, PURGE_BATCH]);
        const n = rows[0]?.n ?? 0;
        removed += n;
        if (n < PURGE_BATCH) break;
      }
      // Dedup marks live for one ttl after the ack: a resend later than that is stored again.
      await db.run(sql.purgeMarks, [now - ttlMs]);
      return removed;
    },

    async clear(device): Promise<void> {
      recent?.forget(device);
      await db.run(sql.clear, [device.userId, device.deviceId]);
    },

    takeRecent: (device) => recent?.take(device) ?? [],
    remember: (device, entries) => recent?.add(device, entries),
    forget: (device) => recent?.forget(device),
  };
  return queue;
}

/** A row of the queue read. */
interface ReadRow {
  id: string;
  seq: string;
  data: Uint8Array;
  stored_at: string;
  shared: Uint8Array | null;
}

/** Adds the entries a batch stored (not its duplicates) to `recent`, per device in seq order. */
function remember(recent: RecentEntries, calls: EnqueueCall[], outcomes: CallOutcome[]): void {
  const byDevice = new Map<string, { device: QueueItem['device']; entries: QueueEntry[] }>();
  outcomes.forEach((outcome, c) => {
    if (!outcome.ok) return;
    const call = calls[c] as EnqueueCall;
    outcome.results.forEach((r, i) => {
      const item = call.items[i];
      // A duplicate was stored by an earlier commit whose news may never have been told (its
      // answer was lost): the device's next read goes to the store.
      if (r.duplicate) recent.forget(r.device);
      if (r.duplicate || !item) return;
      const key = deviceKey(r.device);
      let slot = byDevice.get(key);
      if (!slot) {
        slot = { device: r.device, entries: [] };
        byDevice.set(key, slot);
      }
      const entry: QueueEntry = { id: r.id, seq: r.seq, data: item.data, storedAt: r.storedAt };
      const shared = item.shared === undefined ? undefined : call.shared.get(item.shared);
      if (shared) entry.shared = shared;
      slot.entries.push(entry);
    });
  });
  for (const { device, entries } of byDevice.values()) {
    entries.sort((a, b) => a.seq - b.seq);
    recent.add(device, entries);
  }
}

/** A row of `enqueue_batch`: per device, the last seq handed out before the batch. */
type BatchRow = { o_user: string; o_device: string; o_before: string };

/** One enqueue call, its items and payloads copied now (the statements run later; the caller may reuse its buffers). */
function callOf(items: QueueItem[], options: EnqueueOptions, clock: Clock): EnqueueCall | undefined {
  const given = checkSharedKeys(items, options.shared, options.fanOut);
  if (items.length === 0) return undefined;
  const shared = new Map<string, Uint8Array>();
  for (const [key, data] of given) shared.set(key, new Uint8Array(data));
  return {
    items: items.map((item) => ({
      device: { userId: item.device.userId, deviceId: item.device.deviceId },
      id: item.id,
      data: new Uint8Array(item.data),
      shared: item.shared,
      sender: item.sender,
    })),
    shared,
    max: options.maxPerDevice,
    maxPerSender: options.maxPerSender,
    now: options.now ?? clock(),
    forgetAcked: options.forgetAcked === true,
  };
}

/**
 * The ack statement's parameters (users, devices, ids, time) for the acks of the calls `which`
 * picks and of the riders.
 */
function ackValues(
  calls: EnqueueCall[],
  which: (c: EnqueueCall, i: number) => boolean,
  riders: readonly AckWaiting[],
  now: number,
): unknown[] {
  const [users, devices, ids] = ackColumns(riders);
  calls.forEach((c, i) => {
    if (!c.ack || !which(c, i)) return;
    for (const id of c.ack.ids) {
      users.push(c.ack.device.userId);
      devices.push(c.ack.device.deviceId);
      ids.push(id);
    }
  });
  return [users, devices, ids, now];
}
