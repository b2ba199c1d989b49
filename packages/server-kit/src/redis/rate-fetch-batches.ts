// The leased rate limiter's script calls, several calls' fetches in one (issue 15 aim 3): a fetch
// made while another script call of this limiter is in flight waits for it and goes with every
// other fetch made meanwhile; one made when none is in flight goes at the end of the event loop's
// turn (setImmediate), with the turn's other fetches. Before, every send whose buckets were not
// leased here (at random chats, nearly every send) paid one EVALSHA of its own.
//
// The script decides the fetches one after another, each all or nothing as before, each seeing
// what the earlier ones wrote, all in one atomic run: a batch admits exactly what the same fetches
// sent one by one in that order would have, so gateways still never spend the same tokens twice.

import type { Clock } from '../contracts/types.js';
import type { RateLeases, RateReturn } from './rate-leases.js';
import { KEY_GRACE_MS, SCRIPT_NOW, SCRIPT_TAKE } from './rate-script-constants.js';
import { type RedisClient, redisScript, runScript } from './redis-client.js';

// GCRA buckets as in CONSUME (redis-rate-limiter.ts). First gives back tokens of expired leases
// (the bucket's full-at time moves back, never before now), then decides each fetch in order, its
// buckets all or nothing, granting each allowed bucket up to its extra tokens more, as many whole
// tokens as it still holds. KEYS: the buckets given back to, then each fetch's buckets. ARGV: now
// ('' = server time), key grace ms, number of give-backs; per give-back: tokens, ms per token; then
// per fetch: its number of buckets m, then per bucket: need, capacity, ms per token, extra.
// Answers one reply per fetch: {1, '0', grant per bucket...} or {0, longest wait, index (1-based)
// of the bucket with it}.
export const LEASE_BATCH = redisScript(`${SCRIPT_NOW}${SCRIPT_TAKE}local grace = tonumber(ARGV[2])
local r = tonumber(ARGV[3])
local a = 4
for j = 1, r do
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
local k = r
local out = {}
while a <= #ARGV do
  local m = tonumber(ARGV[a])
  a = a + 1
  local after = {}
  local wait = 0
  local refused = 0
  for i = 1, m do
    local b = a + (i - 1) * 4
    local need = tonumber(ARGV[b])
    local capacity = tonumber(ARGV[b + 1])
    local ms = tonumber(ARGV[b + 2])
    local w
    after[i], w = take(tonumber(redis.call('GET', KEYS[k + i]) or ''), need, capacity, ms)
    if w > wait then
      wait = w
      refused = i
    end
  end
  if refused > 0 then
    out[#out + 1] = {0, string.format('%.17g', wait), refused}
  else
    local res = {1, '0'}
    for i = 1, m do
      local b = a + (i - 1) * 4
      local capacity = tonumber(ARGV[b + 1])
      local ms = tonumber(ARGV[b + 2])
      local extra = tonumber(ARGV[b + 3])
      local room = math.floor(capacity - (after[i] - now) / ms + 1e-9)
      local grant = math.max(0, math.min(extra, room))
      local t = after[i] + grant * ms
      if t > now then
        redis.call('SET', KEYS[k + i], string.format('%.17g', t), 'PX', math.ceil(t - now) + grace)
      end
      res[i + 2] = grant
    end
    out[#out + 1] = res
  end
  a = a + m * 4
  k = k + m
end
return out
`);

/** One bucket a fetch takes tokens from. */
export interface FetchBucket {
  /** The bucket's key as the limiter names it (without the Redis prefix). */
  key: string;
  /** Tokens the call must have from the bucket. */
  need: number;
  capacity: number;
  msPerToken: number;
  /** Tokens to lease beyond `need`, as many as the bucket holds. */
  extra: number;
}

/**
 * What the script said of one fetch. When allowed, its grants are already recorded in the lease
 * table (before any fetch of the batch hears its answer, so a refused one can look at them).
 */
export type FetchReply = { allowed: true } | { allowed: false; waitMs: number; refused: number };

/** Most fetches one script call carries; more wait for the next call. */
export const MAX_FETCHES_PER_CALL = 128;

