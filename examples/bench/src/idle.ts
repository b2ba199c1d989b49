// bench:idle — server RSS per authenticated idle Parley connection beside the raw ws relay (aim 5 of
// issue 15: at most 6 KB). Run: pnpm bench:idle [--clients 2000] [--no-pin] [--out file]
import { eachFlag, positive, UsageError } from './args.js';
import { defaultResultsPath, runCli } from './cli.js';
import { hasTaskset } from './cpu.js';
import { measureIdleMemory } from './idle-memory.js';
import { table, writeReport } from './report.js';
import { maxSemiSpaceMb, serverNodeFlags } from './server-flags.js';

const USAGE = `usage: bench:idle [options]
  --clients 2000   connections per batch (a first batch and two steady ones after 100 warm-up ones)
  --no-pin         do not pin the server to core 0
  --out <file>     JSON results path`;

interface IdleOptions {
  clients: number;
  pin: boolean;
  out: string | undefined;
}

/** Aim 5 of issue 15: server RSS per authenticated idle connection. */
export const IDLE_AIM_BYTES = 6 * 1024;

function parse(argv: readonly string[]): IdleOptions {
  const o: IdleOptions = { clients: 2_000, pin: true, out: undefined };
  eachFlag(argv, (flag, value, raw) => {
    if (flag === '--clients') o.clients = positive(flag, value());
    else if (flag === '--no-pin') o.pin = false;
    else if (flag === '--out') o.out = value();
    else if (flag === '--help' || flag === '-h') throw new UsageError(USAGE);
    else throw new UsageError(`unknown option ${raw}\n${USAGE}`);
  });
  return o;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(2);

async function run(o: IdleOptions): Promise<void> {
  const core = o.pin && hasTaskset() ? 0 : undefined;
  const parley = await measureIdleMemory('parley', o.clients, core);
  const relay = await measureIdleMemory('relay', o.clients, core);
  const rows = [parley, relay].flatMap((r) =>
    (['first', 'steady'] as const).map((which) => {
      const b = r[which];
      return [
        r.system,
        which,
        String(b.connections),
        (b.rssBeforeBytes / 2 ** 20).toFixed(1),
        (b.rssAfterBytes / 2 ** 20).toFixed(1),
        kb(b.bytesPerConnection),
        kb(b.heapBytesPerConnection),
      ];
    }),
  );
  console.log(
    table([
      ['system', 'batch', 'connections', 'rss before MB', 'rss after MB', 'rss KB/conn', 'heap KB/conn'],
      ...rows,
    ]),
  );
  // Judged on the steady batch: the first also pays what the process grows once (see IdleMemoryResult),
  // shown beside it.
  const figure = parley.steady.bytesPerConnection;
  const met = figure <= IDLE_AIM_BYTES;
  console.log(
    `aim 5 (idle memory <= 6 KB per authenticated connection): ${met ? 'met' : 'NOT met'}: ` +
      `${kb(figure)} KB per more connection, ${(figure / relay.steady.bytesPerConnection).toFixed(2)}x the relay's ${kb(relay.steady.bytesPerConnection)} KB ` +
      `(first ${o.clients}: ${kb(parley.first.bytesPerConnection)} KB; live heap ${kb(parley.steady.heapBytesPerConnection)} KB, the relay's ${kb(relay.steady.heapBytesPerConnection)} KB)`,
  );
  const path = o.out ?? defaultResultsPath('idle');
  writeReport(path, { benchmark: 'idle', at: new Date().toISOString(), options: o, results: [parley, relay] });
  console.log(
    'first: the first batch of new devices connecting (and registering) after 100 warm-up ones, with\n' +
      'what the process grows once under their garbage; steady: two more batches of new devices, the\n' +
      'earlier ones still connected: the cost of one more idle connection. Both servers start with\n' +
      `V8's young generation at its maximum (${maxSemiSpaceMb(serverNodeFlags())} MB semispaces), which it otherwise reaches under the\n` +
      'first batches (a one-time cost). rss: growth after full GCs; heap: live V8 heap + external.\n' +
      `results written to ${path}`,
  );
}

runCli(import.meta.url, parse, run);
