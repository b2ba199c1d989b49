import type Database from 'better-sqlite3';
import { type EnqueueResult, type QueueItem, queueFull, senderShareFull } from '../contracts/offline-queue.js';
import { type Clock, type DeviceAddress, deviceKey } from '../contracts/types.js';
import { type DeviceState, SEQ_BLOCK, type StateOf } from './queue-device-states.js';
import type { FanOutKeys } from './queue-fan-out-keys.js';
import type { CallLimits } from './queue-stage-call.js';
import type { InsertRow, QueueStatements } from './queue-statements.js';

/** One device's state as changed by an enqueue call that has not finished yet. */
interface Touched {
  state: DeviceState;
  device: DeviceAddress;
  nextSeq: number;
  size: number;
  added: number;
  reservedTo?: number;
}

/** What an enqueue job needs of its queue. */
export interface EnqueueJobParts {
  db: Database.Database;
  clock: Clock;
  ttlMs: number;
  statements: QueueStatements;
  keys: FanOutKeys;
  stateOf: StateOf;
}

/** Writes one enqueue call in its savepoint; returns its results (throws a full queue or share). */
export type EnqueueJob = (items: QueueItem[], limits: CallLimits, shared: Map<string, Uint8Array>) => EnqueueResult[];

/**
 * The enqueue of a call memory alone cannot decide (`queue-stage-call.ts`): run as a savepoint job
 * of the batch, deciding against the table. Device states are changed only once the call can no
 * longer throw: a call that throws rolls back its savepoint, and its in-memory changes must not
 * outlive it.
 */
export function enqueueJob(parts: EnqueueJobParts): EnqueueJob {
  const { db, clock, ttlMs, stateOf } = parts;
  const { mayBeMarked, storeShared, fanOutDuplicates } = parts.keys;
  const { findAcked, putDevice, insertEntry, findEntry, release, deleteBySeq, deleteExpiredOf, countOfSender } =
    parts.statements;
  return db.transaction((items: QueueItem[], limits: CallLimits, shared: Map<string, Uint8Array>) => {
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
}
