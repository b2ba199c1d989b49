import type { RateDecision, RateLimit, RateLimiter } from '../contracts/rate-limiter.js';
import { bucketOf, checkLimit } from '../contracts/rate-limiter.js';
import type { Clock } from '../contracts/types.js';
import {
  DEFAULT_REDIS_PREFIX,
  fromRedisError,
  type RedisClient,
  type RedisPrefixOptions,
  redisScript,
  runScript,
} from './redis-client.js';

/** Options of {@link redisRateLimiter}: the default bucket shape, and where the buckets live. */
export interface RedisRateLimiterOptions extends RateLimit, RedisPrefixOptions {
  /** An ioredis client; the limiter never closes it. */
  client: RedisClient;
  /**
   * The time the buckets refill by. Default: the Redis server's clock (read in the script), so
   * gateways whose clocks disagree still share one consistent bucket per key.
   */
  clock?: Clock;
}

/** Tolerance for float rounding: waiting exactly `retryAfterMs` must be enough. */
const EPSILON_MS = 1e-6;

/**
 * How long a bucket's key outlives the moment it is full again (when it is no different from a
 * missing key). Only a bound on memory, kept generous so an injected clock running ahead of the
 * server's never drops a bucket that is still draining.
 */
const KEY_GRACE_MS = 60_000;

// A token bucket kept as one number, the time at which it is full again (GCRA), as the memory
// limiter keeps it; read, checked and written in one script, so concurrent calls from any gateway
// never spend the same tokens twice. Numbers travel as strings with 17 digits: exact doubles.
// KEYS[1] bucket; ARGV: now ('' = server time), cost, capacity, ms per token, key grace ms.
const CONSUME = redisScript(`
local now
if ARGV[1] == '' then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
else
  now = tonumber(ARGV[1])
end
local cost = tonumber(ARGV[2])
local capacity = tonumber(ARGV[3])
local ms = tonumber(ARGV[4])
local full_at = tonumber(redis.call('GET', KEYS[1]) or '')
local start = now
if full_at and full_at > now then start = full_at end
local after = start + cost * ms
local allowed_at = after - capacity * ms
if allowed_at > now + ${EPSILON_MS} then
  return {0, string.format('%.17g', allowed_at - now)}
end
if after > now then
  redis.call('SET', KEYS[1], string.format('%.17g', after), 'PX', math.ceil(after - now) + tonumber(ARGV[5]))
end
return {1, '0'}
`);

/**
 * A {@link RateLimiter} shared by every gateway of a cluster: token buckets in Redis, one key
 * per bucket, each decided atomically by a Lua script. Keys expire once their bucket has
 * refilled (plus a grace period), so memory follows the active keys. Redis failures reject with
 * ParleyError('UNAVAILABLE').
 */
export function redisRateLimiter(options: RedisRateLimiterOptions): RateLimiter {
  const { client, clock } = options;
  const prefix = options.prefix ?? DEFAULT_REDIS_PREFIX;
  const defaults: RateLimit = { capacity: options.capacity, refillPerSecond: options.refillPerSecond };
  checkLimit(defaults);

  return {
    async consume(key: string, cost = 1, limit?: RateLimit): Promise<RateDecision> {
      const { capacity, refillPerSecond } = bucketOf(cost, limit, defaults);
      let reply: unknown;
      try {
        reply = await runScript(
          client,
          CONSUME,
          [`${prefix}rate:${key}`],
          [clock ? String(clock()) : '', cost, capacity, 1000 / refillPerSecond, KEY_GRACE_MS],
        );
      } catch (error) {
        throw fromRedisError(error);
      }
      const [allowed, wait] = reply as [number, string];
      if (allowed === 1) return { allowed: true, retryAfterMs: 0 };
      return { allowed: false, retryAfterMs: Math.max(1, Math.ceil(Number(wait) - EPSILON_MS)) };
    },
  };
}
