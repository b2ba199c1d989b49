// `pnpm chaos`: a chaos run against a two-gateway cluster of its own (see chaos-run.ts), printing
// the totals and the recovery times per fault. Options by flag or environment:
//   --duration=<s> (CHAOS_DURATION_S, default 60)   --clients=<n> (CHAOS_CLIENTS, default 10)
//   --rate=<msgs/s> (CHAOS_RATE, default 10)        --faults=a,b (CHAOS_FAULTS, default all but gateway-deploy)
//   --burst=<n> (CHAOS_BURST, default 50)          --seed=<n> (CHAOS_SEED)                          --json: the report as one `CHAOS_REPORT {...}` line
//   --first-contact=<n> (CHAOS_FIRST_CONTACT, default 10): messages each side of a pair sends the other at once, first of all, and again once each heard from the other
//   --child-clients=<n> (CHAOS_CHILD_CLIENTS, default 4): clients in processes of their own, SIGKILLed and restarted by the client-kill fault
// Exits 1 when a message was lost, duplicated, reordered or not announced exactly once, or a
// client did not recover.
import {
  type ChaosReport,
  DEFAULT_CHAOS_OPTIONS,
  DEFAULT_FAULTS,
  FAULTS,
  type FaultName,
  runChaos,
} from './chaos-run.js';

const arg = (name: string, env: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? process.env[env];
const number = (name: string, env: string, fallback: number, min = 1): number => {
  const raw = arg(name, env);
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`--${name} must be a number of at least ${min}`);
  return value;
};
const faults = (arg('faults', 'CHAOS_FAULTS')?.split(',') ?? [...DEFAULT_FAULTS]) as FaultName[];
for (const f of faults) if (!FAULTS.includes(f)) throw new Error(`unknown fault ${f}; known: ${FAULTS.join(', ')}`);

const log = (line: string) => process.stdout.write(`${new Date().toISOString().slice(11, 23)} ${line}\n`);
const report: ChaosReport = await runChaos({
  ...DEFAULT_CHAOS_OPTIONS,
  durationMs: number('duration', 'CHAOS_DURATION_S', DEFAULT_CHAOS_OPTIONS.durationMs / 1000) * 1000,
  clients: number('clients', 'CHAOS_CLIENTS', DEFAULT_CHAOS_OPTIONS.clients),
  childClients: number('child-clients', 'CHAOS_CHILD_CLIENTS', DEFAULT_CHAOS_OPTIONS.childClients, 0),
  ratePerSecond: number('rate', 'CHAOS_RATE', DEFAULT_CHAOS_OPTIONS.ratePerSecond),
  seed: number('seed', 'CHAOS_SEED', DEFAULT_CHAOS_OPTIONS.seed),
  burst: number('burst', 'CHAOS_BURST', DEFAULT_CHAOS_OPTIONS.burst),
  firstContact: number('first-contact', 'CHAOS_FIRST_CONTACT', DEFAULT_CHAOS_OPTIONS.firstContact),
  faults,
  log,
});

const t = report.totals;
log(
  `totals: ${t.sent} sent (${t.refused} refused, ${t.unsettled} unsettled), ${t.expected} deliveries expected: ` +
    `${t.lost} lost, ${t.duplicated} duplicated, ${t.reordered} reordered, ` +
    `${t.notAnnounced} not announced, ${t.announcedTwice} announced twice ` +
    `(${t.reannounced} re-announced after a kill with the same id); ${report.undecryptable} undecryptable on arrival; ` +
    `client processes killed: ${
      Object.entries(report.kills)
        .map(([u, n]) => `${u} x${n}`)
        .join(', ') || 'none'
    }`,
);
for (const e of t.examples) log(`  ${e}`);
log('recovery (after the fault ended): fault, reconnect attempts, every client reconnected, backlog drained');
for (const f of report.faults) {
  const s = (ms: number | null) => (ms === null ? 'never' : `${(ms / 1000).toFixed(1)} s`);
  log(
    `  ${f.fault.padEnd(18)} ${String(f.drops).padStart(3)} ${s(f.reconnectedMs).padStart(7)} ${s(f.drainedMs).padStart(7)}`,
  );
}
if (process.argv.includes('--json')) process.stdout.write(`CHAOS_REPORT ${JSON.stringify(report)}\n`);
const failed =
  t.lost + t.duplicated + t.reordered + t.notAnnounced + t.announcedTwice + t.unsettled > 0 ||
  report.faults.some((f) => f.drainedMs === null || f.unresponsive.length > 0);
process.exit(failed ? 1 : 0);
