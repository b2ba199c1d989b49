// The verdict lines must not call an aim met on figures that cannot show it.
import { describe, expect, it } from 'vitest';
import { formatAims } from '../src/aims.js';
import type { RateResult } from '../src/report.js';
import type { RunResult } from '../src/run.js';

/** A valid run that delivered `delivered` of `target` msgs/s at `p99` ms (only the fields the verdicts read). */
function run(system: RunResult['system'], target: number, delivered: number, p99: number): RunResult {
  const fields = {
    system,
    targetRate: target,
    deliveredRate: delivered,
    windowRefused: 0,
    generatorOk: true,
    generatorInvalid: [],
    latency: { p50: 1, p99, max: p99 },
    serverCpuUsPerMsg: 200,
    dbCpuUsPerMsg: system === 'cluster' ? 300 : Number.NaN,
    undelivered: 0,
    windowReceived: delivered * 10,
    refusedRate: 0,
  };
  return fields as unknown as RunResult;
}

const aim3b = (results: RateResult[]) => formatAims(results).find((line) => line.startsWith('aim 3b')) ?? '';

describe('aim 3b (cluster at least as fast as one node at p99 < 100 ms)', () => {
  it('is not shown when one node kept up at every rate run', () => {
    const line = aim3b([
      { rate: 500, parley: run('parley', 500, 500, 5), cluster: run('cluster', 500, 500, 60) },
      { rate: 1000, parley: run('parley', 1000, 1000, 5), cluster: run('cluster', 1000, 1000, 60) },
    ]);
    expect(line).toContain('not shown');
    expect(line).not.toMatch(/: met:/);
  });

  it('is met when the cluster keeps up where one node no longer does', () => {
    const line = aim3b([
      { rate: 1000, parley: run('parley', 1000, 1000, 5), cluster: run('cluster', 1000, 1000, 60) },
      { rate: 2000, parley: run('parley', 2000, 1500, 900), cluster: run('cluster', 2000, 2000, 80) },
    ]);
    expect(line).toMatch(/: met: 2,000\/s vs 1,000\/s/);
  });

  it('is NOT met when the cluster falls behind first', () => {
    const line = aim3b([
      { rate: 1000, parley: run('parley', 1000, 1000, 5), cluster: run('cluster', 1000, 800, 900) },
      { rate: 2000, parley: run('parley', 2000, 1500, 900), cluster: run('cluster', 2000, 900, 900) },
    ]);
    expect(line).toMatch(/NOT met: 0\/s vs 1,000\/s/);
  });
});
