import { createServer, keyAuthenticator } from '@parley/server-kit';
import { migrate, postgresStores } from '@parley/server-kit/postgres';
import { Redis } from 'ioredis';
import pg from 'pg';

/**
 * One gateway of the cluster, as a child of `main.ts` (or on its own machine): PostgreSQL and
 * Redis from the environment, listens on PARLEY_HOST:PARLEY_PORT and prints its URL. Gateways are
 * stateless: any number may run against the same database, schema and Redis prefix.
 */
async function main(): Promise<void> {
  const env = process.env;
  const gatewayId = env.PARLEY_GATEWAY_ID ?? `gw-${process.pid}`;
  const schema = env.PARLEY_PG_SCHEMA ?? 'parley';
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 10 });
  pool.on('error', () => {}); // an idle client's broken connection: the next query reports it
  const redis = new Redis(env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: false });
  redis.on('error', (error) => console.error(`[${gatewayId}] redis: ${String(error)}`));
  await migrate(pool, { schema });
  const stores = postgresStores({ pool, redis, schema, redisPrefix: env.PARLEY_REDIS_PREFIX ?? 'parley:' });
  const server = await createServer({
    host: env.PARLEY_HOST ?? '127.0.0.1',
    port: Number(env.PARLEY_PORT ?? 0),
    gatewayId,
    stores,
    authenticator: keyAuthenticator({ registration: 'open' }),
    // A load balancer's health check: 200 while this gateway accepts connections.
    httpHandler: (req, res) => {
      if (req.url !== '/healthz') return false;
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
      return true;
    },
  });
  console.log(`gateway ${gatewayId} listening on ${server.url}`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      await server.close();
      await stores.close();
      redis.disconnect();
      await pool.end();
    })().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`[${gatewayId}] shutdown failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
