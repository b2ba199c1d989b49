// The servers of a `--gateways N` run: N Parley server children on PostgreSQL + Redis stores in a
// fresh schema and Redis prefix (created here, dropped after the run), so every run starts empty.
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { migrate } from '@parley/server-kit/postgres';
import { Redis } from 'ioredis';
import pg from 'pg';
import { type ServerChild, startServerChild } from './child.js';

/** Where the cluster runs find their services (the defaults of the server-kit tests). */
export const BENCH_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const BENCH_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * The ioredis options of a gateway's connection: PARLEY_BENCH_REDIS_PIPELINE=on turns on ioredis
 * auto-pipelining (commands queue behind the batch in flight and share one socket write), for an A/B
 * of it; off by default, as in the reference cluster (ARCHITECTURE 15: it did not pay).
 */
export function benchRedisOptions(): { enableAutoPipelining: boolean } {
  return { enableAutoPipelining: process.env.PARLEY_BENCH_REDIS_PIPELINE === 'on' };
}

/** N running gateways sharing one schema. */
export interface ClusterServers {
  children: ServerChild[];
  /** ws:// URL of each gateway. */
  urls: string[];
  /** Stops every gateway, then drops the schema and the Redis keys of the run. */
  stop(): Promise<void>;
}

/**
 * The migrations of the server kit the gateways run (`--server-kit`: another checkout's): gateways
 * refuse a schema a newer server kit wrote, so an A/B's base must not find this checkout's.
 */
function migrationsOf(serverKit: string | undefined): typeof migrate {
  if (serverKit === undefined) return migrate;
  const url = pathToFileURL(resolve(serverKit, 'src/postgres/index.ts')).href;
  return async (pool, options) => ((await import(url)) as { migrate: typeof migrate }).migrate(pool, options);
}

/** Starts `gateways` server children (all pinned to `core` when given) on a fresh schema; `env` goes to each. */
export async function startClusterServers(
  gateways: number,
  core: number | undefined,
  env: Record<string, string> = {},
): Promise<ClusterServers> {
  const schema = `parley_bench_${randomBytes(5).toString('hex')}`;
  const pool = new pg.Pool({ connectionString: BENCH_DATABASE_URL, max: 2 });
  await migrationsOf(env.PARLEY_BENCH_SERVER_KIT)(pool, { schema });
  const children: ServerChild[] = [];
  const cleanup = async () => {
    await Promise.all(children.map((c) => c.stop()));
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => {});
    await pool.end();
    const redis = new Redis(BENCH_REDIS_URL);
    try {
      const keys = await redis.keys(`${schema}:*`);
      if (keys.length > 0) await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
  };
  try {
    for (let i = 0; i < gateways; i++) {
      children.push(
        await startServerChild('./parley-server.ts', core, {
          PARLEY_BENCH_STORES: 'postgres',
          PARLEY_BENCH_SCHEMA: schema,
          PARLEY_BENCH_GATEWAY_ID: `g${i + 1}`,
          DATABASE_URL: BENCH_DATABASE_URL,
          REDIS_URL: BENCH_REDIS_URL,
          ...env,
        }),
      );
    }
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { children, urls: children.map((c) => `ws://127.0.0.1:${c.port}`), stop: cleanup };
}
