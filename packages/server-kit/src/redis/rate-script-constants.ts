// What the rate limiter's scripts share (redis-rate-limiter.ts, rate-fetch-batches.ts).

/** Tolerance for float rounding: waiting exactly `retryAfterMs` must be enough. */
export const EPSILON_MS = 1e-6;

/**
 * How long a bucket's key outlives the moment it is full again (when it is no different from a
 * missing key). Only a bound on memory, kept generous so an injected clock running ahead of the
 * server's never drops a bucket that is still draining.
 */
export const KEY_GRACE_MS = 60_000;

/**
 * The opening lines of both scripts: `now` in ms from ARGV[1], or from the Redis server's clock
 * when ARGV[1] is '' (no injected clock), so every gateway of a cluster reads one time.
 */
export const SCRIPT_NOW = `
local now
if ARGV[1] == '' then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
else
  now = tonumber(ARGV[1])
end
`;

/**
 * A Lua function both scripts decide a bucket with (GCRA; put after {@link SCRIPT_NOW}, whose `now`
 * it reads): `take(full_at, cost, capacity, ms)` answers the bucket's full-at time once `cost`
 * tokens of `ms` each are taken, and how long until that is allowed (0: allowed now).
 */
export const SCRIPT_TAKE = `local function take(full_at, cost, capacity, ms)
  local start = now
  if full_at and full_at > now then start = full_at end
  local after = start + cost * ms
  local wait = after - capacity * ms - now
  if wait <= ${EPSILON_MS} then wait = 0 end
  return after, wait
end
`;
