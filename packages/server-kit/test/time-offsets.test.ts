import { describe, expect, it } from 'vitest';
import { TimeBase } from '../src/contracts/time-base.js';
import { type FrameBucket, FrameBudget } from '../src/gateway/frame-budget.js';

// Times every connection holds are kept as offsets from a base (small integers, no heap number
// each): the offsets must give back the very clock readings, and what is computed from them must
// not change, at wall-clock scale and past the 2^31 ms where offsets stop being small integers.

const WALL = 1_780_000_000_000; // a Date.now() of 2026

describe('TimeBase', () => {
  it('gives back every clock reading, from the first one on, fractional and far ones too', () => {
    const times = new TimeBase();
    expect(times.offset(WALL)).toBe(0);
    for (const at of [WALL, WALL + 1, WALL - 5, WALL + 0.25, WALL + 2 ** 31 - 1, WALL + 2 ** 31, WALL + 2 ** 40]) {
      const offset = times.offset(at);
      expect(offset).toBe(at - WALL);
      expect(times.at(offset)).toBe(at);
    }
  });
});

describe('FrameBudget over offsets', () => {
  const bucket = (): FrameBucket => ({ tokens: 0, tokensAt: 0 });

  it('spends a burst, throttles, refills at its rate and closes a flood, at wall-clock times', () => {
    const budget = new FrameBudget(10, 5); // 10 frames/s, burst 5
    const b = bucket();
    let now = WALL;
    budget.fill(b, now);
    for (let i = 0; i < 5; i++) expect(budget.take(b, now)).toEqual({ kind: 'ok' });
    expect(budget.take(b, now)).toEqual({ kind: 'throttle', resumeInMs: 100 });
    now += 300; // 3 tokens back: the debt of 1 paid, 2 left
    expect(budget.take(b, now)).toEqual({ kind: 'ok' });
    expect(budget.take(b, now)).toEqual({ kind: 'ok' });
    expect(budget.take(b, now)).toEqual({ kind: 'throttle', resumeInMs: 100 });
    now += 2 ** 31; // far later (offsets are no longer small integers): full again, not more
    for (let i = 0; i < 5; i++) expect(budget.take(b, now).kind).toBe('ok');
    for (let i = 0; i < 5; i++) expect(budget.take(b, now).kind).toBe('throttle');
    expect(budget.take(b, now)).toEqual({ kind: 'close' }); // more than a burst in debt
  });

  it('counts each bucket from its own fill, whenever the budget was first used', () => {
    const budget = new FrameBudget(1, 1);
    const early = bucket();
    budget.fill(early, WALL);
    const late = bucket();
    budget.fill(late, WALL + 60_000);
    expect(budget.take(late, WALL + 60_000)).toEqual({ kind: 'ok' });
    expect(budget.take(late, WALL + 60_500)).toEqual({ kind: 'throttle', resumeInMs: 500 });
    expect(budget.take(early, WALL + 60_000)).toEqual({ kind: 'ok' });
  });
});
