/**
 * Merges sorted sources into one sorted stream in which each key appears once, taken from the
 * first source (the newest) that has it: the memtable shadows segments, newer segments older ones.
 * `compare` orders items by key (reversed for a reverse listing).
 * @internal
 */
export async function* mergeNewestFirst<T>(
  sources: ReadonlyArray<AsyncIterator<T> | Iterator<T>>,
  compare: (a: T, b: T) => number,
): AsyncGenerator<T> {
  const heads: Array<IteratorResult<T>> = await Promise.all(sources.map((s) => s.next()));
  for (;;) {
    let best: T | undefined;
    let found = false;
    for (const head of heads) {
      if (head.done) continue;
      // Strictly less: on a tie the earlier (newer) source stays the pick.
      if (!found || compare(head.value, best as T) < 0) {
        best = head.value;
        found = true;
      }
    }
    if (!found) return;
    const value = best as T;
    for (let i = 0; i < heads.length; i++) {
      const head = heads[i]!;
      if (!head.done && compare(head.value, value) === 0) heads[i] = await sources[i]!.next();
    }
    yield value;
  }
}
