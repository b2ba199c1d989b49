// Bytes allocated per call by two steps every send takes (issue 15 aim 1): its SendAck frame's
// encode and its rate tokens (takeRequestRate with the memory limiter), in one process with a young
// generation large enough that no collection runs in a loop: a count that does not move with the load.
// Run: node --max-semi-space-size=256 --min-semi-space-size=256 --expose-gc --import tsx \
//   --conditions=source src/lead-allocs.ts <server-kit dir>
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = resolve(process.argv[2] ?? '../../packages/server-kit');
const load = async <T>(p: string): Promise<T> => (await import(pathToFileURL(`${dir}/src/${p}`).href)) as T;
const maybeGc = (globalThis as { gc?: () => void }).gc;
if (!maybeGc) throw new Error('run with --expose-gc');
const gc = maybeGc;
const core = await import(pathToFileURL(`${dir}/../core/src/index.ts`).href);
const { takeRequestRate } = await load<{ takeRequestRate(...a: unknown[]): unknown }>('router/request-rates.ts');
const { memoryRateLimiter } = await load<{ memoryRateLimiter(o: object): unknown }>('memory/memory-rate-limiter.ts');
// A checkout from before the hand-written SendAck has no send-ack-frame.ts: only the generated row.
const encodeReply = await load<{ encodeReply(id: number, r: object): Uint8Array }>('messages/send-ack-frame.ts').then(
  (m) => m.encodeReply,
  () => undefined,
);
const N = 20_000;
async function measure(name: string, f: (i: number) => unknown, asyncWait = false) {
  const runs: number[] = [];
  for (let r = 0; r < 7; r++) {
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < N; i++) {
      const p = f(i);
      if (asyncWait) await p;
    }
    const after = process.memoryUsage().heapUsed;
    runs.push((after - before) / N);
  }
  runs.sort((a, b) => a - b);
  console.log(name.padEnd(34), runs[Math.floor(runs.length / 2)]!.toFixed(0), 'B/call (median of 7)');
}
const ack = {
  messageId: 'm-0123456789abcdef',
  serverTime: 1_765_000_000_000,
  recipients: 1,
  deliveredAt: 1_765_000_000_004,
};
await measure('SendAck frame (generated)', (i) => core.encodeServerFrame({ requestId: i + 1, sendAck: ack }));
if (encodeReply) await measure('SendAck frame (encodeReply)', (i) => encodeReply(i + 1, { sendAck: ack }));
const limiter = memoryRateLimiter({ capacity: 1e9, refillPerSecond: 1e9 });
const lim = { sendRate: { capacity: 1e9, refillPerSecond: 1e9 }, sendToRate: { capacity: 1e9, refillPerSecond: 1e9 } };
const ctx = { device: { userId: 'alice', deviceId: 1 }, requestId: 1, connectionId: 'c' };
const req = { destination: 'userId', userId: 'bob' };
await measure('takeRequestRate(send) + memory', () => takeRequestRate('send', req, ctx, limiter, lim), true);
