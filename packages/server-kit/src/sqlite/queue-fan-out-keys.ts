import type { EnqueueResult, QueueItem } from '../contracts/offline-queue.js';
import type { QueueStatements } from './queue-statements.js';

/**
 * The SQLite queue's handling of fan-out keys (`EnqueueOptions.fanOut`, migration 10): a fan-out
 * call is deduplicated as a whole by its one shared payload key, which is remembered (without its
 * bytes) after its last reference, and its entries leave no dedup marks.
 */
export interface FanOutKeys {
  /**
   * Whether an item's id must be looked up among the dedup marks before it is stored: not for
   * entries that leave no mark (`forget`), except fan-out ones while marks from before may exist.
   */
  mayBeMarked(forget: boolean, fanOut: boolean, now: number): boolean;
  /** Stores a shared payload with `refs` references; a fan-out key (`fanOutAt`: its call's time) even with none. */
  storeShared(key: string, data: Uint8Array, refs: number, fanOutAt: number | undefined): void;
  /**
   * A fan-out call whose key is stored or remembered: every item is a duplicate, at the first call's
   * time, with its entry's seq while it is queued (0 once it is gone). Undefined when the key is new.
   */
  fanOutDuplicates(items: readonly QueueItem[], key: string, now: number): EnqueueResult[] | undefined;
}

type KeyStatements = Pick<QueueStatements, 'addShared' | 'findShared' | 'findEntry' | 'legacyMarksAckedAt'>;

const EMPTY = new Uint8Array(0);

/** The fan-out key rules of one queue (`ttlMs`: its entry lifetime). */
export function fanOutKeys(statements: KeyStatements, ttlMs: number): FanOutKeys {
  const { addShared, findShared, findEntry } = statements;
  // Marks written before fan-out entries kept none (migration 10) may name fan-out ids: such
  // entries are checked against marks until the newest of those marks is past the dedup window.
  const legacyAckedAt = statements.legacyMarksAckedAt();
  const legacyMarksUntil = legacyAckedAt === undefined ? Number.NEGATIVE_INFINITY : legacyAckedAt + ttlMs;
  const mayBeMarked = (forget: boolean, fanOut: boolean, now: number) => !forget || (fanOut && now < legacyMarksUntil);
  /** A fan-out key is remembered this long after its call: entries live one ttl, marks one more. */
  const forgetAt = (storedAt: number) => storedAt + 2 * ttlMs;
  const storeShared = (key: string, data: Uint8Array, refs: number, fanOutAt: number | undefined) => {
    if (fanOutAt === undefined) addShared.run(key, data, refs, null, null);
    else addShared.run(key, refs > 0 ? data : EMPTY, refs, fanOutAt, forgetAt(fanOutAt));
  };
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
  return { mayBeMarked, storeShared, fanOutDuplicates };
}
