// Server memory per idle connection (aim 5 of issue 15), Parley (authenticated) beside the raw relay.
// Each server runs as its own child; the figure is the RSS growth from `--clients` more connections
// that then stay idle, read from /proc after the connections have settled.
import { readFileSync } from 'node:fs';
import { type ServerChild, startServerChild } from './child.js';
import { makeIdentities, ParleyPool } from './parley-bench-client.js';
import { RelayPool } from './relay-bench-client.js';
import { Tracker } from './tracker.js';

/** What one system's idle connections cost. */
export interface IdleMemoryResult {
  system: 'parley' | 'relay';
  connections: number;
  rssBeforeBytes: number;
  rssAfterBytes: number;
  /** RSS growth per measured connection, after full GCs. */
  bytesPerConnection: number;
  /** Growth of the live V8 heap plus external memory per measured connection (after full GCs). */
  heapBytesPerConnection: number;
  /**
   * Parley: RSS growth per connection when the devices connect for the first time (registration
   * included, and the memory handshakes touched, which the process keeps but reuses); the
   * reconnection of the same devices gives `bytesPerConnection`. NaN for the relay.
   */
  firstConnectBytesPerConnection: number;
}

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
 * for), then `clients` more, and divides the RSS growth by `clients`.
 */
export async function measureIdleMemory(
  system: 'parley' | 'relay',
  clients: number,
  core: number | undefined,
  warm = 100,
): Promise<IdleMemoryResult> {
  const child = await startServerChild(system === 'parley' ? './parley-server.ts' : './relay-server.ts', core, {}, [
    '--expose-gc',
  ]);
  const url = `ws://127.0.0.1:${child.port}`;
  const tracker = new Tracker(100);
  const pools: Array<ParleyPool | RelayPool> = [];
  try {
    const connect = async (n: number, prefix: string) => {
      if (system === 'parley') {
        const pool = new ParleyPool(await makeIdentities(n, prefix), tracker);
        pools.push(pool);
        await pool.connect(url);
      } else {
        const pool = new RelayPool(n, tracker);
        pools.push(pool);
        await pool.connect(url);
      }
    };
    await connect(warm, 'idle-warm-');
    let measuredPool: ParleyPool | undefined;
    let firstConnectBytes = Number.NaN;
    if (system === 'parley') {
      // Register the measured devices first (rows and SQLite's page cache are per device, not per
      // connection), then measure their reconnection.
      const identities = await makeIdentities(clients, 'idle-');
      const first = new ParleyPool(identities, tracker);
      const beforeFirst = await settled(child);
      await first.connect(url);
      firstConnectBytes = ((await settled(child)).rss - beforeFirst.rss) / clients;
      await first.close();
      measuredPool = new ParleyPool(identities, tracker);
    }
    const before = await settled(child);
    if (measuredPool) {
      pools.push(measuredPool);
      await measuredPool.connect(url);
    } else {
      // Relay ids are positions: the measured clients take ids after the warm ones.
      const pool = new RelayPool(warm + clients, tracker);
      pools.push(pool);
      await pool.connect(url);
    }
    const after = await settled(child);
    const measured = system === 'parley' ? clients : warm + clients; // the relay pool reconnects the warm ids too
    return {
      system,
      connections: measured,
      rssBeforeBytes: before.rss,
      rssAfterBytes: after.rss,
      bytesPerConnection: (after.rss - before.rss) / measured,
      heapBytesPerConnection: (after.heap - before.heap) / measured,
      firstConnectBytesPerConnection: firstConnectBytes,
    };
  } finally {
    for (const pool of pools) await pool.close();
    await child.stop();
  }
}
