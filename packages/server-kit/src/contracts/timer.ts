/**
 * Schedules `callback` once after `ms` milliseconds and returns a function that cancels it
 * (cancelling after it ran, or twice, does nothing). Injected next to the {@link Clock} so that
 * expiry and coalescing are testable without real waiting.
 */
export type SetTimer = (callback: () => void, ms: number) => () => void;

/**
 * The real timer: `setTimeout`, unref'd so a pending expiry or coalescing tick never keeps the
 * process alive on its own.
 */
export const systemTimer: SetTimer = (callback, ms) => {
  const handle = setTimeout(callback, ms);
  handle.unref?.();
  return () => clearTimeout(handle);
};
