/** A token bucket's shape: `capacity` tokens, refilled continuously at `refillPerSecond`. */
export interface RateLimit {
  /** Largest burst: the bucket's size (a new or idle key starts full). */
  capacity: number;
  /** Tokens added per second, up to `capacity`. */
  refillPerSecond: number;
}

/** The answer of {@link RateLimiter.consume}. */
export interface RateDecision {
  allowed: boolean;
  /** When refused: how long until the same call would be allowed (ms, rounded up). 0 when allowed. */
  retryAfterMs: number;
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
 */
export interface RateLimiter {
  consume(key: string, cost?: number, limit?: RateLimit): Promise<RateDecision>;
}
