// Leases on shared rate buckets (redis/rate-leases.ts, redis/leased-rate-decide.ts): a busy key
// costs one script call per lease instead of one per consume, and gateways sharing a bucket never
// admit more than it allows together, whatever they lease.
import { servicesAvailable } from '@parley/test-utils/services';
import { describe, expect, it } from 'vitest';
import type { RateLimit } from '../src/contracts/rate-limiter.js';
import { fakeClock } from '../src/testing/fixture.js';
import { tokensLeft as countTokens, leasedGateway } from './helpers/leased-gateway.js';
import { redisVariants } from './helpers/redis-variants.js';

const available = await servicesAvailable('redis');

describe.skipIf(!available).each(redisVariants)('rate limiter leases ($name)', ({ use }) => {
  const redis = use();

  const gateway = (prefix: string, limit: RateLimit, time = fakeClock(), lease = {}) =>
    leasedGateway(redis, prefix, limit, time, lease);
  const tokensLeft = (prefix: string, key: string, limit: RateLimit, time: ReturnType<typeof fakeClock>) =>
    countTokens(redis, prefix, key, limit, time);

  it('asks Redis once per lease on a busy key: the lease doubles up to its bound', async () => {
    const g = gateway(redis.nextPrefix(), { capacity: 1000, refillPerSecond: 1 }, fakeClock(), { maxTokens: 8 });
    for (let i = 0; i < 31; i++) expect((await g.consume('user')).allowed).toBe(true);
    // Fetches of 1, 2, 4, 8, 8, 8 tokens: 31 consumes.
    expect(g.calls()).toBe(6);
  });

  it('costs a cold key one call per consume, as without leases, and shrinks back to that', async () => {
    const time = fakeClock();
    const g = gateway(redis.nextPrefix(), { capacity: 1000, refillPerSecond: 1 }, time, { ttlMs: 1000 });
    for (let i = 0; i < 5; i++) {
      await g.consume('rare');
      time.advance(1000); // sends further apart than a lease lives
    }
    expect(g.calls()).toBe(5);
    expect(g.leases.get('rare', time.now)).toBeUndefined();
    // Hot: leases grow to 8 (fetches of 1, 2, 4, 8; 15 consumes spend all 15 tokens).
    for (let i = 0; i < 15; i++) await g.consume('rare');
    expect(g.calls()).toBe(5 + 4);
    expect(g.leases.get('rare', time.now)).toMatchObject({ tokens: 0, size: 8 });
    // Idle one TTL: the size halves (the fetch takes 4: 1 spent, 3 held).
    time.advance(1000);
    await g.consume('rare');
    expect(g.leases.get('rare', time.now)).toMatchObject({ tokens: 3, size: 4 });
    // Idle two TTLs more (4 -> 2 -> 1): cold again, one call per consume, nothing held.
    time.advance(2000);
    const before = g.calls();
    await g.consume('rare');
    expect(g.calls()).toBe(before + 1);
    expect(g.leases.get('rare', time.now)).toMatchObject({ tokens: 0, size: 1 });
  });

  it('never admits more than the bucket across two gateways, devices of one user on both', async () => {
    const prefix = redis.nextPrefix();
    const time = fakeClock();
    const limit = { capacity: 20, refillPerSecond: 4 };
    const a = gateway(prefix, limit, time);
    const b = gateway(prefix, limit, time);
    let allowed = 0;
    // 5 s in steps of 250 ms, 30 calls per step from both gateways at once: far over the limit.
    for (let step = 0; step < 20; step++) {
      const decisions = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).consume('user')));
      allowed += decisions.filter((d) => d.allowed).length;
      time.advance(250);
    }
    // The burst plus what refilled in the window: never more.
    expect(allowed).toBeLessThanOrEqual(20 + 4 * 5);
    // And nothing much is lost to leases: at most what the two gateways hold at the end.
    const held = (a.leases.get('user', time.now)?.tokens ?? 0) + (b.leases.get('user', time.now)?.tokens ?? 0);
    expect(allowed + held).toBeGreaterThanOrEqual(20 + 4 * 4.75);
  });

  it('grants a lease only the tokens the bucket holds', async () => {
    const prefix = redis.nextPrefix();
    const time = fakeClock();
    const limit = { capacity: 10, refillPerSecond: 0.001 };
    const g = gateway(prefix, limit, time);
    const results = [];
    for (let i = 0; i < 20; i++) results.push((await g.consume('user')).allowed);
    // Fetches of 1, 2, 4, then 8 asked with 3 left: exactly the bucket.
    expect(results).toEqual([...Array(10).fill(true), ...Array(10).fill(false)]);
  });

  it("spends tokens granted to a concurrent call before refusing: one gateway's calls lose none", async () => {
    const prefix = redis.nextPrefix();
    const time = fakeClock();
    const g = gateway(prefix, { capacity: 10, refillPerSecond: 0.001 }, time);
    for (let i = 0; i < 2; i++) await g.consume('user'); // fetches of 1 and 2: 1 held, 7 in the bucket
    // Concurrent calls ask for ever larger leases; the later ones find the bucket empty while
    // the earlier ones' extra tokens sit in the lease.
    const decisions = await Promise.all(Array.from({ length: 20 }, () => g.consume('user')));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(8);
  });

  it('never admits more than the bucket across two gateways sending in turn', async () => {
    const prefix = redis.nextPrefix();
    const time = fakeClock();
    const limit = { capacity: 30, refillPerSecond: 0.001 };
    const a = gateway(prefix, limit, time);
    const b = gateway(prefix, limit, time);
    let allowed = 0;
    for (let i = 0; i < 100; i++) if ((await (i % 3 ? a : b).consume('user')).allowed) allowed++;
    expect(allowed).toBeLessThanOrEqual(30);
    // Once the leases expired and went back, the other gateway gets every token left.
    await a.timers.advance(2000);
    await b.timers.advance(0);
    const left = await tokensLeft(prefix, 'user', limit, time);
    expect(allowed + left).toBe(30);
  });

  it('gives unspent tokens back when a lease expires, so the other gateway can spend them', async () => {
    const prefix = redis.nextPrefix();
    const time = fakeClock();
    const limit = { capacity: 8, refillPerSecond: 0.001 };
    const a = gateway(prefix, limit, time, { ttlMs: 500 });
    const b = gateway(prefix, limit, time, { ttlMs: 500 });
    // a fetches 1, 2 then 4 tokens: 7 taken, 4 spent, 3 held.
    for (let i = 0; i < 2; i++) expect((await a.consume('user')).allowed).toBe(true);
    expect(a.leases.get('user', time.now)?.tokens).toBe(1);
    for (let i = 0; i < 2; i++) expect((await a.consume('user')).allowed).toBe(true);
    expect(a.leases.get('user', time.now)?.tokens).toBe(3);
    // b sees only what is not leased: 1 token.
    expect((await b.consume('user')).allowed).toBe(true);
    expect((await b.consume('user')).allowed).toBe(false);
    // a's lease expires (its timer, no call of a needed): b gets the 3 tokens back.
    await a.timers.advance(500);
    // a remembers the key (its size halved), holding nothing.
    expect(a.leases.get('user', time.now)).toMatchObject({ tokens: 0, size: 2 });
    const results = [];
    for (let i = 0; i < 4; i++) results.push((await b.consume('user')).allowed);
    expect(results).toEqual([true, true, true, false]);
  });

  it('keeps the table within maxKeys, giving back the evicted leases', async () => {
    const prefix = redis.nextPrefix();
    const time = fakeClock();
    const limit = { capacity: 100, refillPerSecond: 0.001 };
    const g = gateway(prefix, limit, time, { maxKeys: 3 });
    for (let k = 0; k < 10; k++) for (let i = 0; i < 3; i++) await g.consume(`user${k}`);
    expect(g.leases.size).toBeLessThanOrEqual(3);
    // Those held nothing at the end (fetches of 1 and 2, 3 spent); these hold 3 each (1, 2, 4).
    for (let k = 0; k < 10; k++) for (let i = 0; i < 4; i++) await g.consume(`hot${k}`);
    expect(g.leases.size).toBeLessThanOrEqual(3);
    // The evicted leases' unspent tokens went back with later calls or wait to: flush them.
    await g.timers.advance(2000);
    await g.timers.advance(2000);
    for (let k = 0; k < 10; k++) expect(await tokensLeft(prefix, `hot${k}`, limit, time)).toBe(96);
  });

  it('keeps consumeAll all or nothing with leased tokens: a refusal spends none of them', async () => {
    const prefix = redis.nextPrefix();
    const time = fakeClock();
    const g = gateway(prefix, { capacity: 100, refillPerSecond: 0.001 }, time);
    const chat = { capacity: 2, refillPerSecond: 0.001 };
    for (let i = 0; i < 2; i++) await g.consume('user'); // fetches of 1 and 2: 1 held
    expect(g.leases.get('user', time.now)?.tokens).toBe(1);
    expect((await g.all([{ key: 'user' }, { key: 'chat', limit: chat }])).allowed).toBe(true);
    expect((await g.all([{ key: 'user' }, { key: 'chat', limit: chat }])).allowed).toBe(true);
    const refused = await g.all([{ key: 'user' }, { key: 'chat', limit: chat }]);
    expect(refused).toMatchObject({ allowed: false, refused: 1 });
    await g.timers.advance(2000);
    await g.timers.advance(2000);
    // 'user': 2 + 2 allowed calls spent, nothing for the refused one.
    expect(await tokensLeft(prefix, 'user', { capacity: 100, refillPerSecond: 0.001 }, time)).toBe(96);
  });
});
