// The bench's WAL frame counter (sqlite-counts.ts): frames each COMMIT appends, read from the
// wal-index, also across a restart of the WAL after a checkpoint, and named by table through dbstat.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { countSqlite, walBreakdown, walCounts } from '../src/sqlite-counts.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

describe('WAL frames per commit', () => {
  it('counts each commit’s frames, after a checkpoint restarted the WAL too, by table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-wal-counts-'));
    const db = new Database(join(dir, 'w.db'));
    cleanups.push(() => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    });
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (k INTEGER PRIMARY KEY, v BLOB); CREATE TABLE u (k INTEGER PRIMARY KEY)');
    countSqlite();
    const insert = db.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
    const write = db.transaction((k: number) => insert.run(k, new Uint8Array(100)));
    write(0); // the WAL and its index exist from here on
    const start = walCounts();
    write(1);
    const one = walCounts().frames - start.frames;
    expect(one).toBeGreaterThan(0);
    write(2);
    db.pragma('wal_checkpoint(TRUNCATE)'); // the next commit writes from the WAL's first frame
    write(3);
    const end = walCounts();
    expect(end.commits - start.commits).toBe(3);
    expect(end.frames - start.frames).toBe(3 * one); // one leaf of t (and page 1) per commit
    const lines = walBreakdown(db, start.pages, end.pages, 3);
    expect(lines.some((line) => line.trim().endsWith(' t'))).toBe(true);
    expect(lines.some((line) => line.trim().endsWith(' u'))).toBe(false);
  });
});
