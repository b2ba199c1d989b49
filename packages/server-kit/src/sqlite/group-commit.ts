import type Database from 'better-sqlite3';

interface Job {
  run: () => unknown;
  resolve: (value: never) => void;
  reject: (error: unknown) => void;
}

/**
 * Writes kept in memory until their batch commits (the queue's staged entries): run first in each
 * batch's transaction, outside any savepoint, so if they fail the whole batch fails.
 */
export interface LeadWriter {
  /** True when there is something to write (a flush is due even with no job pending). */
  hasWork(): boolean;
  /** Writes inside the batch's transaction; throwing rolls the whole batch back. */
  write(): void;
  /** The batch committed (`error` undefined) or did not; called after every flush. */
  done(error: unknown): void;
}

interface Committer {
  /**
   * Queues a write for the current batch; resolves with its result once the batch has committed.
   * `run` must be atomic on its own: call a function made by `db.transaction()`, which becomes a
   * savepoint inside the batch.
   */
  submit<T>(run: () => T): Promise<T>;
  /** Commits what is pending now (before the database is closed), holds or not. */
  flush(): void;
  /**
   * Called when a transaction did not commit: state cached in memory from writes of that
   * transaction may be wrong and must be reloaded.
   */
  onRollback(listener: () => void): void;
  /**
   * Adds a lead writer (the queue's staging, then the group receipt cursors): each batch's
   * transaction runs the leads' writes first, in the order they were added.
   */
  addLead(lead: LeadWriter): void;
  /** The lead writer has new work: make sure a flush is coming. */
  touch(): void;
  /**
   * The current batch waits for something (acks of entries delivered before their commit), at most
   * the hold time after its first hold (the fan-out hold time when `fanout`, see
   * {@link DEFAULT_FANOUT_HOLD_MS}); {@link release} ends the wait early.
   */
  hold(fanout?: boolean): void;
  release(): void;
  /**
   * A call joined the batch (`fanout`: a group message's). Any call but a fan-out ends a fan-out
   * hold, and the batch holds no more: a fan-out never delays anyone else's write by more than a turn.
   */
  joined(fanout: boolean): void;
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

/**
 * Longest a batch holding queue entries that went out before their commit waits for their acks, ms;
 * 0 never waits. An entry acknowledged before its batch commits is never written (only its dedup
 * mark is, none for a receipt), a waiting batch carries the writes of several turns in one commit,
 * and a 1:1 send whose recipient acknowledged it by then carries its delivered receipt in its
 * SendAck (`Send.ack_delivered`, messages/delivered-folds.ts): no receipt entry, two frames fewer.
 * The batch commits as soon as every held entry was acknowledged, so at low rates the wait is one
 * round trip to the recipient; on a busy gateway the batches are this far apart. A send is answered
 * after its commit, so this delays SendAcks (not deliveries) by up to the hold. Until 7 Dec 2026 the
 * default was 0: a connection's sends were then served one commit at a time, so a burst advanced
 * one hold at a time (one sender's 1,000 sends in a row took 5.9 s instead of 0.9 s with 5 ms);
 * sends are pipelined since (PROTOCOL 6.3). Measured: ARCHITECTURE 15.
 */
export const DEFAULT_HOLD_MS = 5;

/**
 * Longest a batch holding the entries of a fan-out (a call with shared payloads: a group message)
 * waits for their acks, ms. Unlike a 1:1 send, a group message's SendAck comes about when its last
 * online member has it anyway (the gateway is busy delivering to every member meanwhile), so
 * waiting for the members' acks costs the sender little, and saves writing and then deleting an
 * entry per online member: an entry acknowledged in time is only a dedup mark (issue 15 aim 4,
 * ARCHITECTURE 12). Only entries that went out are waited for, and the batch commits as soon as all
 * of them were acknowledged, or as soon as any other write joins the batch (see `joined`: the hold
 * must not delay other senders' SendAcks); at most this long (the aim's bound for the last member,
 * 250 ms: measured, 100 ms cut off a third of the acks on a busy machine).
 */
export const DEFAULT_FANOUT_HOLD_MS = 250;

/**
 * Check phases (ends of event-loop turns) a held batch waits for after its first hold, on top of its
 * hold time: the first ends the turn that delivered its entries, the second the turn whose poll phase
 * read their acks. On a busy gateway a turn outlasts the hold, and the deadline's timer ran the
 * commit before that poll phase, so 65% of the entries were acknowledged just after their commit:
 * written, then deleted and marked (statement counts at 5,000 msgs/s, 8 Dec 2026: ARCHITECTURE 15).
 * An idle loop passes both at once, so at low rates the hold time alone decides, as before.
 */
export const HELD_TURNS = 2;

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
  /** See {@link DEFAULT_HOLD_MS}; 0 never waits for acks. */
  holdMs?: number;
  /** See {@link DEFAULT_FANOUT_HOLD_MS}; 0 never waits for a fan-out's acks. */
  fanoutHoldMs?: number;
  /** Monotonic time in ms; default `performance.now`. */
  now?: () => number;
  /** Runs `callback` after `ms`; default `setTimeout` as found at load. */
  delay?: (callback: () => void, ms: number) => void;
}

