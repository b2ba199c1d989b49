// Issue 15 aim 1: the SQLite queue's dedup marks are keyed by message id first (schema step 11), so
// the marks of time-ordered ids (UUIDv7, core newMessageId) share the newest leaves instead of
// writing a leaf per mark. These pin the key order, that an upgrade keeps every mark (a resend of an
// id acknowledged before the upgrade is still a duplicate, with its seq), and the pages a batch of
// marks dirties.
import { newMessageId } from '@parley/core';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { QueueItem } from '../src/contracts/offline-queue.js';
import { committerFor } from '../src/sqlite/group-commit.js';
import { sqliteQueue } from '../src/sqlite/index.js';
import { migrate, SCHEMA_VERSION } from '../src/sqlite/migrations.js';

const device = (n: number) => ({ userId: `user-${n}`, deviceId: 1 });
const item = (n: number, id: string): QueueItem => ({ device: device(n), id, data: new Uint8Array([n & 0xff]) });

const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function queueOn(db: Database.Database, clock = () => 1_000) {
  open.push(db);
  committerFor(db, { gapMs: 0 });
  return sqliteQueue({ db, clock });
}

/** Primary key columns of the marks' table, in key order. */
const markKey = (db: Database.Database) =>
  db.prepare("SELECT name FROM pragma_index_info('sqlite_autoindex_queue_acked_1')").pluck().all() as string[];

describe('SQLite queue: dedup marks keyed by message id', () => {
  it('keys the marks by id, user, device', () => {
    const db = new Database(':memory:');
    queueOn(db);
    expect(markKey(db)).toEqual(['id', 'user_id', 'device_id']);
  });

  it('upgrades a v10 database: marks written before are kept, resends are still duplicates', async () => {
    const db = new Database(':memory:');
    migrate(db, 10);
    expect(markKey(db)).toEqual(['user_id', 'device_id', 'id']);
    // Marks as the code of step 10 wrote them, of three devices.
    const insert = db.prepare(
      'INSERT INTO queue_acked (user_id, device_id, id, seq, stored_at, acked_at) VALUES (?, 1, ?, ?, 900, 950)',
    );
    for (let n = 0; n < 3; n++) insert.run(`user-${n}`, `old-${n}`, 10 + n);
    db.prepare(
      "INSERT INTO queue_devices (user_id, device_id, next_seq, size) VALUES ('user-0', 1, 11, 0), ('user-1', 1, 12, 0), ('user-2', 1, 13, 0)",
    ).run();
    const queue = queueOn(db, () => 2_000);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(markKey(db)).toEqual(['id', 'user_id', 'device_id']);
    for (let n = 0; n < 3; n++) {
      const [again] = await queue.enqueue([item(n, `old-${n}`)]);
      expect(again).toMatchObject({ duplicate: true, seq: 10 + n, storedAt: 900 });
    }
    // The purge by ack time still finds them (its index came back with the table).
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'queue_acked_by_time'").pluck().get()).toBe(
      'queue_acked_by_time',
    );
    const [fresh] = await queue.enqueue([item(0, 'new-0')]);
    expect(fresh?.duplicate).toBe(false);
  });

  it('a batch of time-ordered ids to many devices dirties a few leaves, not one per mark', async () => {
    const db = new Database(':memory:');
    const queue = queueOn(db);
    // Earlier marks over 1,000 devices fill the table well past one leaf per device's range.
    const batch = async (from: number, count: number) => {
      const items = Array.from({ length: count }, (_, i) => item((from + i) % 1_000, newMessageId()));
      await queue.enqueue(items);
      await Promise.all(items.map((it) => queue.ack(it.device, [it.id])));
    };
    for (let b = 0; b < 40; b++) await batch(b * 500, 500);
    const leaves = () =>
      new Map(
        (
          db
            .prepare("SELECT pageno, ncell AS n FROM dbstat WHERE name = 'queue_acked' AND pagetype = 'leaf'")
            .all() as { pageno: number; n: number }[]
        ).map((r) => [r.pageno, r.n]),
      );
    const before = leaves();
    expect(before.size).toBeGreaterThan(100);
    await batch(20_000, 100); // 100 marks of 100 devices
    const after = leaves();
    // Leaves whose cell count changed (or that are new): the marks went there.
    const touched = [...after].filter(([page, n]) => before.get(page) !== n).length;
    // (Keyed by device first, as before step 11, this touched 118.)
    expect(touched).toBeLessThanOrEqual(10);
  });
});
