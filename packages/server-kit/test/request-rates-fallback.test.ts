// takeRequestRate asks a limiter with consumeAll once per request (one decision, one round trip on
// Redis) and falls back to one consume per bucket for a custom limiter without it.
import { isParleyError } from '@parley/core';
import { describe, expect, it } from 'vitest';
import type { RateLimiter } from '../src/contracts/rate-limiter.js';
import { memoryRateLimiter } from '../src/memory/memory-rate-limiter.js';
import { type RequestRateLimits, takeRequestRate } from '../src/router/request-rates.js';
import type { RequestContext, RequestOf } from '../src/router/routes.js';
import { fakeClock } from '../src/testing/fixture.js';

const limits: RequestRateLimits = {
  sendRate: { capacity: 3, refillPerSecond: 0.001 },
  sendToRate: { capacity: 1, refillPerSecond: 0.001 },
  receiptRate: { capacity: 1, refillPerSecond: 0.001 },
  groupChangeRate: { capacity: 1, refillPerSecond: 0.001 },
  keyFetchRate: { capacity: 1, refillPerSecond: 0.001 },
  keyFetchTargetRate: { capacity: 1, refillPerSecond: 0.001 },
};
const ctx = { device: { userId: 'alice', deviceId: 1 } } as RequestContext;
const sendTo = (userId: string) => ({ destination: 'userId', userId }) as RequestOf<'send'>;

/** A memory limiter that counts its calls, offering consumeAll or not. */
function counted(withAll: boolean) {
  const inner = memoryRateLimiter({ capacity: 10, refillPerSecond: 1, clock: fakeClock().clock });
  const calls = { consume: 0, consumeAll: 0 };
  const limiter: RateLimiter = {
    consume: (...args) => {
      calls.consume++;
      return inner.consume(...args);
    },
  };
  if (withAll) {
    limiter.consumeAll = (requests) => {
      calls.consumeAll++;
      return (inner.consumeAll as NonNullable<RateLimiter['consumeAll']>)(requests);
    };
  }
  return { limiter, calls };
}

const outcome = (promise: Promise<void> | undefined) =>
  Promise.resolve(promise).then(
    () => 'ok',
    (e: unknown) => (isParleyError(e, 'RATE_LIMITED') ? `refused: ${e.message}` : String(e)),
  );

describe('takeRequestRate', () => {
  it('decides both send buckets in one consumeAll call, all or nothing', async () => {
    const { limiter, calls } = counted(true);
    expect(await outcome(takeRequestRate('send', sendTo('bob'), ctx, limiter, limits))).toBe('ok');
    expect(await outcome(takeRequestRate('send', sendTo('bob'), ctx, limiter, limits))).toBe(
      'refused: too many messages to one chat',
    );
    expect(calls).toEqual({ consume: 0, consumeAll: 2 });
    // The refusal took nothing from alice's own bucket (3): two more chats fit.
    expect(await outcome(takeRequestRate('send', sendTo('carol'), ctx, limiter, limits))).toBe('ok');
    expect(await outcome(takeRequestRate('send', sendTo('dave'), ctx, limiter, limits))).toBe('ok');
    expect(await outcome(takeRequestRate('send', sendTo('erin'), ctx, limiter, limits))).toBe(
      'refused: too many messages',
    );
  });

  it('falls back to one consume per bucket for a limiter without consumeAll', async () => {
    const { limiter, calls } = counted(false);
    expect(await outcome(takeRequestRate('send', sendTo('bob'), ctx, limiter, limits))).toBe('ok');
    expect(calls).toEqual({ consume: 2, consumeAll: 0 });
    expect(await outcome(takeRequestRate('send', sendTo('bob'), ctx, limiter, limits))).toBe(
      'refused: too many messages to one chat',
    );
  });
});
