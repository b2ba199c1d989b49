import { ParleyError } from '@parley/core';
/** A token bucket's shape: `capacity` tokens, refilled continuously at `refillPerSecond`. */
export interface RateLimit {
  /** Largest burst: the bucket's size (a new or idle key starts full). */
  capacity: number;
  /** Tokens added per second, up to `capacity`. */
  refillPerSecond: number;
}

/** The answer of {@link RateLimiter.consume} and {@link RateLimiter.consumeAll}. */
export interface RateDecision {
  allowed: boolean;
  /** When refused: how long until the same call would be allowed (ms, rounded up). 0 when allowed. */
  retryAfterMs: number;
  /** `consumeAll` only, when refused: the index of a refused request with the longest wait. */
  refused?: number;
}

/** One bucket of a {@link RateLimiter.consumeAll} call: as the arguments of `consume`. */
export interface RateRequest {
  key: string;
  /** Tokens to take; default 1. */
  cost?: number;
  limit?: RateLimit;
}

/**
 * Token buckets by key, e.g. one per requester device and action.
 *
 * Every implementation guarantees:
 * - A key never seen before (or idle long enough to refill) has a full bucket: `capacity` tokens.
 * - `consume(key, cost = 1, limit?)` takes `cost` tokens and allows the call when the bucket holds
 *   at least `cost`; otherwise it refuses, takes nothing, and says in `retryAfterMs` when the
 *   bucket will hold enough (so waiting exactly that long makes the same call succeed, barring
 *   other calls on the key). Tokens refill continuously with the injected clock.
 * - Buckets of different keys are independent. Concurrent calls on one key never spend the same
 *   tokens twice.
 * - `limit` overrides the limiter's default bucket shape for this call; use one shape per key.
 * - A cost that is negative, not finite, or above the bucket's capacity rejects with
 *   ParleyError('INVALID_ARGUMENT') (such a call could never be allowed).
 * - `consumeAll(requests)`, where offered, decides several buckets at once, all or nothing: it is
 *   allowed only when every bucket holds its request's cost, and then takes each cost; otherwise it
 *   takes nothing from any bucket and `retryAfterMs` is the longest wait among the refused ones
 *   (`refused` says which), so waiting that long makes the same call succeed, barring other calls.
 *   A key named twice is charged twice. Concurrent calls (from any gateway sharing the buckets)
 *   never spend the same tokens twice; one invalid request rejects the whole call, taking nothing.
 */
export interface RateLimiter {
  consume(key: string, cost?: number, limit?: RateLimit): Promise<RateDecision>;
  /**
   * Optional: several buckets in one decision (and, for a shared limiter, one round trip). Callers
   * without it take one `consume` per bucket, where a refusal by a later bucket has already spent
   * the earlier ones' tokens.
   */
  consumeAll?(requests: RateRequest[]): Promise<RateDecision>;
}

/** Refuses a bucket shape that cannot work (shared by the implementations). @internal */
export function checkLimit(limit: RateLimit): void {
  if (!(limit.capacity > 0) || !Number.isFinite(limit.capacity)) {
    throw new ParleyError('INVALID_ARGUMENT', 'rate limit capacity must be a positive number');
  }
  if (!(limit.refillPerSecond > 0) || !Number.isFinite(limit.refillPerSecond)) {
    throw new ParleyError('INVALID_ARGUMENT', 'rate limit refillPerSecond must be a positive number');
  }
}

/** The bucket shape of one `consume` call, with the call checked (shared by the implementations). @internal */
export function bucketOf(cost: number, limit: RateLimit | undefined, defaults: RateLimit): RateLimit {
  if (limit) checkLimit(limit);
  const shape = limit ?? defaults;
  if (!(cost >= 0) || !Number.isFinite(cost) || cost > shape.capacity) {
    throw new ParleyError('INVALID_ARGUMENT', `rate limit cost must be between 0 and ${shape.capacity}`);
  }
  return shape;
}
