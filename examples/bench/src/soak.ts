// bench:soak — many connected clients at a steady rate for a long time (opt-in, not in CI): every
// message delivered once, server memory flat after warm-up, no file-descriptor growth.
// Run: pnpm bench:soak [--clients 1000] [--duration 600] [--rate 200] (see soak-args.ts)
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { startServerChild } from './child.js';
import { defaultResultsPath, runCli } from './cli.js';
import { runOpenLoop } from './load.js';
import { makeIdentities, ParleyPool } from './parley-bench-client.js';
import { parseSoakArgs, type SoakOptions } from './soak-args.js';
import { type SoakSample, soakVerdict } from './soak-report.js';
import { Tracker } from './tracker.js';

const log = (line: string) => console.log(line);

/** RSS (MiB) and open descriptors of a process, from /proc (Linux); undefined elsewhere. */
function processUsage(pid: number): { rssMiB: number; fds: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return { rssMiB: kb / 1024, fds: readdirSync(`/proc/${pid}/fd`).length };
  } catch {
    return undefined;
  }
}

/** Polls `done` every 100 ms until it holds or `timeoutMs` passes; whether it held. */
async function until(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!done() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return done();
}

export async function runSoak(o: SoakOptions): Promise<boolean> {
  log(
    `soak: ${o.clients} clients, ${o.rate} msgs/s for ${o.durationS} s (warm-up ${o.warmupS} s), ` +
      `${o.size} B payloads, ${o.stores} stores`,
  );
  const identities = await makeIdentities(o.clients, 'soak-');
  const server = await startServerChild('parley-server.ts', undefined, { PARLEY_BENCH_STORES: o.stores });
  const tracker = new Tracker(o.size);
  const pool = new ParleyPool(identities, tracker);
  const samples: SoakSample[] = [];
  let sampler: ReturnType<typeof setInterval> | undefined;
  try {
    const before = processUsage(server.pid);
    const t0 = performance.now();
    await pool.connect(`ws://127.0.0.1:${server.port}`, { concurrency: 50, timeoutMs: 300_000 });
    log(`connected ${o.clients} clients in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const start = performance.now();
    const sample = () => {
      const usage = processUsage(server.pid);
      if (!usage) return;
      samples.push({
        atS: (performance.now() - start) / 1000,
        ...usage,
        sent: pool.counters.sent,
        delivered: tracker.received,
      });
    };
    sample();
    sampler = setInterval(sample, o.sampleS * 1000);
    let lastReport = 0;
    const progress = setInterval(() => {
      const last = samples.at(-1);
      if (!last || last.atS - lastReport < 30) return;
      lastReport = last.atS;
      log(
        `  ${last.atS.toFixed(0)} s: sent ${last.sent}, delivered ${last.delivered}, ` +
          `server RSS ${last.rssMiB.toFixed(1)} MiB, ${last.fds} fds`,
      );
    }, 1_000);
    const load = await runOpenLoop(
      pool,
      { rate: o.rate, tickMs: 10, phases: [{ name: 'soak', ms: o.durationS * 1000 }] },
      () => {},
    );
    clearInterval(progress);
    sample();
    const drained = await until(() => tracker.received >= pool.counters.sent, o.drainS * 1000);
    clearInterval(sampler);
    sampler = undefined;
    sample();
    await pool.close();
    await until(() => (processUsage(server.pid)?.fds ?? 0) <= (before?.fds ?? 0) + 2, 10_000);
    const after = processUsage(server.pid);

    const verdict = soakVerdict(o, samples, {
      sent: pool.counters.sent,
      acked: pool.counters.acked,
      delivered: tracker.received,
      duplicates: tracker.duplicates,
      errors: pool.counters.errors,
      disconnects: pool.counters.disconnects,
      drained,
      maxTickLagMs: load.maxTickLagMs,
      fdsBefore: before?.fds,
      fdsAfterClose: after?.fds,
    });
    for (const line of verdict.lines) log(line);
    if (pool.errorSamples.size > 0) log(`errors seen: ${JSON.stringify(Object.fromEntries(pool.errorSamples))}`);
    const out = o.out ?? defaultResultsPath('soak');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify({ options: o, ...verdict.figures, samples }, null, 2)}\n`);
    log(`report written to ${out}`);
    return verdict.ok;
  } finally {
    if (sampler) clearInterval(sampler);
    await pool.close().catch(() => undefined);
    await server.stop();
  }
}

runCli(import.meta.url, parseSoakArgs, async (o) => {
  if (!(await runSoak(o))) throw new Error('soak: a check failed (see above)');
});
