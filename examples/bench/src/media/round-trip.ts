// One large media file sent and downloaded end to end, server and client each in a child process
// (file stores, file media spools, the server's media on disk), so each one's resident memory is
// its own. Growth is measured from a baseline taken after a GC once connected, to the peak.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const MB = 1024 * 1024;
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** What one round trip measured. */
export interface MediaRoundTrip {
  megabytes: number;
  /** SHA-256 of the file sent and of the bytes downloaded: equal when the round trip is intact. */
  inputHash: string;
  outputHash: string;
  /** Encrypt + upload, ms. */
  sendMs: number;
  /** Fetch + verify + decrypt, ms. */
  downloadMs: number;
  /** Client resident-memory growth over its baseline: the larger of the sampled peak and maxRSS. */
  clientGrowthBytes: number;
  /** Client growth sampled while sending, and up to the verified download. */
  clientSendGrowthBytes: number;
  clientVerifyGrowthBytes: number;
  /** Server peak resident memory over its baseline once listening. */
  serverGrowthBytes: number;
}

/** Client child's report. */
interface ClientReport {
  inputHash: string;
  outputHash: string;
  sendMs: number;
  downloadMs: number;
  baselineRss: number;
  sampledPeakRss: number;
  sendPeakRss: number;
  verifyPeakRss: number;
  maxRss: number;
}

function child(script: string, args: string[]): ChildProcess {
  return spawn(
    process.execPath,
    ['--expose-gc', '--conditions=source', '--import', tsxLoader, join(import.meta.dirname, script), ...args],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
}

const nextMessage = <T>(proc: ChildProcess) =>
  new Promise<T>((resolve, reject) => {
    proc.once('message', (m) => resolve(m as T));
    proc.once('exit', (code) => reject(new Error(`child exited with ${code}`)));
  });

async function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill('SIGKILL');
  await exited;
}

/** Sends a file of `megabytes` random MB from alice to bob through a gateway and downloads it. */
export async function mediaRoundTrip(megabytes: number): Promise<MediaRoundTrip> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-media-'));
  const children: ChildProcess[] = [];
  try {
    const maxUploadMb = Math.max(200, 2 * megabytes);
    const server = child('server-child.ts', [join(dir, 'server'), String(maxUploadMb)]);
    children.push(server);
    const { url, rss: serverBaseline } = await nextMessage<{ url: string; rss: number }>(server);
    const client = child('client-child.ts', [url, join(dir, 'client'), String(megabytes)]);
    children.push(client);
    const r = await nextMessage<ClientReport>(client);
    server.send('report');
    const { maxRss: serverPeak } = await nextMessage<{ maxRss: number }>(server);
    return {
      megabytes,
      inputHash: r.inputHash,
      outputHash: r.outputHash,
      sendMs: r.sendMs,
      downloadMs: r.downloadMs,
      clientGrowthBytes: Math.max(r.maxRss, r.sampledPeakRss) - r.baselineRss,
      clientSendGrowthBytes: r.sendPeakRss - r.baselineRss,
      clientVerifyGrowthBytes: r.verifyPeakRss - r.baselineRss,
      serverGrowthBytes: serverPeak - serverBaseline,
    };
  } finally {
    await Promise.all(children.map(stop));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One line: throughput each way and memory growth of client and server. */
export function formatMediaRoundTrip(r: MediaRoundTrip): string {
  const mbps = (ms: number) => (r.megabytes / (ms / 1000)).toFixed(1);
  const mb = (bytes: number) => (bytes / MB).toFixed(1);
  return (
    `media ${r.megabytes} MB: send (encrypt + upload) ${(r.sendMs / 1000).toFixed(1)} s = ${mbps(r.sendMs)} MB/s, ` +
    `download (fetch + verify + decrypt) ${(r.downloadMs / 1000).toFixed(1)} s = ${mbps(r.downloadMs)} MB/s; ` +
    `client RSS +${mb(r.clientGrowthBytes)} MB (sampled: +${mb(r.clientSendGrowthBytes)} MB sending, ` +
    `+${mb(r.clientVerifyGrowthBytes)} MB up to verified), server RSS +${mb(r.serverGrowthBytes)} MB`
  );
}
