// The crypto benchmark's table, its aims, and the JSON written to examples/bench/results/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Measurement } from './measure.js';
import { PLATFORM_LABELS, type PlatformName, type PlatformResult } from './platform.js';
import { OPERATION_LABELS, OPERATIONS, type OperationName, type SuiteResult } from './suite.js';

export interface CryptoReport {
  benchmark: 'crypto';
  startedAt: string;
  finishedAt: string;
  host: { node: string; platform: string; arch: string; cpus: number; cpuModel: string };
  messageBytes: number;
  /** Parley with native WebCrypto X25519 (XEdDSA signatures stay asm.js). Absent without WebCrypto X25519. */
  parleyWebCrypto: SuiteResult | null;
  /** Parley with the library's asm.js curve code for everything. */
  parleyAsmJs: SuiteResult;
  /** The official library, or null when it is not installed. */
  official: { version: string; results: SuiteResult } | null;
  platform: PlatformResult;
  /** Parley rate / official rate per operation (> 1: Parley is faster). */
  ratios: { webCrypto: Partial<Record<OperationName, number>>; asmJs: Partial<Record<OperationName, number>> } | null;
  aims: Aim[] | null;
}

export interface Aim {
  backend: 'webcrypto' | 'asm.js';
  aim: string;
  /** Parley rate / official rate. */
  ratio: number;
  required: number;
  met: boolean;
}

export function host(): CryptoReport['host'] {
  const list = cpus();
  return {
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    cpus: list.length,
    cpuModel: list[0]?.model ?? 'unknown',
  };
}

export function ratiosOf(parley: SuiteResult, official: SuiteResult): Partial<Record<OperationName, number>> {
  const out: Partial<Record<OperationName, number>> = {};
  for (const op of OPERATIONS) out[op] = parley[op].opsPerSec / official[op].opsPerSec;
  return out;
}

const AIMS: Array<{ aim: string; ops: OperationName[]; required: number }> = [
  { aim: 'steady encrypt at or above the official rate', ops: ['steadyEncrypt'], required: 1 },
  { aim: 'steady decrypt at or above the official rate', ops: ['steadyDecrypt'], required: 1 },
  { aim: 'ping-pong at least half the official rate', ops: ['pingPong'], required: 0.5 },
  { aim: 'session setup within twice the official time', ops: ['sessionSetup'], required: 0.5 },
];

export function aimsOf(backend: Aim['backend'], ratios: Partial<Record<OperationName, number>>): Aim[] {
  return AIMS.map(({ aim, ops, required }) => {
    const ratio = Math.min(...ops.map((op) => ratios[op] ?? Number.NaN));
    return { backend, aim, ratio, required, met: ratio >= required };
  });
}

const ms = (m: Measurement | undefined) => (m ? m.msPerOp.toFixed(m.msPerOp < 0.1 ? 4 : 3) : '-');
const rate = (m: Measurement | undefined) => (m ? Math.round(m.opsPerSec).toLocaleString('en-US') : '-');
const ratio = (r: number | undefined) => (r === undefined || Number.isNaN(r) ? '-' : `${r.toFixed(r < 0.1 ? 3 : 2)}x`);

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export function formatReport(report: CryptoReport): string {
  const official = report.official?.results;
  const header = [
    `operation (${report.messageBytes}-byte message)`,
    'Parley WebCrypto ms/op',
    'op/s',
    'Parley asm.js ms/op',
    'op/s',
    official ? `official ${report.official?.version} ms/op` : 'official ms/op',
    'op/s',
    'WebCrypto/official',
    'asm.js/official',
  ];
  const rows = OPERATIONS.map((op) => [
    OPERATION_LABELS[op],
    ms(report.parleyWebCrypto?.[op]),
    rate(report.parleyWebCrypto?.[op]),
    ms(report.parleyAsmJs[op]),
    rate(report.parleyAsmJs[op]),
    ms(official?.[op]),
    rate(official?.[op]),
    ratio(report.ratios?.webCrypto[op]),
    ratio(report.ratios?.asmJs[op]),
  ]);
  const platformRows = (Object.keys(PLATFORM_LABELS) as PlatformName[]).map((name) => [
    PLATFORM_LABELS[name],
    ms(report.platform[name]),
    rate(report.platform[name]),
  ]);
  const parts = [table(header, rows)];
  if (report.ratios) parts.push('Ratios are Parley op/s divided by official op/s: above 1x Parley is faster.');
  parts.push('', table(['platform primitive', 'ms/op', 'op/s'], platformRows));
  if (!report.official)
    parts.push('', 'official library not installed: no comparison (pnpm install adds it to packages/interop-tests).');
  if (report.aims) {
    parts.push('', 'Aims (issue 3):');
    for (const a of report.aims) {
      parts.push(
        `  [${a.met ? 'met' : 'NOT met'}] ${a.backend.padEnd(9)} ${a.aim}: ${ratio(a.ratio)} of the official rate (needs ${a.required}x)`,
      );
    }
  }
  return parts.join('\n');
}

/** Writes the report to examples/bench/results/crypto-<timestamp>.json and returns the path. */
export function writeReport(report: CryptoReport): string {
  const dir = fileURLToPath(new URL('../../results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const path = `${dir}crypto-${report.startedAt.replace(/[:.]/g, '-')}.json`;
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  return path;
}
