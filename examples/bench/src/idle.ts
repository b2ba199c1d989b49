// bench:idle — server RSS per authenticated idle Parley connection beside the raw ws relay (aim 5 of
// issue 15: at most 6 KB). Run: pnpm bench:idle [--clients 2000] [--no-pin] [--out file]
import { eachFlag, positive, UsageError } from './args.js';
import { defaultResultsPath, runCli } from './cli.js';
import { hasTaskset } from './cpu.js';
import { measureIdleMemory } from './idle-memory.js';
import { table, writeReport } from './report.js';

const USAGE = `usage: bench:idle [options]
  --clients 2000   idle connections measured per system (after 100 warm-up connections)
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
  console.log(
    table([
      [
        'system',
        'connections',
        'rss before MB',
        'rss after MB',
        'rss KB/conn',
        'heap KB/conn',
        'first-connect rss KB/conn',
      ],
      ...[parley, relay].map((r) => [
        r.system,
        String(r.connections),
        (r.rssBeforeBytes / 2 ** 20).toFixed(1),
        (r.rssAfterBytes / 2 ** 20).toFixed(1),
        kb(r.bytesPerConnection),
        kb(r.heapBytesPerConnection),
        Number.isFinite(r.firstConnectBytesPerConnection) ? kb(r.firstConnectBytesPerConnection) : '-',
      ]),
    ]),
  );
  // Judged on the first connection (the conservative figure, comparable with the relay's, which is
  // measured the same way); the reconnect and heap figures show how much of it the process reuses.
  const figure = parley.firstConnectBytesPerConnection;
  const met = figure <= IDLE_AIM_BYTES;
  console.log(
    `aim 5 (idle memory <= 6 KB per authenticated connection): ${met ? 'met' : 'NOT met'}: ` +
      `${kb(figure)} KB at first connect, ${(figure / relay.bytesPerConnection).toFixed(2)}x the relay's ${kb(relay.bytesPerConnection)} KB ` +
      `(reconnect ${kb(parley.bytesPerConnection)} KB, live heap ${kb(parley.heapBytesPerConnection)} KB)`,
  );
  const path = o.out ?? defaultResultsPath('idle');
  writeReport(path, { benchmark: 'idle', at: new Date().toISOString(), options: o, results: [parley, relay] });
  console.log(
    'rss KB/conn: growth when already registered devices reconnect and stay idle (memory the process\n' +
      'already holds is reused); first-connect: the same devices connecting for the first time, with\n' +
      'registration and the handshake memory the process keeps afterwards; heap: live V8 heap + external\n' +
      `after full GCs.\nresults written to ${path}`,
  );
}

runCli(import.meta.url, parse, run);
