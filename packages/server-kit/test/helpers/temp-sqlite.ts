import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * `create`/`cleanup` for a compliance suite of a part made from a bare database: a fresh WAL file
 * per test, closed and deleted after it.
 */
export function tempSqlite<T>(make: (db: Database.Database) => T) {
  const open = new Map<T, { db: Database.Database; dir: string }>();
  return {
    create: async (): Promise<T> => {
      const dir = mkdtempSync(join(tmpdir(), 'parley-sqlite-'));
      const db = new Database(join(dir, 'server.db'));
      db.pragma('journal_mode = WAL');
      const part = make(db);
      open.set(part, { db, dir });
      return part;
    },
    cleanup: async (part: T): Promise<void> => {
      const entry = open.get(part);
      open.delete(part);
      if (!entry) return;
      entry.db.close();
      rmSync(entry.dir, { recursive: true, force: true });
    },
  };
}
