import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSoakArgs, SOAK_DEFAULTS } from '../src/soak-args.js';
import { type SoakCounts, type SoakSample, soakVerdict } from '../src/soak-report.js';
import { runBenchCli, tempDir } from './run-cli.js';

const { dir: outDir, remove } = tempDir('parley-soak-smoke-');
afterAll(remove);

const counts: SoakCounts = {
  sent: 100,
  acked: 100,
  delivered: 100,
  duplicates: 0,
  errors: 0,
  disconnects: 0,
  drained: true,
  maxTickLagMs: 5,
  fdsBefore: 20,
  fdsAfterClose: 20,
};
const options = { ...SOAK_DEFAULTS, durationS: 100, warmupS: 10 };
/** Samples every 10 s; `rss(t)` and `fds(t)` shape the server's growth. */
const samples = (rss: (t: number) => number, fds: (t: number) => number): SoakSample[] =>
  Array.from({ length: 11 }, (_, i) => ({ atS: i * 10, rssMiB: rss(i * 10), fds: fds(i * 10), sent: 0, delivered: 0 }));

describe('bench:soak checks', () => {
  it('pass for a flat server that delivered everything', () => {
    expect(
      soakVerdict(
        options,
        samples(
          () => 100,
          () => 50,
        ),
        counts,
      ).ok,
    ).toBe(true);
  });

  it('fail on RSS growth after warm-up, descriptor growth, or a lost message', () => {
    const leaking = soakVerdict(
      options,
      samples(
        (t) => 100 + t,
        () => 50,
      ),
      counts,
    );
    expect([leaking.ok, leaking.lines.find((l) => l.includes('RSS'))]).toEqual([
      false,
      expect.stringContaining('FAIL'),
    ]);
    expect(
      soakVerdict(
        options,
        samples(
          () => 100,
          (t) => 50 + t,
        ),
        counts,
      ).ok,
    ).toBe(false);
    expect(
      soakVerdict(
        options,
        samples(
          () => 100,
          () => 50,
        ),
        { ...counts, delivered: 99 },
      ).ok,
    ).toBe(false);
    expect(
      soakVerdict(
        options,
        samples(
          () => 100,
          () => 50,
        ),
        { ...counts, duplicates: 1 },
      ).ok,
    ).toBe(false);
  });

  it('parses its options and refuses a warm-up as long as the run', () => {
    expect(parseSoakArgs(['--clients', '300', '--duration', '120'])).toMatchObject({ clients: 300, durationS: 120 });
    expect(() => parseSoakArgs(['--duration', '10', '--warmup', '10'])).toThrow(/warmup/);
  });

  it('runs a tiny soak end to end and reports delivered = sent', async () => {
    const out = join(outDir, 'soak.json');
    const args = ['--clients', '10', '--duration', '4', '--warmup', '1', '--sample', '0.5', '--rate', '20'];
    const { code, stdout, stderr } = await runBenchCli('soak.ts', [...args, '--drain', '20', '--out', out], 60_000);
    expect(code, `${stdout}\n${stderr}`).toBe(0);
    expect(stdout).toContain('soak: all checks passed');
    const report = JSON.parse(readFileSync(out, 'utf8')) as { sent: number; delivered: number; samples: unknown[] };
    expect(report.sent).toBeGreaterThan(0);
    expect(report.delivered).toBe(report.sent);
    expect(report.samples.length).toBeGreaterThan(2);
  }, 70_000);
});
