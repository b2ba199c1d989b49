// Counts the SQLite statements a bench server runs (PARLEY_BENCH_COUNT_SQL=1): every `run`, `get`
// and `all` of better-sqlite3, the transaction wrapper's own BEGIN, SAVEPOINT, RELEASE and COMMIT
// included. A count per delivery does not depend on how busy the machine is, unlike CPU time.
import Database from 'better-sqlite3';

const counts = { run: 0, get: 0, all: 0 };
/** Calls per statement text (and method): which statements a delivery costs, not only how many. */
const bySource = new Map<string, number>();

/** Wraps the statement methods once (every database of the process shares the prototype). */
export function countSqlite(): void {
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<keyof typeof counts, unknown>;
  probe.close();
  for (const name of Object.keys(counts) as Array<keyof typeof counts>) {
    const original = proto[name] as (...args: unknown[]) => unknown;
    proto[name] = function (this: { source?: string }, ...args: unknown[]) {
      counts[name]++;
      const key = `${name} ${(this.source ?? '?').replace(/\s+/g, ' ').trim()}`;
      bySource.set(key, (bySource.get(key) ?? 0) + 1);
      return original.apply(this, args);
    };
  }
}

/** The statements run so far. */
export function sqliteCounts(): { run: number; get: number; all: number } {
  return { ...counts };
}

/** Calls per statement so far, by `<method> <sql>`. */
export function sqliteCountsBySource(): Map<string, number> {
  return new Map(bySource);
}

/** The `top` statements called most between two `sqliteCountsBySource()` snapshots, one per line. */
export function topStatements(before: Map<string, number>, after: Map<string, number>, top = 12): string[] {
  return [...after]
    .map(([key, n]) => [key, n - (before.get(key) ?? 0)] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, n]) => `  ${String(n).padStart(8)}  ${key.length > 110 ? `${key.slice(0, 107)}...` : key}`);
}
