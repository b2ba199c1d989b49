import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/**
 * CPU time (user + system, all threads) of a process in µs, from /proc/<pid>/stat;
 * undefined where /proc is not available. Resolution is one clock tick (10 ms usually).
 */
export function processCpuMicros(pid: number): number | undefined {
  const split = processCpuSplit(pid);
  return split && split.user + split.system;
}

/**
 * Resident memory of a process in bytes, now and at its peak (`VmRSS` and `VmHWM` of
 * /proc/<pid>/status); undefined where /proc is not available. Past saturation the peak shows
 * whether the server's memory stays bounded while it refuses the excess (aim 2 of issue 15).
 */
export function processMemory(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1]);
    const rss = kb('VmRSS') * 1024;
    const peak = kb('VmHWM') * 1024;
    return Number.isFinite(rss) && Number.isFinite(peak) ? { rss, peak } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Read- and write-family system calls a process made so far (`syscr + syscw` of /proc/<pid>/io:
 * socket reads and writes, WAL writes), undefined where /proc is not available. Unlike CPU time
 * it does not grow when other load shares the machine, so it compares revisions on a busy machine.
 */
export function processSyscalls(pid: number): number | undefined {
  try {
    const io = readFileSync(`/proc/${pid}/io`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(io)?.[1]);
    const n = field('syscr') + field('syscw');
    return Number.isFinite(n) ? n : undefined;
  } catch {
    return undefined;
  }
}

/** User and system CPU time of a process in µs (see {@link processCpuMicros}). */
export function processCpuSplit(pid: number): { user: number; system: number } | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) may contain spaces: fields after the last ')' are positional.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  const us = 1_000_000 / clockTicks();
  return { user: utime * us, system: stime * us };
}

/** This process's CPU time in µs. */
export function selfCpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

/** Whether `taskset` (util-linux) can be used. */
export function hasTaskset(): boolean {
  return spawnSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' }).status === 0;
}

/** Pins every thread of this process to one core; false when it could not. */
export function pinSelf(core: number): boolean {
  return spawnSync('taskset', ['-a', '-p', '-c', String(core), String(process.pid)], { stdio: 'ignore' }).status === 0;
}

/**
 * Pins this process (the load generator) to core 1, leaving core 0 to the server child; warns and
 * returns false when it cannot (no taskset, fewer than 2 cores).
 */
export function pinGenerator(): boolean {
  if (!hasTaskset()) console.warn('warning: taskset not found (util-linux); running unpinned');
  else if (cpus().length < 2) console.warn('warning: fewer than 2 cores; running unpinned');
  else if (pinSelf(1)) return true;
  return false;
}

/**
 * CPU time all cores spent busy (user, nice, system, irq, softirq) and stolen by the hypervisor,
 * in µs, from /proc/stat; undefined where it is not available. Busy time minus the bench's own
 * processes shows how much other load shared the machine during a measurement.
 */
export function machineCpuMicros(): { busy: number; steal: number } | undefined {
  let stat: string;
  try {
    stat = readFileSync('/proc/stat', 'utf8');
  } catch {
    return undefined;
  }
  const line = stat.slice(0, stat.indexOf('\n')).split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line;
  const us = 1_000_000 / clockTicks();
  return { busy: (user + nice + system + irq + softirq) * us, steal: steal * us };
}

/**
 * Waits (at most `maxS` seconds, in 1 s samples) until the whole machine uses less than
 * `belowPct` % of one core, so a measured window is less likely to share cores with other work.
 * Returns the last sample (% of one core), NaN where /proc/stat is unavailable.
 */
export async function waitForQuietMachine(maxS: number, belowPct = 15): Promise<number> {
  let last = Number.NaN;
  for (let i = 0; i < maxS; i++) {
    const a = machineCpuMicros();
    await new Promise((r) => setTimeout(r, 1_000));
    const b = machineCpuMicros();
    if (!a || !b) return Number.NaN;
    last = (b.busy - a.busy) / 10_000;
    if (last < belowPct) return last;
  }
  return last;
}

/** Command names of the database processes a cluster run uses (PostgreSQL backends, Redis). */
const DATABASE_COMMANDS = /^(postgres|redis-server)/;

/**
 * CPU time (µs) of every PostgreSQL and Redis process on the machine, by pid, from /proc; empty where
 * /proc is not available. Other users of the same databases (other test runs) count too.
 */
export function databaseCpuByPid(): Map<number, number> {
  const out = new Map<number, number>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return out;
  }
  for (const name of pids) {
    try {
      if (!DATABASE_COMMANDS.test(readFileSync(`/proc/${name}/comm`, 'utf8'))) continue;
    } catch {
      continue; // exited meanwhile
    }
    const cpu = processCpuMicros(Number(name));
    if (cpu !== undefined) out.set(Number(name), cpu);
  }
  return out;
}

/** Database CPU (µs) used between two {@link databaseCpuByPid} snapshots; processes born since count whole. */
export function databaseCpuBetween(start: Map<number, number>, end: Map<number, number>): number {
  let total = 0;
  for (const [pid, cpu] of end) total += cpu - (start.get(pid) ?? 0);
  return total;
}
