// Per 1:1 message through a real gateway (Send in, SendAck out, Deliver out, DeliverAck in), counts
// that do not move with the machine's load: promises created (async_hooks PROMISE inits), other
// async resources (ticks, timers, immediates) and bytes allocated by the gateway's thread (no
// garbage collection during the loop; a loop during which one ran is measured again). The clients
// run in a worker thread (path-counts-clients.ts), whose isolate has its own hooks and heap, so
// everything counted here is the gateway's. Pairs send one message at a time each, so batching
// does not vary between runs. For A/B, point it at another checkout's server kit.
// Run: node --max-semi-space-size=128 --min-semi-space-size=128 --expose-gc --import tsx --conditions=source \
//   src/path-counts.ts [server-kit dir=../../packages/server-kit] [messages=2000] [pairs=1] [sqlite|memory]
// PARLEY_COUNT_STACKS=1 adds where the promises are made; PARLEY_COUNT_HEAP=<file> a heap profile.
// (the checkout's built dist/ is used, build it first; PARLEY_COUNT_SRC=1 runs its sources)
import { createHook } from 'node:async_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { startHeapSampling } from './heap-profile.js';
import type { FromClients, ToClients } from './path-counts-clients.js';

const dir = resolve(process.argv[2] ?? '../../packages/server-kit');
const messages = Number(process.argv[3] ?? 2_000);
const pairs = Number(process.argv[4] ?? 1);
const storeKind = process.argv[5] ?? 'sqlite';
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

// PARLEY_COUNT_SRC=1: the checkout's sources through tsx instead of its build.
const fromSource = process.env.PARLEY_COUNT_SRC === '1';
const kit = (sub: string) => import(pathToFileURL(join(dir, sub)).href);
const { createServer, memoryStores } = (await kit(
  fromSource ? 'src/index.ts' : 'dist/index.js',
)) as typeof import('@parley/server-kit');
const { sqliteStores } = (await kit(
  fromSource ? 'src/sqlite/index.ts' : 'dist/sqlite.js',
)) as typeof import('@parley/server-kit/sqlite');

const dataDir = mkdtempSync(join(tmpdir(), 'parley-counts-'));
const stores = storeKind === 'memory' ? memoryStores() : sqliteStores({ path: join(dataDir, 'parley.db') });
// Limits lifted (the limiter still decides every send): pairs send far faster than a person.
const unlimited = { capacity: 1e9, refillPerSecond: 1e9 };
const limits = { sendRate: unlimited, sendToRate: unlimited };
const server = await createServer({ host: '127.0.0.1', port: 0, stores, limits });

/** Like generator/thread.ts: tsx's loader reaches a worker thread only when the thread registers it. */
function spawn(): Worker {
  const entry = new URL('./path-counts-clients.ts', import.meta.url);
  const tsxApi = join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs');
  const boot = `import(${JSON.stringify(pathToFileURL(tsxApi).href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { eval: true, execArgv: ['--conditions=source'] });
}
const clients = spawn();
const ask = <T extends FromClients['type']>(m: ToClients, answer: T) =>
  new Promise<Extract<FromClients, { type: T }>>((done, fail) => {
    clients.once('error', fail);
    clients.once('message', (reply: FromClients) => {
      clients.off('error', fail);
      if (reply.type !== answer) fail(new Error(`expected ${answer}, got ${reply.type}`));
      else done(reply as Extract<FromClients, { type: T }>);
    });
    clients.postMessage(m);
  });

await ask({ type: 'connect', url: server.url, pairs }, 'ready');
await ask({ type: 'run', messages: Math.max(500, messages / 2) }, 'done'); // warm-up: JIT, caches

// Async resources by type, created while the hook is on.
const resources = new Map<string, number>();
// PARLEY_COUNT_STACKS=1: also where each promise was made (its stack's first frames), slow.
const stacks = process.env.PARLEY_COUNT_STACKS === '1' ? new Map<string, number>() : undefined;
const hook = createHook({
  init: (_id, type) => {
    resources.set(type, (resources.get(type) ?? 0) + 1);
    if (!stacks || type !== 'PROMISE') return;
    const at = (new Error().stack ?? '')
      .split('\n')
      .slice(5, 10)
      .map((l) => l.trim().replace(/\(.*\//, '('))
      .join(' < ');
    stacks.set(at, (stacks.get(at) ?? 0) + 1);
  },
});
hook.enable();
const counted = await ask({ type: 'run', messages }, 'done');
hook.disable();

let collections = 0;
new PerformanceObserver((list) => {
  collections += list.getEntries().length;
}).observe({ entryTypes: ['gc'] });
let bytes: number | undefined;
for (let attempt = 0; attempt < 5 && bytes === undefined; attempt++) {
  const forced = collections;
  gc();
  // The observer hears of that collection a few turns later: count from after it.
  for (let turns = 0; collections === forced && turns < 1_000; turns++) await new Promise((r) => setImmediate(r));
  const before = collections;
  const used = getHeapStatistics().used_heap_size;
  const done = await ask({ type: 'run', messages: messages / 2 }, 'done');
  const grown = getHeapStatistics().used_heap_size - used;
  await new Promise((r) => setImmediate(r));
  if (collections === before) bytes = grown / done.messages;
}

// PARLEY_COUNT_HEAP=<file>: a sampling heap profile of one more loop (heap-summary.ts <file> 30 <messages>).
const heapFile = process.env.PARLEY_COUNT_HEAP;
if (heapFile) {
  const sampling = await startHeapSampling();
  await ask({ type: 'run', messages }, 'done');
  await sampling.stop(heapFile);
}

const per = (n: number) => (n / counted.messages).toFixed(2);
console.log(`server kit ${dir}, ${storeKind}, ${pairs} pair(s), ${counted.messages} messages counted`);
console.log(`receipts in SendAcks: ${((100 * counted.receiptsInAck) / counted.messages).toFixed(0)}%`);
for (const [type, n] of [...resources].sort((a, b) => b[1] - a[1])) console.log(`${type} per message: ${per(n)}`);
for (const [at, n] of [...(stacks ?? [])].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${per(n)}  ${at}`);
console.log(
  `bytes allocated per message: ${bytes === undefined ? 'n/a (a collection ran every time)' : bytes.toFixed(0)}`,
);

await clients.terminate();
await server.close();
await stores.close?.();
rmSync(dataDir, { recursive: true, force: true });
