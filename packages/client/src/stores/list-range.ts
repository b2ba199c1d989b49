import { ParleyError } from '@parley/core';
import type { ListOptions } from './client-store.js';

/**
 * A checked {@link ListOptions}, shared by the store implementations: `start` is raised to the
 * prefix, so every key from `start` on starts with the prefix until one does not.
 * @internal
 */
export interface CheckedRange {
  prefix: string;
  start: string;
  end: string | undefined;
  reverse: boolean;
  limit: number;
}

/** Checks list options (INVALID_ARGUMENT for a bad limit or a bound that is not a string). @internal */
export function checkRange(options: ListOptions): CheckedRange {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  if (!(limit >= 0)) throw new ParleyError('INVALID_ARGUMENT', 'list limit must be a non-negative number');
  for (const field of ['prefix', 'start', 'end'] as const) {
    const value = options[field];
    if (value !== undefined && typeof value !== 'string') {
      throw new ParleyError('INVALID_ARGUMENT', `list ${field} must be a string`);
    }
  }
  const prefix = options.prefix ?? '';
  const start = options.start !== undefined && options.start > prefix ? options.start : prefix;
  return { prefix, start, end: options.end, reverse: options.reverse === true, limit };
}

/** Whether a key lies in the range. @internal */
export const inRange = (range: CheckedRange, key: string): boolean =>
  key >= range.start && (range.end === undefined || key < range.end) && key.startsWith(range.prefix);

/**
 * The least string greater than every string that starts with `prefix`, or undefined when there is
 * none (the prefix is empty or all U+FFFF): drop trailing U+FFFF, then raise the last code unit.
 * @internal
 */
export function prefixUpperBound(prefix: string): string | undefined {
  let end = prefix.length;
  while (end > 0 && prefix.charCodeAt(end - 1) === 0xffff) end--;
  if (end === 0) return undefined;
  return prefix.slice(0, end - 1) + String.fromCharCode(prefix.charCodeAt(end - 1) + 1);
}
