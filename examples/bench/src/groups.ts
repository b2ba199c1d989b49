// bench:groups — group fan-out (the "celebrity problem"): one message to 1,000 member devices as
// one group Send (payload stored once, a reference queued per device), as 1,000 1:1 Sends (a copy
// per device, as end-to-end encrypted 1:1 messaging does), and as one frame a raw ws relay copies
// to 1,000 sockets; then what the queued entries cost while the members are offline, and the drain.
// Run: pnpm bench:groups [--members 1000] [--sizes 1024,16384] [--messages 10] [--burst 5] [--stored 20]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ServerChild, startServerChild } from './child.js';
import { defaultResultsPath, runCli } from './cli.js';
import { pinGenerator, waitForQuietMachine } from './cpu.js';
import { type FanoutResult, type FanoutSystem, runFanout } from './fanout-run.js';
import { runStorage, type StorageResult, type StoreKind } from './fanout-storage.js';
import { FanoutTracker } from './fanout-tracker.js';
import { type GroupsOptions, parseGroupsArgs } from './groups-args.js';
import {
  aim4Lines,
  fanoutRatios,
  formatOnline,
  formatStorage,
  type GroupsReport,
  storageRatios,
} from './groups-report.js';
import { makeIdentities, type ParleyIdentity } from './parley-bench-client.js';
import { FanoutPool } from './parley-fanout-pool.js';
import { RelayPool } from './relay-bench-client.js';
import { hostInfo, sourceInfo, writeReport } from './report.js';
import { serverNodeFlags } from './server-flags.js';

const log = (line: string) => console.log(line);
const GROUP_ID = 'bench-group';

interface Context {
  o: GroupsOptions;
  core: number | undefined;
  members: ParleyIdentity[];
  sender: ParleyIdentity;
  errors: Map<string, number>;
  /** Next message sequence number (unique over the whole run). */
  seq: number;
}

const summary = (r: FanoutResult) =>
  `  ${r.system} ${r.payloadBytes} B: last recipient p50 ${r.sequential.lastMs.p50.toFixed(1)} ms ` +
  `(max ${r.sequential.lastMs.max.toFixed(1)}), server ${r.sequential.serverCpuUsPerRecipient.p50.toFixed(1)} µs/recipient; ` +
  `burst of ${r.burst.messages} in ${r.burst.totalMs.toFixed(0)} ms` +
  (r.missing || r.duplicates || r.unsettled
    ? ` — missing ${r.missing}, dup ${r.duplicates}, unsettled ${r.unsettled}`
    : '');

function mergeErrors(into: Map<string, number>, from: Map<string, number>, prefix: string): void {
  for (const [text, n] of from) into.set(`${prefix}: ${text}`, (into.get(`${prefix}: ${text}`) ?? 0) + n);
}

async function startChild(ctx: Context, script: string, env: Record<string, string> = {}, flags: string[] = []) {
  if (ctx.o.quietWaitS > 0) {
    const busy = await waitForQuietMachine(ctx.o.quietWaitS);
    if (busy >= 15) log(`  machine still busy (${busy.toFixed(0)}% of a core); running anyway`);
  }
  return startServerChild(script, ctx.core, env, flags);
}

/** A Parley server with the group stored and every member connected; `use` runs with the pool. */
async function withParley(
  ctx: Context,
  store: StoreKind,
  use: (pool: FanoutPool, tracker: FanoutTracker, child: ServerChild, url: string) => Promise<void>,
): Promise<void> {
  const memory = store === 'memory';
  const child = await startChild(
    ctx,
    './parley-server.ts',
    // One sender sends the 1:1 comparison to every member: far above the per-sender rate limits.
    memory
      ? { PARLEY_BENCH_STORES: 'memory', PARLEY_BENCH_SENDER_LIMITS: 'off' }
      : { PARLEY_BENCH_SENDER_LIMITS: 'off' },
    memory ? ['--expose-gc'] : [],
  );
  try {
    const members = ctx.members.map((m) => m.userId);
    await child.request(
      { type: 'create-group', groupId: GROUP_ID, createdBy: ctx.sender.userId, members },
      'group-created',
    );
    const tracker = new FanoutTracker(ctx.o.sizes[0] ?? 1024, ctx.o.members);
    const pool = new FanoutPool(ctx.members, ctx.sender, tracker);
    const url = `ws://127.0.0.1:${child.port}`;
    try {
      const t = performance.now();
      await pool.connect(url);
      log(
        `  parley (${store}): ${ctx.o.members + 1} devices connected, keys published, in ${((performance.now() - t) / 1000).toFixed(1)} s`,
      );
      await use(pool, tracker, child, url);
    } finally {
      mergeErrors(ctx.errors, pool.errorSamples, `parley ${store}`);
      await pool.close();
    }
  } finally {
    await child.stop();
  }
}

