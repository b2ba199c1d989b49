// The leased path of redisRateLimiter: a call whose buckets all have enough leased tokens here is
// decided locally; otherwise one script call takes what is missing (plus a lease for hot keys)
// and gives back expired leases on the way. Every token a gateway admits was taken from the bucket
// in Redis first, so all gateways together never admit more than the bucket allows; a lease only
// moves tokens earlier, from the bucket to one gateway.

import type { Logger } from '../contracts/logger.js';
import type { RateDecision, RateLimit, RateRequest } from '../contracts/rate-limiter.js';
import { bucketOf } from '../contracts/rate-limiter.js';
import type { SetTimer } from '../contracts/timer.js';
import type { Clock } from '../contracts/types.js';
import { type RateLeaseOptions, RateLeases } from './rate-leases.js';
import { EPSILON_MS, KEY_GRACE_MS, SCRIPT_NOW } from './rate-script-constants.js';
import { fromRedisError, type RedisClient, redisScript, runScript } from './redis-client.js';

/** What the leased path needs from the limiter. */
export interface LeasedDecideOptions {
  client: RedisClient;
  prefix: string;
  defaults: RateLimit;
  clock: Clock | undefined;
  lease: RateLeaseOptions;
  /** The table to use (tests read it); default a new one. */
  leases?: RateLeases;
  /** Schedules the give-back of expired leases on a gateway that makes no more calls. */
  setTimer: SetTimer;
  logger: Logger;
}

// GCRA buckets as in CONSUME (redis-rate-limiter.ts). First gives back tokens of expired leases
// (the bucket's full-at time moves back, never before now), then decides the fetched buckets all
// or nothing, then grants each up to its extra tokens more, as many whole tokens as it still holds.
// KEYS: the fetched buckets, then the buckets given back to. ARGV: now ('' = server time), key grace
// ms, number of fetched buckets; per fetched bucket: need, capacity, ms per token, extra; per
// given-back bucket: tokens, ms per token. Answers {1, '0', grant per fetched bucket...} or
// {0, longest wait, index (1-based) of the fetched bucket with it}.
const LEASE = redisScript(`${SCRIPT_NOW}local grace = tonumber(ARGV[2])
local m = tonumber(ARGV[3])
local a = 4 + m * 4
for j = m + 1, #KEYS do
  local tokens = tonumber(ARGV[a])
  local ms = tonumber(ARGV[a + 1])
  a = a + 2
  local full_at = tonumber(redis.call('GET', KEYS[j]) or '')
  if full_at and full_at > now then
    local back = full_at - tokens * ms
    if back > now then
      redis.call('SET', KEYS[j], string.format('%.17g', back), 'PX', math.ceil(back - now) + grace)
    else
      redis.call('DEL', KEYS[j])
    end
  end
end
local after = {}
local wait = 0
local refused = 0
for i = 1, m do
  local b = 4 + (i - 1) * 4
  local need = tonumber(ARGV[b])
  local capacity = tonumber(ARGV[b + 1])
  local ms = tonumber(ARGV[b + 2])
  local full_at = tonumber(redis.call('GET', KEYS[i]) or '')
  local start = now
  if full_at and full_at > now then start = full_at end
  after[i] = start + need * ms
  local allowed_at = after[i] - capacity * ms
  if allowed_at > now + ${EPSILON_MS} and allowed_at - now > wait then
    wait = allowed_at - now
    refused = i
  end
end
if refused > 0 then
  return {0, string.format('%.17g', wait), refused}
end
local out = {1, '0'}
for i = 1, m do
  local b = 4 + (i - 1) * 4
  local capacity = tonumber(ARGV[b + 1])
  local ms = tonumber(ARGV[b + 2])
  local extra = tonumber(ARGV[b + 3])
  local room = math.floor(capacity - (after[i] - now) / ms + 1e-9)
  local grant = math.max(0, math.min(extra, room))
  local t = after[i] + grant * ms
  if t > now then
    redis.call('SET', KEYS[i], string.format('%.17g', t), 'PX', math.ceil(t - now) + grace)
  end
  out[i + 2] = grant
end
return out
`);

/** One bucket of a call, its requests added up. */
interface Bucket {
  key: string;
  cost: number;
  capacity: number;
  msPerToken: number;
  /** Index of its last request in the call (what `refused` names). */
  last: number;
  /** Tokens taken from this gateway's lease for the call. */
  reserved: number;
}

const ALLOWED: RateDecision = { allowed: true, retryAfterMs: 0 };

