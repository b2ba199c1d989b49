// Counts a cluster gateway's PostgreSQL round trips and Redis commands, by statement and command,
// so a bench run can say how many of each one delivered message costs (a figure that does not
// depend on the machine's load, unlike CPU time).
import type { Pool, PoolClient } from 'pg';
import { processCounts } from './process-counts.js';

/** Round trips per statement label and commands per Redis command name, since the child started. */
export interface StoreCounts {
  pg: Record<string, number>;
  redis: Record<string, number>;
  /** The process's own counts (process-counts.ts): loop turns, timers, socket writes, context switches. */
  proc: Record<string, number>;
}

const counts: StoreCounts = { pg: {}, redis: {}, proc: {} };
const bump = (map: Record<string, number>, key: string) => {
  map[key] = (map[key] ?? 0) + 1;
};

/** A short name for a statement: its text without the schema, whitespace folded, cut to 70 characters. */
export function statementLabel(text: string): string {
  return text
    .replace(/"[^"]+"\./g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 70);
}

const labels = new Map<string, string>();
function labelOf(query: unknown): string {
  const text = typeof query === 'string' ? query : ((query as { text?: unknown } | null)?.text ?? '');
  if (typeof text !== 'string') return '?';
  let label = labels.get(text);
  if (label === undefined) {
    label = statementLabel(text);
    labels.set(text, label);
  }
  return label;
}

/** Counts every query of every connection `pool` opens (pool.query runs on one of them too). */
export function countPool(pool: Pool): void {
  pool.on('connect', (client: PoolClient) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      bump(counts.pg, labelOf(args[0]));
      return query(...args);
    };
  });
}

/** Counts every command `redis` sends (its duplicates, such as the bus subscriber, are not counted). */
export function countRedis(redis: { sendCommand(command: { name: string }, ...rest: unknown[]): unknown }): void {
  const send = redis.sendCommand.bind(redis);
  redis.sendCommand = (command, ...rest) => {
    bump(counts.redis, command.name.toUpperCase());
    return send(command, ...rest);
  };
}

/** A copy of the counts so far. */
export function storeCounts(): StoreCounts {
  return { pg: { ...counts.pg }, redis: { ...counts.redis }, proc: processCounts() };
}

/** What happened between two snapshots, per `per` (e.g. delivered messages), largest first. */
export function countsBetween(start: StoreCounts, end: StoreCounts, per: number): StoreCounts {
  const diff = (a: Record<string, number>, b: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(b)
        .map(([k, v]) => [k, (v - (a[k] ?? 0)) / per] as const)
        .filter(([, v]) => v > 0)
        .sort((x, y) => y[1] - x[1]),
    );
  return {
    pg: diff(start.pg, end.pg),
    redis: diff(start.redis, end.redis),
    proc: diff(start.proc ?? {}, end.proc ?? {}),
  };
}

/** Adds several gateways' counts. */
export function sumCounts(list: StoreCounts[]): StoreCounts {
  const out: StoreCounts = { pg: {}, redis: {}, proc: {} };
  for (const c of list) {
    for (const part of ['pg', 'redis', 'proc'] as const) {
      for (const [k, v] of Object.entries(c[part] ?? {})) out[part][k] = (out[part][k] ?? 0) + v;
    }
  }
  return out;
}

const total = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);

/** Lines for the report: totals, then each statement and command. */
export function formatCounts(perMsg: StoreCounts): string {
  const lines = [
    `  cluster per delivered message: ${total(perMsg.pg).toFixed(2)} PostgreSQL round trips, ${total(perMsg.redis).toFixed(2)} Redis commands`,
  ];
  for (const [k, v] of Object.entries(perMsg.pg)) lines.push(`    pg    ${v.toFixed(3)}  ${k}`);
  for (const [k, v] of Object.entries(perMsg.redis)) lines.push(`    redis ${v.toFixed(3)}  ${k}`);
  // Summed over the gateways, so per gateway is half of it with two.
  const proc = Object.entries(perMsg.proc ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (proc.length > 0) lines.push(`  gateway process per delivered message (all gateways summed):`);
  for (const [k, v] of proc) lines.push(`    ${k.padEnd(28)} ${v.toFixed(3)}`);
  return lines.join('\n');
}
