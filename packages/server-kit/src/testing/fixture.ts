import { afterEach, beforeEach } from 'vitest';
import type { Clock } from '../contracts/types.js';

/** A clock the suite moves by hand, so expiry tests need no sleeps. */
export interface FakeClock {
  /** Current time in ms; assign or {@link FakeClock.advance} to move it. */
  now: number;
  /** The clock to inject into the implementation under test. */
  readonly clock: Clock;
  advance(ms: number): void;
}

/** Makes a {@link FakeClock} starting at `start` (a fixed, realistic epoch time by default). */
export function fakeClock(start = 1_700_000_000_000): FakeClock {
  const time: FakeClock = {
    now: start,
    clock: () => time.now,
    advance(ms) {
      time.now += ms;
    },
  };
  return time;
}

/** What every suite hands to `create`: the clock the implementation must read time from. */
export interface ComplianceContext {
  clock: Clock;
}

/** Options of every compliance suite. */
export interface ComplianceOptions<T, C extends ComplianceContext = ComplianceContext> {
  /** Title of the `describe` block, e.g. the implementation's name. */
  name: string;
  /** Makes a fresh, empty instance for one test; it must read time only from `ctx.clock`. */
  create: (ctx: C) => Promise<T>;
  /** Releases what `create` made (closes, deletes files); runs after each test. */
  cleanup?: (instance: T) => Promise<void>;
}

/** Per-test instance and clock, created in `beforeEach` and cleaned up in `afterEach`. */
export interface Fixture<T> {
  readonly subject: T;
  readonly time: FakeClock;
}

/** Registers the hooks that give each test of a suite a fresh instance and clock. */
export function useFixture<T, C extends ComplianceContext>(
  options: ComplianceOptions<T, C>,
  context: Omit<C, 'clock'>,
): Fixture<T> {
  let subject: T | undefined;
  let time = fakeClock();
  beforeEach(async () => {
    time = fakeClock();
    subject = await options.create({ ...context, clock: time.clock } as C);
  });
  afterEach(async () => {
    const done = subject;
    subject = undefined;
    if (done !== undefined && options.cleanup) await options.cleanup(done);
  });
  return {
    get subject(): T {
      if (subject === undefined) throw new Error('compliance fixture used outside a test');
      return subject;
    },
    get time() {
      return time;
    },
  };
}