/** Makes the leased decision function of one limiter. */
export function leasedDecide(options: LeasedDecideOptions): (requests: RateRequest[]) => Promise<RateDecision> {
  const { client, prefix, defaults, clock } = options;
  const leases = options.leases ?? new RateLeases(options.lease);
  const localNow = clock ?? Date.now;

  // While anything is leased, one timer per TTL gives back what expired, so an idle gateway holds
  // no tokens for longer than about two TTLs; a busy one gives back with its next script call.
  let flushing = false;
  const scheduleFlush = () => {
    if (flushing || (leases.size === 0 && leases.pendingReturns === 0)) return;
    flushing = true;
    options.setTimer(() => {
      flushing = false;
      leases.sweep(localNow());
      const returns = leases.takeReturns();
      if (returns.length === 0) {
        scheduleFlush();
        return;
      }
      const args: Array<string | number> = [clock ? String(clock()) : '', KEY_GRACE_MS, 0];
      for (const r of returns) args.push(r.tokens, r.msPerToken);
      runScript(
        client,
        LEASE,
        returns.map((r) => `${prefix}rate:${r.key}`),
        args,
      ).then(scheduleFlush, (error: unknown) => {
        // Dropped, not retried (the script may have run): the bucket refills them with time.
        options.logger.warn('rate limiter: giving back leased tokens failed', { error: String(error) });
        scheduleFlush();
      });
    }, leases.ttlMs);
  };

  /** Spends the call from the leases alone, all or nothing; false (nothing spent) when one is short. */
  const spendLocally = (buckets: Bucket[], now: number): boolean => {
    let ok = true;
    for (const b of buckets) {
      b.reserved = leases.reserve(b.key, b.cost, now);
      if (b.reserved < b.cost) ok = false;
    }
    if (!ok) unreserve(buckets, now);
    return ok;
  };
  const unreserve = (buckets: Bucket[], now: number) => {
    for (const b of buckets) {
      leases.unreserve(b.key, b.reserved, b.msPerToken, now);
      b.reserved = 0;
    }
  };

  return async (requests) => {
    const byKey = new Map<string, Bucket>();
    requests.forEach((r, i) => {
      const cost = r.cost ?? 1;
      const { capacity, refillPerSecond } = bucketOf(cost, r.limit, defaults);
      const b = byKey.get(r.key);
      if (b) {
        b.cost += cost;
        b.last = i;
      } else {
        byKey.set(r.key, { key: r.key, cost, capacity, msPerToken: 1000 / refillPerSecond, last: i, reserved: 0 });
      }
    });
    const buckets = [...byKey.values()];
    const now = localNow();
    leases.sweep(now);
    for (const b of buckets) b.reserved = leases.reserve(b.key, b.cost, now);
    const missing = buckets.filter((b) => b.reserved < b.cost);
    if (missing.length === 0) return ALLOWED;

    const returns = leases.takeReturns();
    const args: Array<string | number> = [clock ? String(clock()) : '', KEY_GRACE_MS, missing.length];
    for (const b of missing) {
      const need = b.cost - b.reserved;
      args.push(need, b.capacity, b.msPerToken, leases.extraFor(b.key, need, now));
    }
    for (const r of returns) args.push(r.tokens, r.msPerToken);
    const keys = [...missing.map((b) => `${prefix}rate:${b.key}`), ...returns.map((r) => `${prefix}rate:${r.key}`)];
    let reply: unknown;
    try {
      reply = await runScript(client, LEASE, keys, args);
    } catch (error) {
      // The returns are dropped, not retried: the script may have run, and giving twice would
      // admit more than the bucket allows. Dropped tokens come back as the bucket refills.
      unreserve(buckets, localNow());
      throw fromRedisError(error);
    }
    const [allowed, wait, ...rest] = reply as [number, string, ...number[]];
    const then = localNow();
    if (allowed === 1) {
      missing.forEach((b, i) => {
        leases.granted(b.key, Number(rest[i] ?? 0), b.msPerToken, then);
      });
      scheduleFlush();
      return ALLOWED;
    }
    // Tokens granted to concurrent calls may have arrived meanwhile: they may cover this one.
    unreserve(buckets, then);
    scheduleFlush();
    if (spendLocally(buckets, then)) return ALLOWED;
    const refused = missing[(rest[0] ?? 1) - 1] ?? (missing[0] as Bucket);
    return {
      allowed: false,
      retryAfterMs: Math.max(1, Math.ceil(Number(wait) - EPSILON_MS)),
      refused: refused.last,
    };
  };
}
