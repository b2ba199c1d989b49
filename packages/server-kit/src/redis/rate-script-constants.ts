// Numbers the rate limiter's scripts share (redis-rate-limiter.ts, leased-rate-decide.ts).

/** Tolerance for float rounding: waiting exactly `retryAfterMs` must be enough. */
export const EPSILON_MS = 1e-6;

/**
 * How long a bucket's key outlives the moment it is full again (when it is no different from a
 * missing key). Only a bound on memory, kept generous so an injected clock running ahead of the
 * server's never drops a bucket that is still draining.
 */
export const KEY_GRACE_MS = 60_000;
