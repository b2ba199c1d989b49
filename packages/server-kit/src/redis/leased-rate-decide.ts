// The leased path of redisRateLimiter: a call whose buckets all have enough leased tokens here is
// decided locally; otherwise a script call takes what is missing (plus a lease for hot keys) and
// gives back expired leases on the way, one call for the fetches of every call made meanwhile
// (`rate-fetch-batches.ts`). Every token a gateway admits was taken from the bucket
// in Redis first, so all gateways together never admit more than the bucket allows; a lease only
// moves tokens earlier, from the bucket to one gateway.

import type { Logger } from '../contracts/logger.js';
import type { RateDecision, RateLimit, RateRequest } from '../contracts/rate-limiter.js';
import { bucketOf } from '../contracts/rate-limiter.js';
import type { SetTimer } from '../contracts/timer.js';
import type { Clock } from '../contracts/types.js';
import { type FetchReply, LEASE_BATCH, leaseBatchCall, rateFetchBatches } from './rate-fetch-batches.js';
import { type RateLeaseOptions, RateLeases } from './rate-leases.js';
import { EPSILON_MS } from './rate-script-constants.js';
import { fromRedisError, type RedisClient, runScript } from './redis-client.js';

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
  const fetch = rateFetchBatches({ client, prefix, clock, leases });

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
      const call = leaseBatchCall(prefix, clock, returns, []);
      runScript(client, LEASE_BATCH, call.keys, call.args).then(scheduleFlush, (error: unknown) => {
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

    let reply: FetchReply;
    try {
      reply = await fetch(
        missing.map((b) => {
          const need = b.cost - b.reserved;
          return {
            key: b.key,
            need,
            capacity: b.capacity,
            msPerToken: b.msPerToken,
            extra: leases.extraFor(b.key, need, now),
          };
        }),
      );
    } catch (error) {
      // The batch's returns were dropped, not retried (rate-fetch-batches.ts).
      unreserve(buckets, localNow());
      throw fromRedisError(error);
    }
    // An allowed fetch's grants are in the table already.
    if (reply.allowed) {
      scheduleFlush();
      return ALLOWED;
    }
    // Tokens granted to concurrent calls may have arrived meanwhile: they may cover this one.
    const then = localNow();
    unreserve(buckets, then);
    scheduleFlush();
    if (spendLocally(buckets, then)) return ALLOWED;
    const refused = missing[reply.refused] ?? (missing[0] as Bucket);
    return {
      allowed: false,
      retryAfterMs: Math.max(1, Math.ceil(reply.waitMs - EPSILON_MS)),
      refused: refused.last,
    };
  };
}
