// bench:idle-heap — where the heap of one more idle authenticated Parley connection goes: heap
// snapshots of the server at warm-up and after --clients more connections, diffed by object kind.
// Run: pnpm bench:idle-heap [--clients 1000] [--top 40]; PARLEY_BENCH_BUILT=1 measures the built
// server kit (what apps run) instead of its source through tsx (whose name-keeping adds ~1 KB/conn).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eachFlag, positive, UsageError } from './args.js';
import { type ServerChild, startServerChild } from './child.js';
import { runCli } from './cli.js';
import { groupHeapSnapshot, type HeapGroup, heapGrowth } from './heap-snapshot-diff.js';
import { makeIdentities, ParleyPool } from './parley-bench-client.js';
import { RelayPool } from './relay-bench-client.js';
import { Tracker } from './tracker.js';

const USAGE = `usage: bench:idle-heap [options]
  --clients 1000   idle connections added between the two snapshots
  --top 40         rows printed
  --depth 1        holders named for an anonymous object (array <- Map.table <- LiveDevices.live)
  --relay          the raw ws relay instead (the floor: what ws and net keep per socket)
  --new-devices    measured devices register in the measured window (as in bench:idle), so what a
                   server keeps per device (caches, directory entries) counts too`;

interface Options {
  clients: number;
  top: number;
  depth: number;
  relay: boolean;
  newDevices: boolean;
}

function parse(argv: readonly string[]): Options {
  const o: Options = { clients: 1_000, top: 40, depth: 1, relay: false, newDevices: false };
  eachFlag(argv, (flag, value, raw) => {
    if (flag === '--clients') o.clients = positive(flag, value());
    else if (flag === '--top') o.top = positive(flag, value());
    else if (flag === '--depth') o.depth = positive(flag, value());
    else if (flag === '--relay') o.relay = true;
    else if (flag === '--new-devices') o.newDevices = true;
    else if (flag === '--help' || flag === '-h') throw new UsageError(USAGE);
    else throw new UsageError(`unknown option ${raw}\n${USAGE}`);
  });
  return o;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Asks the child for a heap snapshot (SIGUSR2) and waits until the file is complete. */
async function snapshot(child: ServerChild, dir: string): Promise<string> {
  const before = new Set(readdirSync(dir));
  await child.request({ type: 'heap' }, 'heap'); // full GCs first: only live objects count
  process.kill(child.pid, 'SIGUSR2');
  for (let waited = 0; waited < 120_000; waited += 250) {
    await sleep(250);
    const file = readdirSync(dir).find((f) => !before.has(f) && f.endsWith('.heapsnapshot'));
    // The child answers a request only once the (synchronous) snapshot is written.
    if (file) {
      await child.request({ type: 'heap' }, 'heap');
      return join(dir, file);
    }
  }
  throw new Error('no heap snapshot within 120 s');
}

async function run(o: Options): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-idle-heap-'));
  const child = await startServerChild(o.relay ? './relay-server.ts' : './parley-server.ts', undefined, {}, [
    '--expose-gc',
    '--heapsnapshot-signal=SIGUSR2',
    `--diagnostic-dir=${dir}`,
  ]);
  const url = `ws://127.0.0.1:${child.port}`;
  const tracker = new Tracker(100);
  const pools: Array<{ close(): Promise<void> }> = [];
  let units = o.clients;
  try {
    let before: Map<string, HeapGroup>;
    if (o.relay) {
      const warm = new RelayPool(100, tracker);
      pools.push(warm);
      await warm.connect(url);
      before = groupHeapSnapshot(await snapshot(child, dir), o.depth);
      // Relay ids are positions: the measured pool takes the warm ids again, as new sockets.
      const measured = new RelayPool(100 + o.clients, tracker);
      pools.push(measured);
      await measured.connect(url);
      units = 100 + o.clients;
    } else {
      const warm = new ParleyPool(await makeIdentities(100, 'heap-warm-'), tracker);
      pools.push(warm);
      await warm.connect(url);
      // Register the measured devices first unless asked not to: their rows are per device.
      const identities = await makeIdentities(o.clients, 'heap-');
      if (!o.newDevices) {
        const first = new ParleyPool(identities, tracker);
        await first.connect(url);
        await first.close();
      } else {
        // Other new devices first, kept open: the registration path's code is compiled before the
        // first snapshot, as in bench:idle's steady batches.
        const registered = new ParleyPool(await makeIdentities(o.clients, 'heap-first-'), tracker);
        pools.push(registered);
        await registered.connect(url);
      }
      before = groupHeapSnapshot(await snapshot(child, dir), o.depth);
      const measured = new ParleyPool(identities, tracker);
      pools.push(measured);
      await measured.connect(url);
    }
    const after = groupHeapSnapshot(await snapshot(child, dir), o.depth);
    const rows = heapGrowth(before, after, units);
    const total = rows.reduce((sum, r) => sum + r.bytes, 0);
    console.log(`live heap (self size) per idle connection: ${total.toFixed(0)} B`);
    for (const r of rows.slice(0, o.top)) {
      console.log(`${r.bytes.toFixed(0).padStart(7)} B ${r.count.toFixed(2).padStart(6)}/conn  ${r.kind}`);
    }
  } finally {
    for (const pool of pools) await pool.close();
    await child.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

runCli(import.meta.url, parse, run);
