// Microbench of the SQLite queue's hot path (not part of the bench suite): per message one enqueue
// and, once stored, its ack, messages spread over 1,000 devices. Open loop like a loaded gateway:
// every event-loop turn starts `perTurn` new messages without waiting for earlier ones, so the
// group commit's batch size comes from its pacing (`gapMs`; 0 commits every turn).
// Prints CPU µs per message (enqueue + ack), commits and SQLite statements (every `run`, `get` and
// `all`, BEGIN and COMMIT included) per message, and the statements by kind. Modes:
// - `late` (default): each message is acknowledged after its commit (stored, then deleted and marked);
// - `early`: acknowledged as soon as it is staged (an online recipient faster than the commit, issue
//   15): never written, only its dedup mark;
// With `forget`, entries are enqueued with `forgetAcked` (as the gateway enqueues DELIVERED receipts):
// their acks write no dedup mark. Read/write system calls per message count the WAL's pwrite64/pread64.
// WAL frames (pages written) per message, by the table or index each page belongs to, follow.
// PARLEY_BENCH_SERVER_KIT=<another checkout's packages/server-kit> runs that checkout's queue (its
// sources) on the same database and counters: an A/B without a quiet machine for the counts.
// Nothing here holds a batch (no entry goes out), so the commit hold and its turns (group-commit.ts)
// are not measured here: `bench:delivery` with PARLEY_BENCH_COUNT_SQL=1 and `--profile` counts them.
// PARLEY_BENCH_RANDOM_IDS=1: random message ids (UUIDv4) instead of UUIDv7.
// Run: tsx --conditions=source src/queue-micro.ts [messages=40000] [perTurn=20] [gapMs=2] [late|early] [marked|forget]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { newMessageId } from '@parley/core';
import Database from 'better-sqlite3';
import { countSqlite, sqlBreakdown, sqliteCounts, walBreakdown, walCounts } from './sqlite-counts.js';

const total = Number(process.argv[2] ?? 40_000);
const perTurn = Number(process.argv[3] ?? 20);
const gapMs = Number(process.argv[4] ?? 2);
const mode = process.argv[5] ?? 'late';
const early = mode === 'early';
const forgetAcked = process.argv[6] === 'forget';
const alternative = process.env.PARLEY_BENCH_SERVER_KIT;
const { sqliteStores } = (
  alternative
    ? await import(pathToFileURL(resolve(alternative, 'src/sqlite/index.ts')).href)
    : await import('@parley/server-kit/sqlite')
) as typeof import('@parley/server-kit/sqlite');
const dir = mkdtempSync(join(tmpdir(), 'parley-qmicro-'));
const db = new Database(join(dir, 'q.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
// The queue runs its statements on this `db`, so they are counted whichever checkout's queue it is.
const stores = sqliteStores({ db }, { commitGapMs: gapMs });
// Counts commits as COMMIT statements run (the committer makes its transaction function once, so
// wrapping `db.transaction` no longer sees each batch).
countSqlite();
const commitsSoFar = () => sqliteCounts().bySql.get('COMMIT') ?? 0;
let commitsAtStart = 0;
const data = new Uint8Array(180).fill(7);
// Message ids as clients make them (UUIDv7: time first, core newMessageId); PARLEY_BENCH_RANDOM_IDS=1
// takes random UUIDv4s instead (a client that does not use time-ordered ids: the marks' worst case).
const nextId = process.env.PARLEY_BENCH_RANDOM_IDS === '1' ? () => crypto.randomUUID() : newMessageId;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
async function round(offset: number, n: number): Promise<void> {
  const all: Array<Promise<unknown>> = [];
  for (let i = 0; i < n; i += perTurn) {
    for (let j = i; j < Math.min(n, i + perTurn); j++) {
      const k = offset + j;
      const device = { userId: `u${k % 1000}`, deviceId: 1 };
      const id = nextId();
      if (early) {
        let acked: Promise<unknown> = Promise.resolve();
        const stored = stores.queue.enqueue([{ device, id, data }], {
          maxPerDevice: 100_000,
          forgetAcked,
          onStaged: () => {
            acked = stores.queue.ack(device, [id]);
            return false;
          },
        });
        all.push(stored, acked);
      } else {
        all.push(
          stores.queue
            .enqueue([{ device, id, data }], { maxPerDevice: 100_000, forgetAcked })
            .then(() => stores.queue.ack(device, [id])),
        );
      }
    }
    await turn();
  }
  await Promise.all(all);
}
await round(0, 5_000); // warm-up
commitsAtStart = commitsSoFar();
const syscalls = () => {
  const io = readFileSync('/proc/self/io', 'utf8');
  return ['syscr', 'syscw'].reduce((n, f) => n + Number(new RegExp(`^${f}: (\\d+)$`, 'm').exec(io)?.[1]), 0);
};
const statementsBefore = sqliteCounts();
const walBefore = walCounts();
const syscallsBefore = syscalls();
const before = process.cpuUsage();
await round(5_000, total);
const used = process.cpuUsage(before);
const syscallsUsed = syscalls() - syscallsBefore;
const statementsAfter = sqliteCounts();
const walAfter = walCounts();
const statements =
  statementsAfter.run +
  statementsAfter.get +
  statementsAfter.all -
  statementsBefore.run -
  statementsBefore.get -
  statementsBefore.all;
const acked = early ? 'acked before commit' : 'acked after commit';
console.log(
  `queue enqueue+ack (${acked}${forgetAcked ? ', forgetAcked' : ''}${alternative ? `, ${alternative}` : ''}), ${perTurn}/turn, gap ${gapMs} ms: ${((used.user + used.system) / total).toFixed(1)} µs/msg, ` +
    `${((commitsSoFar() - commitsAtStart) / total).toFixed(3)} commits/msg, ${(statements / total).toFixed(3)} statements/msg, ${(syscallsUsed / total).toFixed(2)} read/write syscalls/msg over ${total}`,
);
for (const line of sqlBreakdown(statementsBefore.bySql, statementsAfter.bySql)) console.log(line);
const frames = walAfter.frames - walBefore.frames;
const pageSize = db.pragma('page_size', { simple: true }) as number;
console.log(
  `WAL: ${(frames / total).toFixed(3)} frames/msg (${((frames * (pageSize + 24)) / total).toFixed(0)} bytes/msg, page ${pageSize}), ` +
    `${(frames / Math.max(1, walAfter.commits - walBefore.commits)).toFixed(1)} frames/commit; by b-tree (frames/msg, distinct pages):`,
);
for (const line of walBreakdown(db, walBefore.pages, walAfter.pages, total)) console.log(line);
await stores.close();
db.close();
rmSync(dir, { recursive: true, force: true });
