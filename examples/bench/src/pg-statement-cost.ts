// Backend CPU per statement kind (`[server-kit dirs, comma-separated] [runs]`): per checkout, one
// pooled connection runs each kind `runs` times, alone (autocommit), in rounds that take turns (a swing of the machine's load hits
// every kind alike), and the backend's CPU (/proc, user + kernel, 10 ms ticks) is divided by the
// runs: what a round trip, a commit and each queue statement cost PostgreSQL itself, apart from the
// caller. Kinds: SELECT 1 (a round trip), a one-row INSERT (a round trip and a commit with its WAL
// flush), the queue's enqueue of one entry and its ack, a DELIVERED receipt's enqueue and its ack,
// and, where the queue has it, the ack with its receipt in one statement (ack_enqueue_batch); a read
// of a queue with one entry (with that entry's enqueue and ack: subtract theirs) and a device list.
// Beside the CPU, the buffer accesses per statement (heap and index blocks hit or read in the
// checkout's own schema, from pg_statio_user_tables): a count that does not swing with the load.
// DATABASE_URL as the delivery bench.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { BENCH_DATABASE_URL } from './cluster-servers.js';

const [dirs = '../../packages/server-kit', runsArg = '2000'] = process.argv.slice(2);
const runs = Number(runsArg);
type Kind = [string, (i: number) => Promise<unknown>];

/** One checkout's queue on a fresh schema, on one connection whose backend CPU is read from /proc. */
async function setUp(dir: string, n: number) {
  const mod = await import(pathToFileURL(resolve(dir, 'src/postgres/index.ts')).href);
  const schema = `pgcost_${process.pid}_${n}`;
  // One connection, never closed for idling while the other checkouts take their turns.
  const pool = new pg.Pool({ connectionString: BENCH_DATABASE_URL, max: 1, idleTimeoutMillis: 0 });
  await mod.migrate(pool, { schema });
  const queue = mod.postgresQueue({ pool, schema, recentEntriesMs: 0 });
  const pid = (await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
  await pool.query(`CREATE TABLE "${schema}".t (id bigint PRIMARY KEY, v text)`);
  const cpu = () => {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(f[11]) + Number(f[12])) * 10_000;
  };
  const data = new Uint8Array(200);
  const bob = { userId: 'bob', deviceId: 1 };
  const alice = { userId: 'alice', deviceId: 1 };
  const receiptOpts = { maxPerDevice: 1_000_000, forgetAcked: true };
  const kinds: Kind[] = [
    ['SELECT 1', () => pool.query('SELECT 1')],
    [
      'INSERT one row',
      (i) => pool.query({ name: 'ins', text: `INSERT INTO "${schema}".t VALUES ($1, 'x')`, values: [i] }),
    ],
    ['enqueue (enqueue_batch)', (i) => queue.enqueue([{ device: bob, id: `m${i}`, data, sender: 'alice' }])],
    ['ack', (i) => queue.ack(bob, [`m${i}`])],
    // A DELIVERED receipt's enqueue as the gateway makes it (with the ack above: a DeliverAck before).
    ['receipt enqueue', (i) => queue.enqueue([{ device: alice, id: `q${i}`, data }], receiptOpts)],
    ['receipt ack', (i) => queue.ack(alice, [`q${i}`])],
  ];
  // The two statements a cluster runs about once per delivered message (bench:delivery's pg rt/msg
  // lines): a device's read of its queue (one entry waiting, as when a nudge comes) and a
  // recipient's device list (the registry's cache misses).
  const erin = { userId: 'erin', deviceId: 1 };
  const devices = mod.postgresDeviceRegistry({ pool, schema });
  await devices.register({
    userId: 'erin',
    deviceId: 1,
    authKey: new Uint8Array(32),
    registrationId: 1,
    approvedBy: 0,
  });
  kinds.push([
    'read (one entry waiting)',
    async (i) => {
      await queue.enqueue([{ device: erin, id: `e${i}`, data }]);
      await queue.read(erin, { afterSeq: 0, limit: 100 });
      await queue.ack(erin, [`e${i}`]);
    },
  ]);
  kinds.push(['device list (one device)', () => devices.list('erin')]);
  // Devices of their own, so the kinds above find the same rows (live and dead) in every checkout.
  const carol = { userId: 'carol', deviceId: 1 };
  const dave = { userId: 'dave', deviceId: 1 };
  if (typeof queue.enqueueWithAck === 'function') {
    kinds.push(['enqueue, to be acked with its receipt', (i) => queue.enqueue([{ device: carol, id: `w${i}`, data }])]);
    kinds.push([
      'ack with its receipt (ack_enqueue_batch)',
      (i) =>
        queue.enqueueWithAck([{ device: dave, id: `r${i}`, data }], receiptOpts, { device: carol, ids: [`w${i}`] }),
    ]);
  }
  /** Heap and index blocks accessed in the schema so far (pending statistics flushed first, PostgreSQL 15+). */
  const blocks = async () => {
    await pool.query('SELECT pg_stat_force_next_flush()');
    const { rows } = await pool.query<{ b: string }>(
      `SELECT sum(coalesce(heap_blks_hit, 0) + coalesce(heap_blks_read, 0) + coalesce(idx_blks_hit, 0)
         + coalesce(idx_blks_read, 0)) AS b FROM pg_statio_user_tables WHERE schemaname = $1`,
      [schema],
    );
    return Number(rows[0]?.b ?? 0);
  };
  const end = async () => {
    await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
    await pool.end();
  };
  return { dir, kinds, cpu, blocks, end };
}

const sides = await Promise.all(dirs.split(',').map((dir, n) => setUp(dir, n)));
// Rounds, each running every checkout's kinds in turn, so a swing of the machine's load hits them
// alike; per checkout and kind the rounds' figures (µs per statement, backend user + kernel).
const out: Record<string, Record<string, number[]>> = {};
const blocksOut: Record<string, Record<string, number[]>> = {};
const ROUNDS = 4;
const perRound = Math.ceil(runs / ROUNDS);
for (let round = 0; round <= ROUNDS; round++) {
  const from = round * perRound; // fresh ids each round
  for (const side of sides) {
    for (const [name, run] of side.kinds) {
      const blocksBefore = await side.blocks();
      const a = side.cpu();
      for (let i = 0; i < perRound; i++) await run(from + i);
      const us = Math.round((side.cpu() - a) / perRound);
      const perStatement = Math.round((((await side.blocks()) - blocksBefore) / perRound) * 10) / 10;
      if (round === 0) continue; // warms plans and caches
      const byKind = out[side.dir] ?? {};
      out[side.dir] = byKind;
      byKind[name] = [...(byKind[name] ?? []), us];
      const blocksByKind = blocksOut[side.dir] ?? {};
      blocksOut[side.dir] = blocksByKind;
      blocksByKind[name] = [...(blocksByKind[name] ?? []), perStatement];
    }
  }
}
console.log(JSON.stringify({ runs, usPerStatementByRound: out, blocksPerStatementByRound: blocksOut }, null, 1));
for (const side of sides) await side.end();
