import type { FanoutResult } from './fanout-run.js';
import type { StorageResult } from './fanout-storage.js';
import type { GroupsOptions } from './groups-args.js';
import { type HostInfo, table } from './report.js';

/** One system relative to another at one payload size (> 1: the first costs more). */
export interface FanoutRatio {
  payloadBytes: number;
  of: FanoutResult['system'];
  to: FanoutResult['system'];
  /** Sequential: time until the last recipient (p50), server CPU per recipient (p50). */
  lastMs: number;
  cpuPerRecipient: number;
  /** Burst: total time, server CPU per delivered copy. */
  burstMs: number;
  burstCpuPerRecipient: number;
}

/** Storage per queued entry of a 1:1 copy relative to a group reference, per store. */
export interface StorageRatio {
  store: StorageResult['store'];
  bytesPerEntry: number;
  drainMs: number;
  drainServerCpu: number;
}

export interface GroupsReport {
  benchmark: 'groups';
  startedAt: string;
  finishedAt?: string;
  host: HostInfo;
  source: { commit: string; packagesDirty: boolean } | undefined;
  options: GroupsOptions;
  online: FanoutResult[];
  ratios: FanoutRatio[];
  storage: StorageResult[];
  storageRatios: StorageRatio[];
  /** Error frames, failed sends and unexpected disconnects seen by the clients, by text. */
  errors: Record<string, number>;
}

const PAIRS: Array<[FanoutResult['system'], FanoutResult['system']]> = [
  ['group', 'raw ws'],
  ['group', 'raw ws + acks'],
  ['raw ws + acks', '1:1'],
  ['1:1', 'raw ws'],
  ['1:1', 'group'],
];

export function fanoutRatios(online: FanoutResult[]): FanoutRatio[] {
  const out: FanoutRatio[] = [];
  for (const size of new Set(online.map((r) => r.payloadBytes))) {
    const at = (system: FanoutResult['system']) => online.find((r) => r.payloadBytes === size && r.system === system);
    for (const [of, to] of PAIRS) {
      const a = at(of);
      const b = at(to);
      if (!a || !b) continue;
      out.push({
        payloadBytes: size,
        of,
        to,
        lastMs: a.sequential.lastMs.p50 / b.sequential.lastMs.p50,
        cpuPerRecipient: a.sequential.serverCpuUsPerRecipient.p50 / b.sequential.serverCpuUsPerRecipient.p50,
        burstMs: a.burst.totalMs / b.burst.totalMs,
        burstCpuPerRecipient: a.burst.serverCpuUsPerRecipient / b.burst.serverCpuUsPerRecipient,
      });
    }
  }
  return out;
}

export function storageRatios(storage: StorageResult[]): StorageRatio[] {
  const out: StorageRatio[] = [];
  for (const store of new Set(storage.map((r) => r.store))) {
    const group = storage.find((r) => r.store === store && r.system === 'group');
    const direct = storage.find((r) => r.store === store && r.system === '1:1');
    if (group && direct) {
      out.push({
        store,
        bytesPerEntry: direct.bytesPerEntry / group.bytesPerEntry,
        drainMs: direct.drainMs / group.drainMs,
        drainServerCpu: direct.drainServerCpuMs / group.drainServerCpuMs,
      });
    }
  }
  return out;
}

