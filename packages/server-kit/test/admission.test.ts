import { describe, expect, it } from 'vitest';
import { ADAPT_INTERVAL_MS, Admission, MIN_PENDING_LIMIT } from '../src/gateway/admission.js';

// The pending limit of load shedding adapts to how long requests take (gateway/admission.ts): a
// standing backlog (even the quickest request over the target) shrinks it, quick requests at the
// limit grow it back. Time is a manual clock.

function admission(maxPending = 300, targetDelayMs = 100) {
  let now = 0;
  const a = new Admission({ maxPending, targetDelayMs, retryAfterMs: 250, clock: () => now });
  return {
    a,
    at(ms: number) {
      now = ms;
    },
    /** One connection's request, read at `readAt`, finished now. */
    request(readAt: number) {
      a.queued(0);
      a.finished(0, readAt);
    },
    /** `n` requests of `n` connections queued at once (each with nothing waiting before). */
    fill(n: number) {
      for (let i = 0; i < n; i++) a.queued(0);
    },
    drain(n: number, readAt: number) {
      for (let i = 0; i < n; i++) a.finished(0, readAt);
    },
  };
}

describe('admission', () => {
  it('shrinks the limit by a third per interval while even the quickest request is over the target, not below the minimum', () => {
    const t = admission();
    const limits: number[] = [];
    for (let i = 1; i <= 8; i++) {
      t.at(i * ADAPT_INTERVAL_MS);
      t.request(i * ADAPT_INTERVAL_MS - 150); // took 150 ms: over the 100 ms target
      limits.push(t.a.currentLimit);
    }
    expect(limits).toEqual([200, 133, 88, 58, 38, MIN_PENDING_LIMIT, MIN_PENDING_LIMIT, MIN_PENDING_LIMIT]);
  });

  it('keeps the limit when one request of the interval was quick (a burst that drains is no backlog)', () => {
    const t = admission();
    t.at(50);
    t.request(0); // 50 ms: within the target
    t.at(ADAPT_INTERVAL_MS);
    t.request(0); // 200 ms, but the interval's quickest was 50
    expect(t.a.currentLimit).toBe(300);
  });

  it('grows back by a tenth per interval only while requests are quick and the limit is reached', () => {
    const t = admission();
    t.at(ADAPT_INTERVAL_MS);
    t.request(0); // 200 ms: shrinks
    expect(t.a.currentLimit).toBe(200);
    // Quick, but far below the limit: no reason to grow.
    t.at(2 * ADAPT_INTERVAL_MS);
    t.request(2 * ADAPT_INTERVAL_MS - 10);
    expect(t.a.currentLimit).toBe(200);
    // Quick and at the limit: grows, up to maxPending.
    const limits: number[] = [];
    for (let i = 3; i <= 8; i++) {
      t.at(i * ADAPT_INTERVAL_MS);
      t.fill(t.a.currentLimit);
      t.drain(t.a.currentLimit, i * ADAPT_INTERVAL_MS - 10);
      limits.push(t.a.currentLimit);
    }
    expect(limits).toEqual([220, 242, 267, 294, 300, 300]);
  });

  it('gives each busy connection its share of the current limit, and admits one with nothing waiting up to twice the limit', () => {
    const t = admission(100);
    t.at(ADAPT_INTERVAL_MS);
    t.request(0); // shrinks to 66
    expect(t.a.currentLimit).toBe(66);
    t.fill(33); // 33 connections with one waiting each
    expect(t.a.admits(1)).toBe(true); // 33 < 66
    for (let i = 0; i < 33; i++) t.a.queued(1); // a second each: 66 pending
    expect(t.a.admits(1)).toBe(true); // share 66 / 33 = 2
    expect(t.a.admits(2)).toBe(false);
    expect(t.a.admits(0)).toBe(true);
    // Many light connections together: at twice the limit even they are refused.
    t.fill(65); // 131 pending
    expect(t.a.admits(0)).toBe(true);
    t.a.queued(0); // 132 = 2 x 66
    expect(t.a.admits(0)).toBe(false);
  });
});