export interface RateFetchBatchesOptions {
  client: RedisClient;
  prefix: string;
  clock: Clock | undefined;
  leases: RateLeases;
  /** Runs `callback` once the current turn's other fetches are in; default `setImmediate`. */
  defer?: (callback: () => void) => void;
}

interface Pending {
  buckets: FetchBucket[];
  resolve: (reply: FetchReply) => void;
  reject: (error: unknown) => void;
}

const defaultDefer: (callback: () => void) => void =
  globalThis.setImmediate ?? ((callback: () => void) => setTimeout(callback, 0));

/** Arguments of one script call: the give-backs, then each fetch (see {@link LEASE_BATCH}). */
export function leaseBatchCall(
  prefix: string,
  clock: Clock | undefined,
  returns: readonly RateReturn[],
  fetches: readonly (readonly FetchBucket[])[],
): { keys: string[]; args: Array<string | number> } {
  const keys: string[] = [];
  const args: Array<string | number> = [clock ? String(clock()) : '', KEY_GRACE_MS, returns.length];
  for (const r of returns) {
    keys.push(`${prefix}rate:${r.key}`);
    args.push(r.tokens, r.msPerToken);
  }
  for (const buckets of fetches) {
    args.push(buckets.length);
    for (const b of buckets) {
      keys.push(`${prefix}rate:${b.key}`);
      args.push(b.need, b.capacity, b.msPerToken, b.extra);
    }
  }
  return { keys, args };
}

/**
 * The fetch function of one limiter: at most one script call in flight; fetches made meanwhile
 * share the next. A failed call fails every fetch it carried (and drops its give-backs: the script
 * may have run, and giving twice would admit more than the bucket allows).
 */
export function rateFetchBatches(options: RateFetchBatchesOptions): (buckets: FetchBucket[]) => Promise<FetchReply> {
  const { client, prefix, clock, leases } = options;
  const defer = options.defer ?? defaultDefer;
  const localNow = clock ?? Date.now;
  let waiting: Pending[] = [];
  let inFlight = false;
  let scheduled = false;

  const schedule = () => {
    if (scheduled || inFlight || waiting.length === 0) return;
    scheduled = true;
    defer(send);
  };

  const settle = (batch: Pending[], reply: unknown) => {
    if (!Array.isArray(reply)) {
      const error = new Error('rate limiter: the script did not answer a list of fetches');
      for (const p of batch) p.reject(error);
      return;
    }
    const replies = reply as Array<[number, string, ...number[]] | undefined>;
    const then = localNow();
    // Every grant first: a refused fetch of this batch then finds them in the table.
    batch.forEach((p, i) => {
      const r = replies[i];
      if (r?.[0] !== 1) return;
      p.buckets.forEach((b, j) => {
        leases.granted(b.key, Number(r[j + 2] ?? 0), b.msPerToken, then);
      });
    });
    batch.forEach((p, i) => {
      const r = replies[i];
      if (r === undefined) p.reject(new Error('rate limiter: the script answered fewer fetches than it was sent'));
      else if (r[0] === 1) p.resolve({ allowed: true });
      else p.resolve({ allowed: false, waitMs: Number(r[1]), refused: Number(r[2] ?? 1) - 1 });
    });
  };

  const send = () => {
    scheduled = false;
    if (inFlight || waiting.length === 0) return;
    let batch = waiting;
    if (batch.length > MAX_FETCHES_PER_CALL) {
      batch = waiting.slice(0, MAX_FETCHES_PER_CALL);
      waiting = waiting.slice(MAX_FETCHES_PER_CALL);
    } else {
      waiting = [];
    }
    inFlight = true;
    const call = leaseBatchCall(
      prefix,
      clock,
      leases.takeReturns(),
      batch.map((p) => p.buckets),
    );
    runScript(client, LEASE_BATCH, call.keys, call.args).then(
      (reply) => {
        inFlight = false;
        settle(batch, reply);
        schedule();
      },
      (error: unknown) => {
        inFlight = false;
        for (const p of batch) p.reject(error);
        schedule();
      },
    );
  };

  return (buckets) =>
    new Promise<FetchReply>((resolve, reject) => {
      waiting.push({ buckets, resolve, reject });
      schedule();
    });
}
