/**
 * The bench's clock for payload stamps, in ms: `performance.timeOrigin + performance.now()`.
 * Absolute rather than relative to the thread's start, so a payload stamped in one load-generator
 * thread and received in another (or in the main thread) measures its latency on one clock; the
 * sum keeps sub-µs resolution (a float64 near 1.8e12 ms steps by about 0.25 µs).
 */
export function benchClock(): number {
  return performance.timeOrigin + performance.now();
}
