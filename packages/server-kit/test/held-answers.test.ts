// Issue 15: SendAcks held after their commit for the recipient's ack (messages/held-answers.ts), on
// an injected clock and timer: released by the fold or at the deadline, bounded per connection.
import { describe, expect, it } from 'vitest';
import { DeliveredFolds } from '../src/messages/delivered-folds.js';
import { HeldAnswers } from '../src/messages/held-answers.js';

/** A clock and a timer the test moves by hand. */
function manualTime() {
  let now = 1_000;
  const timers: Array<{ at: number; run: () => void; live: boolean }> = [];
  return {
    clock: () => now,
    setTimer: (run: () => void, ms: number) => {
      const timer = { at: now + ms, run, live: true };
      timers.push(timer);
      return () => {
        timer.live = false;
      };
    },
    /** Moves the clock by `ms`, running the timers due (in order). */
    advance(ms: number) {
      now += ms;
      for (let due = timers.find((t) => t.live && t.at <= now); due; due = timers.find((t) => t.live && t.at <= now)) {
        due.live = false;
        due.run();
      }
    },
    get live() {
      return timers.filter((t) => t.live).length;
    },
  };
}

function setUp(holdMs = 100, maxPerConnection = 2) {
  const time = manualTime();
  const folds = new DeliveredFolds();
  const holds = new HeldAnswers({ holdMs, maxPerConnection, folds, clock: time.clock, setTimer: time.setTimer });
  const written: Array<[string, number]> = [];
  /** Holds the answer of `id` on `connection`; `open` says whether its connection can take it. */
  const hold = (id: string, connection = 'c1', open = true) => {
    const slot = folds.open(id);
    return holds.hold(slot, connection, (at) => {
      if (open) written.push([id, at]);
      return open;
    });
  };
  return { time, folds, holds, written, hold };
}

describe('held answers', () => {
  it('writes a held answer with the ack time when the ack folds, and closes its slot', () => {
    const { time, folds, holds, written, hold } = setUp();
    expect(hold('m1')).toBe(true);
    expect(written).toEqual([]);
    time.advance(30);
    expect(folds.fold('m1', 1_030)).toBe(true);
    expect(written).toEqual([['m1', 1_030]]);
    expect(folds.size).toBe(0);
    expect(holds.size).toBe(0);
    // A second ack of the same entry finds no slot: it queues its receipt as usual.
    expect(folds.fold('m1', 1_040)).toBe(false);
    time.advance(1_000);
    expect(written).toEqual([['m1', 1_030]]);
  });

  it('answers without the receipt at the deadline, then an ack folds nothing', () => {
    const { time, folds, holds, written, hold } = setUp();
    hold('m1');
    time.advance(60);
    hold('m2');
    time.advance(39);
    expect(written).toEqual([]);
    time.advance(1); // m1's deadline
    expect(written).toEqual([['m1', 0]]);
    time.advance(59);
    expect(written).toEqual([['m1', 0]]);
    time.advance(1); // m2's
    expect(written).toEqual([
      ['m1', 0],
      ['m2', 0],
    ]);
    expect(folds.fold('m1', time.clock())).toBe(false);
    expect(folds.size).toBe(0);
    expect(holds.size).toBe(0);
    expect(time.live).toBe(0); // nothing held, no timer left
  });

  it('keeps a later hold to its own deadline when the one the timer was set for went early', () => {
    const { time, folds, written, hold } = setUp();
    hold('m1');
    time.advance(50);
    hold('m2'); // due at 1,150
    folds.fold('m1', 1_050);
    time.advance(50); // the timer set for m1's deadline fires: m2 is not due yet
    expect(written).toEqual([['m1', 1_050]]);
    time.advance(50);
    expect(written).toEqual([
      ['m1', 1_050],
      ['m2', 0],
    ]);
  });

  it('releases on its timer even when the clock stands still (an injected clock)', () => {
    const time = manualTime();
    const folds = new DeliveredFolds();
    const written: string[] = [];
    const still = () => 1_000;
    const holds = new HeldAnswers({ holdMs: 100, maxPerConnection: 4, folds, clock: still, setTimer: time.setTimer });
    for (const id of ['m1', 'm2']) holds.hold(folds.open(id), 'c1', () => written.push(id) > 0);
    time.advance(100); // the timer fires; the clock still says 1,000
    expect(written).toEqual(['m1', 'm2']);
    expect(holds.size).toBe(0);
    expect(time.live).toBe(0);
  });

  it('holds at most maxPerConnection per connection; a released one frees its place', () => {
    const { folds, written, hold } = setUp(100, 2);
    expect(hold('a1', 'a')).toBe(true);
    expect(hold('a2', 'a')).toBe(true);
    expect(hold('a3', 'a')).toBe(false); // answered at once by the caller
    expect(hold('b1', 'b')).toBe(true); // another connection has its own places
    folds.fold('a1', 1_001);
    expect(written).toEqual([['a1', 1_001]]);
    expect(hold('a4', 'a')).toBe(true);
  });

  it('does not fold an ack whose held answer cannot be written (connection gone): the receipt is queued', () => {
    const { folds, holds, written, hold } = setUp();
    hold('m1', 'c1', false);
    expect(folds.fold('m1', 1_001)).toBe(false);
    expect(written).toEqual([]);
    expect(holds.size).toBe(0);
    expect(folds.size).toBe(0);
  });

  it('holds nothing when off, already acknowledged, or shared with a resend', () => {
    const off = setUp(0);
    expect(off.hold('m1')).toBe(false);
    const { folds, holds } = setUp();
    const acked = folds.open('m2');
    folds.fold('m2', 1_001);
    expect(holds.hold(acked, 'c1', () => true)).toBe(false);
    const first = folds.open('m3');
    folds.open('m3'); // a resend racing the first attempt
    expect(holds.hold(first, 'c1', () => true)).toBe(false);
  });

  it('keeps a resend that joined a held slot: released, the slot stays open for the resend', () => {
    const { time, folds, written, hold } = setUp();
    hold('m1', 'old', false); // its connection closed
    const resend = folds.open('m1');
    time.advance(100); // the held answer expires: nothing written, the resend still holds the slot
    expect(written).toEqual([]);
    expect(folds.size).toBe(1);
    expect(folds.fold('m1', time.clock())).toBe(true);
    expect(folds.close(resend)).toBe(time.clock());
    expect(folds.size).toBe(0);
  });
});
