// What queued fan-out costs while the recipients are offline: the server's storage growth per
// queued entry (SQLite bytes in use, or heap after GC with the memory stores), then the drain when
// they come back, and what is still held once everything was delivered and acknowledged.
import type { ServerChild } from './child.js';
import { childCpuUs, cpuWhenQuiet, type FanoutSystem, waitUntil } from './fanout-run.js';
import type { FanoutTracker } from './fanout-tracker.js';
import type { FanoutPool } from './parley-fanout-pool.js';

export type StoreKind = 'sqlite' | 'memory';

export interface StorageResult {
  store: StoreKind;
  system: FanoutSystem['name'];
  messages: number;
  recipients: number;
  /** Queued entries: messages x recipients. */
  entries: number;
  payloadBytes: number;
  /** ms from the first send until the server had stored the last copy. */
  storeMs: number;
  growthBytes: number;
  bytesPerEntry: number;
  /** SQLite: growth per table and index (bytes). */
  tables?: Record<string, number>;
  /** Still held after the drain, per entry (acknowledgement marks and the like). */
  retainedBytesPerEntry: number;
  /** ms to reconnect (and authenticate) every recipient. */
  connectMs: number;
  /** ms from the start of the reconnect until every recipient had every message. */
  drainMs: number;
  /**
   * Server CPU (ms) from the start of the reconnect until acks and receipts were done: the
   * handshakes (the same for every system) plus the drain.
   */
  drainServerCpuMs: number;
  missing: number;
  duplicates: number;
  /** Messages whose follow-up (acks, receipts) had not finished when the drain ended. */
  unsettled: number;
}

/** Storage held by the server child: SQLite bytes in use, or heap + external bytes after GC. */
export async function measureStorage(
  child: ServerChild,
  store: StoreKind,
): Promise<{ bytes: number; tables?: Record<string, number> }> {
  if (store === 'memory') return { bytes: (await child.request({ type: 'heap' }, 'heap')).bytes };
  const s = await child.request({ type: 'storage' }, 'storage');
  return { bytes: s.usedBytes, tables: s.tables };
}

function tableGrowth(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const delta = (after[name] ?? 0) - (before[name] ?? 0);
    if (delta !== 0) out[name] = delta;
  }
  return out;
}

/** At most this many copies in flight while queueing (1:1 sends are many small requests). */
const WINDOW = 2_000;

/**
 * Takes the members offline, queues `messages` messages for them through `system`, measures the
 * growth, reconnects them and measures the drain. Sequence numbers start at `firstSeq`.
 */
export async function runStorage(
  store: StoreKind,
  system: FanoutSystem,
  pool: FanoutPool,
  tracker: FanoutTracker,
  child: ServerChild,
  url: string,
  o: { messages: number; timeoutMs: number },
  firstSeq: number,
): Promise<{ result: StorageResult; nextSeq: number }> {
  await pool.disconnectMembers();
  const offline = async () => (await child.request({ type: 'connections' }, 'connections')).count <= 1;
  const deadline = performance.now() + o.timeoutMs;
  while (!(await offline())) {
    if (performance.now() > deadline) throw new Error('members still connected after disconnecting');
    await new Promise((r) => setTimeout(r, 20));
  }
  await cpuWhenQuiet(child);
  const before = await measureStorage(child, store);
  const duplicatesBefore = tracker.duplicates;

  const seqs: number[] = [];
  for (let i = 0; i < o.messages; i++) seqs.push(firstSeq + i);
  const start = performance.now();
  for (const seq of seqs) {
    await waitUntil(() => system.pending() < WINDOW, o.timeoutMs);
    tracker.sent(seq);
    system.send(seq);
  }
  const stored = () => seqs.every((s) => Number.isFinite(system.storedAt(s)));
  if (!(await waitUntil(stored, o.timeoutMs))) throw new Error(`${system.name}: sends not acknowledged in time`);
  const storeMs = Math.max(...seqs.map((s) => system.storedAt(s))) - start;
  await cpuWhenQuiet(child);
  const after = await measureStorage(child, store);

  const cpuBefore = await childCpuUs(child);
  const reconnectAt = performance.now();
  await pool.reconnectMembers(url);
  const connectMs = performance.now() - reconnectAt;
  await waitUntil(() => seqs.every((s) => tracker.complete(s)), o.timeoutMs);
  const drainMs = Math.max(...seqs.map((s) => tracker.lastAt(s))) - reconnectAt;
  await waitUntil(() => seqs.every((s) => system.settled(s)), o.timeoutMs);
  const cpuAfter = await cpuWhenQuiet(child);
  const drained = await measureStorage(child, store);

  const entries = o.messages * tracker.recipients;
  const growth = after.bytes - before.bytes;
  const result: StorageResult = {
    store,
    system: system.name,
    messages: o.messages,
    recipients: tracker.recipients,
    entries,
    payloadBytes: tracker.size,
    storeMs,
    growthBytes: growth,
    bytesPerEntry: growth / entries,
    ...(before.tables && after.tables ? { tables: tableGrowth(before.tables, after.tables) } : {}),
    retainedBytesPerEntry: (drained.bytes - before.bytes) / entries,
    connectMs,
    drainMs,
    drainServerCpuMs: (cpuAfter - cpuBefore) / 1000,
    missing: seqs.reduce((n, s) => n + tracker.recipients - tracker.receivedOf(s), 0),
    duplicates: tracker.duplicates - duplicatesBefore,
    unsettled: seqs.filter((s) => !system.settled(s)).length,
  };
  return { result, nextSeq: firstSeq + o.messages };
}
