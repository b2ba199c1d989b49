// Issue 15 aim 1: a held batch (entries delivered before their commit) commits only after the poll
// phase that follows the turn which delivered them (group-commit.ts, HELD_TURNS), so acks read there
// come before the commit even when a long turn ran the hold's deadline out: their entries are never
// written, only their marks.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OfflineQueue, QueueItem } from '../src/contracts/offline-queue.js';
import { committerFor } from '../src/sqlite/group-commit.js';
import { sqliteQueue } from '../src/sqlite/index.js';
import { manualTime } from './helpers/manual-time.js';

const bob = { userId: 'bob', deviceId: 1 };
const item = (id: string): QueueItem => ({ device: bob, id, data: new TextEncoder().encode(id) });
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function setUp() {
  const db = new Database(':memory:');
  open.push(db);
  const time = manualTime();
  committerFor(db, { gapMs: 0, holdMs: 5, now: time.now, delay: time.delay });
  const queue = sqliteQueue({ db, clock: () => 1_000 });
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return { queue, time, rows: () => count('queue'), marks: () => count('queue_acked') };
}

/** Enqueues entries that went out at once (the batch holds for their acks); settles with the call. */
function sendOut(queue: OfflineQueue, ids: string[]) {
  const state = { settled: false };
  const done = queue.enqueue(ids.map(item), { onStaged: () => true }).then((results) => {
    state.settled = true;
    return results;
  });
  return { state, done };
}

describe('SQLite group commit: a held batch waits for the next turn after its deadline', () => {
  it('an ack read in the turn after the deadline ran out in the delivering turn still comes before the commit', async () => {
    const { queue, time, rows, marks } = setUp();
    const sent = sendOut(queue, ['m1']);
    time.advance(50); // the delivering turn outlasts the hold: its deadline fires within it
    expect(sent.state.settled).toBe(false); // not committed in that turn
    await nextTurn(); // the turn's end...
    expect(sent.state.settled).toBe(false);
    await queue.ack(bob, ['m1']); // ...and the next poll phase reads the ack: it releases the batch
    await sent.done;
    expect([rows(), marks()]).toEqual([0, 1]); // never written, only marked
    expect(await queue.read(bob, { limit: 10 })).toEqual([]);
  });

  it('commits after that turn when no ack came: the entry is written and read again', async () => {
    const { queue, time, rows } = setUp();
    const sent = sendOut(queue, ['m1', 'm2']);
    time.advance(50);
    await vi.waitFor(() => expect(sent.state.settled).toBe(true)); // a turn or two, no more time needed
    expect(rows()).toBe(2);
    expect((await queue.read(bob, { limit: 10 })).map((e) => e.id)).toEqual(['m1', 'm2']);
    await queue.ack(bob, ['m1', 'm2']);
    expect(rows()).toBe(0);
  });

  it('an idle loop passes the turns at once: the hold time alone decides, and a later batch gets turns of its own', async () => {
    const { queue, time, rows } = setUp();
    const first = sendOut(queue, ['m1']);
    await nextTurn();
    await nextTurn();
    await nextTurn();
    expect(first.state.settled).toBe(false); // turns passed, the 5 ms hold has not
    time.advance(5);
    await first.done;
    expect(rows()).toBe(1);
    // The next batch: its deadline runs out in its own delivering turn, and it waits again.
    const second = sendOut(queue, ['m2']);
    time.advance(5);
    expect(second.state.settled).toBe(false);
    void queue.ack(bob, ['m2']);
    await second.done;
    expect(rows()).toBe(1); // m2 never written
  });
});
