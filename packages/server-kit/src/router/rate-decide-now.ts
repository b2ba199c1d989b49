// A limiter that decides in memory can answer at once: the router then takes a send's rate without a
// promise of its own (three promise steps per send, issue 15 aim 1). Not part of the public
// RateLimiter contract: limiters that offer it hide it under this symbol, non-enumerable, so a
// wrapper built by spreading one (`{ ...limiter, consumeAll }`) does not inherit it and is still asked.
import type { RateDecision, RateLimiter, RateRequest } from '../contracts/rate-limiter.js';

/** The symbol under which a limiter offers {@link DecideNow}. @internal */
export const DECIDE_NOW: unique symbol = Symbol('parley.rateLimiter.decideNow');

/** `consumeAll` answered synchronously: the same decision, the same tokens taken. @internal */
export type DecideNow = (requests: RateRequest[]) => RateDecision;

/** Offers `decide` on `limiter` as its synchronous `consumeAll`. @internal */
export function offerDecideNow<L extends RateLimiter>(limiter: L, decide: DecideNow): L {
  Object.defineProperty(limiter, DECIDE_NOW, { value: decide, enumerable: false });
  return limiter;
}

/** The limiter's synchronous `consumeAll`, when it has one. @internal */
export const decideNowOf = (limiter: RateLimiter): DecideNow | undefined =>
  (limiter as { [DECIDE_NOW]?: DecideNow })[DECIDE_NOW];
