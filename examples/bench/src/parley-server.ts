// Child process: a Parley gateway exactly as the reference server builds it, createServer with
// sqliteStores in a fresh temporary directory (removed on stop), with memoryStores when
// PARLEY_BENCH_STORES=memory, or as one gateway of a cluster on postgresStores when
// PARLEY_BENCH_STORES=postgres (schema PARLEY_BENCH_SCHEMA, made by cluster-servers.ts). Optionally profiles itself on request so a profile covers only the
// measured window, and answers the bench's setup and measurement requests (server-hooks.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { type HeapSampling, startHeapSampling } from './heap-profile.js';
import { serveChild, toParent } from './ipc.js';
import { countBackends, countProcess } from './process-counts.js';
import { mapProfileToSources } from './profile-map.js';
import { serverHooks } from './server-hooks.js';
import { countSqlite, sqlBreakdown, sqliteCounts, walBreakdown, walCounts } from './sqlite-counts.js';
import { countPool, countRedis, storeCounts } from './store-counts.js';

// PARLEY_BENCH_SERVER_KIT (from --server-kit) points at another checkout's packages/server-kit, to
// compare revisions under the same load; by default the workspace package is used.
// With PARLEY_BENCH_BUILT=1 its built dist output, as for the workspace package (an A/B of built vs
// source would measure tsx's name-keeping helpers, not the change).
const alternative = process.env.PARLEY_BENCH_SERVER_KIT;
const built = process.env.PARLEY_BENCH_BUILT === '1';
const from = (sub: string) => pathToFileURL(resolve(alternative as string, sub)).href;
const { createServer, memoryStores } = (
  alternative ? await import(from(built ? 'dist/index.js' : 'src/index.ts')) : await import('@parley/server-kit')
) as typeof import('@parley/server-kit');
const { sqliteStores } = (
  alternative
    ? await import(from(built ? 'dist/sqlite.js' : 'src/sqlite/index.ts'))
    : await import('@parley/server-kit/sqlite')
) as typeof import('@parley/server-kit/sqlite');

if (alternative) console.error(`parley server: @parley/server-kit from ${alternative}${built ? ' (dist)' : ''}`);

const kind = process.env.PARLEY_BENCH_STORES;
// PARLEY_BENCH_COUNT_SQL=1: SQLite statements run between profile-start and profile-stop go to stderr,
// with the WAL frames (pages written) of those commits by table and index.
const countSql = process.env.PARLEY_BENCH_COUNT_SQL === '1';
if (countSql) countSqlite(alternative);
let sqlAtStart = sqliteCounts();
let walAtStart = walCounts();
const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
const dbPath = kind === 'memory' || kind === 'postgres' ? undefined : join(dir, 'parley.db');
// PARLEY_BENCH_COMMIT_GAP_MS, PARLEY_BENCH_COMMIT_HOLD_MS and PARLEY_BENCH_COMMIT_FANOUT_HOLD_MS set
// the SQLite group commit's pacing and its holds for early-delivered entries (A/B of sqliteStores'
// commitGapMs, commitHoldMs and commitFanoutHoldMs).
const gap = process.env.PARLEY_BENCH_COMMIT_GAP_MS;
const hold = process.env.PARLEY_BENCH_COMMIT_HOLD_MS;
const fanoutHold = process.env.PARLEY_BENCH_COMMIT_FANOUT_HOLD_MS;
const sqliteExtra = {
  ...(gap === undefined ? {} : { commitGapMs: Number(gap) }),
  ...(hold === undefined ? {} : { commitHoldMs: Number(hold) }),
  ...(fanoutHold === undefined ? {} : { commitFanoutHoldMs: Number(fanoutHold) }),
};
const stores =
  kind === 'postgres' ? await clusterStores() : dbPath ? sqliteStores({ path: dbPath }, sqliteExtra) : memoryStores();
const gatewayId = process.env.PARLEY_BENCH_GATEWAY_ID;
// PARLEY_BENCH_SENDER_LIMITS=off lifts the per-sender send rate limits: the groups bench compares
// a group message with the same message sent 1:1 to every member by one sender, far above them.
const unlimited = { capacity: 1e9, refillPerSecond: 1e9 };
// PARLEY_BENCH_ANSWER_HOLD_MS sets `answerHoldMs` (0: SendAcks never held, as before it), for A/B runs.
const answerHold = process.env.PARLEY_BENCH_ANSWER_HOLD_MS;
const limits = {
  limits: {
    ...(process.env.PARLEY_BENCH_SENDER_LIMITS === 'off' ? { sendRate: unlimited, sendToRate: unlimited } : {}),
    ...(answerHold === undefined ? {} : { answerHoldMs: Number(answerHold) }),
  },
};
const server = await createServer({
  host: '127.0.0.1',
  port: 0,
  stores,
  ...limits,
  ...(gatewayId ? { gatewayId } : {}),
});
const hooks = serverHooks(server, stores, dbPath);
let session: Session | undefined;
let heapSampling: HeapSampling | undefined;

