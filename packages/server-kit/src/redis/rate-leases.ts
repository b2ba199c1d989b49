// A gateway's leases on shared rate buckets: tokens already taken from a bucket in Redis (charged
// there, so every gateway's admissions together never exceed the bucket) and not yet spent here.
// A busy key spends its lease locally, with no round trip; a cold key holds none, so it costs one
// script call per consume as without leases. Pure bookkeeping, no Redis: the limiter
// (`redis-rate-limiter.ts`) asks it what to fetch and tells it what was granted.

/** Options of the leases a shared rate limiter takes (`redisRateLimiter({ lease })`). */
export interface RateLeaseOptions {
  /**
   * Most tokens one fetch of a key asks for (its own cost included); default 16. A key starts at 1
   * (no lease: as without leases), doubles at each fetch made before its lease expired, and halves
   * per TTL without a fetch (forgotten at 1).
   */
  maxTokens?: number;
  /**
   * How long a lease holds its tokens, from its last fetch; default 2,000 ms. Unspent tokens then
   * go back to the bucket (with the limiter's next script call or a timer).
   */
  ttlMs?: number;
  /** Most keys leased at once per limiter; default 10,000. Past it the oldest lease is given back. */
  maxKeys?: number;
}

/** Tokens to give back to one bucket: `tokens` of `msPerToken` each. */
export interface RateReturn {
  key: string;
  tokens: number;
  msPerToken: number;
}

/** One key's lease. */
export interface RateLease {
  /** Tokens taken from the bucket and not spent. */
  tokens: number;
  /** Tokens the next fetch asks for (cost included). */
  size: number;
  /** When unspent tokens go back (the clock of the limiter). */
  expiresAt: number;
  msPerToken: number;
  /** Set when the last lease expired: the next fetch keeps the (halved) size instead of doubling. */
  cooled?: boolean;
}

/** Most returns one script call carries; any more wait for the next call. */
export const MAX_RETURNS_PER_CALL = 64;
/** Most keys waiting to be given back; past it the oldest are dropped (their tokens refill with time). */
const MAX_PENDING_RETURNS = 4_096;

/** The lease table of one limiter: bounded, oldest fetch first (so also soonest expiry first). */
export class RateLeases {
  readonly maxTokens: number;
  readonly ttlMs: number;
  readonly maxKeys: number;
  /** By key, in order of last fetch: with one TTL for all, that is the order of expiry. */
  private readonly leases = new Map<string, RateLease>();
  private readonly returns = new Map<string, RateReturn>();

  constructor(options: RateLeaseOptions = {}) {
    this.maxTokens = Math.max(1, Math.floor(options.maxTokens ?? 16));
    this.ttlMs = Math.max(0, options.ttlMs ?? 2_000);
    this.maxKeys = Math.max(1, Math.floor(options.maxKeys ?? 10_000));
  }

  /** Keys leased now (expired ones included until swept). */
  get size(): number {
    return this.leases.size;
  }

  /** Tokens waiting to be given back, by key. */
  get pendingReturns(): number {
    return this.returns.size;
  }

  /** The live lease of `key` (for tests and the limiter). */
  get(key: string, now: number): RateLease | undefined {
    const lease = this.leases.get(key);
    return lease && lease.expiresAt > now ? lease : undefined;
  }

  /**
   * Ends every lease expired at `now`: its unspent tokens wait to be given back, and its size
   * halves per TTL gone by since (the key cooled down). A key still above size 1 is remembered,
   * without tokens, one more TTL (so one fetch a TTL or two apart keeps most of its size); at size
   * 1 it is forgotten: cold.
   */
  sweep(now: number): void {
    // In order of expiry: every expired lease comes before any live one, and a remembered one
    // goes to the back with a later expiry than all, so the loop stops before seeing it again.
    for (const [key, lease] of this.leases) {
      if (lease.expiresAt > now) break;
      this.end(key, lease);
      const periods = 1 + Math.floor((now - lease.expiresAt) / Math.max(1, this.ttlMs));
      const size = Math.floor(lease.size / 2 ** periods);
      if (size > 1) {
        this.leases.set(key, {
          tokens: 0,
          size,
          expiresAt: now + this.ttlMs,
          msPerToken: lease.msPerToken,
          cooled: true,
        });
      }
    }
  }

  /**
   * The tokens a fetch of `key` should ask for beyond `need` (those it must have): 0 for a cold
   * key; a key whose lease ran out before it expired doubles its size (it is hot); a cooled one
   * asks for its halved size.
   */
  extraFor(key: string, need: number, now: number): number {
    const lease = this.get(key, now);
    if (!lease) return 0;
    if (lease.cooled) lease.cooled = false;
    else lease.size = Math.min(this.maxTokens, lease.size * 2);
    return Math.max(0, lease.size - need);
  }

  /** Takes `tokens` from the live lease of `key`, as much as it holds; answers how many. */
  reserve(key: string, tokens: number, now: number): number {
    const lease = this.get(key, now);
    if (!lease) return 0;
    const taken = Math.min(lease.tokens, tokens);
    lease.tokens -= taken;
    return taken;
  }

  /**
   * Puts back tokens reserved from `key` and not spent (a refused call). When the lease ended in
   * the meantime they go back to the bucket instead.
   */
  unreserve(key: string, tokens: number, msPerToken: number, now: number): void {
    if (tokens <= 0) return;
    const lease = this.get(key, now);
    if (lease) lease.tokens += tokens;
    else this.giveBack(key, tokens, msPerToken);
  }

  /**
   * Records a fetch of `key` that the bucket allowed, with `extra` tokens granted beyond its need:
   * the lease restarts its TTL and moves to the back of the table. Past `maxKeys` the oldest lease
   * ends.
   */
  granted(key: string, extra: number, msPerToken: number, now: number): void {
    const lease = this.get(key, now);
    const expiresAt = now + this.ttlMs;
    if (lease) {
      this.leases.delete(key);
      lease.tokens += extra;
      lease.expiresAt = expiresAt;
      lease.msPerToken = msPerToken;
      this.leases.set(key, lease);
    } else {
      const old = this.leases.get(key);
      if (old) this.end(key, old);
      this.leases.set(key, { tokens: extra, size: 1, expiresAt, msPerToken });
    }
    for (const [oldest, entry] of this.leases) {
      if (this.leases.size <= this.maxKeys) break;
      this.end(oldest, entry);
    }
  }

  /** Takes up to {@link MAX_RETURNS_PER_CALL} pending returns, for one script call to apply. */
  takeReturns(): RateReturn[] {
    const out: RateReturn[] = [];
    for (const [key, r] of this.returns) {
      if (out.length >= MAX_RETURNS_PER_CALL) break;
      this.returns.delete(key);
      out.push(r);
    }
    return out;
  }

  private end(key: string, lease: RateLease): void {
    this.leases.delete(key);
    this.giveBack(key, lease.tokens, lease.msPerToken);
  }

  private giveBack(key: string, tokens: number, msPerToken: number): void {
    if (tokens <= 0) return;
    const pending = this.returns.get(key);
    if (pending) {
      pending.tokens += tokens;
      return;
    }
    this.returns.set(key, { key, tokens, msPerToken });
    for (const oldest of this.returns.keys()) {
      if (this.returns.size <= MAX_PENDING_RETURNS) break;
      this.returns.delete(oldest);
    }
  }
}
