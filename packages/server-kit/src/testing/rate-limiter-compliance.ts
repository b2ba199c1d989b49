import { isParleyError } from '@parley/core';
import { describe, expect, it } from 'vitest';
import type { RateLimiter } from '../contracts/rate-limiter.js';
import { type ComplianceContext, type ComplianceOptions, useFixture } from './fixture.js';

/** What the rate limiter suite hands to `create`: the default bucket shape to use. */
export interface RateLimiterComplianceContext extends ComplianceContext {
  capacity: number;
  refillPerSecond: number;
}

const CAPACITY = 5;
/** Two tokens per second: one every 500 ms. */
const REFILL_PER_SECOND = 2;
const MS_PER_TOKEN = 1000 / REFILL_PER_SECOND;

async function drain(limiter: RateLimiter, key: string, times: number): Promise<boolean[]> {
  const out: boolean[] = [];
  for (let i = 0; i < times; i++) out.push((await limiter.consume(key)).allowed);
  return out;
}

async function expectInvalid(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isParleyError(error, 'INVALID_ARGUMENT'), `expected INVALID_ARGUMENT, got ${String(error)}`).toBe(true);
}

/** Runs the {@link RateLimiter} guarantees against an implementation. */
export function rateLimiterCompliance(options: ComplianceOptions<RateLimiter, RateLimiterComplianceContext>): void {
  describe(`RateLimiter compliance: ${options.name}`, () => {
    const fx = useFixture(options, { capacity: CAPACITY, refillPerSecond: REFILL_PER_SECOND });

    it('allows a full burst on a new key, then refuses with the time until the next token', async () => {
      const r = fx.subject;
      expect(await drain(r, 'a', CAPACITY)).toEqual(Array(CAPACITY).fill(true));
      expect(await r.consume('a')).toEqual({ allowed: false, retryAfterMs: MS_PER_TOKEN });
      fx.time.advance(100);
      expect(await r.consume('a')).toEqual({ allowed: false, retryAfterMs: MS_PER_TOKEN - 100 });
    });

    it('allows the call again after exactly retryAfterMs, not before', async () => {
      const r = fx.subject;
      await drain(r, 'a', CAPACITY);
      const { retryAfterMs } = await r.consume('a');
      fx.time.advance(retryAfterMs - 1);
      expect((await r.consume('a')).allowed).toBe(false);
      fx.time.advance(1);
      expect(await r.consume('a')).toEqual({ allowed: true, retryAfterMs: 0 });
      expect((await r.consume('a')).allowed).toBe(false);
    });

    it('takes nothing for a refused call', async () => {
      const r = fx.subject;
      await drain(r, 'a', CAPACITY);
      for (let i = 0; i < 10; i++) expect((await r.consume('a')).allowed).toBe(false);
      fx.time.advance(MS_PER_TOKEN);
      expect((await r.consume('a')).allowed).toBe(true);
    });

    it('refills continuously at the configured rate, up to capacity only', async () => {
      const r = fx.subject;
      await drain(r, 'a', CAPACITY);
      fx.time.advance(3 * MS_PER_TOKEN);
      expect(await drain(r, 'a', 4)).toEqual([true, true, true, false]);
      fx.time.advance(3_600_000);
      expect(await drain(r, 'a', CAPACITY + 1)).toEqual([...Array(CAPACITY).fill(true), false]);
    });

    it('charges the cost, and refuses a cost it cannot cover with the wait for the missing tokens', async () => {
      const r = fx.subject;
      expect((await r.consume('a', 3)).allowed).toBe(true);
      expect(await r.consume('a', 3)).toEqual({ allowed: false, retryAfterMs: MS_PER_TOKEN });
      expect((await r.consume('a', 2)).allowed).toBe(true);
      expect((await r.consume('a', 0)).allowed).toBe(true);
      expect((await r.consume('a', 1)).allowed).toBe(false);
      expect(await r.consume('b', CAPACITY)).toEqual({ allowed: true, retryAfterMs: 0 });
    });

    it('rejects a cost that could never be allowed with INVALID_ARGUMENT', async () => {
      const r = fx.subject;
      await expectInvalid(r.consume('a', CAPACITY + 1));
      await expectInvalid(r.consume('a', -1));
      await expectInvalid(r.consume('a', Number.NaN));
      await expectInvalid(r.consume('a', Number.POSITIVE_INFINITY));
      expect(await drain(r, 'a', CAPACITY)).toEqual(Array(CAPACITY).fill(true));
    });

    it('keeps keys independent', async () => {
      const r = fx.subject;
      await drain(r, 'a', CAPACITY);
      expect((await r.consume('a')).allowed).toBe(false);
      expect(await drain(r, 'b', CAPACITY)).toEqual(Array(CAPACITY).fill(true));
      expect((await r.consume('b')).allowed).toBe(false);
    });

    it('uses the bucket shape passed with the call', async () => {
      const r = fx.subject;
      const limit = { capacity: 2, refillPerSecond: 0.5 };
      expect((await r.consume('x', 1, limit)).allowed).toBe(true);
      expect((await r.consume('x', 1, limit)).allowed).toBe(true);
      expect(await r.consume('x', 1, limit)).toEqual({ allowed: false, retryAfterMs: 2000 });
      fx.time.advance(2000);
      expect((await r.consume('x', 1, limit)).allowed).toBe(true);
      await expectInvalid(r.consume('x', 3, limit));
      await expectInvalid(r.consume('x', 1, { capacity: 0, refillPerSecond: 1 }));
      await expectInvalid(r.consume('x', 1, { capacity: 1, refillPerSecond: 0 }));
    });

    it('never spends the same tokens twice under concurrent calls', async () => {
      const r = fx.subject;
      const results = await Promise.all(Array.from({ length: CAPACITY * 4 }, () => r.consume('a')));
      expect(results.filter((d) => d.allowed)).toHaveLength(CAPACITY);
    });

    describe('consumeAll (where offered)', () => {
      const all = (r: RateLimiter) => r.consumeAll?.bind(r);

      it('takes nothing from any bucket when one refuses, and says which', async () => {
        const consumeAll = all(fx.subject);
        if (!consumeAll) return;
        const r = fx.subject;
        await drain(r, 'b', CAPACITY);
        expect(await consumeAll([{ key: 'a' }, { key: 'b' }])).toEqual({
          allowed: false,
          retryAfterMs: MS_PER_TOKEN,
          refused: 1,
        });
        // 'a' kept its tokens: still a full burst.
        expect(await drain(r, 'a', CAPACITY + 1)).toEqual([...Array(CAPACITY).fill(true), false]);
        expect(await consumeAll([])).toEqual({ allowed: true, retryAfterMs: 0 });
      });

      it('takes every cost when all fit, a key named twice twice', async () => {
        const consumeAll = all(fx.subject);
        if (!consumeAll) return;
        const r = fx.subject;
        expect(await consumeAll([{ key: 'a', cost: 2 }, { key: 'b' }, { key: 'a' }])).toEqual({
          allowed: true,
          retryAfterMs: 0,
        });
        expect(await drain(r, 'a', 3)).toEqual([true, true, false]);
        expect(await drain(r, 'b', CAPACITY)).toEqual([...Array(CAPACITY - 1).fill(true), false]);
        // Two requests on one fresh key that fit alone but not together: refused, nothing taken.
        const refused = await consumeAll([
          { key: 'c', cost: 3 },
          { key: 'c', cost: 3 },
        ]);
        expect(refused).toEqual({ allowed: false, retryAfterMs: MS_PER_TOKEN, refused: 1 });
        expect((await r.consume('c', CAPACITY)).allowed).toBe(true);
      });

      it('waits for the slowest refused bucket: allowed after exactly that long, not before', async () => {
        const consumeAll = all(fx.subject);
        if (!consumeAll) return;
        const r = fx.subject;
        const slow = { capacity: 2, refillPerSecond: 0.5 }; // a token every 2 s
        await drain(r, 'a', CAPACITY);
        await r.consume('s', 2, slow);
        const call = [{ key: 'a' }, { key: 's', limit: slow }];
        expect(await consumeAll(call)).toEqual({ allowed: false, retryAfterMs: 2000, refused: 1 });
        fx.time.advance(1999);
        expect((await consumeAll(call)).allowed).toBe(false);
        fx.time.advance(1);
        expect(await consumeAll(call)).toEqual({ allowed: true, retryAfterMs: 0 });
        expect((await r.consume('s', 1, slow)).allowed).toBe(false);
        // 'a' refilled 4 tokens in the 2 s and the call took one.
        expect(await drain(r, 'a', 4)).toEqual([true, true, true, false]);
      });

      it('rejects the whole call with INVALID_ARGUMENT when one request is invalid, taking nothing', async () => {
        const consumeAll = all(fx.subject);
        if (!consumeAll) return;
        const r = fx.subject;
        await expectInvalid(consumeAll([{ key: 'a' }, { key: 'b', cost: CAPACITY + 1 }]));
        await expectInvalid(consumeAll([{ key: 'a' }, { key: 'b', limit: { capacity: 0, refillPerSecond: 1 } }]));
        expect(await drain(r, 'a', CAPACITY + 1)).toEqual([...Array(CAPACITY).fill(true), false]);
      });

      it('never spends the same tokens twice among concurrent calls of both kinds', async () => {
        const consumeAll = all(fx.subject);
        if (!consumeAll) return;
        const r = fx.subject;
        const [pairs, singles] = await Promise.all([
          Promise.all(Array.from({ length: CAPACITY * 2 }, () => consumeAll([{ key: 'a' }, { key: 'b' }]))),
          Promise.all(Array.from({ length: CAPACITY * 2 }, () => r.consume('b'))),
        ]);
        const taken = pairs.filter((d) => d.allowed).length;
        expect(taken + singles.filter((d) => d.allowed).length).toBe(CAPACITY);
        // 'a' lost exactly one token per allowed pair.
        expect((await drain(r, 'a', CAPACITY + 1)).filter(Boolean)).toHaveLength(CAPACITY - taken);
      });
    });

    it('keeps the state of a busy key while many other keys come and go', async () => {
      const r = fx.subject;
      await drain(r, 'busy', CAPACITY);
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < 500; i++) await r.consume(`other-${round}-${i}`);
        fx.time.advance(MS_PER_TOKEN / 4);
      }
      // 3/4 of a token refilled: still refused, with the rest of the wait.
      expect(await r.consume('busy')).toEqual({ allowed: false, retryAfterMs: MS_PER_TOKEN / 4 });
      fx.time.advance(CAPACITY * MS_PER_TOKEN);
      // Fully refilled (an implementation may have forgotten it): exactly a full burst again.
      expect(await drain(r, 'busy', CAPACITY + 1)).toEqual([...Array(CAPACITY).fill(true), false]);
    });
  });
}
