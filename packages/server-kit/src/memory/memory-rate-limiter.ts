import { ParleyError } from '@parley/core';
import {
  bucketOf,
  checkLimit,
  type RateDecision,
  type RateLimit,
  type RateLimiter,
  type RateRequest,
} from '../contracts/rate-limiter.js';
import { type Clock, systemClock } from '../contracts/types.js';
import { offerDecideNow } from '../router/rate-decide-now.js';

/** Options of {@link memoryRateLimiter}. */
export interface MemoryRateLimiterOptions extends RateLimit {
  clock?: Clock;
  /**
   * Most keys tracked at once; default 100,000. Idle keys are dropped first; only past this bound
   * is the least recently used busy key forgotten (which resets its bucket to full).
   */
  maxKeys?: number;
}

/** Tolerance for float rounding: waiting exactly `retryAfterMs` must be enough. */
const EPSILON_MS = 1e-6;

/** Shared by every allowed decision (callers only read it). */
const ALLOWED: RateDecision = Object.freeze({ allowed: true, retryAfterMs: 0 });

/**
 * An in-memory {@link RateLimiter} (token bucket, kept as one number per key: the time at which
 * the bucket would be full again, as in GCRA). Per process: gateways in a cluster each limit on
 * their own, so a cluster-wide limit needs a shared implementation.
 *
 * Memory stays bounded: a key whose bucket has refilled is indistinguishable from a new one and is
 * dropped by a sweep amortised over calls, and `maxKeys` caps the rest.
 */
export function memoryRateLimiter(options: MemoryRateLimiterOptions): RateLimiter {
  const clock = options.clock ?? systemClock;
  const defaults: RateLimit = { capacity: options.capacity, refillPerSecond: options.refillPerSecond };
  checkLimit(defaults);
  const maxKeys = options.maxKeys ?? 100_000;
  if (!(maxKeys >= 1)) throw new ParleyError('INVALID_ARGUMENT', 'maxKeys must be at least 1');
  /** Key -> time (ms) at which its bucket is full again; in least-recently-used order. */
  const fullAt = new Map<string, number>();
  let callsSinceSweep = 0;

  const sweep = (now: number): void => {
    callsSinceSweep = 0;
    for (const [key, at] of fullAt) if (at <= now) fullAt.delete(key);
  };

  /**
   * The time `requests[i]`'s bucket is full again once requests `0..i-1` are taken: a key named
   * twice in one call counts the earlier request's tokens (calls name two or three keys, so a scan
   * back costs less than a map per call).
   */
  const startOf = (requests: RateRequest[], i: number, planned: number[], now: number): number => {
    const key = requests[i]!.key;
    for (let j = i - 1; j >= 0; j--) if (requests[j]!.key === key) return planned[j]!;
    return Math.max(fullAt.get(key) ?? now, now);
  };

  /**
   * planned[i]: the time request i's bucket is full again once requests 0..i are taken. One array
   * for every decision (each runs to its end synchronously): nothing allocated per send.
   */
  const planned: number[] = [];

  const namedLater = (requests: RateRequest[], i: number): boolean => {
    for (let j = i + 1; j < requests.length; j++) if (requests[j]!.key === requests[i]!.key) return true;
    return false;
  };

  /** Decides every request at once: all of them are taken, or none. */
  const decide = (requests: RateRequest[]): RateDecision => {
    for (const r of requests) bucketOf(r.cost ?? 1, r.limit, defaults); // all checked first
    const now = clock();
    // Once per map-size calls: O(1) amortised, and idle keys never outlive one sweep period.
    if (++callsSinceSweep >= Math.max(64, fullAt.size)) sweep(now);
    planned.length = 0;
    let wait = 0;
    let refused = -1;
    for (let i = 0; i < requests.length; i++) {
      const request = requests[i]!;
      const { capacity, refillPerSecond } = request.limit ?? defaults;
      const msPerToken = 1000 / refillPerSecond;
      const next = startOf(requests, i, planned, now) + (request.cost ?? 1) * msPerToken;
      planned.push(next);
      // A request fits when, after it, the bucket is at most `capacity` tokens short of full.
      const allowedAt = next - capacity * msPerToken;
      if (allowedAt > now + EPSILON_MS && allowedAt - now > wait) {
        wait = allowedAt - now;
        refused = i;
      }
    }
    if (refused >= 0) return { allowed: false, retryAfterMs: Math.max(1, Math.ceil(wait - EPSILON_MS)), refused };
    for (let i = 0; i < requests.length; i++) {
      const key = requests[i]!.key;
      // A key named again later in the call is written by its last request.
      if (namedLater(requests, i)) continue;
      fullAt.delete(key); // re-insert: the map's order is least recently used first
      if (planned[i]! > now) fullAt.set(key, planned[i]!);
    }
    if (fullAt.size > maxKeys) {
      sweep(now);
      for (const oldest of fullAt.keys()) {
        if (fullAt.size <= maxKeys) break;
        fullAt.delete(oldest);
      }
    }
    return ALLOWED;
  };

  const limiter: RateLimiter = {
    async consume(key, cost = 1, limit) {
      const { allowed, retryAfterMs } = decide([limit ? { key, cost, limit } : { key, cost }]);
      return { allowed, retryAfterMs };
    },
    consumeAll: async (requests) => decide(requests),
  };
  // The router takes a send's rate from it without a promise (see rate-decide-now.ts).
  return offerDecideNow(limiter, decide);
}
