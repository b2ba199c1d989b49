// Where the tests find the shared PostgreSQL and Redis, and whether they answer.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';

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

/** A name no other test file (or run) uses. */
export const uniqueName = (kind: string): string => `parley_test_${kind}_${randomBytes(6).toString('hex')}`;
