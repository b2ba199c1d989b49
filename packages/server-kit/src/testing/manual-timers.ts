import type { SetTimer } from '../contracts/timer.js';
import type { FakeClock } from './fixture.js';

/** Timers driven by a {@link FakeClock}: callbacks run only when the test advances time. */
export interface ManualTimers {
  /** The timer to inject into the part under test. */
  readonly setTimer: SetTimer;
  /**
   * Moves the clock forward by `ms`, running each timer that falls due on the way in due order
   * (at its due time, so callbacks read the right clock), and lets promise continuations settle
   * after each.
   */
  advance(ms: number): Promise<void>;
  /** Timers scheduled and not yet run or cancelled. */
  pending(): number;
}

interface Scheduled {
  at: number;
  order: number;
  callback: () => void;
}

/** Lets pending promise continuations (and I/O callbacks already due) run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Makes {@link ManualTimers} on `time`. */
export function manualTimers(time: FakeClock): ManualTimers {
  const timers = new Set<Scheduled>();
  let order = 0;
  return {
    setTimer(callback, ms) {
      const timer: Scheduled = { at: time.now + Math.max(0, ms), order: order++, callback };
      timers.add(timer);
      return () => {
        timers.delete(timer);
      };
    },

    async advance(ms) {
      const end = time.now + ms;
      await settle();
      for (;;) {
        let next: Scheduled | undefined;
        for (const t of timers) {
          if (t.at <= end && (!next || t.at < next.at || (t.at === next.at && t.order < next.order))) next = t;
        }
        if (!next) break;
        timers.delete(next);
        time.now = Math.max(time.now, next.at);
        next.callback();
        await settle();
      }
      time.now = end;
      await settle();
    },

    pending: () => timers.size,
  };
}
