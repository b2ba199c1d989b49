import { join, resolve } from 'node:path';
import type { BenchOptions } from './args.js';
import { type ServerChild, startServerChild } from './child.js';
import { type ClusterServers, startClusterServers } from './cluster-servers.js';
import {
  databaseCpuBetween,
  databaseCpuByPid,
  machineCpuMicros,
  processCpuSplit,
  processMemory,
  processSyscalls,
  selfCpuMicros,
  waitForQuietMachine,
} from './cpu.js';
import type { Generator } from './generator/generator.js';
import { generatorVerdict, type LagSummary, summarizeLag } from './generator/lag.js';
import { startGenerator } from './generator/start.js';
import { runOpenLoop } from './load.js';
import type { ParleyIdentity } from './parley-bench-client.js';
import { type LatencySummary, summarize } from './stats.js';
import { countsBetween, type StoreCounts, sumCounts } from './store-counts.js';

/** `cluster`: Parley on `--gateways` gateways over PostgreSQL + Redis, clients spread round-robin. */
export type System = 'parley' | 'relay' | 'relay-acks' | 'cluster';

/** One measured window of one system at one target rate. */
export interface RunResult {
  system: System;
  targetRate: number;
  clients: number;
  payloadBytes: number;
  connectMs: number;
  windowS: number;
  /** Messages sent during the window, per second. */
  sentRate: number;
  /** Messages received by recipients during the window. */
  delivered: number;
  deliveredRate: number;
  /** Of the messages sent in the window: received by the end of the drain. */
  windowReceived: number;
  /** Of the messages sent in the window and not refused: not received by the end of the drain. */
  undelivered: number;
  /** Sends refused with OVERLOADED (load shedding) during the window, per second. */
  refusedRate: number;
  /** Of the messages sent in the window: refused with OVERLOADED (not resent by the bench). */
  windowRefused: number;
  duplicates: number;
  /** Parley SendAcks received during the window (0 for the relay). */
  sendAcks: number;
  /** Of the DELIVERED receipts the senders got in the window, the share that came in SendAcks (%; NaN: none). */
  receiptsInAckPct: number;
  /** Sent messages (all phases) never acknowledged by the end of the drain (Parley only). */
  unacked: number;
  errors: number;
  disconnects: number;
  errorSamples: Record<string, number>;
  /** Latency of messages sent in the window, ms. */
  latency: LatencySummary;
  serverCpuMs: number;
  /** Of serverCpuMs: time in the kernel (socket and file I/O syscalls). */
  serverSysCpuMs: number;
  /** Read and write system calls of the server per delivered message (see processSyscalls). */
  serverSyscallsPerMsg: number;
  /** The server's peak resident memory by the end of the window, MB (a cluster: its gateways' sum); NaN if unknown. */
  serverPeakRssMb: number;
  serverCpuUsPerMsg: number;
  serverCpuPct: number;
  /** Cluster only: PostgreSQL + Redis CPU per delivered message (µs); NaN otherwise or unknown. */
  dbCpuUsPerMsg: number;
  /** Cluster only: PostgreSQL + Redis CPU during the window (% of one core). */
  dbCpuPct: number;
  /**
   * False when the load generator could not keep the schedule (see `generatorVerdict`: its core
   * above 90%, lag p99 above 100 ms, or under 99% of the window's sends written in it): such a run
   * measures the generator, not the server, and is not a result.
   */
  generatorOk: boolean;
  /** Why the run is not valid (empty when `generatorOk`). */
  generatorInvalid: string[];
  /**
   * The generator's lag over the measured window: the scheduler's ticks and every thread's batches,
   * one sample each (a pause counts once, see LagSampler); `maxMs` as maxTickLagMs.
   */
  generatorLag: LagSummary;
  /** Sends written to sockets in the window, % of the schedule's for the window. */
  generatorWrittenPct: number;
  /** CPU of the whole generator (every thread of the bench's process), % of one core. */
  generatorCpuPct: number;
  /** Worker threads that owned the clients (`--generators`); 0: the clients ran in the main thread. */
  generatorThreads: number;
  /** CPU used by everything else on the machine during the window (% of one core); NaN if unknown. */
  otherCpuPct: number;
  /** CPU stolen by the hypervisor during the window (% of one core). */
  stealPct: number;
  /** The generator's worst delay behind schedule in the measured window (ms): the larger of the two below. */
  maxTickLagMs: number;
  /** Worst delay of a window tick's oldest send (main thread) behind its due time, ms. */
  schedulerLagMs: number;
  /** Worst delay of a window batch of sends of a generator thread, written, behind its tick's scheduled time, ms (0: no threads). */
  threadLagMs: number;
  drainMs: number;
  /** CPU profiles written (one per gateway for a cluster). */
  profile?: string;
  profiles?: string[];
  /** Sampling heap profiles written (one per gateway for a cluster). */
  heapProfiles?: string[];
  /** Cluster only: PostgreSQL round trips and Redis commands per delivered message, all gateways. */
  storeOpsPerMsg?: StoreCounts;
}

