// A 100 MB file sent and received with bounded memory: server and clients each in a child process
// (file stores, file media spools, the server's media on disk), so each one's resident memory is
// its own. Growth is measured from a baseline taken after a GC once connected, to the peak.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { onCleanup } from './helpers/harness.js';

const MEGABYTES = Number(process.env.PARLEY_MEDIA_TEST_MB ?? 100);
const LIMIT = 64 * 1024 * 1024;
const MB = 1024 * 1024;

function child(script: string, args: string[]): ChildProcess {
  const proc = spawn(
    process.execPath,
    ['--expose-gc', '--conditions=source', '--import', 'tsx', join(import.meta.dirname, 'fixtures', script), ...args],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  onCleanup(async () => {
    if (proc.exitCode === null) {
      proc.kill('SIGKILL');
      await new Promise((resolve) => proc.once('exit', resolve));
    }
  });
  return proc;
}

const nextMessage = <T>(proc: ChildProcess) =>
  new Promise<T>((resolve, reject) => {
    proc.once('message', (m) => resolve(m as T));
    proc.once('exit', (code) => reject(new Error(`child exited with ${code}`)));
  });

it(`sends and receives a ${MEGABYTES} MB file with client and server memory growing less than 64 MB each`, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-media-large-'));
  onCleanup(async () => rmSync(dir, { recursive: true, force: true }));
  const server = child('media-server-child.ts', [join(dir, 'server')]);
  const { url, rss: serverBaseline } = await nextMessage<{ url: string; rss: number }>(server);
  const client = child('media-client-child.ts', [url, join(dir, 'client'), String(MEGABYTES)]);
  const r = await nextMessage<{
    inputHash: string;
    outputHash: string;
    sendMs: number;
    downloadMs: number;
    baselineRss: number;
    sampledPeakRss: number;
    sendPeakRss: number;
    verifyPeakRss: number;
    maxRss: number;
  }>(client);
  server.send('report');
  const { maxRss: serverPeak } = await nextMessage<{ maxRss: number }>(server);

  const clientGrowth = Math.max(r.maxRss, r.sampledPeakRss) - r.baselineRss;
  const serverGrowth = serverPeak - serverBaseline;
  const mbps = (ms: number) => (MEGABYTES / (ms / 1000)).toFixed(1);
  console.log(
    `media ${MEGABYTES} MB: send (encrypt + upload) ${(r.sendMs / 1000).toFixed(1)} s = ${mbps(r.sendMs)} MB/s, ` +
      `download (fetch + verify + decrypt) ${(r.downloadMs / 1000).toFixed(1)} s = ${mbps(r.downloadMs)} MB/s; ` +
      `client RSS +${(clientGrowth / MB).toFixed(1)} MB (sampled: +${((r.sendPeakRss - r.baselineRss) / MB).toFixed(1)} MB ` +
      `sending, +${((r.verifyPeakRss - r.baselineRss) / MB).toFixed(1)} MB up to verified, ` +
      `+${((r.sampledPeakRss - r.baselineRss) / MB).toFixed(1)} MB overall), ` +
      `server RSS +${(serverGrowth / MB).toFixed(1)} MB`,
  );
  expect(r.outputHash).toBe(r.inputHash);
  expect(clientGrowth).toBeLessThan(LIMIT);
  expect(serverGrowth).toBeLessThan(LIMIT);
}, 300_000);
