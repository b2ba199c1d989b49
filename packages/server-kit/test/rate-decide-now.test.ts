// The memory limiter decides a request's rate synchronously for the router (rate-decide-now.ts): a
// send allowed by it starts its route in the same turn, with no promise of its own; a refusal is
// the same RATE_LIMITED rejection; a limiter wrapped by spreading it is asked through consumeAll.
import { decodeClientFrame, encodeClientFrame, isParleyError } from '@parley/core';
import { describe, expect, it, vi } from 'vitest';
import { resolveLimits } from '../src/contracts/limits.js';
import type { RateLimiter } from '../src/contracts/rate-limiter.js';
import { memoryRateLimiter } from '../src/memory/memory-rate-limiter.js';
import { decideNowOf } from '../src/router/rate-decide-now.js';
import { type RequestRateLimits, takeRequestRate } from '../src/router/request-rates.js';
import { Router } from '../src/router/router.js';
import type { RequestContext, RequestOf, Routes } from '../src/router/routes.js';
import { fakeClock } from '../src/testing/fixture.js';

const limits: RequestRateLimits = {
  ...resolveLimits({}),
  sendRate: { capacity: 3, refillPerSecond: 1 },
  sendToRate: { capacity: 1, refillPerSecond: 1 },
};
const ctx = { device: { userId: 'alice', deviceId: 1 } } as RequestContext;
const sendTo = (userId: string) => ({ destination: 'userId', userId }) as RequestOf<'send'>;

const outcome = (take: () => Promise<void> | undefined) => {
  try {
    const pending = take();
    return pending ? 'waits' : 'ok';
  } catch (e) {
    return isParleyError(e, 'RATE_LIMITED') ? `refused after ${e.retryAfterMs} ms: ${e.message}` : String(e);
  }
};

describe('a synchronous rate decision', () => {
  it('is offered by the memory limiter, hidden from a spread', () => {
    const limiter = memoryRateLimiter({ capacity: 10, refillPerSecond: 1 });
    expect(decideNowOf(limiter)).toBeTypeOf('function');
    expect(decideNowOf({ ...limiter })).toBeUndefined();
  });

  it('allows with nothing to wait for and refuses at once, all or nothing, as consumeAll would', async () => {
    const time = fakeClock();
    const now = memoryRateLimiter({ capacity: 10, refillPerSecond: 1, clock: time.clock });
    const later = memoryRateLimiter({ capacity: 10, refillPerSecond: 1, clock: time.clock });
    const wrapped: RateLimiter = { ...later }; // no synchronous decision: consumeAll, awaited
    const asked = async (to: string) => {
      try {
        await takeRequestRate('send', sendTo(to), ctx, wrapped, limits);
        return 'ok';
      } catch (e) {
        return isParleyError(e, 'RATE_LIMITED') ? `refused after ${e.retryAfterMs} ms: ${e.message}` : String(e);
      }
    };
    const script = ['bob', 'bob', 'carol', 'dave', 'erin'];
    const sync = script.map((to) => outcome(() => takeRequestRate('send', sendTo(to), ctx, now, limits)));
    const async_: string[] = [];
    for (const to of script) async_.push(await asked(to));
    expect(sync).toEqual([
      'ok',
      'refused after 1000 ms: too many messages to one chat',
      'ok',
      'ok',
      'refused after 1000 ms: too many messages',
    ]);
    expect(async_).toEqual(sync);
    time.advance(1000); // one token back in each bucket
    expect(outcome(() => takeRequestRate('send', sendTo('erin'), ctx, now, limits))).toBe('ok');
  });

  it('starts an allowed send in the same turn; a refusal is a rejection, not a throw', async () => {
    const seen: string[] = [];
    const routes = {
      send: async (request: RequestOf<'send'>) => {
        seen.push(request.userId ?? '');
        return undefined;
      },
    } as unknown as Routes;
    const frame = (to: string) =>
      decodeClientFrame(encodeClientFrame({ requestId: 1, send: { messageId: `m-${to}`, userId: to } }));
    const limiter = memoryRateLimiter({ capacity: 10, refillPerSecond: 1, clock: fakeClock().clock });
    const router = new Router(routes, {}, resolveLimits({ ...limits }), limiter);
    const first = router.handle(frame('bob'), ctx);
    expect(seen).toEqual(['bob']); // before any promise step
    await first;
    const refused = router.handle(frame('bob'), ctx);
    await expect(refused).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(seen).toEqual(['bob']);

    // A wrapped limiter is asked asynchronously: the route starts a turn later, and still runs.
    const consumeAll = vi.fn(limiter.consumeAll as NonNullable<RateLimiter['consumeAll']>);
    const slow = new Router(routes, {}, resolveLimits({ ...limits }), { ...limiter, consumeAll });
    const pending = slow.handle(frame('carol'), ctx);
    expect(seen).toEqual(['bob']);
    await pending;
    expect(seen).toEqual(['bob', 'carol']);
    expect(consumeAll).toHaveBeenCalledTimes(1);
  });
});
