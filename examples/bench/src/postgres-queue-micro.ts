// The PostgreSQL queue's enqueue + ack alone (`[server-kit dir] [messages] [concurrent senders]
// [plain|receipts]`): per message (one enqueue call of one entry, then its ack), the round trips,
// the transactions (each commits, with its WAL flush: an autocommitted statement or a BEGIN ...
// COMMIT), this process's CPU and the CPU of the pool's PostgreSQL backends (/proc, 10 ms ticks):
// counts and CPU time, not wall time, so an A/B against another checkout
// (`/work/main/packages/server-kit`) means something on a busy machine. One sender makes every
// enqueue its own batch (a cluster at low rates); more share batches. `receipts` runs what the
// gateway does for a 1:1 message with delivered receipts: the message's enqueue, the recipient's
// ack with the DELIVERED receipt for the sender (one call when the queue offers `enqueueWithAck`,
// else the receipt's enqueue, then the ack, as before), then the sender's ack of the receipt.
// DATABASE_URL as the delivery bench.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { BENCH_DATABASE_URL } from './cluster-servers.js';

const [dir = '../../packages/server-kit', nArg = '2000', concArg = '1', mode = 'plain'] = process.argv.slice(2);
const mod = await import(pathToFileURL(resolve(dir, 'src/postgres/index.ts')).href);
const app = `pgmicro_${process.pid}`;
const schema = `pgmicro_${process.pid}`;
const pool = new pg.Pool({ connectionString: BENCH_DATABASE_URL, max: 4, application_name: app });
let trips = 0;
let transactions = 0;
pool.on('connect', (client) => {
  const q = client.query.bind(client) as (...a: unknown[]) => unknown;
  let open = false; // inside BEGIN ... COMMIT on this connection
  (client as unknown as { query: (...a: unknown[]) => unknown }).query = (...a: unknown[]) => {
    trips++;
    const first = a[0] as string | { text?: string };
    const text = typeof first === 'string' ? first : (first?.text ?? '');
    if (text.startsWith('BEGIN')) {
      open = true;
      transactions++;
    } else if (text === 'COMMIT' || text === 'ROLLBACK') open = false;
    else if (!open) transactions++;
    return q(...a);
  };
});
await mod.migrate(pool, { schema });
const queue = mod.postgresQueue({ pool, schema, recentEntriesMs: 0 });
const opts = { maxPerDevice: 10000, maxPerSender: 2500 };
const data = new Uint8Array(200);
const receiptData = new Uint8Array(60);
const receiptOpts = { maxPerDevice: 11000, forgetAcked: true };
const conc = Number(concArg);
async function run(n: number, tag: string) {
  let next = 0;
  const worker = async (w: number) => {
    for (;;) {
      const i = next++;
      if (i >= n) return;
      const device = { userId: `u${(i * 7 + w) % 100}`, deviceId: 1 };
      const id = `${tag}${i}`;
      const sender = { userId: `s${i % 50}`, deviceId: 1 };
      await queue.enqueue([{ device, id, data, sender: sender.userId }], opts);
      if (mode !== 'receipts') {
        await queue.ack(device, [id]);
        continue;
      }
      // The recipient's ack and the DELIVERED receipt it makes (receipts-handler.ts, deliverAck).
      const receipt = [{ device: sender, id: `r${id}`, data: receiptData }];
      if (typeof queue.enqueueWithAck === 'function') {
        await queue.enqueueWithAck(receipt, receiptOpts, { device, ids: [id] });
      } else {
        await queue.enqueue(receipt, receiptOpts);
        await queue.ack(device, [id]);
      }
      await queue.ack(sender, [`r${id}`]);
    }
  };
  await Promise.all(Array.from({ length: conc }, (_, w) => worker(w)));
}
/** CPU (µs, 100 Hz ticks) of the pool's backends: user and kernel (system calls: socket I/O, the commits' WAL writes and flushes). */
const backendCpu = async (): Promise<{ user: number; kernel: number }> => {
  const c = await pool.connect();
  try {
    const { rows } = await c.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [
      app,
    ]);
    let user = 0;
    let kernel = 0;
    for (const { pid } of rows) {
      try {
        const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        user += Number(f[11]) * 10_000;
        kernel += Number(f[12]) * 10_000;
      } catch {
        // a backend that exited meanwhile
      }
    }
    return { user, kernel };
  } finally {
    c.release();
  }
};
await run(300, 'w');
const n = Number(nArg);
const t0 = trips;
const x0 = transactions;
const db0 = await backendCpu();
const cpu0 = process.cpuUsage();
const wall0 = performance.now();
await run(n, 'm');
const wall = performance.now() - wall0;
const cpu = process.cpuUsage(cpu0);
const db1 = await backendCpu();
console.log(
  JSON.stringify({
    dir,
    conc,
    mode,
    n,
    tripsPerMsg: +((trips - t0 - 1) / n).toFixed(2),
    transactionsPerMsg: +((transactions - x0 - 1) / n).toFixed(2),
    nodeUsPerMsg: +((cpu.user + cpu.system) / n).toFixed(1),
    dbUsPerMsg: +((db1.user + db1.kernel - db0.user - db0.kernel) / n).toFixed(1),
    dbKernelUsPerMsg: +((db1.kernel - db0.kernel) / n).toFixed(1),
    wallMsPerMsg: +(wall / n).toFixed(3),
  }),
);
await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
await pool.end();
