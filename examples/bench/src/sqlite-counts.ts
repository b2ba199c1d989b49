// Counts the SQLite statements a bench server runs (PARLEY_BENCH_COUNT_SQL=1): every `run`, `get`
// and `all` of better-sqlite3, the transaction wrapper's own BEGIN, SAVEPOINT, RELEASE and COMMIT
// included, in total and per statement (its SQL, whitespace collapsed). A count per delivery does
// not depend on how busy the machine is, unlike CPU time.
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
    proto[name] = function (this: { source: string }, ...args: unknown[]) {
      counts[name]++;
      bySql.set(this.source, (bySql.get(this.source) ?? 0) + 1);
      return original.apply(this, args);
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
