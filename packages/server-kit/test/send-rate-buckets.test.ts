// A send's rate buckets are made once per (user, chat) and per limits (router/request-rates.ts,
// issue 15 aim 1): the same lists come back for the same chat, and no chat, user, kind of chat or
// limits shares another's bucket.
import { type parley, pb } from '@parley/core';
import { describe, expect, it } from 'vitest';
import type { RateLimiter, RateRequest } from '../src/contracts/rate-limiter.js';
import { type RequestRateLimits, takeRequestRate } from '../src/router/request-rates.js';
import type { RequestContext, RequestOf } from '../src/router/routes.js';

const rate = (capacity: number) => ({ capacity, refillPerSecond: 1 });
const limitsOf = (send: number, sendTo: number): RequestRateLimits => ({
  sendRate: rate(send),
  sendToRate: rate(sendTo),
  receiptRate: rate(1),
  groupChangeRate: rate(1),
  keyFetchRate: rate(1),
  keyFetchTargetRate: rate(1),
});

/** A limiter that records what each decision was asked (and allows it). */
function recording() {
  const asked: RateRequest[][] = [];
  const limiter: RateLimiter = {
    consume: async () => ({ allowed: true, remaining: 1, retryAfterMs: 0 }),
    consumeAll: async (requests) => {
      asked.push(requests);
      return { allowed: true, remaining: 1, retryAfterMs: 0 };
    },
  };
  return { limiter, asked };
}

const ctxOf = (userId: string) => ({ device: { userId, deviceId: 1 } }) as RequestContext;
const decode = (send: parley.v1.Send.$Properties) => pb.Send.decode(pb.Send.encode(send).finish()) as RequestOf<'send'>;
const toUser = (userId: string) => decode({ userId });
const toGroup = (groupId: string) => decode({ groupId });

describe("a send's rate buckets", () => {
  it('are one list per (user, chat): the same again, apart for every other chat, user, chat kind and limits', async () => {
    const { limiter, asked } = recording();
    const limits = limitsOf(5, 2);
    const take = async (user: string, send: RequestOf<'send'>, l = limits) => {
      await takeRequestRate('send', send, ctxOf(user), limiter, l);
      return asked.at(-1) as RateRequest[];
    };
    const bob = await take('alice', toUser('bob'));
    expect(bob.map((r) => [r.key, r.limit])).toEqual([
      ['rate\u0000send\u0000alice', rate(5)],
      ['rate\u0000send-to\u0000alice\u0000u:bob', rate(2)],
    ]);
    expect(await take('alice', toUser('bob'))).toBe(bob); // made once
    const carol = await take('alice', toUser('carol'));
    expect(carol.map((r) => r.key)).toEqual(['rate\u0000send\u0000alice', 'rate\u0000send-to\u0000alice\u0000u:carol']);
    const group = await take('alice', toGroup('bob'));
    expect(group.map((r) => r.key)).toEqual(['rate\u0000send\u0000alice', 'rate\u0000send-to\u0000alice\u0000g:bob']);
    const dave = await take('dave', toUser('bob'));
    expect(dave.map((r) => r.key)).toEqual(['rate\u0000send\u0000dave', 'rate\u0000send-to\u0000dave\u0000u:bob']);
    // Other limits (another server in the same process): their own buckets, with their own rates.
    const other = await take('alice', toUser('bob'), limitsOf(7, 3));
    expect(other.map((r) => r.limit)).toEqual([rate(7), rate(3)]);
    expect(await take('alice', toUser('bob'))).toBe(bob);
  });
});
