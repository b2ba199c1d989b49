// Counts the SQLite statements a bench server runs (PARLEY_BENCH_COUNT_SQL=1): every `run`, `get`
// and `all` of better-sqlite3, the transaction wrapper's own BEGIN, SAVEPOINT, RELEASE and COMMIT
// included. A count per delivery does not depend on how busy the machine is, unlike CPU time.
import Database from 'better-sqlite3';

const counts = { run: 0, get: 0, all: 0 };

/** Wraps the statement methods once (every database of the process shares the prototype). */
export function countSqlite(): void {
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<keyof typeof counts, unknown>;
  probe.close();
  for (const name of Object.keys(counts) as Array<keyof typeof counts>) {
    const original = proto[name] as (...args: unknown[]) => unknown;
    proto[name] = function (this: unknown, ...args: unknown[]) {
      counts[name]++;
      return original.apply(this, args);
    };
  }
}

/** The statements run so far. */
export function sqliteCounts(): { run: number; get: number; all: number } {
  return { ...counts };
}
