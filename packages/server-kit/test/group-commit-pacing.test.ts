import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { committerFor } from '../src/sqlite/group-commit.js';
import { manualTime } from './helpers/manual-time.js';

/** A database whose commits are counted (each batch is one `.immediate(...)` of the committer's transaction). */
function countingDb() {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (v INTEGER)');
  const insert = db.prepare<[number]>('INSERT INTO t (v) VALUES (?)');
  const write = db.transaction((v: number) => insert.run(v));
  const original = db.transaction.bind(db);
  let commits = 0;
  // The committer only calls `.immediate()` on what it gets; the jobs' own transactions were made above.
  db.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const tx = original(fn);
    return {
      immediate: (...args: unknown[]) => {
        commits++;
        return tx.immediate(...args);
      },
    };
  }) as unknown as typeof db.transaction;
  const rows = () => db.prepare('SELECT count(*) FROM t').pluck().get() as number;
  return { db, write, commits: () => commits, rows };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('group commit pacing', () => {
  const open: Database.Database[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
  });

  it('commits at once when idle, then lets calls of later turns share one commit after the gap', async () => {
    const { db, write, commits, rows } = countingDb();
    open.push(db);
    const time = manualTime();
    const { submit } = committerFor(db, { gapMs: 5, now: time.now, delay: time.delay });

    await submit(() => write(1)); // nothing committed before: the next turn commits
    expect(commits()).toBe(1);

    const settled: number[] = [];
    const second = submit(() => write(2)).then(() => settled.push(2));
    await nextTurn();
    const third = submit(() => write(3)).then(() => settled.push(3));
    await nextTurn();
    // Within the gap: still waiting, nothing of either call resolved or committed.
    expect(commits()).toBe(1);
    expect(settled).toEqual([]);
    expect(time.timers).toHaveLength(1);

    time.advance(5);
    await Promise.all([second, third]);
    expect(commits()).toBe(2);
    expect(settled).toEqual([2, 3]);
    expect(rows()).toBe(3);
  });

  it('commits every turn with a gap of 0', async () => {
    const { db, write, commits } = countingDb();
    open.push(db);
    const time = manualTime();
    const { submit } = committerFor(db, { gapMs: 0, now: time.now, delay: time.delay });
    await submit(() => write(1));
    await submit(() => write(2));
    await submit(() => write(3));
    expect(commits()).toBe(3);
    expect(time.timers).toHaveLength(0);
  });

  it('flush() commits a waiting batch at once and the paced flush that follows does nothing', async () => {
    const { db, write, commits, rows } = countingDb();
    open.push(db);
    const time = manualTime();
    const committer = committerFor(db, { gapMs: 5, now: time.now, delay: time.delay });
    await committer.submit(() => write(1));
    const waiting = committer.submit(() => write(2));
    await nextTurn();
    committer.flush();
    await waiting;
    expect(commits()).toBe(2);
    time.advance(5);
    expect(commits()).toBe(2);
    expect(rows()).toBe(2);
  });

  it('a fan-out hold waits for its acks, but ends as soon as any other write joins the batch', async () => {
    const { db, write, commits, rows } = countingDb();
    open.push(db);
    const time = manualTime();
    const committer = committerFor(db, { fanoutHoldMs: 60_000, holdMs: 60_000, now: time.now, delay: time.delay });
    // A group's staged entries went out: the batch waits (time never moves here, so only a release
    // or a joining write can end the wait).
    const group = committer.submit(() => write(1));
    committer.hold(true);
    committer.joined(true); // another group message: it waits with it
    await nextTurn();
    await nextTurn();
    expect(commits()).toBe(0);
    // A 1:1 write joins: the batch commits on the next turn, and holds no more until it did.
    const other = committer.submit(() => write(2));
    committer.hold(true);
    await Promise.all([group, other]);
    expect([commits(), rows()]).toEqual([1, 2]);

    // A 1:1 hold (commitHoldMs) is not ended by other writes: only its acks or its deadline end it.
    const first = committer.submit(() => write(3));
    committer.hold(false);
    committer.submit(() => write(4));
    committer.joined(false);
    await nextTurn();
    await nextTurn();
    expect(commits()).toBe(1);
    committer.release();
    await first;
    expect([commits(), rows()]).toEqual([2, 4]);
  });
});