async function storageRuns(
  ctx: Context,
  store: StoreKind,
  pool: FanoutPool,
  tracker: FanoutTracker,
  child: ServerChild,
  url: string,
): Promise<StorageResult[]> {
  const out: StorageResult[] = [];
  tracker.size = ctx.o.storedSize;
  for (const system of [pool.groupSystem(GROUP_ID), pool.directSystem()]) {
    const options = { messages: ctx.o.stored, timeoutMs: ctx.o.timeoutS * 1000 };
    const { result, nextSeq } = await runStorage(store, system, pool, tracker, child, url, options, ctx.seq);
    ctx.seq = nextSeq;
    out.push(result);
    log(
      `  ${store} ${result.system}: ${result.bytesPerEntry.toFixed(0)} B per queued entry, ` +
        `drain ${result.drainMs.toFixed(0)} ms (connect ${result.connectMs.toFixed(0)} ms), ` +
        `server ${result.drainServerCpuMs.toFixed(0)} ms CPU`,
    );
  }
  return out;
}

/**
 * The raw ws relay: one frame copied to every member socket, per payload size; with `acked`, every
 * member acknowledges its copy with a frame of its own (what a group message's frames alone cost).
 */
async function relayRuns(
  ctx: Context,
  report: GroupsReport,
  save: (ctx: Context) => void,
  fanout: { messages: number; burst: number; warmup: number; timeoutMs: number },
  acked: boolean,
): Promise<void> {
  const { o } = ctx;
  log(`\nraw ws relay: one frame copied to every member socket${acked ? ', each member acks its copy' : ''}`);
  const relayChild = await startChild(ctx, './relay-server.ts', acked ? { PARLEY_BENCH_RELAY_ACKS: '1' } : {});
  try {
    const tracker = new FanoutTracker(o.sizes[0] ?? 1024, o.members);
    const relay = new RelayPool(o.members + 1, tracker, acked); // the last client is the sender
    try {
      await relay.connect(`ws://127.0.0.1:${relayChild.port}`);
      const system: FanoutSystem = {
        name: acked ? 'raw ws + acks' : 'raw ws',
        send: (seq) => relay.broadcast(o.members, seq),
        settled: () => true,
        storedAt: () => Number.NaN,
        pending: () => 0,
      };
      for (const size of o.sizes) {
        tracker.size = size;
        const { result, nextSeq } = await runFanout(system, tracker, relayChild, fanout, ctx.seq);
        ctx.seq = nextSeq;
        report.online.push(result);
        log(summary(result));
        save(ctx);
      }
    } finally {
      mergeErrors(ctx.errors, relay.errorSamples, acked ? 'relay-acks' : 'relay');
      await relay.close();
    }
  } finally {
    await relayChild.stop();
  }
}

