// Microbench of the SQLite queue's hot path (not part of the bench suite): per message one enqueue
// and one ack, messages spread over 1,000 devices, 20 calls per event-loop turn like a loaded gateway.
// Prints CPU µs per message (enqueue + ack). Run: tsx --conditions=source src/queue-micro.ts [messages] [calls per turn]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteStores } from '@parley/server-kit/sqlite';

const total = Number(process.argv[2] ?? 40_000);
const dir = mkdtempSync(join(tmpdir(), 'parley-qmicro-'));
const stores = sqliteStores({ path: join(dir, 'q.db') });
const data = new Uint8Array(180).fill(7);
const perTurn = Number(process.argv[3] ?? 20);
async function round(offset: number, n: number): Promise<void> {
  for (let i = 0; i < n; i += perTurn) {
    const batch: Array<Promise<unknown>> = [];
    for (let j = i; j < Math.min(n, i + perTurn); j++) {
      const k = offset + j;
      const device = { userId: `u${k % 1000}`, deviceId: 1 };
      const id = `m${k}`;
      batch.push(
        stores.queue
          .enqueue([{ device, id, data }], { maxPerDevice: 10_000 })
          .then(() => stores.queue.ack(device, [id])),
      );
    }
    await Promise.all(batch);
  }
}
await round(0, 5_000); // warm-up
const before = process.cpuUsage();
await round(5_000, total);
const used = process.cpuUsage(before);
console.log(`queue enqueue+ack: ${((used.user + used.system) / total).toFixed(1)} µs/msg over ${total}`);
await stores.close();
rmSync(dir, { recursive: true, force: true });