/** One gateway's stores on the cluster's PostgreSQL schema and Redis prefix; closing them ends its pool and client. */
async function clusterStores() {
  const { postgresStores } = (
    alternative ? await import(from('src/postgres/index.ts')) : await import('@parley/server-kit/postgres')
  ) as typeof import('@parley/server-kit/postgres');
  const { Redis } = await import('ioredis');
  const { default: pg } = await import('pg');
  const { benchRedisOptions } = await import('./cluster-servers.js');
  const schema = process.env.PARLEY_BENCH_SCHEMA as string;
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const redis = new Redis(process.env.REDIS_URL as string, benchRedisOptions());
  countPool(pool);
  countRedis(redis);
  countProcess();
  countBackends(pool);
  const writes = countRedisWrites(redis);
  const parts = postgresStores({ pool, redis, schema, redisPrefix: `${schema}:` });
  return {
    ...parts,
    async close() {
      // PARLEY_BENCH_REDIS_WRITES=1: how many commands shared a socket write (auto-pipelining), whole run.
      if (process.env.PARLEY_BENCH_REDIS_WRITES === '1') {
        const commands = Object.values(storeCounts().redis).reduce((a, b) => a + b, 0);
        console.error(`gateway ${gatewayId}: ${commands} Redis commands in ${writes()} socket writes`);
      }
      await parts.close();
      redis.disconnect();
      await pool.end();
    },
  };
}

/** Counts the socket writes of `redis`'s connection (each reconnect's socket too); returns the count so far. */
function countRedisWrites(redis: { on(event: 'connect', listener: () => void): unknown; stream: unknown }) {
  let writes = 0;
  redis.on('connect', () => {
    const stream = redis.stream as { write: (...args: unknown[]) => boolean };
    const write = stream.write.bind(stream);
    stream.write = (...args: unknown[]) => {
      writes++;
      return write(...args);
    };
  });
  return () => writes;
}

serveChild(
  async () => {
    await server.close();
    hooks.close();
    await stores.close();
    session?.disconnect();
    rmSync(dir, { recursive: true, force: true });
  },
  async (message) => {
    if (await hooks.handle(message)) return;
    if (message.type === 'store-counts') {
      toParent({ type: 'store-counts', ...storeCounts() });
      return;
    }
    if (message.type === 'heap-profile-start') {
      heapSampling = await startHeapSampling();
      toParent({ type: 'heap-profile-started' });
    } else if (message.type === 'heap-profile-stop' && heapSampling) {
      mkdirSync(dirname(message.path), { recursive: true });
      await heapSampling.stop(message.path);
      heapSampling = undefined;
      toParent({ type: 'heap-profile-written', path: message.path });
    } else if (message.type === 'profile-start') {
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
      sqlAtStart = sqliteCounts();
      walAtStart = walCounts();
      toParent({ type: 'profile-started' });
    } else if (message.type === 'profile-stop' && session) {
      const { profile } = await session.post('Profiler.stop');
      if (countSql) {
        const now = sqliteCounts();
        const delta = `run ${now.run - sqlAtStart.run}, get ${now.get - sqlAtStart.get}, all ${now.all - sqlAtStart.all}`;
        console.error(`sqlite statements while profiling ${message.path}: ${delta}`);
        for (const line of sqlBreakdown(sqlAtStart.bySql, now.bySql)) console.error(line);
        const wal = walCounts();
        const frames = wal.frames - walAtStart.frames;
        const commits = wal.commits - walAtStart.commits;
        console.error(
          `sqlite WAL while profiling: ${frames} frames in ${commits} commits (${(frames / Math.max(1, commits)).toFixed(1)} per commit), by b-tree (frames, distinct pages):`,
        );
        if (dbPath) {
          // A second connection for dbstat, so the server's own runs only what it always runs.
          const reader = new Database(dbPath, { readonly: true });
          for (const line of walBreakdown(reader, walAtStart.pages, wal.pages)) console.error(line);
          reader.close();
        }
      }
      mapProfileToSources(profile);
      mkdirSync(dirname(message.path), { recursive: true });
      writeFileSync(message.path, JSON.stringify(profile));
      session.disconnect();
      session = undefined;
      toParent({ type: 'profile-written', path: message.path });
    }
  },
);

toParent({ type: 'ready', port: server.port });
