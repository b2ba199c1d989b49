import type Database from 'better-sqlite3';

interface Job {
  run: () => unknown;
  resolve: (value: never) => void;
  reject: (error: unknown) => void;
}

interface Committer {
  /**
   * Queues a write for the current batch; resolves with its result once the batch has committed.
   * `run` must be atomic on its own: call a function made by `db.transaction()`, which becomes a
   * savepoint inside the batch.
   */
  submit<T>(run: () => T): Promise<T>;
  /** Commits what is pending now (before the database is closed). */
  flush(): void;
  /**
   * Called when a transaction did not commit: state cached in memory from writes of that
   * transaction may be wrong and must be reloaded.
   */
  onRollback(listener: () => void): void;
}

/** Most write calls per transaction, so one flush never blocks the event loop for long. */
const MAX_BATCH = 512;

/**
 * Shortest time between two commits, ms; 0 by default (commit on the next turn). Each commit costs
 * a fixed amount of work (BEGIN, the WAL frames of every touched page, COMMIT) whatever its size,
 * and a gateway whose turns are short commits a handful of calls at a time (queue-micro: 48 µs per
 * message at one call per commit, 13 at 50). A gap lets calls of several turns share one commit,
 * but in `bench:delivery` it did not pay for itself: at 1,000 msgs/s it cost 7-17% more server CPU
 * per message (each paced commit is a timer wakeup of its own, and a profile showed the savepoint and
 * commit statements themselves taking longer in the larger batches), at 3,000/s it saved 3-11%, and
 * it adds up to the gap to every write's latency (noisy figures from a shared machine). So it is an option (`sqliteStores(..., { commitGapMs })`), off by default.
 */
export const DEFAULT_COMMIT_GAP_MS = 0;

// Captured at load: fake timers installed later by tests must not stall commits.
const defer: (callback: () => void) => void = globalThis.setImmediate ?? ((callback) => setTimeout(callback, 0));
const systemDelay: (callback: () => void, ms: number) => void = (() => {
  const set = globalThis.setTimeout;
  return (callback: () => void, ms: number) => void set(callback, ms);
})();
const systemNow: () => number = (() => {
  const p = globalThis.performance;
  return () => p.now();
})();

/** How a database's committer paces its commits (fixed when the committer is made). */
export interface CommitPacing {
  /** Shortest time between two commits, ms; default {@link DEFAULT_COMMIT_GAP_MS} (every turn). */
  gapMs?: number;
  /** Monotonic time in ms; default `performance.now`. */
  now?: () => number;
  /** Runs `callback` after `ms`; default `setTimeout` as found at load. */
  delay?: (callback: () => void, ms: number) => void;
}

const committers = new WeakMap<Database.Database, Committer>();

/**
 * Group commit: every write call made since the last commit (from any socket) shares one
 * IMMEDIATE transaction, so there is one WAL commit per batch instead of one per call. A batch is
 * committed on the next event-loop turn, or, when the previous commit was less than
 * `pacing.gapMs` ago, once that gap has passed. Each call runs in its own savepoint
 * (better-sqlite3 nests transactions that way): a call that throws rolls back only its own writes,
 * and every promise settles only after the batch committed, so "resolved" still means "durably
 * stored". The pacing is fixed by the first call for a database (`sqliteStores` makes that call).
 */
export function committerFor(db: Database.Database, pacing: CommitPacing = {}): Committer {
  let committer = committers.get(db);
  if (committer) return committer;
  const gapMs = pacing.gapMs ?? DEFAULT_COMMIT_GAP_MS;
  const now = pacing.now ?? systemNow;
  const delay = pacing.delay ?? systemDelay;
  let lastCommitAt = Number.NEGATIVE_INFINITY;
  let pending: Job[] = [];
  let scheduled = false;
  const rollbackListeners: Array<() => void> = [];
  const rolledBack = () => {
    for (const listener of rollbackListeners) listener();
  };

  const commit = (batch: Job[]): void => {
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      db.transaction(() => {
        for (const job of batch) {
          try {
            outcomes.push({ ok: true, value: job.run() });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      }).immediate();
    } catch (error) {
      // BEGIN or COMMIT failed (busy, disk full, closed): nothing of the batch is stored.
      rolledBack();
      for (const job of batch) job.reject(error);
      return;
    }
    batch.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) job.resolve(outcome.value as never);
      else job.reject(outcome.error);
    });
  };

  const flush = (): void => {
    scheduled = false;
    const all = pending;
    if (all.length === 0) return; // a paced flush after `flush()` was called directly
    pending = [];
    for (let i = 0; i < all.length; i += MAX_BATCH) commit(all.slice(i, i + MAX_BATCH));
    lastCommitAt = now();
  };
  const schedule = (): void => {
    scheduled = true;
    const wait = lastCommitAt + gapMs - now();
    if (wait > 0) delay(flush, wait);
    else defer(flush);
  };

  committer = {
    submit<T>(run: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        pending.push({ run, resolve: resolve as (value: never) => void, reject });
        if (!scheduled) schedule();
      });
    },
    flush,
    onRollback(listener) {
      rollbackListeners.push(listener);
    },
  };
  committers.set(db, committer);
  return committer;
}
