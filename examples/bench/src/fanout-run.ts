// Measures fan-out: one message to every recipient, time until the last recipient has it and the
// server CPU it cost, one message at a time (sequential) and many at once (burst).
import type { ServerChild } from './child.js';
import { machineCpuMicros, selfCpuMicros } from './cpu.js';
import type { FanoutTracker } from './fanout-tracker.js';
import { percentile } from './stats.js';

/** One way of getting a message to every recipient. */
export interface FanoutSystem {
  readonly name: 'group' | '1:1' | 'raw ws' | 'raw ws + acks';
  /** Sends message `seq` (every copy of it) now, without waiting. */
  send(seq: number): void;
  /** Whether the server's own follow-up for `seq` is done (SendAcks, receipts back to the sender). */
  settled(seq: number): boolean;
  /** performance.now() when the server had stored every copy of `seq` (its last SendAck); NaN until then. */
  storedAt(seq: number): number;
  /** Copies sent but not yet acknowledged as stored (0 where there are no acknowledgements). */
  pending(): number;
  /** Sends refused by load shedding so far (each written again after its retry-after); none for the raw relay. */
  refused?(): number;
}

export interface FanoutOptions {
  /** Sequential messages measured (each alone in flight). */
  messages: number;
  /** Messages sent at once in the burst. */
  burst: number;
  /** Unmeasured messages first (JIT, caches). */
  warmup: number;
  /** Longest wait for one message (or the burst) to reach everyone. */
  timeoutMs: number;
}

/** p50 and max of a sample. */
export interface Spread {
  p50: number;
  max: number;
}

export interface FanoutResult {
  system: FanoutSystem['name'];
  payloadBytes: number;
  recipients: number;
  sequential: {
    messages: number;
    /** ms from send until the first / the last recipient had the message. */
    firstMs: Spread;
    lastMs: Spread;
    /** ms until the server stored every copy (SendAck); NaN for the raw relay. */
    storedMs: Spread;
    /** Server CPU per message divided by recipients (µs), send through acks and receipts. */
    serverCpuUsPerRecipient: Spread;
    serverCpuMsPerMessage: Spread;
    generatorCpuMsPerMessage: Spread;
  };
  burst: {
    messages: number;
    /** ms from the first send until the last recipient had the last message. */
    totalMs: number;
    /** Per message, ms from its send until its last recipient. */
    lastMs: Spread;
    deliveriesPerS: number;
    serverCpuUsPerRecipient: number;
  };
  /** Copies that never arrived (over every measured message) and copies that arrived twice. */
  missing: number;
  duplicates: number;
  /** Sends refused with OVERLOADED and written again after their retry-after (load shedding). */
  refused: number;
  /** Messages whose follow-up (acks, receipts) did not finish in time. */
  unsettled: number;
  /**
   * CPU used by other processes on the machine while this system was measured, % of one core
   * (NaN where /proc/stat is unavailable): above a few %, wall-clock figures are disturbed.
   */
  otherCpuPct: number;
}

/** Wall clock, server, generator and whole-machine CPU at one moment. */
async function snapshot(child: ServerChild) {
  return { t: performance.now(), server: await childCpuUs(child), self: selfCpuMicros(), machine: machineCpuMicros() };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `condition` every millisecond until it holds; false on timeout. */
export async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) return false;
    await sleep(1);
  }
  return true;
}

/** The child's CPU time (user + system) in µs. */
export async function childCpuUs(child: ServerChild): Promise<number> {
  const { user, system } = await child.request({ type: 'cpu' }, 'cpu');
  return user + system;
}

/**
 * The child's CPU time once it has gone quiet (less than 5 % of a core over 25 ms): the end of the
 * work a message caused, background timers aside. Gives up after `maxMs` and returns the last sample.
 */
export async function cpuWhenQuiet(child: ServerChild, maxMs = 3_000): Promise<number> {
  const deadline = performance.now() + maxMs;
  let last = await childCpuUs(child);
  while (performance.now() < deadline) {
    await sleep(25);
    const now = await childCpuUs(child);
    if (now - last < 1_250) return last;
    last = now;
  }
  return last;
}

