import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Like `tempSqlite`, plus `reopen`: closes the part's database and builds a new part on the same
 * file, as a server restart would. `cleanup` of the original part closes whichever database is open.
 */
export function reopenableSqlite<T>(make: (db: Database.Database) => T) {
  const open = new Map<T, { db: Database.Database; path: string; dir: string }>();
  const openDb = (path: string) => {
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    return db;
  };
  return {
    create: async (): Promise<T> => {
      const dir = mkdtempSync(join(tmpdir(), 'parley-sqlite-'));
      const path = join(dir, 'server.db');
      const db = openDb(path);
      const part = make(db);
      open.set(part, { db, path, dir });
      return part;
    },
    reopen: async (part: T): Promise<T> => {
      const entry = open.get(part);
      if (!entry) throw new Error('unknown part');
      entry.db.close();
      entry.db = openDb(entry.path);
      const again = make(entry.db);
      open.set(again, entry);
      return again;
    },
    cleanup: async (part: T): Promise<void> => {
      const entry = open.get(part);
      if (!entry) return;
      for (const [key, value] of open) if (value === entry) open.delete(key);
      entry.db.close();
      rmSync(entry.dir, { recursive: true, force: true });
    },
  };
}
