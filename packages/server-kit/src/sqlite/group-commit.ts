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

// Captured at load: fake timers installed later by tests must not stall commits.
const defer: (callback: () => void) => void = globalThis.setImmediate ?? ((callback) => setTimeout(callback, 0));

const committers = new WeakMap<Database.Database, Committer>();

/**
 * Group commit: every write call made during one event-loop turn (from any socket) shares one
 * IMMEDIATE transaction, so there is one WAL commit per batch instead of one per call. Each call
 * runs in its own savepoint (better-sqlite3 nests transactions that way): a call that throws
 * rolls back only its own writes, and every promise settles only after the batch committed, so
 * "resolved" still means "durably stored".
 */
export function committerFor(db: Database.Database): Committer {
  let committer = committers.get(db);
  if (committer) return committer;
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
    pending = [];
    for (let i = 0; i < all.length; i += MAX_BATCH) commit(all.slice(i, i + MAX_BATCH));
  };

  committer = {
    submit<T>(run: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        pending.push({ run, resolve: resolve as (value: never) => void, reject });
        if (!scheduled) {
          scheduled = true;
          defer(flush);
        }
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
