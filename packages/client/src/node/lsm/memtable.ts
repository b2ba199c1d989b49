import type { CheckedRange } from '../../stores/list-range.js';
import type { Cell, TOMBSTONE } from './cell.js';

interface Space {
  readonly cells: Map<string, Cell>;
  /** The keys of `cells`, sorted. */
  readonly keys: string[];
}

/**
 * The writes logged since the last flush, sorted so they can be merged into range reads and
 * written out as a segment. Its size is bounded by the flush threshold, not by the history.
 * @internal
 */
export class Memtable {
  private readonly spaces = new Map<string, Space>();

  get(ns: string, key: string): Cell | undefined {
    return this.spaces.get(ns)?.cells.get(key);
  }

  /** Stores `cell` (JSON text or TOMBSTONE) for the key. */
  set(ns: string, key: string, cell: string | typeof TOMBSTONE): void {
    let space = this.spaces.get(ns);
    if (!space) {
      space = { cells: new Map(), keys: [] };
      this.spaces.set(ns, space);
    }
    if (!space.cells.has(key)) space.keys.splice(lowerBound(space.keys, key), 0, key);
    space.cells.set(key, cell);
  }

  /**
   * The cells of `range` in listing order, tombstones included. Each step searches afresh from the
   * last key yielded, so writes landing while a reader awaits other sources cannot derail it.
   */
  *range(ns: string, range: CheckedRange): Generator<[string, Cell]> {
    const space = this.spaces.get(ns);
    if (!space) return;
    const { keys, cells } = space;
    let last: string | undefined;
    for (;;) {
      let key: string | undefined;
      if (range.reverse) {
        const i = (last === undefined ? upperLimit(keys, range) : lowerBound(keys, last)) - 1;
        key = i >= 0 ? keys[i] : undefined;
        if (key === undefined || key < range.start) return;
      } else {
        const i = last === undefined ? lowerBound(keys, range.start) : upperBound(keys, last);
        key = keys[i];
        if (key === undefined || (range.end !== undefined && key >= range.end) || !key.startsWith(range.prefix)) return;
      }
      last = key;
      yield [key, cells.get(key)!];
    }
  }

  /** Every entry, sorted by namespace then key (for writing a segment). */
  *entries(): Generator<[string, string, Cell]> {
    for (const ns of [...this.spaces.keys()].sort()) {
      const { keys, cells } = this.spaces.get(ns)!;
      for (const key of keys) yield [ns, key, cells.get(key)!];
    }
  }
}

/** Index past the last key a reverse listing of `range` may return. */
function upperLimit(keys: readonly string[], range: CheckedRange): number {
  let top = keys.length;
  if (range.end !== undefined) top = lowerBound(keys, range.end);
  // Keys with the prefix are contiguous from the prefix itself on.
  let lo = Math.min(lowerBound(keys, range.prefix), top);
  let hi = top;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]!.startsWith(range.prefix)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose key is >= `key`. */
export function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose key is > `key`. */
function upperBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
