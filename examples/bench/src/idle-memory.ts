// Server memory per idle connection (aim 5 of issue 15), Parley (authenticated) beside the raw relay.
// Each server runs as its own child; the figure is the RSS growth from `--clients` more connections
// that then stay idle, read from /proc after the connections have settled.
import { readFileSync } from 'node:fs';
import { type ServerChild, startServerChild } from './child.js';
import { makeIdentities, ParleyPool } from './parley-bench-client.js';
import { RelayPool } from './relay-bench-client.js';
import { maxSemiSpaceMb, serverNodeFlags } from './server-flags.js';
import { Tracker } from './tracker.js';

/** RSS and live heap growth from one batch of connections, per connection. */
export interface IdleBatch {
  connections: number;
  rssBeforeBytes: number;
  rssAfterBytes: number;
  /** RSS growth per connection, after full GCs. */
  bytesPerConnection: number;
  /** Growth of the live V8 heap plus external memory per connection (after full GCs). */
  heapBytesPerConnection: number;
}

/**
 * What one system's idle connections cost, from batches of new connections kept open one after the
 * other. The first batch also pays what the process grows once under the handshakes' garbage (old
 * space and malloc high water, pools, caches), so its figure falls with the batch size; the later
 * ones give the steady cost of one more connection, what capacity planning multiplies.
 */
export interface IdleMemoryResult {
  system: 'parley' | 'relay';
  /** The first batch: devices connecting (Parley: and registering) for the first time. */
  first: IdleBatch;
  /**
   * The later batches together, the earlier ones still open: the marginal cost of one more
   * connection. RSS of one batch alone swings by +-1.5 KB/conn as memory freed by earlier garbage
   * is reused, so more connections give a steadier figure.
   */
  steady: IdleBatch;
}

/**
 * V8 flags of both servers, on top of the servers' own (`serverNodeFlags`): the young generation
 * starts at the largest semi-space those let it grow to (64 MB; 16 MB, V8's default maximum on
 * 64-bit, without the flag) instead of growing to it under the first few thousand handshakes (a
 * one-time 16 MB or more, 8 KB per connection of a 2,000 batch and more) or, for the relay, which
 * allocates little, over several batches; everything else is as apps run it.
 */
export const IDLE_NODE_FLAGS = ['--expose-gc', `--min-semi-space-size=${maxSemiSpaceMb(serverNodeFlags())}`];

/** Resident set size of a process in bytes, from /proc. */
function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for ${pid}`);
  return Number(kb) * 1024;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Live heap (after full GCs) and RSS once it stopped moving (or after `maxMs`): idle sockets still
 * settle buffers and timers for a moment, and handshake garbage must not count.
 */
async function settled(child: ServerChild, maxMs = 5_000): Promise<{ rss: number; heap: number }> {
  const heap = (await child.request({ type: 'heap' }, 'heap')).bytes;
  return { heap, rss: await settledRss(child.pid, maxMs) };
}

async function settledRss(pid: number, maxMs: number): Promise<number> {
  let last = rssBytes(pid);
  for (let waited = 0; waited < maxMs; waited += 500) {
    await sleep(500);
    const now = rssBytes(pid);
    if (Math.abs(now - last) < 64 * 1024) return now;
    last = now;
  }
  return last;
}

/**
 * Starts the system's server, connects `warm` clients first (so code, JIT and pools are already paid
 * for), then a first batch of `clients` more and `steadyBatches` batches after it, and divides each
 * part's growth by its connections. Parley's devices are new in every batch, so each registers at
 * its first connect like a real device once.
 */
export async function measureIdleMemory(
  system: 'parley' | 'relay',
  clients: number,
  core: number | undefined,
  { warm = 100, steadyBatches = 2 } = {},
): Promise<IdleMemoryResult> {
  const script = system === 'parley' ? './parley-server.ts' : './relay-server.ts';
  const child = await startServerChild(script, core, {}, IDLE_NODE_FLAGS);
  const url = `ws://127.0.0.1:${child.port}`;
  const tracker = new Tracker(100);
  const pools: Array<ParleyPool | RelayPool> = [];
  try {
    // Relay ids are positions and a pool numbers from 0: each relay batch reconnects the warm ids
    // too, as new sockets (the relay's id map does not grow for them: ~40 B less than a real client).
    const batchSize = system === 'parley' ? clients : warm + clients;
    const connect = async (n: number, prefix: string) => {
      const pool =
        system === 'parley' ? new ParleyPool(await makeIdentities(n, prefix), tracker) : new RelayPool(n, tracker);
      pools.push(pool);
      await pool.connect(url);
    };
    const grow = async (batches: number, prefix: string): Promise<IdleBatch> => {
      const before = await settled(child);
      for (let i = 0; i < batches; i++) await connect(batchSize, `${prefix}${i}-`);
      const after = await settled(child);
      const connections = batches * batchSize;
      return {
        connections,
        rssBeforeBytes: before.rss,
        rssAfterBytes: after.rss,
        bytesPerConnection: (after.rss - before.rss) / connections,
        heapBytesPerConnection: (after.heap - before.heap) / connections,
      };
    };
    await connect(warm, 'idle-warm-');
    // Both semi-spaces touched (4x one), so their pages are not charged to the first batches.
    await child.request({ type: 'warm-young', mb: 4 * maxSemiSpaceMb(serverNodeFlags()) }, 'young-warmed');
    const first = await grow(1, 'idle-first-');
    const steady = await grow(steadyBatches, 'idle-steady-');
    return { system, first, steady };
  } finally {
    for (const pool of pools) await pool.close();
    await child.stop();
  }
}