const committers = new WeakMap<Database.Database, Committer>();

/**
 * Group commit: every write call made since the last commit (from any socket) shares one
 * IMMEDIATE transaction, so there is one WAL commit per batch instead of one per call. A batch is
 * committed on the next event-loop turn; later when the previous commit was less than
 * `pacing.gapMs` ago, or when it holds (entries of the queue went out before their commit, see
 * `hold`). The lead writers' rows (staged queue entries, group receipt cursors) come first in the transaction; then each call runs in its
 * own savepoint (better-sqlite3 nests transactions that way): a call that throws rolls back only its
 * own writes, and every promise settles only after the batch committed, so "resolved" still means
 * "durably stored". The pacing is fixed by the first call for a database (`sqliteStores` makes it).
 */
export function committerFor(db: Database.Database, pacing: CommitPacing = {}): Committer {
  let committer = committers.get(db);
  if (committer) return committer;
  const gapMs = pacing.gapMs ?? DEFAULT_COMMIT_GAP_MS;
  const holdMs = pacing.holdMs ?? DEFAULT_HOLD_MS;
  const fanoutHoldMs = pacing.fanoutHoldMs ?? DEFAULT_FANOUT_HOLD_MS;
  const now = pacing.now ?? systemNow;
  const delay = pacing.delay ?? systemDelay;
  let lastCommitAt = Number.NEGATIVE_INFINITY;
  let pending: Job[] = [];
  const leads: LeadWriter[] = [];
  /** A flush callback is armed; only the one with the current token runs. */
  let scheduled = false;
  let token = 0;
  /** While holding, the batch commits at `holdUntil` at the latest (or on release). */
  let holdUntil = Number.NEGATIVE_INFINITY;
  /** When the current batch's hold ends, fixed by its first hold: a release and a new hold never extend it. */
  let holdDeadline = Number.NEGATIVE_INFINITY;
  /** The current batch's hold is a fan-out's (see `joined`); `unheld`: the batch may hold no more. */
  let fanoutHold = false;
  let unheld = false;
  /**
   * Check phases (end of a loop turn) a held batch still has to see before it commits, counted from
   * its first hold (see HELD_TURNS); `gated`: its flush came and waits for them, `passTurn` runs it.
   */
  let turnsLeft = 0;
  let gated = false;
  let gateToken = 0;
  const rollbackListeners: Array<() => void> = [];
  const rolledBack = () => {
    for (const listener of rollbackListeners) listener();
  };

  type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };
  // Made once: better-sqlite3 builds four wrapper functions and their properties per transaction().
  const writeBatch = db.transaction((batch: Job[], withLeads: readonly LeadWriter[], outcomes: Outcome[]) => {
    for (const lead of withLeads) if (lead.hasWork()) lead.write();
    for (const job of batch) {
      try {
        outcomes.push({ ok: true, value: job.run() });
      } catch (error) {
        outcomes.push({ ok: false, error });
      }
    }
  });

  /** One transaction: the leads' writes, then every job in its savepoint. False when it did not commit. */
  const commit = (batch: Job[], withLeads: readonly LeadWriter[]): unknown => {
    const outcomes: Outcome[] = [];
    try {
      writeBatch.immediate(batch, withLeads, outcomes);
    } catch (error) {
      // BEGIN, the lead's writes or COMMIT failed (busy, disk full, closed): nothing of it is stored.
      rolledBack();
      for (const lead of withLeads) lead.done(error);
      for (const job of batch) job.reject(error);
      return error ?? new Error('commit failed');
    }
    for (const lead of withLeads) lead.done(undefined);
    batch.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) job.resolve(outcome.value as never);
      else job.reject(outcome.error);
    });
    return undefined;
  };

  const arm = (ms: number): void => {
    scheduled = true;
    const mine = ++token;
    const run = () => {
      if (mine === token) flushNow(false);
    };
    if (ms > 0) delay(run, ms);
    else defer(run);
  };
  const waitMs = (): number => Math.max(lastCommitAt + gapMs - now(), holdUntil - now(), 0);

  const flushNow = (forced: boolean): void => {
    scheduled = false;
    gated = false;
    token++;
    if (!forced && holdUntil > now()) {
      arm(waitMs());
      return;
    }
    if (!forced && turnsLeft > 0 && holdUntil !== Number.NEGATIVE_INFINITY) {
      // The deadline passed within the turn that delivered the held entries: their acks are read
      // in the next poll phase, so commit after it (passTurn), not before it in the timers phase.
      scheduled = true;
      gated = true;
      return;
    }
    turnsLeft = 0;
    gateToken++;
    holdUntil = Number.NEGATIVE_INFINITY;
    holdDeadline = Number.NEGATIVE_INFINITY;
    fanoutHold = false;
    unheld = false;
    const all = pending;
    if (all.length === 0 && !leads.some((lead) => lead.hasWork())) return; // a paced flush after `flush()` was called directly
    pending = [];
    // Calls resolve in order and a later call is never stored without an earlier one: once a
    // transaction fails, the rest of the flush fails with it.
    let failure: unknown;
    for (let i = 0; i === 0 || i < all.length; i += MAX_BATCH) {
      const chunk = all.slice(i, i + MAX_BATCH);
      if (failure !== undefined) for (const job of chunk) job.reject(failure);
      else failure = commit(chunk, i === 0 ? leads : []);
    }
    lastCommitAt = now();
  };
  const schedule = (): void => {
    if (!scheduled) arm(waitMs());
  };

  /** One check phase passed since the batch's first hold; the last one runs a flush that waited for it. */
  const passTurn = (mine: number): void => {
    if (mine !== gateToken || turnsLeft === 0) return;
    if (--turnsLeft > 0) defer(() => passTurn(mine));
    else if (gated) flushNow(false);
  };

  const release = (): void => {
    if (holdUntil === Number.NEGATIVE_INFINITY) return;
    holdUntil = Number.NEGATIVE_INFINITY;
    if (scheduled) arm(waitMs());
  };
  const joined = (fanout: boolean): void => {
    if (fanout || !fanoutHold) return;
    unheld = true;
    release();
  };

  committer = {
    submit<T>(run: () => T): Promise<T> {
      joined(false);
      return new Promise<T>((resolve, reject) => {
        pending.push({ run, resolve: resolve as (value: never) => void, reject });
        schedule();
      });
    },
    flush: () => flushNow(true),
    onRollback(listener) {
      rollbackListeners.push(listener);
    },
    addLead(writer) {
      leads.push(writer);
    },
    touch: schedule,
    hold(fanout = false) {
      const ms = fanout ? fanoutHoldMs : holdMs;
      if (ms <= 0 || unheld || holdUntil !== Number.NEGATIVE_INFINITY) return;
      if (holdDeadline === Number.NEGATIVE_INFINITY) {
        holdDeadline = now() + ms;
        fanoutHold = fanout;
        turnsLeft = HELD_TURNS;
        const mine = ++gateToken;
        defer(() => passTurn(mine));
      }
      holdUntil = holdDeadline;
      if (scheduled) arm(waitMs()); // re-arm later: the armed callback would only re-arm itself
    },
    release,
    joined,
  };
  committers.set(db, committer);
  return committer;
}
