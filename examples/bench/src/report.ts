import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import type { BenchOptions } from './args.js';
import type { RunResult } from './run.js';

/** Parley relative to the relay at one rate (> 1 means Parley is higher). */
export interface Ratios {
  deliveredRate: number;
  p99: number;
  cpuPerMsg: number;
}

export interface RateResult {
  rate: number;
  parley?: RunResult;
  relay?: RunResult;
  /** The relay with Parley's frames per message (SendAck, ack, receipt, receipt ack) and nothing else. */
  'relay-acks'?: RunResult;
  /** Parley on `--gateways` gateways over PostgreSQL + Redis. */
  cluster?: RunResult;
  ratios?: Ratios;
}

/** The machine a report was measured on. */
export interface HostInfo {
  node: string;
  platform: string;
  cpus: number;
  cpuModel: string;
  pinned: boolean;
}

export function hostInfo(pinned: boolean): HostInfo {
  return {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    pinned,
  };
}

export interface Report {
  benchmark: 'delivery';
  startedAt: string;
  finishedAt?: string;
  host: HostInfo;
  /** The code measured: commit and whether packages/ had uncommitted changes. */
  source: { commit: string; packagesDirty: boolean } | undefined;
  options: BenchOptions;
  results: RateResult[];
}

export function ratiosOf(parley: RunResult, relay: RunResult): Ratios {
  return {
    deliveredRate: parley.deliveredRate / relay.deliveredRate,
    p99: parley.latency.p99 / relay.latency.p99,
    cpuPerMsg: parley.serverCpuUsPerMsg / relay.serverCpuUsPerMsg,
  };
}

/** A cluster's PostgreSQL round trips or Redis commands per delivered message; '-' otherwise. */
const opsTotal = (r: RunResult, kind: 'pg' | 'redis') =>
  r.storeOpsPerMsg
    ? Object.values(r.storeOpsPerMsg[kind])
        .reduce((a, b) => a + b, 0)
        .toFixed(2)
    : '-';

const COLUMNS: Array<[string, (r: RunResult) => string]> = [
  ['system', (r) => r.system],
  ['target/s', (r) => String(r.targetRate)],
  ['sent/s', (r) => r.sentRate.toFixed(0)],
  ['delivered/s', (r) => r.deliveredRate.toFixed(0)],
  ['p50 ms', (r) => r.latency.p50.toFixed(2)],
  ['p99 ms', (r) => r.latency.p99.toFixed(2)],
  ['max ms', (r) => r.latency.max.toFixed(1)],
  ['srv µs/msg', (r) => r.serverCpuUsPerMsg.toFixed(1)],
  ['srv cpu %', (r) => r.serverCpuPct.toFixed(0)],
  ['db µs/msg', (r) => (r.system === 'cluster' && Number.isFinite(r.dbCpuUsPerMsg) ? r.dbCpuUsPerMsg.toFixed(1) : '-')],
  ['pg rt/msg', (r) => opsTotal(r, 'pg')],
  ['redis cmd/msg', (r) => opsTotal(r, 'redis')],
  ['srv sys %', (r) => ((100 * r.serverSysCpuMs) / (r.windowS * 1000)).toFixed(0)],
  ['srv syscalls/msg', (r) => (Number.isFinite(r.serverSyscallsPerMsg) ? r.serverSyscallsPerMsg.toFixed(2) : '?')],
  ['srv peak MB', (r) => (Number.isFinite(r.serverPeakRssMb) ? r.serverPeakRssMb.toFixed(0) : '?')],
  ['gen cpu %', (r) => r.generatorCpuPct.toFixed(0)],
  // The generator over the measured window: lag p99 and max, ticks/batches late by > 100 ms, and
  // the share of the window's scheduled sends written in it (see generator/lag.ts).
  ['gen lag p99', (r) => r.generatorLag.p99Ms.toFixed(0)],
  ['gen lag max', (r) => r.maxTickLagMs.toFixed(0)],
  ['gen late', (r) => String(r.generatorLag.late)],
  ['gen wrote %', (r) => (Number.isFinite(r.generatorWrittenPct) ? r.generatorWrittenPct.toFixed(1) : '?')],
  ['gen thr', (r) => String(r.generatorThreads ?? 0)],
  ['gen ok', (r) => (r.generatorOk === false ? 'INVALID' : 'yes')],
  ['other cpu %', (r) => (Number.isFinite(r.otherCpuPct) ? r.otherCpuPct.toFixed(0) : '?')],
  ['acks/s', (r) => (r.system !== 'relay' ? (r.sendAcks / r.windowS).toFixed(0) : '-')],
  ['rcpt in ack %', (r) => (Number.isFinite(r.receiptsInAckPct) ? r.receiptsInAckPct.toFixed(0) : '-')],
  ['refused/s', (r) => (r.refusedRate ? r.refusedRate.toFixed(0) : '0')],
  ['errors', (r) => String(r.errors)],
  ['undelivered', (r) => String(r.undelivered)],
];

/** Rows as aligned columns: the first left-aligned, the others right-aligned. */
export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  const pad = (cell: string, c: number) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0));
  return rows.map((r) => r.map(pad).join('  ')).join('\n');
}

const x = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}x` : 'n/a');

/** The human-readable table of one rate (or of all rates when given several). */
export function formatRates(results: RateResult[]): string {
  const rows: string[][] = [COLUMNS.map(([h]) => h)];
  const ratioLines: string[] = [];
  for (const r of results) {
    for (const run of [r.parley, r.relay, r['relay-acks'], r.cluster])
      if (run) rows.push(COLUMNS.map(([, f]) => f(run)));
    if (r.ratios) {
      ratioLines.push(
        `  @${r.rate}/s parley/relay: delivered rate ${x(r.ratios.deliveredRate)}, ` +
          `p99 ${x(r.ratios.p99)}, cpu/msg ${x(r.ratios.cpuPerMsg)}`,
      );
    }
    const acked = r['relay-acks'];
    if (acked && r.relay) {
      const framesPart = `  @${r.rate}/s relay-acks/relay cpu/msg ${x(acked.serverCpuUsPerMsg / r.relay.serverCpuUsPerMsg)}`;
      const parleyPart = r.parley
        ? `, parley/relay-acks ${x(r.parley.serverCpuUsPerMsg / acked.serverCpuUsPerMsg)}`
        : '';
      ratioLines.push(`${framesPart}${parleyPart} (what Parley's frames alone cost, and what the rest costs on top)`);
    }
  }
  return [table(rows), ...ratioLines].join('\n');
}

/** Distinct error texts seen, for a run that had any. */
export function formatErrors(run: RunResult): string | undefined {
  const entries = Object.entries(run.errorSamples);
  if (entries.length === 0 && run.disconnects === 0) return undefined;
  const list = entries.map(([text, n]) => `    ${n}x ${text}`).join('\n');
  return `  ${run.system}: ${run.errors} errors, ${run.disconnects} disconnects\n${list}`;
}

export function writeReport(path: string, report: object): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}

/** Commit of the working tree and whether packages/ differs from it; undefined outside git. */
export function sourceInfo(cwd: string): Report['source'] {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
    const root = git('rev-parse', '--show-toplevel');
    return {
      commit: git('rev-parse', 'HEAD'),
      packagesDirty: git('-C', root, 'status', '--porcelain', '--', 'packages').length > 0,
    };
  } catch {
    return undefined;
  }
}
