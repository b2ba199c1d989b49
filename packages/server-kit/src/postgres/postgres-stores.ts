import type { Pool } from 'pg';
import { cachedDeviceLists } from '../cluster/device-list-cache.js';
import type { Logger } from '../contracts/logger.js';
import type { ServerStores } from '../contracts/stores.js';
import type { Clock } from '../contracts/types.js';
import { redisBus } from '../redis/redis-bus.js';
import type { RedisClient } from '../redis/redis-client.js';
import { redisDirectory } from '../redis/redis-directory.js';
import { redisRateLimiter } from '../redis/redis-rate-limiter.js';
import type { PostgresSchemaOptions } from './migrations.js';
import type { PostgresTimeoutOptions } from './pg-timeouts.js';
import { postgresDeviceRegistry } from './postgres-device-registry.js';
import { postgresGroupReceiptStore } from './postgres-group-receipt-store.js';
import { postgresGroupStore } from './postgres-group-store.js';
import { postgresKeyDirectory } from './postgres-key-directory.js';
import { postgresMediaStore } from './postgres-media-store.js';
import { postgresMediaTickets } from './postgres-media-tickets.js';
import { postgresPresenceStore } from './postgres-presence-store.js';
import { postgresQueue } from './postgres-queue.js';

/** Options of {@link postgresStores}. */
export interface PostgresStoresOptions extends PostgresSchemaOptions, PostgresTimeoutOptions {
  /** A pg Pool for the durable parts; never ended by the stores. */
  pool: Pool;
  /** An ioredis client for the fast parts; never closed by the stores. */
  redis: RedisClient;
  /** A second ioredis connection for bus subscriptions; default `redis.duplicate()`, closed by `close()`. */
  redisSubscriber?: RedisClient;
  /** Put before every Redis key and channel; default `'parley:'`. */
  redisPrefix?: string;
  clock?: Clock;
  /** Offline queue entry lifetime; default 30 days. */
  queueTtlMs?: number;
  /** Where the errors of the connections the stores open go (the bus subscriber); default silent. */
  logger?: Logger;
  /**
   * How long a gateway serves a user's device list from memory (changes are announced over the
   * bus, so this bounds only the staleness after a lost announcement); default 5 s, 0 reads the
   * database every time.
   */
  deviceListCacheMs?: number;
  /**
   * Whether the bus sends what one tick publishes on a channel as one Redis message (`redisBus`'s
   * `batch`); default true. Set false while gateways of an earlier version, which cannot read such
   * batches, still run in the cluster.
   */
  busBatch?: boolean;
}

/**
 * A cluster of stateless gateways: offline queue, device registry (its lists cached per gateway,
 * see `cachedDeviceLists`), key directory, groups, group receipts, presence and media (blobs in
 * chunks, tickets) in PostgreSQL (what must not be lost); session directory, bus and rate limiter
 * in Redis (what is fast and may be lost: losing it delays deliveries, never loses them). Every gateway of the
 * cluster uses the same schema and Redis prefix.
 *
 * The tables are created or migrated before the first query (call `migrate(pool)` at startup to
 * fail fast instead). `close()` closes only what the stores opened (the bus's subscriber
 * connection when it made it); end the pool and the Redis client yourself, after it.
 */
export function postgresStores(options: PostgresStoresOptions): ServerStores {
  const { pool, redis } = options;
  const schema = {
    ...(options.schema !== undefined ? { schema: options.schema } : {}),
    ...(options.timeouts !== undefined ? { timeouts: options.timeouts } : {}),
  };
  const prefix = options.redisPrefix !== undefined ? { prefix: options.redisPrefix } : {};
  const withClock = options.clock ? { clock: options.clock } : {};
  const bus = redisBus({
    client: redis,
    ...(options.redisSubscriber ? { subscriber: options.redisSubscriber } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.busBatch !== undefined ? { batch: options.busBatch } : {}),
    ...prefix,
  });
  let closed = false;
  const registry = postgresDeviceRegistry({ pool, ...schema, ...withClock });
  const cacheMs = options.deviceListCacheMs ?? 5_000;
  const devices =
    cacheMs > 0
      ? cachedDeviceLists(registry, {
          bus,
          ttlMs: cacheMs,
          ...withClock,
          ...(options.logger ? { logger: options.logger } : {}),
        })
      : undefined;
  return {
    devices: devices ?? registry,
    queue: postgresQueue({
      pool,
      ...schema,
      ...withClock,
      ...(options.queueTtlMs !== undefined ? { ttlMs: options.queueTtlMs } : {}),
    }),
    keys: postgresKeyDirectory({ pool, ...schema }),
    groups: postgresGroupStore({ pool, ...schema }),
    groupReceipts: postgresGroupReceiptStore({ pool, ...schema }),
    presence: postgresPresenceStore({ pool, ...schema }),
    media: postgresMediaStore({ pool, ...schema, ...withClock }),
    mediaTickets: postgresMediaTickets({ pool, ...schema, ...withClock }),
    directory: redisDirectory({ client: redis, ...prefix, ...withClock }),
    bus,
    // As the bundled stores: 60 per minute unless the gateway passes its own shape (it does).
    rateLimiter: redisRateLimiter({
      client: redis,
      capacity: 60,
      refillPerSecond: 1,
      ...prefix,
      ...(options.logger ? { logger: options.logger } : {}),
    }),
    async close() {
      if (closed) return;
      closed = true;
      await devices?.close();
      await bus.close();
    },
  };
}
