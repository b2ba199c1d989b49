import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../src/args.js';
import { summarizeHeapProfile } from '../src/heap-summary.js';
import type { Report } from '../src/report.js';
import { runBenchCli, tempDir } from './run-cli.js';

const { dir: outDir, remove } = tempDir('parley-bench-smoke-');
afterAll(remove);

const runCli = (args: string[]) => runBenchCli('delivery.ts', args, 45_000);

describe('bench:delivery', () => {
  it('runs a small load through Parley and the relay and reports both', async () => {
    const out = join(outDir, 'smoke.json');
    const args = [
      '--rates',
      '200',
      '--duration',
      '2',
      '--warmup',
      '0.5',
      '--drain',
      '5',
      '--clients',
      '20',
      '--quiet-wait',
      '0',
    ];
    const heapDir = join(outDir, 'heap');
    const { code, stdout, stderr } = await runCli([...args, '--out', out, '--heap-profile', heapDir]);
    expect(code, `${stdout}\n${stderr}`).toBe(0);
    expect(stdout).toContain('parley/relay');

    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    expect(report.results).toHaveLength(1);
    const [result] = report.results;
    const { parley, relay, ratios } = result ?? {};
    expect(result?.rate).toBe(200);
    for (const run of [parley, relay]) {
      expect(run?.delivered).toBeGreaterThan(0);
      expect(run).toMatchObject({
        targetRate: 200,
        clients: 20,
        deliveredRate: expect.any(Number),
        serverCpuUsPerMsg: expect.any(Number),
        serverCpuPct: expect.any(Number),
        errors: expect.any(Number),
        latency: { p50: expect.any(Number), p99: expect.any(Number) },
      });
      expect(run?.latency.p99).toBeGreaterThanOrEqual(run?.latency.p50 ?? Number.POSITIVE_INFINITY);
    }
    expect(parley?.errors).toBe(0);
    // The clients ran in generator threads (the default 4); the lag covers them.
    expect(parley?.generatorThreads).toBe(4);
    expect(parley?.maxTickLagMs).toBe(Math.max(parley?.schedulerLagMs ?? 0, parley?.threadLagMs ?? 0));
    // The generator judged over the window: the scheduler's ticks and the threads' batches sampled.
    expect(parley?.generatorLag.samples).toBeGreaterThan(0);
    expect(parley?.generatorLag.maxMs).toBe(parley?.maxTickLagMs);
    expect(parley?.generatorWrittenPct).toBeGreaterThan(0);
    expect(parley?.generatorInvalid).toEqual(parley?.generatorOk ? [] : expect.arrayContaining([expect.any(String)]));
    expect(stdout).toMatch(/gen lag p99 +gen lag max +gen late +gen wrote %/);
    expect(parley?.sendAcks).toBeGreaterThan(0);
    expect(parley?.undelivered).toBe(0);
    // --heap-profile: the Parley server's measured window, summarised per delivered message.
    expect(parley?.heapProfiles).toEqual([join(heapDir, 'parley-200.heapprofile')]);
    const heap = JSON.parse(readFileSync(join(heapDir, 'parley-200.heapprofile'), 'utf8'));
    expect(summarizeHeapProfile(heap, 5, parley?.delivered)).toMatch(/B per delivered message/);
    expect(ratios).toMatchObject({
      deliveredRate: expect.any(Number),
      p99: expect.any(Number),
      cpuPerMsg: expect.any(Number),
    });
  }, 60_000);

  it("runs the relay with Parley's frames per message (relay-acks): every message acked and receipted", async () => {
    const out = join(outDir, 'relay-acks.json');
    const args = ['--rates', '200', '--duration', '2', '--warmup', '0.5', '--drain', '5', '--clients', '20'];
    const { code, stdout, stderr } = await runCli([
      ...args,
      '--quiet-wait',
      '0',
      '--systems',
      'relay,relay-acks',
      '--out',
      out,
    ]);
    expect(code, `${stdout}\n${stderr}`).toBe(0);
    expect(stdout).toContain('relay-acks/relay cpu/msg');
    const [result] = (JSON.parse(readFileSync(out, 'utf8')) as Report).results;
    const acked = result?.['relay-acks'];
    expect(acked?.delivered).toBeGreaterThan(0);
    expect(acked?.undelivered).toBe(0);
    // A SendAck per message sent in the window, as Parley's; the plain relay has none.
    expect(acked?.sendAcks).toBeGreaterThan(0);
    expect(result?.relay?.sendAcks).toBe(0);
    // Three frames in and three out per message against the relay's one and one: more syscalls
    // (read from /proc, so on Linux only).
    if (process.platform === 'linux')
      expect(acked?.serverSyscallsPerMsg).toBeGreaterThan(
        result?.relay?.serverSyscallsPerMsg ?? Number.POSITIVE_INFINITY,
      );
  }, 60_000);

  it('runs a cluster beside the single node with --gateways, with a smaller default load', () => {
    expect(parseArgs(['--gateways', '2'])).toMatchObject({
      gateways: 2,
      systems: ['parley', 'cluster'],
      rates: [500, 1000],
      clients: 200,
    });
    expect(parseArgs(['--gateways', '3', '--rates', '50', '--systems', 'cluster'])).toMatchObject({
      rates: [50],
      systems: ['cluster'],
    });
    expect(() => parseArgs(['--systems', 'cluster'])).toThrow(UsageError);
    expect(
      parseArgs(['--rates', '5000,10000', '--duration', '10', '--clients', '1000', '--size', '100']),
    ).toMatchObject({ rates: [5000, 10000], durationS: 10, clients: 1000, size: 100, gateways: 1, generators: 4 });
    expect(parseArgs(['--generators', '1']).generators).toBe(1);
    expect(() => parseArgs(['--generators', '0'])).toThrow(UsageError);
  });
});
