// bench:delivery — Parley vs. a raw WebSocket relay under the same open-loop load.
// Run: pnpm bench:delivery [--rates 5000,10000,20000] [--duration 10] [--clients 1000] [--size 100]
import { fileURLToPath } from 'node:url';
import { formatAims } from './aims.js';
import { type BenchOptions, parseArgs } from './args.js';
import { defaultResultsPath, runCli } from './cli.js';
import { pinGenerator } from './cpu.js';
import { makeIdentities, type ParleyIdentity } from './parley-bench-client.js';
import {
  formatErrors,
  formatRates,
  hostInfo,
  type RateResult,
  type Report,
  ratiosOf,
  sourceInfo,
  writeReport,
} from './report.js';
import { runSystem } from './run.js';
import { serverNodeFlags } from './server-flags.js';
import { formatCounts } from './store-counts.js';

const log = (line: string) => console.log(line);

/** Runs every rate for every system; writes the JSON report after each rate. */
export async function runBench(o: BenchOptions): Promise<{ report: Report; path: string }> {
  const pinned = o.pin && pinGenerator();
  if (o.pin && !pinned) o = { ...o, pin: false };
  const path = o.out ?? defaultResultsPath('delivery');
  const report: Report = {
    benchmark: 'delivery',
    startedAt: new Date().toISOString(),
    host: hostInfo(pinned),
    source: sourceInfo(fileURLToPath(new URL('.', import.meta.url))),
    options: o,
    results: [],
  };
  log(
    `delivery bench: rates ${o.rates.join(', ')} msgs/s, ${o.durationS} s window (+${o.warmupS} s warm-up), ` +
      `${o.clients} clients, ${o.size} B payloads, ${pinned ? 'server on core 0, generator on core 1' : 'unpinned'}, ` +
      `server node flags: ${serverNodeFlags().join(' ') || '(V8 defaults)'}`,
  );
  let identities: ParleyIdentity[] = [];
  if (o.systems.some((s) => s === 'parley' || s === 'cluster')) {
    const t = performance.now();
    identities = await makeIdentities(o.clients);
    log(`generated ${o.clients} Ed25519 auth keys in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  for (const rate of o.rates) {
    log(`\nrate ${rate} msgs/s`);
    const result: RateResult = { rate };
    for (const system of o.systems) result[system] = await runSystem(system, rate, o, identities, log);
    if (result.parley && result.relay) result.ratios = ratiosOf(result.parley, result.relay);
    report.results.push(result);
    log(formatRates([result]));
    for (const run of [result.parley, result.relay, result['relay-acks'], result.cluster]) {
      const errors = run && formatErrors(run);
      if (errors) log(errors);
      if (run?.storeOpsPerMsg) log(formatCounts(run.storeOpsPerMsg));
      for (const file of run?.heapProfiles ?? []) {
        log(`  heap profile: tsx src/heap-summary.ts ${file} 30 ${run?.delivered}`);
      }
      if (run && run.otherCpuPct > 20) {
        log(`  warning: other processes used ${run.otherCpuPct.toFixed(0)}% of a core during the ${run.system} window`);
      }
    }
    writeReport(path, report);
  }
  report.finishedAt = new Date().toISOString();
  writeReport(path, report);
  log(
    `\nsummary\n${formatRates(report.results)}\n\n${formatAims(report.results).join('\n')}\n\nresults written to ${path}`,
  );
  return { report, path };
}

runCli(import.meta.url, parseArgs, runBench);
