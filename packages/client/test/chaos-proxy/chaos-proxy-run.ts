import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FaultProxy, type ProxyConnection, startFaultProxy } from '@parley/test-utils/fault-proxy';
import { ChaosLedger, type LedgerTotals } from '../chaos/chaos-ledger.js';
import { type ProxyGateway, startProxyGateway } from './proxy-gateway.js';
import { childRunClient, localRunClient, type RunClient } from './run-clients.js';

/**
 * A chaos run through the TCP fault proxy (issue 17): `clients` in-process clients (memory stores)
 * reach one gateway process on SQLite only through the proxy. They send `messages` messages in all
 * at `ratePerSecond`, in fixed 1:1 pairs and in groups of `groupSize`, while the proxy and the run
 * inject faults: connections reset mid-frame all along, then one after the other added latency, a
 * bandwidth limit, half-open links (one direction of some connections stops, without a close),
 * the gateway paused (SIGSTOP) and the gateway SIGKILLed and started again on its database. Then
 * the faults stop and the run waits for the backlog. The verdict comes from the chaos ledger
 * (chaos/chaos-ledger.ts): nothing lost, duplicated or reordered per (sender, conversation),
 * `message:sent` once per accepted send, and every client connected at the end. Every loop and
 * wait is bounded by a count and a time.
 */

export const PROXY_FAULTS = [
  'latency',
  'bandwidth',
  'half-open',
  'gateway-pause',
  'gateway-kill',
  'client-kill',
] as const;
export type ProxyFaultName = (typeof PROXY_FAULTS)[number];

export interface ProxyChaosOptions {
  /** A multiple of `groupSize` (and even). */
  clients: number;
  /**
   * How many of them (the last ones; even, fewer than `groupSize`) run each in a process of its own
   * on a file store, SIGKILLed and started again by the client-kill fault. They send only to their pair.
   */
  childClients: number;
  messages: number;
  ratePerSecond: number;
  groupSize: number;
  /** Share of sends that go to the sender's group (the rest to its pair). */
  groupShare: number;
  faults: readonly ProxyFaultName[];
  /** How many times the list of faults is gone through during the traffic. */
  rounds: number;
  /** A random open connection is reset mid-frame this often during the traffic (0: never). */
  resetEveryMs: number;
  latencyMs: number;
  bytesPerSecond: number;
  /** Connections made half-open in that fault (half stop upstream, half downstream). */
  halfOpen: number;
  /** How long latency and the bandwidth limit last, and the longest a half-open link is left. */
  phaseMs: number;
  pauseMs: number;
  /** The gateway's heartbeat interval and idle timeout (short: a silent link is noticed in seconds). */
  heartbeatMs: number;
  idleMs: number;
  /** Bound on the set-up, and on the drain after the traffic. */
  settleLimitMs: number;
  seed: number;
  log(line: string): void;
}

export const DEFAULT_PROXY_CHAOS: Omit<ProxyChaosOptions, 'log'> = {
  clients: 100,
  childClients: 4,
  messages: 10_000,
  ratePerSecond: 100,
  groupSize: 10,
  groupShare: 0.5,
  faults: PROXY_FAULTS,
  rounds: 1,
  resetEveryMs: 500,
  latencyMs: 80,
  bytesPerSecond: 16 * 1024,
  halfOpen: 10,
  phaseMs: 5_000,
  pauseMs: 4_000,
  heartbeatMs: 2_000,
  idleMs: 6_000,
  settleLimitMs: 120_000,
  seed: 17,
};

export interface ProxyFaultReport {
  fault: ProxyFaultName;
  /** Reconnect attempts of all clients (any cause: resets go on) from the fault's start until every client was back. */
  drops: number;
  /** Ms from the fault's end until every client was connected, or had connected again since; null past the bound. */
  reconnectedMs: number | null;
}

export interface ProxyChaosReport {
  totals: LedgerTotals;
  faults: ProxyFaultReport[];
  /** Mid-frame resets made. */
  resets: number;
  /** Connections the proxy accepted (each reconnect is one). */
  connections: number;
  /** Clients not connected at the end. */
  disconnected: string[];
  /** Ms of traffic, and of the drain after it (null: not drained within the bound). */
  trafficMs: number;
  drainMs: number | null;
  undecryptable: number;
  /** Reconnect attempts by the reason the client gave. */
  reconnectReasons: Record<string, number>;
  /** Per client process: how many times it was SIGKILLed. */
  kills: Record<string, number>;
  /** Sends of in-process clients that were refused (never expected). */
  localRefused: number;
}

