// Counts what a gateway process does per message besides its statements: event-loop turns, timers
// armed, socket writes and reads by peer (PostgreSQL, Redis, clients) and context switches, so a
// bench run can say where a cluster gateway's CPU per message goes in figures that do not depend on
// the machine's load (ARCHITECTURE 15, "Where a cluster gateway's CPU goes").
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import timers from 'node:timers';
import { processCpuMicros } from './cpu.js';

const counts: Record<string, number> = {};
const bump = (key: string, by = 1) => {
  counts[key] = (counts[key] ?? 0) + by;
};

/** Bytes of a `_write` chunk or of a `_writev` list of chunks. */
function bytesOf(args: unknown[], vector: boolean): number {
  if (!vector) {
    const chunk = args[0] as { length?: number } | string;
    return typeof chunk === 'string' ? Buffer.byteLength(chunk) : (chunk.length ?? 0);
  }
  let n = 0;
  for (const { chunk } of args[0] as Array<{ chunk: { length?: number } | string }>) {
    n += typeof chunk === 'string' ? Buffer.byteLength(chunk) : (chunk.length ?? 0);
  }
  return n;
}

/** Which peer a socket talks to: the services by their well-known ports, anything else a client. */
function peerOf(socket: net.Socket): string {
  const port = socket.remotePort;
  if (port === 5432) return 'pg';
  if (port === 6379) return 'redis';
  return 'client';
}

type Fn = (...args: never[]) => unknown;
/** Wraps `owner[name]` so each call bumps `key(this)` first, and `bytes` its size when given. */
function wrap<T extends object>(
  owner: T,
  name: keyof T & string,
  key: (self: unknown) => string,
  bytes?: (args: unknown[]) => number,
): void {
  const original = owner[name] as unknown as Fn;
  (owner as Record<string, unknown>)[name] = function (this: unknown, ...args: never[]) {
    const k = key(this);
    bump(k);
    if (bytes) bump(`${k} bytes`, bytes(args));
    return original.apply(this, args);
  };
}

/**
 * Installs the counters: socket writes as the stream hands them to the handle (`_write`/`_writev`,
 * one each per write system call unless the kernel's buffer is full), reads as chunks pushed up from
 * the handle, and timers armed through the global or `node:timers` functions (a module that kept its
 * own reference before this ran is not seen).
 */
export function countProcess(): void {
  const proto = net.Socket.prototype as unknown as Record<string, unknown>;
  wrap(
    proto,
    '_write',
    (s) => `write ${peerOf(s as net.Socket)}`,
    (a) => bytesOf(a, false),
  );
  wrap(
    proto,
    '_writev',
    (s) => `write ${peerOf(s as net.Socket)}`,
    (a) => bytesOf(a, true),
  );
  wrap(proto, 'push', (s) => `read ${peerOf(s as net.Socket)}`);
  for (const name of ['setTimeout', 'setInterval', 'setImmediate'] as const) {
    const original = globalThis[name] as unknown as Fn;
    const counted = function (this: unknown, ...args: never[]) {
      bump(`timer ${name}`);
      return original.apply(this, args);
    };
    (globalThis as Record<string, unknown>)[name] = counted;
    (timers as unknown as Record<string, unknown>)[name] = counted;
  }
}

/** Voluntary and involuntary context switches of every thread of this process (main thread apart). */
function contextSwitches(): Record<string, number> {
  const out: Record<string, number> = {};
  const field = (status: string, name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)$`, 'm').exec(status)?.[1]);
  for (const task of readdirSync('/proc/self/task')) {
    let status: string;
    try {
      status = readFileSync(`/proc/self/task/${task}/status`, 'utf8');
    } catch {
      continue; // the thread ended meanwhile
    }
    const who = Number(task) === process.pid ? 'main' : 'threads';
    for (const [name, label] of [
      ['voluntary_ctxt_switches', 'voluntary'],
      ['nonvoluntary_ctxt_switches', 'involuntary'],
    ] as const) {
      const n = field(status, name);
      if (Number.isFinite(n)) out[`ctxsw ${label} ${who}`] = (out[`ctxsw ${label} ${who}`] ?? 0) + n;
    }
  }
  return out;
}

const backends = new Map<number, number>();

/**
 * Counts the CPU time of the PostgreSQL backends serving `pool`'s connections (their pids from the
 * driver, their time from /proc): this gateway's share of PostgreSQL's CPU, which the machine-wide
 * `db µs/msg` cannot tell apart from other users of the same server. A backend that ended keeps
 * the last time read.
 */
export function countBackends(pool: { on(event: 'connect', listener: (client: unknown) => void): unknown }): void {
  pool.on('connect', (client) => {
    const pid = (client as { processID?: number | null }).processID;
    if (typeof pid === 'number') backends.set(pid, processCpuMicros(pid) ?? 0);
  });
}

function backendCpu(): number {
  let total = 0;
  for (const [pid, last] of backends) {
    const now = processCpuMicros(pid) ?? last;
    backends.set(pid, now);
    total += now;
  }
  return total;
}

/** A copy of the counts so far, with libuv's loop turns and events and the context switches. */
export function processCounts(): Record<string, number> {
  const uv = (performance.nodeTiming as unknown as { uvMetricsInfo?: { loopCount: number; events: number } })
    .uvMetricsInfo;
  return {
    ...counts,
    ...(uv ? { 'loop turns': uv.loopCount, 'loop events': uv.events } : {}),
    ...contextSwitches(),
    ...(backends.size > 0 ? { 'pg backends cpu us': backendCpu() } : {}),
  };
}
