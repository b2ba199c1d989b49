/** The client's source of the current time (ms since the epoch); inject one to test time-dependent behaviour. */
export interface Clock {
  now(): number;
}

/** The default clock: `Date.now()`. */
export const systemClock: Clock = { now: () => Date.now() };