interface Snapshot {
  t: number;
  serverCpu: number;
  serverSys: number;
  serverSyscalls: number;
  selfCpu: number;
  machine: { busy: number; steal: number } | undefined;
  received: number;
  acked: number;
  errors: number;
  refused: number;
  sent: number;
  receipts: number;
  receiptsInAck: number;
  db: Map<number, number> | undefined;
}

const receiptsShare = (inAck: number, queued: number) =>
  inAck + queued > 0 ? (100 * inAck) / (inAck + queued) : Number.NaN;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the system's server child, connects the clients, runs warm-up + window, drains, tears down. */
export async function runSystem(
  system: System,
  rate: number,
  o: BenchOptions,
  identities: ParleyIdentity[],
  log: (line: string) => void,
): Promise<RunResult> {
  const core = o.pin ? 0 : undefined;
  if (o.quietWaitS > 0) {
    const busy = await waitForQuietMachine(o.quietWaitS);
    if (busy >= 15) log(`  machine still busy (${busy.toFixed(0)}% of a core) after ${o.quietWaitS} s; running anyway`);
  }
  const serverKit = o.serverKit ? { PARLEY_BENCH_SERVER_KIT: resolve(o.serverKit) } : {};
  const cluster: ClusterServers | undefined =
    system === 'cluster' ? await startClusterServers(o.gateways, core, serverKit) : undefined;
  const child: ServerChild = cluster
    ? (cluster.children[0] as ServerChild)
    : await startServerChild(
        system === 'parley' ? './parley-server.ts' : './relay-server.ts',
        core,
        system === 'parley' ? serverKit : system === 'relay-acks' ? { PARLEY_BENCH_RELAY_ACKS: '1' } : {},
      );
  const servers = cluster?.children ?? [child];
  const isParley = system === 'parley' || system === 'cluster';
  let gen: Generator | undefined;
  try {
    const url = `ws://127.0.0.1:${child.port}`;
    const connectStart = performance.now();
    gen = await startGenerator(
      {
        protocol: isParley ? 'parley' : system === 'relay-acks' ? 'relay-acks' : 'relay',
        clients: o.clients,
        size: o.size,
        identities,
        urls: cluster?.urls ?? [url],
      },
      o.generators,
    );
    const target = gen;
    const connectMs = performance.now() - connectStart;
    const where = gen.threads > 0 ? `${gen.threads} generator threads` : 'the main thread';
    log(`  ${system}: ${o.clients} clients connected in ${(connectMs / 1000).toFixed(1)} s (in ${where}); running`);

    const snap = (): Snapshot => {
      // A cluster's server CPU is the sum of its gateways' (PostgreSQL and Redis count as "other").
      const splits = servers.map((c) => processCpuSplit(c.pid));
      const server = splits.every((x) => x !== undefined)
        ? splits.reduce((a, b) => ({ user: a.user + b.user, system: a.system + b.system }), { user: 0, system: 0 })
        : undefined;
      const totals = target.totals();
      return {
        t: performance.now(),
        serverCpu: server ? server.user + server.system : Number.NaN,
        serverSys: server ? server.system : Number.NaN,
        serverSyscalls: servers.reduce((n, c) => n + (processSyscalls(c.pid) ?? Number.NaN), 0),
        selfCpu: selfCpuMicros(),
        machine: machineCpuMicros(),
        received: totals.received,
        acked: totals.acked,
        errors: totals.errors,
        refused: totals.refused,
        sent: totals.sent,
        receipts: totals.receipts,
        receiptsInAck: totals.receiptsInAck,
        db: system === 'cluster' ? databaseCpuByPid() : undefined,
      };
    };
    let start: Snapshot | undefined;
    let end: Snapshot | undefined;
    // One profile per gateway: a cluster's work is split between them.
    const profilesIn = (dir: string | undefined, extension: string) =>
      dir && isParley
        ? servers.map((_, i) => join(dir, `${cluster ? `cluster-g${i + 1}` : 'parley'}-${rate}.${extension}`))
        : [];
    const profilePaths = profilesIn(o.profileDir, 'cpuprofile');
    const heapProfilePaths = profilesIn(o.heapProfileDir, 'heapprofile');
    let heapProfiling: Promise<unknown> | undefined;
    const countsOf = () =>
      Promise.all(servers.map((c) => c.request({ type: 'store-counts' }, 'store-counts'))).then(sumCounts);
    let countsAtStart: Promise<StoreCounts> | undefined;
    let countsAtEnd: Promise<StoreCounts> | undefined;
    const warmupMs = o.warmupS * 1000;
    const measureMs = o.durationS * 1000;
    // The same arithmetic as the scheduler: message k is due at k / rate seconds.
    const windowFrom = Math.floor((rate * warmupMs) / 1000);
    const windowTo = Math.floor((rate * (warmupMs + measureMs)) / 1000);
    target.setWindow(windowFrom, windowTo);
    let profiling: Promise<unknown> | undefined;

    const load = await runOpenLoop(
      target,
      {
        rate,
        tickMs: o.tickMs,
        sampledPhase: 'measure',
        ...(o.partners !== undefined ? { partners: o.partners } : {}),
        phases: [
          { name: 'warmup', ms: warmupMs },
          { name: 'measure', ms: measureMs },
        ],
      },
      (phase) => {
        if (phase === 'measure') {
          start = snap();
          // Profile the measured window only (the request is answered while load continues).
          if (cluster) countsAtStart = countsOf();
          if (profilePaths.length > 0)
            profiling = Promise.all(servers.map((c) => c.request({ type: 'profile-start' }, 'profile-started')));
          if (heapProfilePaths.length > 0)
            heapProfiling = Promise.all(
              servers.map((c) => c.request({ type: 'heap-profile-start' }, 'heap-profile-started')),
            );
        } else if (phase === undefined) {
          end = snap();
          if (cluster) countsAtEnd = countsOf();
        }
      },
    );
    if (!start || !end) throw new Error('scheduler ended without a measured window');

    if (profilePaths.length > 0) {
      await profiling;
      await Promise.all(
        servers.map((c, i) => c.request({ type: 'profile-stop', path: profilePaths[i] as string }, 'profile-written')),
      );
    }
    if (heapProfilePaths.length > 0) {
      await heapProfiling;
      await Promise.all(
        servers.map((c, i) =>
          c.request(
            { type: 'heap-profile-stop', path: heapProfilePaths[i] as string },
            'heap-profile-written',
            120_000,
          ),
        ),
      );
    }
    const countsStart = await countsAtStart;
    const countsEnd = await countsAtEnd;

    // Drain: wait (bounded) until every batch was written (generator threads) and every sent
    // message arrived and, for Parley, was acknowledged.
    const drainStart = performance.now();
    const deadline = drainStart + o.drainS * 1000;
    const settled = () => {
      const c = target.totals();
      return (
        target.pending() === 0 &&
        c.received + c.refusedSeqs >= c.sent &&
        (!isParley || c.acked + c.errors + c.refused >= c.sent)
      );
    };
    while (!settled() && performance.now() < deadline) await sleep(20);
    const drainMs = performance.now() - drainStart;
    const totals = target.totals();
    const threadLagMs = totals.maxLagMs;
    const { latency: samples, lag: threadLag, errorSamples } = await target.finish();

    const windowS = (end.t - start.t) / 1000;
    const delivered = end.received - start.received;
    const serverCpuUs = end.serverCpu - start.serverCpu;
    const latency = summarize(samples);
    const windowMs = end.t - start.t;
    const pct = (us: number) => (us / 1000 / windowMs) * 100;
    const selfUs = end.selfCpu - start.selfCpu;
    const machineBusy = start.machine && end.machine ? end.machine.busy - start.machine.busy : Number.NaN;
    const steal = start.machine && end.machine ? end.machine.steal - start.machine.steal : Number.NaN;
    const dbUs = start.db && end.db ? databaseCpuBetween(start.db, end.db) : Number.NaN;
    const generatorCpuPct = pct(selfUs);
    const maxLagMs = Math.max(load.lag.maxMs, threadLagMs);
    const generatorLag = summarizeLag([load.lag.samples, ...threadLag], maxLagMs);
    const scheduled = windowTo - windowFrom;
    const written = end.sent - start.sent;
    const verdict = generatorVerdict({ cpuPct: generatorCpuPct, lag: generatorLag, written, scheduled });
    return {
      system,
      targetRate: rate,
      clients: o.clients,
      payloadBytes: o.size,
      connectMs: Math.round(connectMs),
      windowS,
      sentRate: load.sent.measure ? load.sent.measure / windowS : 0,
      delivered,
      deliveredRate: delivered / windowS,
      windowReceived: totals.windowReceived,
      undelivered: windowTo - windowFrom - totals.windowRefused - totals.windowReceived,
      refusedRate: (end.refused - start.refused) / windowS,
      windowRefused: totals.windowRefused,
      duplicates: totals.duplicates,
      sendAcks: end.acked - start.acked,
      receiptsInAckPct: receiptsShare(end.receiptsInAck - start.receiptsInAck, end.receipts - start.receipts),
      unacked: isParley ? totals.sent - totals.acked - totals.errors - totals.refused : 0,
      errors: totals.errors,
      disconnects: totals.disconnects,
      errorSamples: Object.fromEntries(errorSamples),
      latency,
      serverCpuMs: serverCpuUs / 1000,
      serverSysCpuMs: (end.serverSys - start.serverSys) / 1000,
      serverSyscallsPerMsg: delivered > 0 ? (end.serverSyscalls - start.serverSyscalls) / delivered : Number.NaN,
      serverPeakRssMb: servers.reduce((n, c) => n + (processMemory(c.pid)?.peak ?? Number.NaN), 0) / 2 ** 20,
      serverCpuUsPerMsg: delivered > 0 ? serverCpuUs / delivered : Number.NaN,
      serverCpuPct: pct(serverCpuUs),
      dbCpuUsPerMsg: delivered > 0 ? dbUs / delivered : Number.NaN,
      dbCpuPct: pct(dbUs),
      generatorOk: verdict.ok,
      generatorInvalid: verdict.reasons,
      generatorLag,
      generatorWrittenPct: scheduled > 0 ? (100 * written) / scheduled : Number.NaN,
      generatorCpuPct,
      generatorThreads: target.threads,
      otherCpuPct: Math.max(0, pct(machineBusy - serverCpuUs - selfUs - (Number.isFinite(dbUs) ? dbUs : 0))),
      stealPct: pct(steal),
      maxTickLagMs: maxLagMs,
      schedulerLagMs: load.lag.maxMs,
      threadLagMs,
      drainMs: Math.round(drainMs),
      ...(profilePaths.length === 1 ? { profile: profilePaths[0] as string } : {}),
      ...(profilePaths.length > 1 ? { profiles: profilePaths } : {}),
      ...(heapProfilePaths.length > 0 ? { heapProfiles: heapProfilePaths } : {}),
      ...(countsStart && countsEnd && delivered > 0
        ? { storeOpsPerMsg: countsBetween(countsStart, countsEnd, delivered) }
        : {}),
    };
  } finally {
    await gen?.close();
    await (cluster ? cluster.stop() : child.stop());
  }
}
