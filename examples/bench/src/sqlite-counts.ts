// Counts the SQLite statements a bench server runs (PARLEY_BENCH_COUNT_SQL=1): every `run`, `get`
// and `all` of better-sqlite3, the transaction wrapper's own BEGIN, SAVEPOINT, RELEASE and COMMIT
// included, in total and per statement (its SQL, whitespace collapsed). A count per delivery does
// not depend on how busy the machine is, unlike CPU time. So do the WAL frames each commit writes
// (see `walCounts`), per page and so per table or index.
import { existsSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const counts = { run: 0, get: 0, all: 0 };
const bySql = new Map<string, number>();
const wrapped = new WeakSet<object>();

/**
 * Wraps the statement methods once (every database of the process shares the prototype). `from`:
 * another checkout's package directory whose own better-sqlite3 is to be counted too (`--server-kit`).
 */
export function countSqlite(from?: string): void {
  const Driver = from ? (createRequire(join(from, 'package.json'))('better-sqlite3') as typeof Database) : Database;
  const probe = new Driver(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<keyof typeof counts, unknown>;
  probe.close();
  if (wrapped.has(proto)) return;
  wrapped.add(proto);
  for (const name of Object.keys(counts) as Array<keyof typeof counts>) {
    const original = proto[name] as (...args: unknown[]) => unknown;
    proto[name] = function (this: { source: string; database: Parameters<typeof countCommit>[0] }, ...args: unknown[]) {
      counts[name]++;
      bySql.set(this.source, (bySql.get(this.source) ?? 0) + 1);
      const result = original.apply(this, args);
      if (this.source === 'COMMIT') countCommit(this.database);
      return result;
    };
  }
}

/** The statements run so far. */
export function sqliteCounts(): { run: number; get: number; all: number; bySql: Map<string, number> } {
  return { ...counts, bySql: new Map(bySql) };
}

/** Lines of `statement: count` run between two `sqliteCounts()`, most frequent first. */
export function sqlBreakdown(before: Map<string, number>, after: Map<string, number>): string[] {
  const lines: Array<[string, number]> = [];
  for (const [sql, n] of after) {
    const delta = n - (before.get(sql) ?? 0);
    if (delta > 0) lines.push([sql.replace(/\s+/g, ' ').slice(0, 110), delta]);
  }
  return lines.sort((a, b) => b[1] - a[1]).map(([sql, n]) => `  ${String(n).padStart(8)}  ${sql}`);
}

/**
 * WAL frames each commit writes, read from the wal-index (`<db>-shm`) after every COMMIT: its header
 * holds the last valid frame (`mxFrame`) and the salts, which change when the WAL restarts from its
 * start after a checkpoint. The frame headers in `<db>-wal` name the page each frame writes, counted
 * per page number so `walBreakdown` can name the b-tree (table or index) it belongs to. Like the
 * statement counts, these depend on the data and the batches, not on how busy the machine is.
 */
interface WalFile {
  shm: number;
  wal: number;
  pageSize: number;
  mxFrame: number;
  salt: number;
}
const walFiles = new Map<string, WalFile | null>();
const wal = { commits: 0, frames: 0, pages: new Map<number, number>() };
const header = Buffer.alloc(48);
const frameHeader = Buffer.alloc(24);

/** Reads the wal-index header's mxFrame and first salt (native byte order, as SQLite writes it). */
function walIndex(file: WalFile): { mxFrame: number; salt: number } {
  readSync(file.shm, header, 0, 48, 0);
  return { mxFrame: header.readUInt32LE(16), salt: header.readUInt32LE(32) };
}

function walFileOf(db: { name: string; memory: boolean }) {
  let file = walFiles.get(db.name);
  if (file !== undefined) return file;
  file = null;
  if (!db.memory && existsSync(`${db.name}-shm`) && existsSync(`${db.name}-wal`)) {
    const walFd = openSync(`${db.name}-wal`, 'r');
    readSync(walFd, frameHeader, 0, 24, 0);
    // The WAL header's page size (big-endian), not a PRAGMA: that would be a statement counted.
    const pageSize = frameHeader.readUInt32BE(8);
    file = { shm: openSync(`${db.name}-shm`, 'r'), wal: walFd, pageSize, mxFrame: 0, salt: 0 };
    Object.assign(file, walIndex(file));
  }
  walFiles.set(db.name, file);
  return file;
}

/** After a COMMIT of `db`: counts the frames it appended and the pages they hold. */
function countCommit(db: Parameters<typeof walFileOf>[0]): void {
  const file = walFileOf(db);
  if (!file) return;
  const now = walIndex(file);
  // A restarted WAL (new salt) was written from its first frame by this commit.
  const first = now.salt === file.salt ? file.mxFrame : 0;
  for (let frame = first; frame < now.mxFrame; frame++) {
    readSync(file.wal, frameHeader, 0, 24, 32 + frame * (file.pageSize + 24));
    const page = frameHeader.readUInt32BE(0);
    wal.pages.set(page, (wal.pages.get(page) ?? 0) + 1);
  }
  wal.commits++;
  wal.frames += Math.max(0, now.mxFrame - first);
  file.mxFrame = now.mxFrame;
  file.salt = now.salt;
}

/** WAL frames written so far (every counted database), with the frames per page number. */
export function walCounts(): { commits: number; frames: number; pages: Map<number, number> } {
  return { commits: wal.commits, frames: wal.frames, pages: new Map(wal.pages) };
}

/**
 * Lines of `b-tree: frames` written between two `walCounts()`, most first, each page named by what
 * holds it now (`dbstat` over `reader`, a connection to the database): a page freed and reused by
 * another b-tree in between is counted for its current one, a page on the freelist as `(free)`.
 */
export function walBreakdown(
  reader: { prepare(sql: string): { all(): unknown[] } },
  before: Map<number, number>,
  after: Map<number, number>,
  per = 1,
): string[] {
  const owner = new Map<number, string>();
  for (const row of reader.prepare('SELECT name, pageno FROM dbstat').all() as Array<{ name: string; pageno: number }>)
    owner.set(row.pageno, row.name);
  const byName = new Map<string, { frames: number; pages: number }>();
  for (const [page, n] of after) {
    const delta = n - (before.get(page) ?? 0);
    if (delta <= 0) continue;
    const name = owner.get(page) ?? (page === 1 ? 'sqlite_schema' : '(free)');
    const entry = byName.get(name) ?? { frames: 0, pages: 0 };
    entry.frames += delta;
    entry.pages++;
    byName.set(name, entry);
  }
  return [...byName]
    .sort((a, b) => b[1].frames - a[1].frames)
    .map(
      ([name, { frames, pages }]) =>
        `  ${(frames / per).toFixed(3).padStart(9)} frames  ${String(pages).padStart(7)} distinct pages  ${name}`,
    );
}
