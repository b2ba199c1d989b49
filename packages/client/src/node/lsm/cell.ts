import { decodeValue, reviveValue } from '../value-codec.js';

/*
 * A stored value as the file store's parts pass it around: the JSON text a commit wrote (what the
 * log and the memtable hold), a value already parsed out of a segment block, or a deletion marker
 * that hides older versions of the key until a merge into the oldest segment drops it.
 */

/** A deleted key. */
export const TOMBSTONE: unique symbol = Symbol('tombstone');

/** A value parsed out of a segment block (JSON as `value-codec.ts` encodes it, not yet revived). */
export class ParsedCell {
  constructor(readonly json: unknown) {}
}

/** One stored version of a key. @internal */
export type Cell = string | ParsedCell | typeof TOMBSTONE;

/** A fresh value for a reader; undefined for a tombstone. */
export function cellValue(cell: Cell): unknown {
  if (cell === TOMBSTONE) return undefined;
  return typeof cell === 'string' ? decodeValue(cell) : reviveValue(cell.json);
}

/** The cell as one `[ns, key, value]` (or `[ns, key]` for a tombstone) JSON array, as segments and the log hold entries. */
export function entryText(ns: string, key: string, cell: Cell): string {
  const head = `[${JSON.stringify(ns)},${JSON.stringify(key)}`;
  if (cell === TOMBSTONE) return `${head}]`;
  return `${head},${typeof cell === 'string' ? cell : JSON.stringify(cell.json)}]`;
}

/** Order of entries in a segment: by namespace, then key (UTF-16 code unit order, as the store contract lists). */
export function compareEntries(ns1: string, key1: string, ns2: string, key2: string): number {
  if (ns1 !== ns2) return ns1 < ns2 ? -1 : 1;
  if (key1 === key2) return 0;
  return key1 < key2 ? -1 : 1;
}
