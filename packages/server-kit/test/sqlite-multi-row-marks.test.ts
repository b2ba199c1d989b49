// Issue 15 aim 1: the SQLite queue writes a batch's dedup marks in a few multi-row INSERTs
// (queue-multi-row.ts) instead of one statement per acknowledged entry. Every mark must still be
// there, with its entry's seq and time, whatever the batch's size, and survive a reopen.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { EnqueueResult, OfflineQueue, QueueItem } from '../src/contracts/offline-queue.js';
import { committerFor } from '../src/sqlite/group-commit.js';
import { sqliteQueue } from '../src/sqlite/index.js';
import { multiRowInsert } from '../src/sqlite/queue-multi-row.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

const devices = [1, 2, 3].map((deviceId) => ({ userId: 'bob', deviceId }));
/** `n` items spread over bob's three devices (ids repeat across devices, as a message to each would). */
const items = (prefix: string, n: number): QueueItem[] =>
  Array.from({ length: n }, (_, i) => ({
    device: devices[i % 3] as QueueItem['device'],
    id: `${prefix}${Math.floor(i / 3)}`,
    data: new Uint8Array([i % 256]),
  }));

function fileQueue() {
  const dir = mkdtempSync(join(tmpdir(), 'parley-marks-'));
  const path = join(dir, 'q.db');
  const opened: Database.Database[] = [];
  cleanups.push(() => {
    for (const db of opened) if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const open = () => {
    const db = new Database(path);
    opened.push(db);
    committerFor(db, { gapMs: 0, holdMs: 0 });
    return { db, queue: sqliteQueue({ db, clock: () => 1_000 }) };
  };
  return open;
}

/** Enqueues and acks every entry in the call's own turn: nothing written but marks. */
function enqueueAcked(queue: OfflineQueue, list: QueueItem[]): Promise<EnqueueResult[]> {
  return queue.enqueue(list, {
    onStaged: (results) => {
      for (const device of devices) {
        const ids = results.filter((r) => r.device.deviceId === device.deviceId).map((r) => r.id);
        void queue.ack(device, ids);
      }
      return false;
    },
  });
}

const seqs = (results: EnqueueResult[]) => results.map((r) => [r.device.deviceId, r.id, r.seq, r.duplicate]);

describe('SQLite dedup marks in multi-row statements', () => {
  it('multiRowInsert writes every row in chunks of the prepared sizes, duplicates as one statement per row would', () => {
    const db = new Database(':memory:');
    cleanups.push(() => db.close());
    db.exec('CREATE TABLE t (k INTEGER PRIMARY KEY, v INTEGER)');
    const ignore = multiRowInsert(db, 'INSERT OR IGNORE INTO t (k, v)', 2);
    const replace = multiRowInsert(db, 'INSERT OR REPLACE INTO t (k, v)', 2);
    for (const n of [0, 1, 3, 4, 5, 63, 64, 65, 150]) {
      db.exec('DELETE FROM t');
      ignore(Array.from({ length: n }, (_, i) => [i, n]).flat());
      expect(db.prepare('SELECT count(*), coalesce(sum(k), 0) FROM t').raw().get()).toEqual([n, (n * (n - 1)) / 2 + 0]);
    }
    // A key twice in one call: IGNORE keeps the first, REPLACE the last (both chunked apart and not).
    db.exec('DELETE FROM t');
    ignore([1, 10, 1, 11, 2, 20]);
    replace([3, 30, 3, 31, 4, 40, 4, 41, 4, 42]);
    expect(db.prepare('SELECT k, v FROM t ORDER BY k').raw().all()).toEqual([
      [1, 10],
      [2, 20],
      [3, 31],
      [4, 42],
    ]);
  });

  it('marks a batch of 200 entries acked before their commit: each resend is a duplicate with its seq, after a reopen too', async () => {
    const open = fileQueue();
    const { db, queue } = open();
    const first = await enqueueAcked(queue, items('a', 200));
    expect(db.prepare('SELECT count(*) FROM queue').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM queue_acked').pluck().get()).toBe(200);
    const again = await queue.enqueue(items('a', 200));
    expect(seqs(again)).toEqual(first.map((r) => [r.device.deviceId, r.id, r.seq, true]));
    db.close();
    const reopened = open();
    const third = await reopened.queue.enqueue(items('a', 200));
    expect(seqs(third)).toEqual(first.map((r) => [r.device.deviceId, r.id, r.seq, true]));
    expect(await reopened.queue.read(devices[0] as QueueItem['device'], { limit: 500 })).toEqual([]);
  });

  it('marks 130 stored entries acked in one batch: gone, and their resends are duplicates after a reopen', async () => {
    const open = fileQueue();
    const { db, queue } = open();
    const stored = await queue.enqueue(items('s', 130));
    const removed = await Promise.all(
      devices.map((device) =>
        queue.ack(
          device,
          stored.filter((r) => r.device.deviceId === device.deviceId).map((r) => r.id),
        ),
      ),
    );
    expect(removed.reduce((a, b) => a + b)).toBe(130);
    expect(db.prepare('SELECT count(*) FROM queue').pluck().get()).toBe(0);
    db.close();
    const reopened = open();
    const again = await reopened.queue.enqueue(items('s', 130));
    expect(seqs(again)).toEqual(stored.map((r) => [r.device.deviceId, r.id, r.seq, true]));
  });
});
