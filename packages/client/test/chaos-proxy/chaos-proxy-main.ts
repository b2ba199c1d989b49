// `pnpm chaos:proxy`: a chaos run through the TCP fault proxy (see chaos-proxy-run.ts), printing
// the totals and, per fault, the reconnects it caused. Options by flag or environment:
//   --clients=<n> (CHAOS_PROXY_CLIENTS, default 100)     --messages=<n> (CHAOS_PROXY_MESSAGES, default 10000)
//   --rate=<msgs/s> (CHAOS_PROXY_RATE, default 100)      --group-size=<n> (CHAOS_PROXY_GROUP_SIZE, default 10)
//   --child-clients=<n> (CHAOS_PROXY_CHILD_CLIENTS, default 4): clients each in a process of its own, killed by client-kill
//   --faults=a,b (CHAOS_PROXY_FAULTS, default all)       --reset-every=<ms> (CHAOS_PROXY_RESET_EVERY_MS, default 500)
//   --rounds=<n> (CHAOS_PROXY_ROUNDS, default 1): times the fault list is gone through
//   --phase=<ms> (CHAOS_PROXY_PHASE_MS, default 5000)     --seed=<n> (CHAOS_PROXY_SEED)
//   --json: the report as one `CHAOS_PROXY_REPORT {...}` line
// Exits 1 when a message was lost, duplicated, reordered or not announced once, or a client ended
// disconnected.
import {
  DEFAULT_PROXY_CHAOS,
  PROXY_FAULTS,
  type ProxyChaosReport,
  type ProxyFaultName,
  runProxyChaos,
} from './chaos-proxy-run.js';

const arg = (name: string, env: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? process.env[env];
const number = (name: string, env: string, fallback: number, min = 1): number => {
  const raw = arg(name, env);
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`--${name} must be a number of at least ${min}`);
  return value;
};
const faultsArg = arg('faults', 'CHAOS_PROXY_FAULTS');
const faults = (faultsArg === undefined ? [...PROXY_FAULTS] : faultsArg.split(',').filter(Boolean)) as ProxyFaultName[];
for (const f of faults) {
  if (!PROXY_FAULTS.includes(f)) throw new Error(`unknown fault ${f}; known: ${PROXY_FAULTS.join(', ')}`);
}

const log = (line: string) => process.stdout.write(`${new Date().toISOString().slice(11, 23)} ${line}\n`);
const d = DEFAULT_PROXY_CHAOS;
const report: ProxyChaosReport = await runProxyChaos({
  ...d,
  clients: number('clients', 'CHAOS_PROXY_CLIENTS', d.clients, 2),
  childClients: number('child-clients', 'CHAOS_PROXY_CHILD_CLIENTS', d.childClients, 0),
  messages: number('messages', 'CHAOS_PROXY_MESSAGES', d.messages),
  ratePerSecond: number('rate', 'CHAOS_PROXY_RATE', d.ratePerSecond),
  groupSize: number('group-size', 'CHAOS_PROXY_GROUP_SIZE', d.groupSize, 2),
  resetEveryMs: number('reset-every', 'CHAOS_PROXY_RESET_EVERY_MS', d.resetEveryMs, 0),
  rounds: number('rounds', 'CHAOS_PROXY_ROUNDS', d.rounds),
  phaseMs: number('phase', 'CHAOS_PROXY_PHASE_MS', d.phaseMs),
  seed: number('seed', 'CHAOS_PROXY_SEED', d.seed, 0),
  faults,
  log,
});

const t = report.totals;
log(
  `totals: ${t.sent} sent (${t.refused} refused, ${t.unsettled} unsettled), ${t.expected} deliveries expected: ` +
    `${t.lost} lost, ${t.duplicated} duplicated, ${t.reordered} reordered, ` +
    `${t.notAnnounced} not announced, ${t.announcedTwice} announced twice; ${report.undecryptable} undecryptable on arrival; ` +
    `${report.resets} mid-frame resets, ${report.connections} connections, ${report.disconnected.length} clients disconnected at the end`,
);
for (const e of t.examples) log(`  ${e}`);
log(
  `client processes killed: ${
    Object.entries(report.kills)
      .map(([u, n]) => `${u} x${n}`)
      .join(', ') || 'none'
  }; ${report.localRefused} sends of in-process clients refused`,
);
log(`reconnect attempts by reason: ${JSON.stringify(report.reconnectReasons)}`);
if (process.argv.includes('--json')) process.stdout.write(`CHAOS_PROXY_REPORT ${JSON.stringify(report)}\n`);
const failed =
  t.lost + t.duplicated + t.reordered + t.notAnnounced + t.announcedTwice + t.unsettled + report.localRefused > 0 ||
  report.disconnected.length > 0 ||
  report.drainMs === null ||
  report.faults.some((f) => f.reconnectedMs === null);
process.exit(failed ? 1 : 0);
