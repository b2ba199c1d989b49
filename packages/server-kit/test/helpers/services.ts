import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';

/** Where the tests find PostgreSQL (trust auth); override with DATABASE_URL. */
export const POSTGRES_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Where the tests find Redis; override with REDIS_URL. */
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A service some tests need. */
export type Service = 'postgres' | 'redis';

const PROBE_TIMEOUT_MS = 3_000;

/** Connects once and runs a trivial command; resolves with why it failed, or undefined when it worked. */
async function probe(service: Service): Promise<string | undefined> {
  if (service === 'postgres') {
    const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return undefined;
    } catch (error) {
      return String(error);
    } finally {
      await client.end().catch(() => {});
    }
  }
  const client = new Redis(REDIS_URL, {
    lazyConnect: true,
    connectTimeout: PROBE_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => {}); // reported through the rejected connect below
  try {
    await client.connect();
    await client.ping();
    return undefined;
  } catch (error) {
    return String(error);
  } finally {
    client.disconnect();
  }
}

const WHERE: Record<Service, { what: string; variable: string }> = {
  postgres: { what: `PostgreSQL not reachable at ${POSTGRES_URL}`, variable: 'DATABASE_URL' },
  redis: { what: `Redis not reachable at ${REDIS_URL}`, variable: 'REDIS_URL' },
};

/**
 * Whether every given service answers. When one does not, the caller skips its tests
 * (`describe.skipIf(!available)`) after a warning that says how to point the tests at it, unless
 * PARLEY_REQUIRE_SERVICES=1 (CI), where a missing service throws and fails the file loudly.
 */
export async function servicesAvailable(...services: Service[]): Promise<boolean> {
  const failures = (await Promise.all(services.map(async (s) => [s, await probe(s)] as const))).filter(
    ([, failure]) => failure !== undefined,
  );
  if (failures.length === 0) return true;
  const required = process.env.PARLEY_REQUIRE_SERVICES === '1';
  const message = failures
    .map(([s, failure]) => {
      const { what, variable } = WHERE[s];
      return required
        ? `${what} (${failure}); start it or set ${variable}`
        : `${what}: skipping; set ${variable} (${failure})`;
    })
    .join('\n');
  if (required) throw new Error(`PARLEY_REQUIRE_SERVICES=1 but a service is missing:\n${message}`);
  console.warn(message);
  return false;
}

/** A local port nothing listens on: connections to it are refused at once (a service that is down). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A name no other test file (or run) uses. */
export const uniqueName = (kind: string): string => `parley_test_${kind}_${randomBytes(6).toString('hex')}`;

/** PostgreSQL for one test file: its own fresh schema, dropped with everything in it after the file. */
export interface PostgresFixture {
  /** A pool for the file (ended after it). */
  readonly pool: pg.Pool;
  /** The file's schema, to pass as the adapters' `schema` option. */
  readonly schema: string;
  /** Another pool on the same database, as a second gateway would have (ended after the file). */
  newPool(): pg.Pool;
  /** Deletes every row of the schema's tables (between tests; the schema and its version stay). */
  reset(): Promise<void>;
}

/** Registers beforeAll/afterAll hooks giving the current file (or describe block) a {@link PostgresFixture}. */
export function usePostgres(): PostgresFixture {
  const schema = uniqueName('pg');
  const pools: pg.Pool[] = [];
  const newPool = (): pg.Pool => {
    // The tests check the adapters' behaviour, not the server's fsync: commits that do not wait
    // for the disk keep them fast. (postgres-throughput.test.ts measures with durable commits.)
    const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 10, options: '-c synchronous_commit=off' });
    pool.on('error', () => {}); // an idle client's broken connection: the next query reports it
    pools.push(pool);
    return pool;
  };
  let main: pg.Pool | undefined;
  beforeAll(() => {
    main = newPool();
  });
  afterAll(async () => {
    await main?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await Promise.all(pools.splice(0).map((p) => p.end()));
  });
  return {
    get pool() {
      if (!main) throw new Error('usePostgres: pool used outside the tests');
      return main;
    },
    schema,
    newPool,
    async reset() {
      const pool = main;
      if (!pool) throw new Error('usePostgres: reset outside the tests');
      const { rows } = await pool.query<{ tablename: string }>(
        `SELECT tablename FROM pg_tables WHERE schemaname = $1 AND tablename <> 'schema_migrations'`,
        [schema],
      );
      if (rows.length === 0) return;
      await pool.query(rows.map((r) => `DELETE FROM "${schema}"."${r.tablename}";`).join('\n'));
    },
  };
}

/** Redis for one test file: a key and channel prefix of its own, its keys deleted after the file. */
export interface RedisFixture {
  /** A client for the file (closed after it). */
  readonly client: Redis;
  /** A fresh prefix under the file's own, e.g. one per test, so tests never see each other's keys. */
  nextPrefix(): string;
  /** Another client, as a second gateway would have (closed after the file). */
  newClient(): Redis;
}

/** Registers beforeAll/afterAll hooks giving the current file (or describe block) a {@link RedisFixture}. */
export function useRedis(): RedisFixture {
  const prefix = `${uniqueName('redis')}:`;
  const clients: Redis[] = [];
  let counter = 0;
  const newClient = (): Redis => {
    const client = new Redis(REDIS_URL);
    client.on('error', () => {}); // reconnects on its own; commands report failures
    clients.push(client);
    return client;
  };
  let main: Redis | undefined;
  beforeAll(() => {
    main = newClient();
  });
  afterAll(async () => {
    // Only this file's keys: never FLUSHALL a server other files (or people) use.
    if (main) {
      let cursor = '0';
      do {
        const [next, keys] = await main.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length > 0) await main.del(...keys);
      } while (cursor !== '0');
    }
    await Promise.all(clients.splice(0).map((c) => c.quit().catch(() => c.disconnect())));
  });
  return {
    get client() {
      if (!main) throw new Error('useRedis: client used outside the tests');
      return main;
    },
    nextPrefix: () => `${prefix}${++counter}:`,
    newClient,
  };
}
