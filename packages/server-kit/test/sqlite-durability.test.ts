import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sqliteStores } from '../src/sqlite/index.js';

const alice1 = { userId: 'alice', deviceId: 1 };
const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('sqliteStores durability and lifecycle', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'parley-sqlite-'));
    path = join(dir, 'nested', 'server.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps unacknowledged entries, their order and seq across close and reopen', async () => {
    const first = sqliteStores({ path });
    const stored = await first.queue.enqueue(['a', 'b', 'c'].map((id) => ({ device: alice1, id, data: bytesOf(id) })));
    await first.queue.ack(alice1, ['b']);
    await first.devices.register({
      userId: 'alice',
      deviceId: 1,
      authKey: new Uint8Array(32),
      registrationId: 5,
      approvedBy: 0,
    });
    await first.close();

    const second = sqliteStores({ path });
    const entries = await second.queue.read(alice1, { limit: 10 });
    expect(entries.map((e) => [e.id, e.seq, e.data])).toEqual([
      ['a', stored[0]!.seq, bytesOf('a')],
      ['c', stored[2]!.seq, bytesOf('c')],
    ]);
    // The dedup mark of the acked id and the seq counter survived too.
    const [resend, next] = await second.queue.enqueue([
      { device: alice1, id: 'b', data: bytesOf('b') },
      { device: alice1, id: 'd', data: bytesOf('d') },
    ]);
    expect(resend).toMatchObject({ duplicate: true, seq: stored[1]!.seq });
    expect(next!.seq).toBeGreaterThan(stored[2]!.seq);
    expect((await second.devices.get('alice', 1))?.registrationId).toBe(5);
    await second.close();
  });

  it('opens the file in WAL mode with the schema version set, and migrates idempotently', async () => {
    const stores = sqliteStores({ path });
    await stores.close();
    await stores.close();
    const db = new Database(path);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(0);
      const again = sqliteStores({ db });
      await again.queue.enqueue([{ device: alice1, id: 'x', data: bytesOf('x') }]);
      await again.close();
      // Stores built on a caller's database leave it open.
      expect(db.open).toBe(true);
      expect(db.prepare('SELECT count(*) FROM queue').pluck().get()).toBe(1);
    } finally {
      db.close();
    }
    expect(existsSync(path)).toBe(true);
  });

  it('refuses a database written by a newer schema', () => {
    const db = new Database(path.replace('nested/', ''));
    try {
      db.pragma('user_version = 9999');
      expect(() => sqliteStores({ db })).toThrow(/newer/);
    } finally {
      db.close();
    }
  });

  it('migrates a v2 queue (rowid table) to v3 keeping entries, seqs and the counter', async () => {
    const fresh = sqliteStores({ path });
    await fresh.close();
    const raw = new Database(path);
    // As a v2 file had them: the queue a rowid table, no shared payloads (step 6 adds them, step 10 alters them).
    raw.exec(`
      DROP TABLE queue;
      DROP TABLE queue_shared;
      CREATE TABLE queue (
        user_id TEXT NOT NULL, device_id INTEGER NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL,
        data BLOB NOT NULL, stored_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, device_id, seq)
      );
      CREATE UNIQUE INDEX queue_by_id ON queue (user_id, device_id, id);
      CREATE INDEX queue_by_expiry ON queue (expires_at);
    `);
    const now = Date.now();
    raw
      .prepare('INSERT INTO queue VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run('alice', 1, 7, 'a', Buffer.from('a'), now, now + 86_400_000);
    raw.prepare('INSERT INTO queue_devices VALUES (?, ?, ?, ?)').run('alice', 1, 8, 1);
    raw.pragma('user_version = 2');
    raw.close();

    const stores = sqliteStores({ path });
    expect((await stores.queue.read(alice1, { limit: 10 })).map((e) => [e.id, e.seq])).toEqual([['a', 7]]);
    const [again, next] = await stores.queue.enqueue([
      { device: alice1, id: 'a', data: bytesOf('a') },
      { device: alice1, id: 'b', data: bytesOf('b') },
    ]);
    expect(again).toMatchObject({ duplicate: true, seq: 7 });
    expect(next!.seq).toBeGreaterThan(7);
    expect(await stores.queue.count(alice1)).toBe(2);
    await stores.close();
    const check = new Database(path);
    const sql = check.prepare("SELECT sql FROM sqlite_master WHERE name = 'queue'").pluck().get() as string;
    check.close();
    expect(sql).toContain('WITHOUT ROWID');
  });

  it('keeps seqs increasing across restarts and counts QUEUE_FULL from the stored rows', async () => {
    const first = sqliteStores({ path });
    const a = await first.queue.enqueue([1, 2, 3].map((i) => ({ device: alice1, id: `m${i}`, data: bytesOf('x') })));
    await first.close();
    const second = sqliteStores({ path });
    await expect(
      second.queue.enqueue([{ device: alice1, id: 'm4', data: bytesOf('x') }], { maxPerDevice: 3 }),
    ).rejects.toMatchObject({ code: 'QUEUE_FULL' });
    await second.queue.ack(alice1, ['m1']);
    const [b] = await second.queue.enqueue([{ device: alice1, id: 'm4', data: bytesOf('x') }], { maxPerDevice: 3 });
    expect(b!.seq).toBeGreaterThan(a[2]!.seq);
    await second.close();
  });
});

describe('sqliteQueue group commit', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'parley-sqlite-'));
  });
  afterEach(() => {
    vi.useRealTimers();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits calls still pending when the stores are closed', async () => {
    const path = join(dir, 'server.db');
    const first = sqliteStores({ path });
    const pending = first.queue.enqueue([{ device: alice1, id: 'a', data: bytesOf('a') }]);
    await first.close();
    const [stored] = await pending;
    const second = sqliteStores({ path });
    expect(await second.queue.read(alice1, { limit: 10 })).toEqual([
      { id: 'a', seq: stored!.seq, data: bytesOf('a'), storedAt: stored!.storedAt },
    ]);
    await second.close();
  });

  it('is not stalled by fake timers installed after it was loaded', async () => {
    const stores = sqliteStores({ path: join(dir, 'server.db') });
    vi.useFakeTimers();
    const [result] = await stores.queue.enqueue([{ device: alice1, id: 'a', data: bytesOf('a') }]);
    expect(result?.duplicate).toBe(false);
    vi.useRealTimers();
    await stores.close();
  });

  it('shares one commit among many concurrent calls, each still atomic', async () => {
    const stores = sqliteStores({ path: join(dir, 'server.db') });
    const calls = Array.from({ length: 2000 }, (_, i) =>
      stores.queue.enqueue([{ device: { userId: `u${i % 50}`, deviceId: 1 }, id: `m${i}`, data: bytesOf(`m${i}`) }], {
        maxPerDevice: 30,
      }),
    );
    const settled = await Promise.allSettled(calls);
    // 50 devices, 40 calls each, room for 30: the last 10 per device fail alone.
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(50 * 30);
    expect(await stores.queue.count({ userId: 'u7', deviceId: 1 })).toBe(30);
    await stores.close();
  });
});
