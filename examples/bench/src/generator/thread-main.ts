// The entry of a generator thread: owns one slice of the clients, sends what the scheduler posts,
// counts into its row of the shared counters (see threaded.ts).
import { parentPort } from 'node:worker_threads';
import { benchClock } from '../clock.js';
import { Tracker } from '../tracker.js';
import { counterRow } from './counters.js';
import { LagSampler } from './lag.js';
import type { FromThread, ToThread } from './protocol.js';
import { type SlicePool, slicePool } from './slice-pool.js';

const port = parentPort;
if (!port) throw new Error('thread-main.ts runs in a worker thread');
const post = (m: FromThread, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

let tracker: Tracker | undefined;
let pool: SlicePool | undefined;
let row: ReturnType<typeof counterRow> | undefined;
/** The measured window's seqs: batches whose first send is in it are lag-sampled. */
let measured = { from: 0, to: 0 };
const lag = new LagSampler();

port.on('message', (m: ToThread) => {
  switch (m.type) {
    case 'start': {
      row = counterRow(m.counters, m.row);
      tracker = new Tracker(m.spec.size, row);
      pool = slicePool(m.spec, m.slice, tracker, row);
      pool.connect(m.concurrency, m.timeoutMs).then(
        () => post({ type: 'ready' }),
        (error: unknown) => post({ type: 'failed', error: String(error) }),
      );
      return;
    }
    case 'window':
      measured = { from: m.from, to: m.to };
      tracker?.setWindow(m.from, m.to);
      return;
    case 'sends': {
      if (!pool || !row) return;
      const s = m.sends;
      for (let i = 0; i + 2 < s.length; i += 3) pool.send(s[i] as number, s[i + 1] as number, s[i + 2] as number);
      // The lag the scheduler's tick cannot see: time in the port's queue behind this thread's
      // socket work, and the writes themselves.
      const first = s[2] ?? -1;
      lag.note(m.scheduledAt, benchClock(), first >= measured.from && first < measured.to);
      row.maxLagMs = lag.maxMs;
      row.batches++;
      return;
    }
    case 'finish': {
      const closing = pool ? pool.close() : Promise.resolve();
      closing.then(
        () => {
          const latency = tracker ? tracker.latency.values() : new Float64Array(0);
          const lagMs = lag.samples.values();
          post({ type: 'finished', latency, lagMs, errorSamples: [...(pool?.errorSamples ?? [])] }, [
            latency.buffer as ArrayBuffer,
            lagMs.buffer as ArrayBuffer,
          ]);
        },
        (error: unknown) => post({ type: 'failed', error: String(error) }),
      );
      return;
    }
  }
});
