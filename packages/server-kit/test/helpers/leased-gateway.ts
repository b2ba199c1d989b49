// A gateway's leased Redis rate limiter for tests (redis/leased-rate-decide.ts): on its own
// client, with its lease table, timers and script calls in view.
import type { RedisFixture } from '@parley/test-utils/redis-fixture';
import type { Redis } from 'ioredis';
import { vi } from 'vitest';
import { silentLogger } from '../../src/contracts/logger.js';
import type { RateDecision, RateLimit, RateRequest } from '../../src/contracts/rate-limiter.js';
import { leasedDecide } from '../../src/redis/leased-rate-decide.js';
import { RateLeases } from '../../src/redis/rate-leases.js';
import { redisRateLimiter } from '../../src/redis/redis-rate-limiter.js';
import { type FakeClock, fakeClock } from '../../src/testing/fixture.js';
import { manualTimers } from '../../src/testing/manual-timers.js';

/** A leased limiter on a new client of `redis`; `calls()` counts its EVALSHA calls. */
export function leasedGateway(redis: RedisFixture, prefix: string, limit: RateLimit, time = fakeClock(), lease = {}) {
  const client: Redis = redis.newClient();
  const original = client.evalsha.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const evalsha = vi.spyOn(client, 'evalsha');
  const timers = manualTimers(time);
  const leases = new RateLeases(lease);
  const decide = leasedDecide({
    client,
    prefix,
    defaults: limit,
    clock: time.clock,
    lease,
    leases,
    setTimer: timers.setTimer,
    logger: silentLogger,
  });
  const consume = (key: string): Promise<RateDecision> => decide([{ key }]);
  const all = (requests: RateRequest[]) => decide(requests);
  return { client, original, consume, all, leases, timers, evalsha, calls: () => evalsha.mock.calls.length };
}

/** What the bucket alone says (no lease): how many tokens `key` still holds. */
export async function tokensLeft(redis: RedisFixture, prefix: string, key: string, limit: RateLimit, time: FakeClock) {
  const plain = redisRateLimiter({ client: redis.client, prefix, ...limit, clock: time.clock, lease: false });
  let n = 0;
  while ((await plain.consume(key)).allowed) n++;
  return n;
}
