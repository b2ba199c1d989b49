/**
 * Which adjacent segments to merge next, given their sizes oldest first: the newest pair in which
 * the newer one is at least half the size of the older. Merging until there is none keeps sizes at
 * least doubling going back, so n bytes of history sit in O(log n) segments (a read looks in each)
 * and every byte is rewritten O(log n) times in all. Looking past the newest pair lets the merges
 * catch up after they fell behind a burst of flushes or were cut short by a close.
 * @internal
 */
export function pickMerge(sizes: readonly number[]): { from: number; count: number } | undefined {
  for (let i = sizes.length - 2; i >= 0; i--) {
    if (sizes[i + 1]! * 2 >= sizes[i]!) return { from: i, count: 2 };
  }
  return undefined;
}
