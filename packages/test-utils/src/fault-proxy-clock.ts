/**
 * The time source of the fault proxy (fault-proxy.ts): real timers by default, a manual clock in
 * tests, so a test of added latency or a bandwidth limit advances time instead of waiting on it.
 */
export interface ProxyClock {
  now(): number;
  /** Calls `fn` once after `ms`; the returned function cancels it. */
  after(ms: number, fn: () => void): () => void;
}

/** Wall-clock time and `setTimeout`. */
export const realProxyClock: ProxyClock = {
  now: () => performance.now(),
  after(ms, fn) {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

/** A clock that moves only when told: `advance` runs every timer that falls due, in time order. */
export interface ManualProxyClock extends ProxyClock {
  advance(ms: number): void;
  /** Timers not yet run. */
  pending(): number;
}

export function manualProxyClock(): ManualProxyClock {
  let now = 0;
  let nextId = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    after(ms, fn) {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, ms), fn });
      return () => timers.delete(id);
    },
    advance(ms) {
      const target = now + ms;
      // Bounded: each pass runs one timer; a timer may add another (a pump rescheduling itself).
      for (let i = 0; i < 1_000_000; i++) {
        let first: [number, { at: number; fn: () => void }] | undefined;
        for (const entry of timers) if (entry[1].at <= target && (!first || entry[1].at < first[1].at)) first = entry;
        if (!first) break;
        timers.delete(first[0]);
        now = first[1].at;
        first[1].fn();
      }
      now = target;
    },
    pending: () => timers.size,
  };
}
