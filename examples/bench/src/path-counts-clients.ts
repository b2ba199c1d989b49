// The worker thread of path-counts.ts: pairs of lean bench devices sending 1:1 messages one at a
// time per pair (send, wait for the SendAck and the delivery, which the recipient acknowledges).
// A thread of its own, so the main thread's promise and heap counts are the gateway's alone.
import { parentPort } from 'node:worker_threads';
import type { parley } from '@parley/core';
import { BenchDevice, connectDevices, makeIdentities } from './parley-bench-client.js';

export type ToClients = { type: 'connect'; url: string; pairs: number } | { type: 'run'; messages: number };
export type FromClients = { type: 'ready' } | { type: 'done'; messages: number; receiptsInAck: number };

const port = parentPort;
if (!port) throw new Error('path-counts-clients.ts runs in a worker thread');
const post = (m: FromClients) => port.postMessage(m);

const counters = { sent: 0, acked: 0, errors: 0, disconnects: 0, refused: 0, receiptsInAck: 0 };
/** What each device waits for next (its SendAck or a delivery), resolved by the owner below. */
const waiting = new Map<BenchDevice, () => void>();
const owner = {
  counters,
  closing: false,
  noteError(text: string) {
    throw new Error(`bench client: ${text}`);
  },
  onEnvelope(device: BenchDevice, envelope: parley.v1.Envelope.$Properties) {
    if (envelope.message) take(device);
  },
  onSendAck(device: BenchDevice) {
    take(device);
  },
};

function take(device: BenchDevice): void {
  const resolve = waiting.get(device);
  waiting.delete(device);
  resolve?.();
}

const next = (device: BenchDevice) => new Promise<void>((resolve) => waiting.set(device, resolve));

let pairs: [BenchDevice, BenchDevice][] = [];
const payload = crypto.getRandomValues(new Uint8Array(100));

/** One message from each pair's first device to its second, `rounds` times; returns when all arrived. */
async function run(rounds: number): Promise<void> {
  await Promise.all(
    pairs.map(async ([from, to]) => {
      for (let i = 0; i < rounds; i++) {
        const answered = next(from);
        const delivered = next(to);
        from.send(to.identity.userId, payload);
        await Promise.all([answered, delivered]);
      }
    }),
  );
}

port.on('message', (m: ToClients) => {
  if (m.type === 'connect') {
    void makeIdentities(m.pairs * 2, 'count-')
      .then(async (identities) => {
        const devices = identities.map((identity, i) => new BenchDevice(owner, identity, i));
        pairs = Array.from(
          { length: m.pairs },
          (_, i) => [devices[2 * i], devices[2 * i + 1]] as [BenchDevice, BenchDevice],
        );
        await connectDevices(devices, m.url);
      })
      .then(() => post({ type: 'ready' }));
    return;
  }
  const rounds = Math.ceil(m.messages / pairs.length);
  const before = counters.receiptsInAck;
  void run(rounds).then(() =>
    post({ type: 'done', messages: rounds * pairs.length, receiptsInAck: counters.receiptsInAck - before }),
  );
});