const bytes = (n: number) => (n % 1024 === 0 ? `${n / 1024} KB` : `${n} B`);
const f = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : '-');
const x = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}x` : 'n/a');

const ONLINE: Array<[string, (r: FanoutResult) => string]> = [
  ['size', (r) => bytes(r.payloadBytes)],
  ['system', (r) => r.system],
  ['last p50 ms', (r) => f(r.sequential.lastMs.p50)],
  ['last max ms', (r) => f(r.sequential.lastMs.max)],
  ['first p50 ms', (r) => f(r.sequential.firstMs.p50)],
  ['stored p50 ms', (r) => f(r.sequential.storedMs.p50)],
  ['srv µs/recip p50', (r) => f(r.sequential.serverCpuUsPerRecipient.p50)],
  ['max', (r) => f(r.sequential.serverCpuUsPerRecipient.max)],
  ['gen ms/msg', (r) => f(r.sequential.generatorCpuMsPerMessage.p50)],
  ['burst', (r) => String(r.burst.messages)],
  ['burst ms', (r) => f(r.burst.totalMs, 0)],
  ['burst last max', (r) => f(r.burst.lastMs.max, 0)],
  ['copies/s', (r) => f(r.burst.deliveriesPerS, 0)],
  ['burst µs/recip', (r) => f(r.burst.serverCpuUsPerRecipient)],
  ['missing', (r) => String(r.missing)],
  ['dup', (r) => String(r.duplicates)],
  ['refused', (r) => String(r.refused)],
  ['other cpu %', (r) => f(r.otherCpuPct, 0)],
];

const STORAGE: Array<[string, (r: StorageResult) => string]> = [
  ['store', (r) => r.store],
  ['system', (r) => r.system],
  ['entries', (r) => String(r.entries)],
  ['payload', (r) => bytes(r.payloadBytes)],
  ['queue ms', (r) => f(r.storeMs, 0)],
  ['B/entry', (r) => f(r.bytesPerEntry, 0)],
  ['kept B/entry', (r) => f(r.retainedBytesPerEntry, 0)],
  ['connect ms', (r) => f(r.connectMs, 0)],
  ['drain ms', (r) => f(r.drainMs, 0)],
  ['drain srv cpu ms', (r) => f(r.drainServerCpuMs, 0)],
  ['missing', (r) => String(r.missing)],
  ['dup', (r) => String(r.duplicates)],
  ['unsettled', (r) => String(r.unsettled)],
];

/** The online fan-out table and its ratios. */
export function formatOnline(online: FanoutResult[], ratios: FanoutRatio[]): string {
  const rows = [ONLINE.map(([h]) => h), ...online.map((r) => ONLINE.map(([, cell]) => cell(r)))];
  const lines = ratios.map(
    (r) =>
      `  ${bytes(r.payloadBytes)} ${r.of}/${r.to}: time to last ${x(r.lastMs)}, cpu/recipient ${x(r.cpuPerRecipient)}, ` +
      `burst time ${x(r.burstMs)}, burst cpu/recipient ${x(r.burstCpuPerRecipient)}`,
  );
  return [table(rows), ...lines].join('\n');
}

/** Aim 4 of issue 15: a group message's server CPU per recipient at most this share of a 1:1 message's. */
export const AIM4_CPU_SHARE = 0.1;
/** Aim 4: the last member has the message within this many ms (sequential p50). */
export const AIM4_LAST_MS = 250;

/**
 * The aim 4 verdict per payload size, from the sequential runs: group CPU per recipient against the
 * same message sent 1:1, and time to the last member; with the acked raw broadcast measured, also
 * what its frames alone come to against 1:1 (the floor of a design that acks every member's copy).
 */
export function aim4Lines(online: FanoutResult[]): string[] {
  const lines: string[] = [];
  for (const size of new Set(online.map((r) => r.payloadBytes))) {
    const at = (system: FanoutResult['system']) => online.find((r) => r.payloadBytes === size && r.system === system);
    const group = at('group');
    const direct = at('1:1');
    if (!group || !direct) continue;
    const share = group.sequential.serverCpuUsPerRecipient.p50 / direct.sequential.serverCpuUsPerRecipient.p50;
    const last = group.sequential.lastMs.p50;
    const met = share <= AIM4_CPU_SHARE && last < AIM4_LAST_MS;
    const floor = at('raw ws + acks');
    const floorUs = floor?.sequential.serverCpuUsPerRecipient.p50;
    lines.push(
      `aim 4 (${bytes(size)}: group cpu/recipient <= ${AIM4_CPU_SHARE}x 1:1, last member < ${AIM4_LAST_MS} ms): ` +
        `${met ? 'met' : 'NOT met'}: ${x(share)} (${f(group.sequential.serverCpuUsPerRecipient.p50)} vs ` +
        `${f(direct.sequential.serverCpuUsPerRecipient.p50)} µs), last member p50 ${f(last)} ms` +
        (floorUs === undefined
          ? ''
          : `; the frames alone (raw ws + acks) ${x(floorUs / direct.sequential.serverCpuUsPerRecipient.p50)} of 1:1, ${f(floorUs)} µs`),
    );
  }
  return lines;
}

/** The storage table, the SQLite growth per table, and 1:1/group ratios. */
export function formatStorage(storage: StorageResult[], ratios: StorageRatio[]): string {
  const rows = [STORAGE.map(([h]) => h), ...storage.map((r) => STORAGE.map(([, cell]) => cell(r)))];
  const lines: string[] = [];
  for (const r of storage) {
    if (!r.tables) continue;
    const parts = Object.entries(r.tables)
      .sort((a, b) => b[1] - a[1])
      .map(([name, delta]) => `${name} ${f(delta / r.entries, 0)}`);
    lines.push(`  ${r.store} ${r.system} B/entry by table: ${parts.join(', ')}`);
  }
  for (const r of ratios) {
    lines.push(
      `  ${r.store} 1:1/group: bytes per entry ${x(r.bytesPerEntry)}, drain time ${x(r.drainMs)}, ` +
        `drain server cpu ${x(r.drainServerCpu)}`,
    );
  }
  return [table(rows), ...lines].join('\n');
}
