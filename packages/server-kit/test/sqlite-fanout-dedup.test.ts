import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { QueueItem } from '../src/contracts/offline-queue.js';
import { migrate } from '../src/sqlite/migrations.js';
import { sqliteQueue } from '../src/sqlite/sqlite-queue.js';

const TTL = 60_000;
const bob = { userId: 'bob', deviceId: 1 };
const carol = { userId: 'carol', deviceId: 1 };
const payload = new TextEncoder().encode('group message');
const member = (device: { userId: string; deviceId: number }): QueueItem => ({
  device,
  id: 'g',
  data: new Uint8Array([1]),
  shared: 'k',
});
const fanOut = (queue: ReturnType<typeof sqliteQueue>, now: number) =>
  queue.enqueue([member(bob), member(carol)], { shared: [{ key: 'k', data: payload }], fanOut: true, now });
const count = (db: Database.Database, sql: string) => db.prepare(sql).pluck().get();

describe('SQLite fan-out calls keep no per-entry dedup marks', () => {
  it('an ack deletes the entry without a mark; the key stays, without its bytes, until forgotten', async () => {
    const db = new Database(':memory:');
    let now = 1_000;
    const queue = sqliteQueue({ db, clock: () => now, ttlMs: TTL });
    await fanOut(queue, now);
    await queue.ack(bob, ['g']);
    expect(count(db, 'SELECT count(*) FROM queue_acked')).toBe(0);
    expect(db.prepare('SELECT refs, length(data) AS bytes, stored_at, forget_at FROM queue_shared').all()).toEqual([
      { refs: 1, bytes: payload.byteLength, stored_at: 1_000, forget_at: 1_000 + 2 * TTL },
    ]);
    await queue.ack(carol, ['g']);
    expect(count(db, 'SELECT count(*) FROM queue_acked')).toBe(0);
    expect(db.prepare('SELECT refs, length(data) AS bytes FROM queue_shared').all()).toEqual([{ refs: 0, bytes: 0 }]);
    now += 2 * TTL - 1;
    await queue.purgeExpired();
    expect(count(db, 'SELECT count(*) FROM queue_shared')).toBe(1);
    now += 1;
    await queue.purgeExpired();
    expect(count(db, 'SELECT count(*) FROM queue_shared')).toBe(0);
    db.close();
  });

  it('a plain call with shared payloads still marks its acked entries and drops the payload', async () => {
    const db = new Database(':memory:');
    const queue = sqliteQueue({ db, clock: () => 1_000, ttlMs: TTL });
    await queue.enqueue([member(bob)], { shared: [{ key: 'k', data: payload }] });
    await queue.ack(bob, ['g']);
    expect(count(db, 'SELECT count(*) FROM queue_acked')).toBe(1);
    expect(count(db, 'SELECT count(*) FROM queue_shared')).toBe(0);
    db.close();
  });
});

describe('SQLite fan-out dedup on a database from before fan-out calls (schema 9)', () => {
  /** A schema 9 database where bob and carol acked group message 'g' at 1,000, as older code left it. */
  const upgraded = () => {
    const db = new Database(':memory:');
    migrate(db, 9);
    db.exec(`INSERT INTO queue_acked (user_id, device_id, id, seq, stored_at, acked_at)
             VALUES ('bob', 1, 'g', 3, 900, 1000), ('carol', 1, 'g', 5, 900, 1000)`);
    return db;
  };

  it('checks fan-out entries against the old marks while they are within the dedup window', async () => {
    const db = upgraded();
    let now = 1_000 + TTL - 1;
    const queue = sqliteQueue({ db, clock: () => now, ttlMs: TTL });
    expect(count(db, "SELECT value FROM queue_meta WHERE key = 'legacy_marks_acked_at'")).toBe(1_000);
    const resend = await fanOut(queue, now);
    expect(resend.map((r) => [r.duplicate, r.seq, r.storedAt])).toEqual([
      [true, 3, 900],
      [true, 5, 900],
    ]);
    expect(await queue.count(bob)).toBe(0);
    // Past the window (one ttl after the newest old ack) the marks no longer count, as any mark's.
    now = 1_000 + TTL;
    await queue.purgeExpired();
    expect((await fanOut(queue, now)).map((r) => r.duplicate)).toEqual([false, false]);
    db.close();
  });

  it('a database without marks records none to check', () => {
    const db = new Database(':memory:');
    migrate(db, 9);
    sqliteQueue({ db, ttlMs: TTL });
    expect(count(db, 'SELECT count(*) FROM queue_meta')).toBe(0);
    db.close();
  });
});
