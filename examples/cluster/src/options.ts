/** Where the cluster finds its services by default (the same defaults as the server-kit tests). */
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** Options of `pnpm cluster`. */
export interface ClusterOptions {
  gateways: number;
  host: string;
  /** Port of the first gateway; the others take the next ones. 0: every gateway picks a free port. */
  basePort: number;
  databaseUrl: string;
  redisUrl: string;
  /** PostgreSQL schema of the tables. */
  schema: string;
  /** Put before every Redis key and channel. */
  redisPrefix: string;
}

export const USAGE = `Usage: pnpm cluster [--gateways N] [--host H] [--base-port P] [--schema S] [--redis-prefix X]

Starts N Parley gateways (default 2) on ports P, P+1, ... (default 8081) of H (default 127.0.0.1),
sharing PostgreSQL (DATABASE_URL, default ${DEFAULT_DATABASE_URL}, schema S, default parley)
and Redis (REDIS_URL, default ${DEFAULT_REDIS_URL}, prefix X, default parley:). Ctrl-C stops them all.`;

/** Thrown for arguments that do not parse; the message says which. */
export class UsageError extends Error {}

/** Parses the command line (`--name value` pairs) and the environment. */
export function parseClusterArgs(argv: readonly string[], env: NodeJS.ProcessEnv): ClusterOptions {
  const o: ClusterOptions = {
    gateways: 2,
    host: '127.0.0.1',
    basePort: 8081,
    databaseUrl: env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    redisUrl: env.REDIS_URL ?? DEFAULT_REDIS_URL,
    schema: env.PARLEY_PG_SCHEMA ?? 'parley',
    redisPrefix: env.PARLEY_REDIS_PREFIX ?? 'parley:',
  };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i];
    const value = argv[i + 1];
    if (value === undefined) throw new UsageError(`${name} needs a value`);
    switch (name) {
      case '--gateways':
        o.gateways = integer(name, value, 1, 64);
        break;
      case '--host':
        o.host = value;
        break;
      case '--base-port':
        o.basePort = integer(name, value, 0, 65535);
        break;
      case '--schema':
        o.schema = value;
        break;
      case '--redis-prefix':
        o.redisPrefix = value;
        break;
      default:
        throw new UsageError(`unknown option ${name}`);
    }
  }
  return o;
}

function integer(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name} must be an integer in ${min}..${max}`);
  return n;
}
