import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { ServerStores } from '../contracts/stores.js';
import type { Clock } from '../contracts/types.js';
import { fsMediaStore } from '../media/fs-media-store.js';
import { memoryBus } from '../memory/memory-bus.js';
import { memoryDirectory } from '../memory/memory-directory.js';
import { defaultRateLimiter } from '../memory/memory-stores.js';
import { committerFor } from './group-commit.js';
import { sqliteDeviceRegistry } from './sqlite-device-registry.js';
import { sqliteGroupReceiptStore } from './sqlite-group-receipt-store.js';
import { sqliteGroupStore } from './sqlite-group-store.js';
import { sqliteKeyDirectory } from './sqlite-key-directory.js';
import { sqliteMediaTickets } from './sqlite-media-tickets.js';
import { sqlitePresenceStore } from './sqlite-presence-store.js';
import { sqliteQueue } from './sqlite-queue.js';

/** Where {@link sqliteStores} keeps its data: a file it opens, or a database the caller owns. */
export type SqliteStoresOptions = { path: string } | { db: Database.Database };

/** Optional settings of {@link sqliteStores}. */
export interface SqliteStoresExtra {
  clock?: Clock;
  /** Offline queue entry lifetime; default 30 days. */
  queueTtlMs?: number;
  /**
   * Directory for media blobs (`fsMediaStore`). Default: `media` beside the database file when
   * opened with `{ path }` to a file; with `{ db }` or an in-memory database, media is off unless
   * this is given. `null` turns media off.
   */
  mediaDir?: string | null;
  /**
   * Shortest time between two group commits, ms (default 0: every event-loop turn). A gap lets the
   * writes of several turns share one commit, for at most this much added latency per write; measured,
   * it saved CPU only in a middle range of load (see `DEFAULT_COMMIT_GAP_MS`). Applies when these
   * stores are the first to write to `db`.
   */
  commitGapMs?: number;
  /**
   * Longest a batch waits for the acks of entries delivered before their commit, ms (default
   * `DEFAULT_HOLD_MS`, 5; 0: never). Acknowledged in time, an entry is never written, and a 1:1
   * send's delivered receipt rides in its SendAck; each send is answered only after its commit, so
   * SendAcks come up to this much later. Applies like `commitGapMs`.
   */
  commitHoldMs?: number;
  /**
   * Longest a batch waits for the acks of a group message's entries delivered before their commit,
   * ms (default `DEFAULT_FANOUT_HOLD_MS`, 250; 0: never). Acknowledged in time, a member's entry is
   * never written, only its dedup mark; the group's SendAck (and every other write of the batch)
   * waits with it. Applies like `commitGapMs`.
   */
  commitFanoutHoldMs?: number;
}

/** How long a write waits for another connection's lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens a database file for the server: creates its directory, and sets WAL with
 * `synchronous = NORMAL`.
 *
 * Why NORMAL is durable enough: in WAL mode a commit appends to the WAL file with a `write()`,
 * so once `enqueue` resolves the data is in the operating system's page cache and survives the
 * process crashing or being killed. NORMAL only skips the fsync at each commit, so a power loss
 * or kernel crash can lose the last few transactions (never corrupt the database). `FULL` would
 * cost an fsync per commit (per group-committed batch), which is the price of surviving power loss.
 */
function openDatabase(path: string): Database.Database {
  if (path !== ':memory:' && !path.startsWith('file:')) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** `media` beside a database file; none for a caller's connection or an in-memory database. */
function defaultMediaDir(options: SqliteStoresOptions): string | undefined {
  if (!('path' in options) || options.path === ':memory:' || options.path.startsWith('file:')) return undefined;
  return join(dirname(options.path), 'media');
}

/**
 * A single-machine server: device registry, offline queue, key directory, groups and media tickets
 * in SQLite, media blobs in files (see `mediaDir`); session
 * directory, bus and rate limiter in memory (hints, nudges and short-lived buckets, so losing them
 * on restart loses nothing).
 *
 * With `{ path }` it opens (and on `close` closes) the file with the pragmas above; with `{ db }`
 * it uses the caller's connection as configured and leaves it open on `close`. Either way it
 * creates or migrates its tables.
 */
export function sqliteStores(options: SqliteStoresOptions, extra: SqliteStoresExtra = {}): ServerStores {
  const owned = 'path' in options;
  const db = owned ? openDatabase(options.path) : options.db;
  const withClock = extra.clock ? { clock: extra.clock } : {};
  try {
    // Made first, so the pacing given here is the one every part's writes share.
    committerFor(db, {
      ...(extra.commitGapMs !== undefined ? { gapMs: extra.commitGapMs } : {}),
      ...(extra.commitHoldMs !== undefined ? { holdMs: extra.commitHoldMs } : {}),
      ...(extra.commitFanoutHoldMs !== undefined ? { fanoutHoldMs: extra.commitFanoutHoldMs } : {}),
    });
    const bus = memoryBus();
    const mediaDir = extra.mediaDir === undefined ? defaultMediaDir(options) : extra.mediaDir;
    let closed = false;
    return {
      devices: sqliteDeviceRegistry({ db, ...withClock }),
      queue: sqliteQueue({ db, ...withClock, ...(extra.queueTtlMs !== undefined ? { ttlMs: extra.queueTtlMs } : {}) }),
      directory: memoryDirectory(withClock),
      bus,
      keys: sqliteKeyDirectory({ db }),
      groups: sqliteGroupStore({ db }),
      presence: sqlitePresenceStore({ db }),
      groupReceipts: sqliteGroupReceiptStore({ db }),
      ...(mediaDir
        ? {
            media: fsMediaStore({ dir: mediaDir, ...withClock }),
            mediaTickets: sqliteMediaTickets({ db, ...withClock }),
          }
        : {}),
      rateLimiter: defaultRateLimiter(withClock),
      async close() {
        if (closed) return;
        closed = true;
        await bus.close();
        // Commit writes still waiting for their batch, so their callers are not failed by close.
        committerFor(db).flush();
        if (owned) db.close();
      },
    };
  } catch (error) {
    if (owned) db.close();
    throw error;
  }
}