/** Most notes (undecryptable messages) a run logs. */
const MAX_NOTES = 30;

/** A client without a connection this long is named in the log (a fault's recovery takes seconds). */
const STUCK_MS = 15_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `done` every 50 ms; resolves with the ms it took, or null past `limitMs`. */
async function until(done: () => boolean | Promise<boolean>, limitMs: number): Promise<number | null> {
  const start = Date.now();
  for (let i = 0; Date.now() - start <= limitMs && i < limitMs / 10; i++) {
    if (await done()) return Date.now() - start;
    await sleep(50);
  }
  return (await done()) ? Date.now() - start : null;
}

/** A small seeded PRNG (mulberry32), so a run's traffic and faults can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function runProxyChaos(o: ProxyChaosOptions): Promise<ProxyChaosReport> {
  if (o.clients % o.groupSize !== 0 || o.clients % 2 !== 0 || o.groupSize < 2) {
    throw new RangeError('clients must be even and a multiple of groupSize (at least 2)');
  }
  if (o.childClients % 2 !== 0 || o.childClients >= o.groupSize) {
    throw new RangeError('childClients must be even and fewer than groupSize');
  }
  const rand = random(o.seed);
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(rand() * list.length)];
  const ledger = new ChaosLedger();
  const dir = mkdtempSync(join(tmpdir(), 'parley-chaos-proxy-'));
  const clients: RunClient[] = [];
  /** Why clients lost their connection, and how often. */
  const reasons = new Map<string, number>();
  let gateway: ProxyGateway | undefined;
  let proxy: FaultProxy | undefined;
  try {
    gateway = await startProxyGateway({ db: join(dir, 'parley.db'), heartbeatMs: o.heartbeatMs, idleMs: o.idleMs });
    proxy = await startFaultProxy({ targetPort: gateway.port });
    o.log(`gateway on ${gateway.port}, proxy on ${proxy.port}`);

    const url = proxy.url;
    const dropped = (why: string) => reasons.set(why, (reasons.get(why) ?? 0) + 1);
    let notes = 0;
    const note = (line: string) => {
      if (notes++ < MAX_NOTES) o.log(`  ${line}`);
    };
    for (let i = 0; i < o.clients; i++) {
      const userId = `p${i}`;
      const common = {
        userId,
        partner: `p${i % 2 === 0 ? i + 1 : i - 1}`,
        group: Math.floor(i / o.groupSize),
        url,
        ledger,
        dropped,
        note,
      };
      const inProcess = i < o.clients - o.childClients;
      clients.push(
        inProcess
          ? localRunClient(common)
          : childRunClient({ ...common, dir: join(dir, userId), ledgerFile: join(dir, `${userId}.ledger`) }),
      );
    }
    // Connected and keys published, a few at a time (each generates and uploads its prekeys).
    for (let i = 0; i < clients.length; i += 10) {
      await Promise.all(clients.slice(i, i + 10).map((c) => (c.child ? c.child.start([url]) : c.local?.connect())));
    }
    const ready = await until(
      () => clients.every((c) => c.connected() && (c.child?.published ?? true)),
      o.settleLimitMs,
    );
    if (ready === null) throw new Error('not every client connected within the bound');
    o.log(`${clients.length} clients connected`);
    const groupIds: string[] = [];
    for (let g = 0; g < o.clients / o.groupSize; g++) {
      const members = clients.filter((c) => c.group === g);
      const [founder, ...rest] = members as [RunClient, ...RunClient[]];
      if (!founder.local) throw new RangeError('the first member of each group must be in this process');
      const info = await founder.local.groups.create({ name: `chaos ${g}`, members: rest.map((c) => c.userId) });
      groupIds.push(info.id);
    }
    const known = await until(
      async () =>
        (await Promise.all(clients.map((c) => c.local?.groups.get(groupIds[c.group] as string) ?? true))).every(
          Boolean,
        ),
      o.settleLimitMs,
    );
    if (known === null) throw new Error('not every member learned its group within the bound');
    // A client process is a member but sends only to its pair (it cannot be asked what groups it knows).
    o.log(`${groupIds.length} groups of ${o.groupSize} known to every member in this process`);

    // Traffic: `messages` sends at `ratePerSecond`, bounded by count and by time.
    const groupMembers = (g: number) => clients.filter((c) => c.group === g).map((c) => c.userId);
    const started = Date.now();
    const trafficLimitMs = (o.messages / o.ratePerSecond) * 1000 * 3 + o.settleLimitMs;
    let sent = 0;
    /** Sends whose sendText has not settled (the server's acknowledgement not yet seen). */
    let unsettled = 0;
    /**
     * Sends of in-process clients that were refused. A client process may drop a send it was handed
     * just before a kill (never promised, counted as refused by the ledger); these must be none.
     */
    let localRefused = 0;
    let trafficDone = false;
    const traffic = (async () => {
      while (sent < o.messages && Date.now() - started < trafficLimitMs) {
        const due = Math.min(o.messages, Math.ceil(((Date.now() - started) * o.ratePerSecond) / 1000));
        for (; sent < due; sent++) {
          // A killed client process sends nothing until it is back.
          const c = pick(clients.filter((x) => x.child?.alive ?? true)) as RunClient;
          const toGroup = !c.child && rand() < o.groupShare;
          const chat = toGroup ? (groupIds[c.group] as string) : c.partner;
          const recipients = toGroup ? groupMembers(c.group).filter((m) => m !== c.userId) : [c.partner];
          const { text, settle } = ledger.send(c.userId, chat, recipients);
          unsettled++;
          c.send(chat, text, (id) => {
            unsettled--;
            if (id === null && !c.child) localRefused++;
            settle(id);
          });
        }
        await sleep(20);
      }
      trafficDone = true;
    })();

    // A watchdog: names each client without a connection for longer than a fault should take.
    const watching = (async () => {
      const named = new Set<RunClient>();
      for (let i = 0; !trafficDone && i < trafficLimitMs / 1000; i++) {
        await sleep(1000);
        for (const c of clients) {
          if (c.lostAt === null) named.delete(c);
          else if (Date.now() - c.lostAt > STUCK_MS && !named.has(c)) {
            named.add(c);
            o.log(`  ${c.userId} without a connection for ${Date.now() - c.lostAt} ms, last state: ${c.state}`);
          }
        }
      }
    })();

    // Mid-frame resets all along the traffic.
    let resets = 0;
    const resetting = (async () => {
      for (let i = 0; !trafficDone && o.resetEveryMs > 0 && i < trafficLimitMs / o.resetEveryMs; i++) {
        await sleep(o.resetEveryMs);
        const c = pick((proxy as FaultProxy).connections());
        if (!c) continue;
        c.resetMidFrame(rand() < 0.5 ? 'up' : 'down');
        resets++;
      }
    })();

    // The other faults one after the other, `rounds` times, spread over the traffic's expected
    // length; each one's recovery is measured beside the next ones (resets go on meanwhile).
    const expectedMs = (o.messages / o.ratePerSecond) * 1000;
    const schedule = Array.from({ length: o.rounds }, () => o.faults).flat();
    const gap = expectedMs / (schedule.length + 1);
    const recoveries: Array<Promise<ProxyFaultReport>> = [];
    const totalDrops = () => clients.reduce((n, c) => n + c.drops, 0);
    const allConnected = () => clients.every((c) => c.connected());
    for (const [i, fault] of schedule.entries()) {
      await sleep(Math.max(0, started + gap * (i + 1) - Date.now()));
      o.log(`fault ${fault} (${sent} sent so far, ${resets} resets)`);
      const dropsBefore = totalDrops();
      await inject(fault, proxy, gateway, o, rand, clients);
      // Recovered once every client is connected, or connected again since the fault ended (the
      // resets that go on meanwhile keep some client reconnecting at almost any moment).
      const healedAt = Date.now();
      const back = () => clients.every((c) => c.connected() || c.connectedAt >= healedAt);
      recoveries.push(
        until(back, o.settleLimitMs).then((reconnectedMs) => {
          const drops = totalDrops() - dropsBefore;
          o.log(
            `  ${fault}: every client connected ${reconnectedMs === null ? 'NOT within bound' : `${reconnectedMs} ms after it`} (${drops} reconnect attempts meanwhile, all causes)`,
          );
          return { fault, drops, reconnectedMs };
        }),
      );
    }
    await traffic;
    await resetting;
    await watching;
    const reports = await Promise.all(recoveries);
    const trafficMs = Date.now() - started;
    proxy.setFaults({});
    o.log(`traffic over: ${sent} sent in ${(trafficMs / 1000).toFixed(1)} s, ${resets} mid-frame resets`);
    const all = ledger.snapshot();
    const drainMs = await until(() => allConnected() && unsettled === 0 && ledger.missing(all) === 0, o.settleLimitMs);
    const undecryptable = clients.reduce((n, c) => n + c.undecryptable, 0);
    const disconnected = clients.filter((c) => !c.connected()).map((c) => c.userId);
    o.log(
      `drain ${drainMs === null ? 'NOT within bound' : `${(drainMs / 1000).toFixed(1)} s`}; ${ledger.missing(all)} deliveries missing; ` +
        `${unsettled} sends unsettled; ${disconnected.length} clients not connected; ${proxy.accepted} connections through the proxy`,
    );
    if (drainMs === null) {
      o.log(`gateway output:\n${gateway.output()}`);
      for (const c of clients) {
        if (c.connected()) continue;
        o.log(`${c.userId} not connected (${c.child ? `process alive: ${c.child.alive}` : c.local?.state})`);
        if (c.child) o.log(c.child.lastOutput());
      }
    }
    // The client processes' ledger files are the final word on what they sent and announced.
    const kills: Record<string, number> = {};
    for (const c of clients) {
      if (!c.child) continue;
      await c.close();
      ledger.adopt(c.userId, c.child.record());
      kills[c.userId] = c.child.kills;
    }
    return {
      totals: ledger.totals(),
      faults: reports,
      resets,
      connections: proxy.accepted,
      disconnected,
      trafficMs,
      drainMs,
      undecryptable,
      reconnectReasons: Object.fromEntries(reasons),
      kills,
      localRefused,
    };
  } finally {
    await Promise.all(
      clients.map((c) => c.close().catch((error: unknown) => o.log(`closing a client failed: ${String(error)}`))),
    );
    await proxy?.close();
    await gateway?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function inject(
  fault: ProxyFaultName,
  proxy: FaultProxy,
  gateway: ProxyGateway,
  o: ProxyChaosOptions,
  rand: () => number,
  clients: readonly RunClient[],
): Promise<void> {
  switch (fault) {
    case 'latency':
      proxy.setFaults({ latencyMs: o.latencyMs });
      await sleep(o.phaseMs);
      proxy.setFaults({});
      return;
    case 'bandwidth':
      proxy.setFaults({ bytesPerSecond: o.bytesPerSecond });
      await sleep(o.phaseMs);
      proxy.setFaults({});
      return;
    case 'half-open': {
      // Each stays half-open until a side gives up on it (the client's heartbeat deadline, the
      // gateway's idle timeout), reset by the run past `phaseMs * 2`.
      const open = proxy.connections();
      const chosen: ProxyConnection[] = [];
      for (let i = 0; i < o.halfOpen && open.length > 0; i++) {
        chosen.push(open.splice(Math.floor(rand() * open.length), 1)[0] as ProxyConnection);
      }
      for (const [i, c] of chosen.entries()) c.setFaults({ halt: i % 2 === 0 ? { up: true } : { down: true } });
      await until(() => chosen.every((c) => c.closed), o.phaseMs * 2);
      for (const c of chosen) if (!c.closed) c.reset();
      return;
    }
    case 'gateway-pause':
      gateway.pause();
      await sleep(o.pauseMs);
      gateway.resume();
      return;
    case 'gateway-kill':
      await gateway.restart();
      proxy.setTarget(gateway.port);
      return;
    case 'client-kill':
      // Every client process, half at once, half right after a transaction that stored an event
      // with its state (before emitting it), then started again on its store.
      await Promise.all(
        clients.map(async (c, i) => {
          if (!c.child) return;
          await c.child.kill(i % 2 === 0 ? 'now' : 'after-store');
          await c.child.start([proxy.url]);
        }),
      );
      return;
  }
}
