/**
 * Redis parts of `@parley/server-kit` (subpath `@parley/server-kit/redis`): what many gateways
 * share that is fast and may be lost (where each device is connected, nudges between gateways,
 * rate-limit buckets). Needs the optional peer dependency `ioredis`; every factory takes a client
 * you made and never closes it.
 */
export type { RateLeaseOptions } from './rate-leases.js';
export { type RedisBusOptions, redisBus } from './redis-bus.js';
export { DEFAULT_REDIS_PREFIX, type RedisClient, type RedisPrefixOptions } from './redis-client.js';
export { type RedisDirectoryOptions, redisDirectory } from './redis-directory.js';
export { type RedisRateLimiterOptions, redisRateLimiter } from './redis-rate-limiter.js';
