import { type Logger, silentLogger } from '../contracts/logger.js';
import type { RateDecision, RateLimit, RateLimiter, RateRequest } from '../contracts/rate-limiter.js';
import { bucketOf, checkLimit } from '../contracts/rate-limiter.js';
import { type SetTimer, systemTimer } from '../contracts/timer.js';
import type { Clock } from '../contracts/types.js';
import { leasedDecide } from './leased-rate-decide.js';
import type { RateLeaseOptions } from './rate-leases.js';
import { EPSILON_MS, KEY_GRACE_MS, SCRIPT_NOW, SCRIPT_TAKE } from './rate-script-constants.js';
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
  /**
   * Leases on busy buckets (`rate-leases.ts`): a fetch may take a few tokens more than the call
   * needs and spend them here later without a round trip; unspent ones go back when the lease
   * expires. Default on with its defaults; `false`: one script call per consume. Never used on a
   * Redis Cluster client (a script's keys must share a slot).
   */
  lease?: RateLeaseOptions | false;
  /** Schedules the give-back of expired leases; default `setTimeout`, unref'd. */
  setTimer?: SetTimer;
  /** Where a failed give-back of leased tokens is reported; default silent. */
  logger?: Logger;
  /** An ioredis client; the limiter never closes it. */
  client: RedisClient;
  /**
   * The time the buckets refill by. Default: the Redis server's clock (read in the script), so
   * gateways whose clocks disagree still share one consistent bucket per key.
   */
  clock?: Clock;
}

// A token bucket kept as one number, the time at which it is full again (GCRA), as the memory
// limiter keeps it; read, checked and written in one script, so concurrent calls from any gateway
// never spend the same tokens twice. One script decides every bucket of a call: all are checked
// before any is written, so a refusal takes nothing. Numbers travel as strings with 17 digits:
// exact doubles.
// KEYS: the buckets; ARGV: now ('' = server time), key grace ms, then per bucket: cost, capacity,
// ms per token. Answers {1, '0'}, or {0, longest wait, index (1-based) of the bucket with it}.
const CONSUME = redisScript(`${SCRIPT_NOW}${SCRIPT_TAKE}local planned = {}
local wait = 0
local refused = 0
for i, key in ipairs(KEYS) do
  local cost = tonumber(ARGV[i * 3])
  local capacity = tonumber(ARGV[i * 3 + 1])
  local ms = tonumber(ARGV[i * 3 + 2])
  local full_at = planned[key]
  if full_at == nil then full_at = tonumber(redis.call('GET', key) or '') end
  local after, w = take(full_at, cost, capacity, ms)
  planned[key] = after
  if w > wait then
    wait = w
    refused = i
  end
end
if refused > 0 then
  return {0, string.format('%.17g', wait), refused}
end
for _, key in ipairs(KEYS) do
  local after = planned[key]
  if after then
    planned[key] = nil
    if after > now then
      redis.call('SET', key, string.format('%.17g', after), 'PX', math.ceil(after - now) + tonumber(ARGV[2]))
    end
  end
end
return {1, '0'}
`);

/**
 * A {@link RateLimiter} shared by every gateway of a cluster: token buckets in Redis, one key
 * per bucket, decided atomically by a Lua script (`consumeAll`: every bucket of the call in one
 * script run, one round trip; not offered on a Redis Cluster). Keys expire once their bucket has
 * refilled (plus a grace period), so memory follows the active keys. Redis failures reject with
 * ParleyError('UNAVAILABLE').
 */
export function redisRateLimiter(options: RedisRateLimiterOptions): RateLimiter {
  const { client, clock } = options;
  const prefix = options.prefix ?? DEFAULT_REDIS_PREFIX;
  const defaults: RateLimit = { capacity: options.capacity, refillPerSecond: options.refillPerSecond };
  checkLimit(defaults);
  const leased =
    options.lease === false || client.isCluster
      ? undefined
      : leasedDecide({
          client,
          prefix,
          defaults,
          clock,
          lease: options.lease ?? {},
          setTimer: options.setTimer ?? systemTimer,
          logger: options.logger ?? silentLogger,
        });

  const decide = async (requests: RateRequest[]): Promise<RateDecision> => {
    if (leased) return leased(requests);
    const args: Array<string | number> = [clock ? String(clock()) : '', KEY_GRACE_MS];
    for (const r of requests) {
      const cost = r.cost ?? 1;
      const { capacity, refillPerSecond } = bucketOf(cost, r.limit, defaults);
      args.push(cost, capacity, 1000 / refillPerSecond);
    }
    let reply: unknown;
    try {
      reply = await runScript(
        client,
        CONSUME,
        requests.map((r) => `${prefix}rate:${r.key}`),
        args,
      );
    } catch (error) {
      throw fromRedisError(error);
    }
    const [allowed, wait, refused] = reply as [number, string, number?];
    if (allowed === 1) return { allowed: true, retryAfterMs: 0 };
    return {
      allowed: false,
      retryAfterMs: Math.max(1, Math.ceil(Number(wait) - EPSILON_MS)),
      refused: (refused ?? 1) - 1,
    };
  };

  const limiter: RateLimiter = {
    async consume(key: string, cost = 1, limit?: RateLimit): Promise<RateDecision> {
      const { allowed, retryAfterMs } = await decide([limit ? { key, cost, limit } : { key, cost }]);
      return { allowed, retryAfterMs };
    },
  };
  // A script's keys must share a hash slot on a Redis Cluster, and a request's buckets (a user's,
  // a target's) do not: there, callers fall back to one consume per bucket.
  if (!client.isCluster) {
    limiter.consumeAll = async (requests) =>
      requests.length === 0 ? { allowed: true, retryAfterMs: 0 } : decide(requests);
  }
  return limiter;
}
