import type { CheckedRange } from '../../stores/list-range.js';
import { type Cell, cellValue, TOMBSTONE } from './cell.js';
import type { Memtable } from './memtable.js';
import { mergeNewestFirst } from './merge-sources.js';
import type { Segment } from './segment.js';

/**
 * The durable state as one reader sees it: the memtable over the segments (oldest first). A flush
 * or merge installs a new view; one already taken stays readable (its segments are pinned).
 * @internal
 */
export interface ReadView {
  memtable: Memtable;
  segments: readonly Segment[];
}

/** The key's value, from the newest place that has it. */
export async function viewGet(view: ReadView, ns: string, key: string): Promise<unknown> {
  const fresh = view.memtable.get(ns, key);
  if (fresh !== undefined) return cellValue(fresh);
  for (let i = view.segments.length - 1; i >= 0; i--) {
    const cell = await view.segments[i]!.get(ns, key);
    if (cell !== undefined) return cellValue(cell);
  }
  return undefined;
}

type Item = [string, Cell];
const ascending = (a: Item, b: Item) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
const descending = (a: Item, b: Item) => -ascending(a, b);

/** Up to `count` live entries of `range`, in listing order: memtable and segments merged, newest version of each key. */
export async function viewList(
  view: ReadView,
  ns: string,
  range: CheckedRange,
  count: number,
): Promise<Array<[string, unknown]>> {
  const out: Array<[string, unknown]> = [];
  if (count <= 0) return out;
  const sources: Array<Iterator<Item> | AsyncIterator<Item>> = [view.memtable.range(ns, range)];
  for (let i = view.segments.length - 1; i >= 0; i--) sources.push(view.segments[i]!.range(ns, range));
  for await (const [key, cell] of mergeNewestFirst<Item>(sources, range.reverse ? descending : ascending)) {
    if (cell === TOMBSTONE) continue;
    out.push([key, cellValue(cell)]);
    if (out.length >= count) break;
  }
  return out;
}