const spread = (values: number[]): Spread => {
  const sorted = Float64Array.from(values).sort();
  return { p50: percentile(sorted, 50), max: sorted.length ? (sorted[sorted.length - 1] as number) : Number.NaN };
};

/** Runs warm-up, sequential and burst messages of one system; sequence numbers start at `firstSeq`. */
export async function runFanout(
  system: FanoutSystem,
  tracker: FanoutTracker,
  child: ServerChild,
  o: FanoutOptions,
  firstSeq: number,
): Promise<{ result: FanoutResult; nextSeq: number }> {
  let seq = firstSeq;
  let unsettled = 0;
  let missing = 0;
  const duplicatesBefore = tracker.duplicates;
  const refusedBefore = system.refused?.() ?? 0;
  const done = (s: number) => () => tracker.complete(s) && system.settled(s);
  const sendOne = (s: number) => {
    tracker.sent(s);
    system.send(s);
  };

  for (let i = 0; i < o.warmup; i++) {
    const s = seq++;
    sendOne(s);
    await waitUntil(done(s), o.timeoutMs);
  }
  await cpuWhenQuiet(child);

  const phaseStart = await snapshot(child);
  const first: number[] = [];
  const last: number[] = [];
  const stored: number[] = [];
  const cpu: number[] = [];
  const gen: number[] = [];
  for (let i = 0; i < o.messages; i++) {
    const s = seq++;
    const cpu0 = await childCpuUs(child);
    const gen0 = selfCpuMicros();
    sendOne(s);
    if (!(await waitUntil(done(s), o.timeoutMs))) unsettled++;
    const cpu1 = await cpuWhenQuiet(child);
    const gen1 = selfCpuMicros();
    const t = tracker.timing(s);
    missing += tracker.recipients - tracker.receivedOf(s);
    first.push(t.first);
    last.push(t.last);
    stored.push(system.storedAt(s) - t.sentAt);
    cpu.push(cpu1 - cpu0);
    gen.push(gen1 - gen0);
  }

  const burst: number[] = [];
  const cpu0 = await childCpuUs(child);
  for (let i = 0; i < o.burst; i++) {
    const s = seq++;
    burst.push(s);
    sendOne(s);
  }
  const burstDone = () => burst.every((s) => done(s)());
  if (!(await waitUntil(burstDone, o.timeoutMs))) unsettled += burst.filter((s) => !done(s)()).length;
  const cpu1 = await cpuWhenQuiet(child);
  const phaseEnd = await snapshot(child);
  const others =
    phaseStart.machine && phaseEnd.machine
      ? phaseEnd.machine.busy -
        phaseStart.machine.busy -
        (phaseEnd.server - phaseStart.server) -
        (phaseEnd.self - phaseStart.self)
      : Number.NaN;
  const burstStart = tracker.timing(burst[0] as number).sentAt;
  const burstLast = burst.map((s) => tracker.timing(s).last);
  const burstEnd = Math.max(...burst.map((s) => tracker.lastAt(s)));
  for (const s of burst) missing += tracker.recipients - tracker.receivedOf(s);
  const deliveries = burst.length * tracker.recipients;

  const result: FanoutResult = {
    system: system.name,
    payloadBytes: tracker.size,
    recipients: tracker.recipients,
    sequential: {
      messages: o.messages,
      firstMs: spread(first),
      lastMs: spread(last),
      storedMs: spread(stored),
      serverCpuUsPerRecipient: spread(cpu.map((us) => us / tracker.recipients)),
      serverCpuMsPerMessage: spread(cpu.map((us) => us / 1000)),
      generatorCpuMsPerMessage: spread(gen.map((us) => us / 1000)),
    },
    burst: {
      messages: burst.length,
      totalMs: burstEnd - burstStart,
      lastMs: spread(burstLast),
      deliveriesPerS: (deliveries / (burstEnd - burstStart)) * 1000,
      serverCpuUsPerRecipient: (cpu1 - cpu0) / deliveries,
    },
    missing,
    duplicates: tracker.duplicates - duplicatesBefore,
    refused: (system.refused?.() ?? 0) - refusedBefore,
    unsettled,
    otherCpuPct: Math.max(0, (others / 1000 / (phaseEnd.t - phaseStart.t)) * 100),
  };
  return { result, nextSeq: seq };
}
