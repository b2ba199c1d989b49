import type Database from 'better-sqlite3';
import { multiRowInsert } from './queue-multi-row.js';

type Key = [userId: string, deviceId: number];
/** A deleted row's shared payload key, if any. */
export type SharedRef = { shared: string | null };

type Statement<P extends unknown[], R = unknown> = Database.Statement<P, R>;
/** What an ack reads of the row it deletes (`forget`: 1 when it leaves no dedup mark). */
type AckedRow = { seq: number; stored_at: number; shared: string | null; forget: 1 | null };
/** A page row of `readPage`. */
type PageRow = { id: string; seq: number; data: Uint8Array; stored_at: number; payload: Uint8Array | null };

/** A `queue` row: user, device, seq, id, data, stored_at, expires_at, shared, sender, forget (1 or null). */
export type InsertRow = [
  string,
  number,
  number,
  string,
  Uint8Array,
  number,
  number,
  string | null,
  string | null,
  1 | null,
];

/** The SQLite queue's prepared statements and the helpers built on them. */
export interface QueueStatements {
  getDevice: Statement<Key, number>;
  countRows: Statement<Key, number>;
  putDevice: Statement<[string, number, number]>;
  findEntry: Statement<[string, number, string], { seq: number; stored_at: number; expires_at: number }>;
  findAcked: Statement<[string, number, string], { seq: number; stored_at: number }>;
  insertEntry: Statement<InsertRow>;
  countOfSender: Statement<[string, number, string, number], number>;
  deleteBySeq: Statement<[string, number, number], SharedRef>;
  deleteExpiredOf: Statement<[string, number, number], SharedRef>;
  addShared: Statement<[string, Uint8Array, number, number | null, number | null]>;
  /** A shared payload's key as stored: when first stored, references left; a fan-out key has forget_at. */
  findShared: Statement<[string], { stored_at: number | null; refs: number; forget_at: number | null }>;
  /** Releases the shared payloads named by deleted rows. */
  release(rows: SharedRef[]): void;
  /** Releases `n` references per key (what `release` does once it has counted). */
  releaseCounts(counts: ReadonlyMap<string, number>): void;
  /** Forgets fan-out keys without references whose time is up. */
  forgetFanOuts: Statement<[number]>;
  /** `max(acked_at)` of the marks written before fan-out entries kept none (migration 10), if any. */
  legacyMarksAckedAt(): number | undefined;
  /** The read of one page of a device's queue (one statement per page size). */
  readPage(limit: number): Statement<[string, number, number, number], PageRow>;
  deleteById: Statement<[string, number, string], AckedRow>;
  /** Dedup marks of acknowledged stored entries, for many rows (user, device, id, seq, stored_at, acked_at each) in a few statements. */
  markAckedRows(values: readonly unknown[]): void;
  /** Marks of entries acknowledged before they were written, as `markAckedRows`; an earlier mark of an id is kept. */
  markAckedOnceRows(values: readonly unknown[]): void;
  countLive: Statement<[string, number, number], number>;
  deleteExpired: Statement<[number], { user_id: string; device_id: number; shared: string | null }>;
  deleteOldMarks: Statement<[number]>;
  deleteAllOf: Statement<Key, SharedRef>;
}

/** Prepares the queue's statements (once per queue). */
export function queueStatements(db: Database.Database): QueueStatements {
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
  const insertEntry = db.prepare<InsertRow>(
    `INSERT INTO queue (user_id, device_id, seq, id, data, stored_at, expires_at, shared, sender, forget)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (user_id, device_id, id) DO NOTHING`,
  );
  const countOfSender = db
    .prepare<[string, number, string, number], number>(
      'SELECT count(*) FROM queue WHERE user_id = ? AND device_id = ? AND sender = ? AND expires_at > ?',
    )
    .pluck();
  const deleteBySeq = db.prepare<[string, number, number], SharedRef>(
    'DELETE FROM queue WHERE user_id = ? AND device_id = ? AND seq = ? RETURNING shared',
  );
  const deleteExpiredOf = db.prepare<[string, number, number], SharedRef>(
    'DELETE FROM queue WHERE user_id = ? AND device_id = ? AND expires_at <= ? RETURNING shared',
  );
  // Shared payloads: stored once, counted per referencing entry, deleted with the last reference;
  // a fan-out key (forget_at set) is kept without its bytes until forget_at, to deduplicate resends.
  // A key stored again keeps its bytes (or gets them back if they were dropped).
  const addShared = db.prepare<[string, Uint8Array, number, number | null, number | null]>(
    `INSERT INTO queue_shared (key, data, refs, stored_at, forget_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET refs = refs + excluded.refs,
       data = CASE WHEN length(data) = 0 THEN excluded.data ELSE data END`,
  );
  const findShared = db.prepare<[string], { stored_at: number | null; refs: number; forget_at: number | null }>(
    'SELECT stored_at, refs, forget_at FROM queue_shared WHERE key = ?',
  );
  const dropSharedRefs = db.prepare<[number, number, string]>(
    `UPDATE queue_shared SET refs = refs - ?,
       data = CASE WHEN forget_at IS NOT NULL AND refs - ? <= 0 THEN X'' ELSE data END
     WHERE key = ?`,
  );
  const deleteUnshared = db.prepare<[string]>(
    'DELETE FROM queue_shared WHERE key = ? AND refs <= 0 AND forget_at IS NULL',
  );
  const forgetFanOuts = db.prepare<[number]>('DELETE FROM queue_shared WHERE forget_at <= ? AND refs <= 0');
  const releaseCounts = (counts: ReadonlyMap<string, number>): void => {
    for (const [key, n] of counts) {
      dropSharedRefs.run(n, n, key);
      deleteUnshared.run(key);
    }
  };
  /** Releases the shared payloads named by deleted rows. */
  const release = (rows: SharedRef[]): void => {
    const counts = new Map<string, number>();
    for (const row of rows) if (row.shared !== null) counts.set(row.shared, (counts.get(row.shared) ?? 0) + 1);
    releaseCounts(counts);
  };
  const legacyMarks = db
    .prepare<[], number | null>("SELECT value FROM queue_meta WHERE key = 'legacy_marks_acked_at'")
    .pluck();
  const legacyMarksAckedAt = () => legacyMarks.get() ?? undefined;
  // One statement per page size, with the limit in the SQL: measured here, a bound LIMIT made
  // this read about four times slower, and the pump runs it for every message.
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
  const deleteById = db.prepare<[string, number, string], AckedRow>(
    'DELETE FROM queue WHERE user_id = ? AND device_id = ? AND id = ? RETURNING seq, stored_at, shared, forget',
  );
  const marks = 'queue_acked (user_id, device_id, id, seq, stored_at, acked_at)';
  const markAckedRows = multiRowInsert(db, `INSERT OR REPLACE INTO ${marks}`, 6);
  const markAckedOnceRows = multiRowInsert(db, `INSERT OR IGNORE INTO ${marks}`, 6);
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

  return {
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
    markAckedRows,
    markAckedOnceRows,
    countLive,
    deleteExpired,
    deleteOldMarks,
    deleteAllOf,
  };
}
