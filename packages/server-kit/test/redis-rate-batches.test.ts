// The leased rate limiter's fetches batched into one script call (redis/rate-fetch-batches.ts):
// the calls of one turn share one EVALSHA, decided in order as if sent one by one, and a script
// call that fails at any step (before Redis runs it, after it ran with its answer lost, a gateway
// cut off with a batch in flight, calls waiting behind it, the script missing on the server)
// admits nothing it should not, loses no leased token of this gateway, and leaves the limiter
// working.
import { isParleyError } from '@parley/core';
import { servicesAvailable } from '@parley/test-utils/services';
import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RateDecision, RateLimit } from '../src/contracts/rate-limiter.js';
import { fakeClock } from '../src/testing/fixture.js';
import { tokensLeft as countTokens, leasedGateway } from './helpers/leased-gateway.js';
import { redisVariants } from './helpers/redis-variants.js';

const available = await servicesAvailable('redis');

/** What ioredis rejects with when its connection is gone. */
const connectionClosed = () => Object.assign(new Error('Connection is closed.'), { name: 'Error' });

describe.skipIf(!available).each(redisVariants)('rate limiter script calls in batches ($name)', ({ use }) => {
  const redis = use();
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** A gateway's leased limiter; `burst(n, key)` makes `n` calls in one turn (so one batch), each answer or error kept. */
  function gateway(prefix: string, limit: RateLimit, time = fakeClock(), lease = {}) {
    const g = leasedGateway(redis, prefix, limit, time, lease);
    const burst = (n: number, key: (i: number) => string) =>
      Promise.all(
        Array.from({ length: n }, (_, i) =>
          g.consume(key(i)).then(
            (d) => d,
            (e: unknown) => e,
          ),
        ),
      );
    return { ...g, burst };
  }
  const tokensLeft = (prefix: string, key: string, limit: RateLimit, time: ReturnType<typeof fakeClock>) =>
    countTokens(redis, prefix, key, limit, time);

  const allowedOf = (answers: unknown[]) => answers.filter((a) => (a as RateDecision).allowed === true).length;
  const unavailableOf = (answers: unknown[]) => answers.filter((a) => isParleyError(a, 'UNAVAILABLE')).length;

  it('sends the fetches of one turn in one script call, cold keys each decided on its own bucket', async () => {
    const prefix = redis.nextPrefix();
    const time = fakeClock();
    const limit = { capacity: 2, refillPerSecond: 0.001 };
    const g = gateway(prefix, limit, time);
    // 30 cold keys, three calls each: the third of each key is refused.
    const answers = (await g.burst(90, (i) => `chat${i % 30}`)) as RateDecision[];
    expect(g.calls()).toBe(1);
    expect(answers.map((a) => a.allowed)).toEqual([...Array(60).fill(true), ...Array(30).fill(false)]);
    for (const a of answers.slice(60)) expect(a.retryAfterMs).toBe(1_000_000);
  });

  it('decides a batch as the same calls one by one: two gateways on one key admit exactly the bucket', async () => {
    const prefix = redis.nextPrefix();
    const time = fakeClock();
    const limit = { capacity: 25, refillPerSecond: 0.001 };
    const a = gateway(prefix, limit, time);
    const b = gateway(prefix, limit, time);
    const [fromA, fromB] = await Promise.all([a.burst(40, () => 'user'), b.burst(40, () => 'user')]);
    expect(a.calls() + b.calls()).toBeLessThanOrEqual(4);
    expect(allowedOf(fromA) + allowedOf(fromB)).toBe(25);
    // Nothing leased is left over to hide tokens: the bucket is empty.
    await a.timers.advance(2000);
    await b.timers.advance(2000);
    const held = (a.leases.get('user', time.now)?.tokens ?? 0) + (b.leases.get('user', time.now)?.tokens ?? 0);
    expect(held + (await tokensLeft(prefix, 'user', limit, time))).toBe(0);
  });

  it('lets a refused call of a batch spend what the batch granted to the calls before it', async () => {
    const prefix = redis.nextPrefix();
    const time = fakeClock();
    const g = gateway(prefix, { capacity: 10, refillPerSecond: 0.001 }, time);
    for (let i = 0; i < 2; i++) await g.consume('user'); // fetches of 1 and 2: 1 held, 7 in the bucket
    const answers = await g.burst(20, () => 'user');
    expect(g.calls()).toBe(3);
    // 1 held + 7 in the bucket, whichever call got them.
    expect(allowedOf(answers)).toBe(8);
  });

  it('fails every call of a batch whose script call never reached Redis, keeps their leased tokens, and recovers', async () => {
    const prefix = redis.nextPrefix();
    const time = fakeClock();
    const limit = { capacity: 100, refillPerSecond: 0.001 };
    const g = gateway(prefix, limit, time);
    // Fetches of 1, 2 (the third call spends its extra token) and 4: 3 held.
    for (let i = 0; i < 4; i++) await g.consume('user');
    expect(g.leases.get('user', time.now)?.tokens).toBe(3);
    expect(g.calls()).toBe(3);
    g.evalsha.mockRejectedValueOnce(connectionClosed());
    // Each call takes a held 'user' token and fetches its cold chat bucket, in one call that fails.
    const answers = await Promise.all(
      Array.from({ length: 3 }, (_, i) =>
        g.all([{ key: 'user' }, { key: `chat${i}` }]).then(
          (d) => d,
          (e: unknown) => e,
        ),
      ),
    );
    expect(g.calls()).toBe(4);
    expect(unavailableOf(answers)).toBe(3);
    // Their 'user' tokens are back in the lease: three calls spend them without Redis.
    expect(g.leases.get('user', time.now)?.tokens).toBe(3);
    expect(allowedOf(await g.burst(3, () => 'user'))).toBe(3);
    expect(g.calls()).toBe(4);
    // And the limiter works again; nothing was taken by the failed call.
    expect((await g.all([{ key: 'user' }, { key: 'chat0' }])).allowed).toBe(true);
    await g.timers.advance(2000);
    await g.timers.advance(2000);
    expect(await tokensLeft(prefix, 'user', limit, time)).toBe(100 - 8);
    expect(await tokensLeft(prefix, 'chat0', limit, time)).toBe(100 - 1);
  });

  it('admits nothing more when a batch ran in Redis and its answer was lost', async () => {
    const prefix = redis.nextPrefix();
    const time = fakeClock();
    const limit = { capacity: 12, refillPerSecond: 0.001 };
    const a = gateway(prefix, limit, time);
    const b = gateway(prefix, limit, time);
    a.evalsha.mockImplementationOnce((async (...args: unknown[]) => {
      await a.original(...args);
      throw connectionClosed();
    }) as unknown as Redis['evalsha']);
    const lost = await a.burst(5, () => 'user');
    expect(unavailableOf(lost)).toBe(5);
    // The tokens the lost batch took stay taken: both gateways together admit only the rest.
    const [fromA, fromB] = await Promise.all([a.burst(10, () => 'user'), b.burst(10, () => 'user')]);
    expect(allowedOf(fromA) + allowedOf(fromB)).toBe(12 - 5);
  });

  it('answers the calls waiting behind a failed call in the next one', async () => {
    const prefix = redis.nextPrefix();
    const time = fakeClock();
    const g = gateway(prefix, { capacity: 100, refillPerSecond: 0.001 }, time);
    let fail: (error: Error) => void = () => {};
    g.evalsha.mockImplementationOnce(
      () =>
        new Promise((_, reject) => {
          fail = reject;
        }) as ReturnType<Redis['evalsha']>,
    );
    const first = g.burst(3, (i) => `a${i}`);
    await vi.waitFor(() => expect(g.calls()).toBe(1));
    // Made while the first call is in flight: they wait for it.
    const second = g.burst(4, (i) => `b${i}`);
    await new Promise((resolve) => setImmediate(resolve));
    expect(g.calls()).toBe(1);
    fail(connectionClosed());
    expect(unavailableOf(await first)).toBe(3);
    expect(allowedOf(await second)).toBe(4);
    expect(g.calls()).toBe(2);
  });

  it('never admits more than the bucket when a gateway is cut off with a batch in flight', async () => {
    const prefix = redis.nextPrefix();
    const time = fakeClock();
    const limit = { capacity: 15, refillPerSecond: 0.001 };
    const a = gateway(prefix, limit, time);
    const b = gateway(prefix, limit, time);
    for (let i = 0; i < 2; i++) await a.consume('user'); // a holds 1 token, 12 left in the bucket
    const cut = a.burst(10, () => 'user');
    await vi.waitFor(() => expect(a.calls()).toBe(3));
    a.client.disconnect();
    const fromA = await cut;
    const fromB = await b.burst(20, () => 'user');
    // 2 spent before, then at most the held token and what is left in the bucket.
    expect(2 + allowedOf(fromA) + allowedOf(fromB)).toBeLessThanOrEqual(15);
    expect(allowedOf(fromA) + unavailableOf(fromA)).toBe(10);
  });

  it('fails the calls of a batch whose answer is not one reply per fetch, and keeps working', async () => {
    const prefix = redis.nextPrefix();
    const g = gateway(prefix, { capacity: 5, refillPerSecond: 0.001 });
    g.evalsha.mockResolvedValueOnce(null as never);
    const broken = await g.burst(3, (i) => `k${i}`);
    expect(broken.every((a) => a instanceof Error)).toBe(true);
    g.evalsha.mockResolvedValueOnce([[1, '0', 0]] as never);
    const short = await g.burst(2, (i) => `k${i}`);
    expect(allowedOf(short)).toBe(1);
    expect(short[1]).toBeInstanceOf(Error);
    expect(allowedOf(await g.burst(3, (i) => `k${i}`))).toBe(3);
  });

  it('sends the script again in a batch when the server has lost it (NOSCRIPT)', async () => {
    const prefix = redis.nextPrefix();
    const time = fakeClock();
    const g = gateway(prefix, { capacity: 3, refillPerSecond: 0.001 }, time);
    g.evalsha.mockRejectedValueOnce(new Error('NOSCRIPT No matching script. Please use EVAL.'));
    const answers = (await g.burst(8, (i) => `k${i % 2}`)) as RateDecision[];
    expect(g.calls()).toBe(1);
    expect(answers.map((a) => a.allowed)).toEqual([true, true, true, true, true, true, false, false]);
  });
});
