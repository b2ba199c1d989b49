// Bytes allocated per call by the 1:1 message path's own steps (issue 15 aim 1), in one process with
// no garbage collection during a measured loop: a count that does not depend on the machine's load
// (bench:delivery --heap-profile moves with batching and refusals). Runs one checkout's sources:
// a SQLite device registry (in memory) and a queue stub that answers at once, so what is counted is
// the handlers' work, not the queue's. A loop during which a collection ran is measured again.
// Run: node --max-semi-space-size=128 --min-semi-space-size=128 --expose-gc --import tsx --conditions=source \
//   src/path-allocs.ts [server-kit dir=../../packages/server-kit] [calls=8000]
import { resolve } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import Database from 'better-sqlite3';

const dir = resolve(process.argv[2] ?? '../../packages/server-kit');
const calls = Number(process.argv[3] ?? 8_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(`${dir}/src/${path}`).href)) as T;

interface Address {
  userId: string;
  deviceId: number;
}
interface Item {
  device: Address;
  id: string;
  data: Uint8Array;
}
interface Registry {
  register(d: object): Promise<unknown>;
  list(userId: string): Promise<readonly unknown[]>;
}
type Ports = Record<string, unknown> & { stores: { devices: Registry; queue: object } };

const { sqliteDeviceRegistry } = await load<{ sqliteDeviceRegistry(o: { db: unknown }): Registry }>(
  'sqlite/sqlite-device-registry.ts',
);
const { handleSend } = await load<{
  handleSend(ctx: Ports, sender: Address, send: object, messageId: string): Promise<unknown>;
}>('messages/send-handler.ts');
const { deliveredReceipts, devicesOf } = await load<{
  deliveredReceipts(
    ctx: Ports,
    acker: Address,
    acked: unknown[],
    ids?: string[],
  ): Promise<{ durable: Promise<unknown> }>;
  devicesOf(ctx: Ports, userId: string): Promise<unknown>;
}>('messages/receipts-handler.ts');
const { encodeQueueId, parseQueueId } = await load<{
  encodeQueueId(q: object): string;
  parseQueueId(id: string): unknown;
}>('messages/queue-id.ts');

const devices = sqliteDeviceRegistry({ db: new Database(':memory:') });
for (const userId of ['alice', 'bob']) {
  await devices.register({
    userId,
    deviceId: 1,
    authKey: new Uint8Array(32).fill(1),
    registrationId: 7,
    approvedBy: 0,
  });
}
// Answers every enqueue at once, as a queue that stored the entries (the same for every checkout).
const queue = {
  enqueue: (items: Item[]) =>
    Promise.resolve(items.map((i) => ({ device: i.device, id: i.id, seq: 1, storedAt: 1_000, duplicate: false }))),
};
const ctx: Ports = {
  stores: { devices, queue },
  clock: () => 1_765_000_000_000,
  maxQueuedPerDevice: 1_000,
  maxQueuedPerSender: 1_000,
  queueFullRetryAfterMs: 1_000,
  stored: () => {},
  readReceipts: async () => true,
};
const alice = { userId: 'alice', deviceId: 1 };
const bob = { userId: 'bob', deviceId: 1 };
const payload = { type: 1, data: new Uint8Array(100).fill(3) };
const messageIds = Array.from({ length: calls }, (_, i) => `m-${i.toString(36).padStart(8, '0')}`);
const ackedIds = messageIds.map((messageId) =>
  encodeQueueId({ kind: 'direct', sender: alice, messageId, attempt: 0, noReceipts: false }),
);

let collections = 0;
new PerformanceObserver((list) => {
  collections += list.getEntries().length;
}).observe({ entryTypes: ['gc'] });

const allocated = () => {
  const m = process.memoryUsage();
  return getHeapStatistics().used_heap_size + m.arrayBuffers;
};

/** Waits for gc entries, which the observer gets on a later turn. */
const settle = () => new Promise((r) => setTimeout(r, 20));

/** Bytes per call of `step`, from a loop with no collection in it (retried until one has none). */
async function perCall(step: (i: number) => unknown): Promise<number> {
  for (let i = 0; i < 2_000; i++) await step(i % calls); // warm up: optimized code, caches filled
  for (let attempt = 0; attempt < 10; attempt++) {
    gc?.();
    await settle(); // the forced collection's entry is reported first
    const seen = collections;
    const before = allocated();
    for (let i = 0; i < calls; i++) await step(i);
    const bytes = allocated() - before;
    await settle();
    if (collections === seen) return bytes / calls;
  }
  throw new Error('a collection ran in every attempt: fewer calls');
}

const rows: Array<[string, number]> = [
  ['devices.list (one device)', await perCall(() => devices.list('bob'))],
  ['devicesOf (receipt addresses)', await perCall(() => devicesOf(ctx, 'alice'))],
  [
    'handleSend (1 recipient device, queue stubbed)',
    await perCall((i) => handleSend(ctx, alice, { userId: 'bob', shared: payload }, messageIds[i] as string)),
  ],
  [
    'deliveredReceipts, unfolded (queue stubbed)',
    await perCall(async (i) => {
      const id = ackedIds[i] as string;
      await (await deliveredReceipts(ctx, bob, [parseQueueId(id)], [id])).durable;
    }),
  ],
  ['(empty step: the loop and its await)', await perCall(() => undefined)],
];
console.log(`bytes allocated per call, ${calls} calls per loop, no collection in a loop: ${dir}`);
for (const [what, bytes] of rows) console.log(`${bytes.toFixed(0).padStart(8)} B  ${what}`);