/** Every phase; writes the JSON report after each. */
export async function runGroupsBench(o: GroupsOptions): Promise<{ report: GroupsReport; path: string }> {
  const pinned = o.pin && pinGenerator();
  if (o.profileDir) mkdirSync(o.profileDir, { recursive: true });
  if (o.heapProfileDir) mkdirSync(o.heapProfileDir, { recursive: true });
  const path = o.out ?? defaultResultsPath('groups');
  const report: GroupsReport = {
    benchmark: 'groups',
    startedAt: new Date().toISOString(),
    host: hostInfo(pinned),
    source: sourceInfo(fileURLToPath(new URL('.', import.meta.url))),
    options: o,
    online: [],
    ratios: [],
    storage: [],
    storageRatios: [],
    errors: {},
  };
  const save = (ctx: Context) => {
    report.ratios = fanoutRatios(report.online);
    report.storageRatios = storageRatios(report.storage);
    report.errors = Object.fromEntries(ctx.errors);
    writeReport(path, report);
  };
  log(
    `groups bench: ${o.members} members (one device each) + 1 sender, payloads ${o.sizes.join(', ')} B, ` +
      `${o.messages} sequential + a burst of ${o.burst} per system and size, ${o.stored} queued per store; ` +
      `${pinned ? 'server on core 0, generator on core 1' : 'unpinned'}, ` +
      `server node flags: ${serverNodeFlags().join(' ') || '(V8 defaults)'}`,
  );
  const t = performance.now();
  const ctx: Context = {
    o,
    core: pinned ? 0 : undefined,
    members: await makeIdentities(o.members, 'member-'),
    sender: (await makeIdentities(1, 'sender-'))[0] as ParleyIdentity,
    errors: new Map(),
    seq: 0,
  };
  log(`generated ${o.members + 1} auth keys in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const fanout = { messages: o.messages, burst: o.burst, warmup: o.warmup, timeoutMs: o.timeoutS * 1000 };

  log('\nparley, SQLite stores: online fan-out, then members offline');
  await withParley(ctx, 'sqlite', async (pool, tracker, child, url) => {
    for (const size of o.sizes) {
      tracker.size = size;
      const systems = [
        ...(o.systems.includes('group') ? [pool.groupSystem(GROUP_ID)] : []),
        ...(o.systems.includes('direct') ? [pool.directSystem()] : []),
      ];
      for (const system of systems) {
        const name = `groups-${system.name === 'group' ? 'group' : 'direct'}-${size}`;
        const profile = o.profileDir && join(o.profileDir, `${name}.cpuprofile`);
        const heapProfile = o.heapProfileDir && join(o.heapProfileDir, `${name}.heapprofile`);
        if (profile) await child.request({ type: 'profile-start' }, 'profile-started');
        if (heapProfile) await child.request({ type: 'heap-profile-start' }, 'heap-profile-started');
        const { result, nextSeq } = await runFanout(system, tracker, child, fanout, ctx.seq);
        if (heapProfile) {
          await child.request({ type: 'heap-profile-stop', path: heapProfile }, 'heap-profile-written');
          // The window spans the warmup, sequential and burst messages, each to every member.
          const recipients = (o.warmup + o.messages + o.burst) * o.members;
          log(`  heap profile: tsx src/heap-summary.ts ${heapProfile} 30 ${recipients}`);
        }
        if (profile) await child.request({ type: 'profile-stop', path: profile }, 'profile-written');
        ctx.seq = nextSeq;
        report.online.push(result);
        log(summary(result));
        save(ctx);
      }
    }
    if (o.stored > 0 && o.stores.includes('sqlite')) {
      report.storage.push(...(await storageRuns(ctx, 'sqlite', pool, tracker, child, url)));
      save(ctx);
    }
  });

  if (o.systems.includes('raw')) await relayRuns(ctx, report, save, fanout, false);
  if (o.systems.includes('raw-acks')) await relayRuns(ctx, report, save, fanout, true);

  if (o.stored > 0 && o.stores.includes('memory')) {
    log('\nparley, memory stores: members offline (heap after GC)');
    await withParley(ctx, 'memory', async (pool, tracker, child, url) => {
      report.storage.push(...(await storageRuns(ctx, 'memory', pool, tracker, child, url)));
      save(ctx);
    });
  }

  report.finishedAt = new Date().toISOString();
  save(ctx);
  log(`\nonline fan-out to ${o.members} recipients (sequential: one message in flight; burst: all at once)`);
  log(formatOnline(report.online, report.ratios));
  for (const line of aim4Lines(report.online)) log(line);
  if (report.storage.length > 0) {
    log(`\nqueued for offline members (${o.stored} messages x ${o.members} devices per row)`);
    log(formatStorage(report.storage, report.storageRatios));
  }
  const errors = Object.entries(report.errors);
  if (errors.length > 0) log(`\nerrors:\n${errors.map(([text, n]) => `  ${n}x ${text}`).join('\n')}`);
  log(`\nresults written to ${path}`);
  return { report, path };
}

runCli(import.meta.url, parseGroupsArgs, runGroupsBench);
