// A 100 MB file sent and received with bounded memory (the media round trip of `bench:media`).
// Off by default: it takes a minute and measures memory, which a loaded CI machine blurs; run with
// PARLEY_BENCH=1 (PARLEY_MEDIA_TEST_MB to change the size). A 2 MB run of the bench's CLI always runs.
import { describe, expect, it } from 'vitest';
import { formatMediaRoundTrip, mediaRoundTrip } from '../src/media/round-trip.js';
import { runBenchCli } from './run-cli.js';

const enabled = process.env.PARLEY_BENCH === '1';
const MEGABYTES = Number(process.env.PARLEY_MEDIA_TEST_MB ?? 100);
const LIMIT = 64 * 1024 * 1024;

describe('bench:media', () => {
  it('sends and downloads a small file end to end and prints the figures', async () => {
    const { code, stdout, stderr } = await runBenchCli('media.ts', ['--mb', '2'], 55_000);
    expect(code, `${stdout}\n${stderr}`).toBe(0);
    expect(stdout).toMatch(/media 2 MB: send .* MB\/s, download .* MB\/s; client RSS \+.* server RSS \+/);
  }, 60_000);

  it.runIf(enabled)(
    `sends and receives a ${MEGABYTES} MB file with client and server memory growing less than 64 MB each`,
    async () => {
      const r = await mediaRoundTrip(MEGABYTES);
      console.log(formatMediaRoundTrip(r));
      expect(r.outputHash).toBe(r.inputHash);
      expect(r.clientGrowthBytes).toBeLessThan(LIMIT);
      expect(r.serverGrowthBytes).toBeLessThan(LIMIT);
    },
    300_000,
  );
});
