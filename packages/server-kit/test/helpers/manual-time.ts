/** A manual clock and timer: time moves only when the test says so (for the group commit's pacing). */
export function manualTime() {
  let now = 0;
  const timers: Array<{ at: number; callback: () => void }> = [];
  return {
    now: () => now,
    delay: (callback: () => void, ms: number) => void timers.push({ at: now + ms, callback }),
    timers,
    advance(ms: number) {
      now += ms;
      for (const timer of timers.splice(0)) {
        if (timer.at <= now) timer.callback();
        else timers.push(timer);
      }
    },
  };
}
