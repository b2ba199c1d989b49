import { ParleyError } from '@parley/core';

/** The most entries one history or chat list read returns: a page is a screenful, not an export. */
export const MAX_PAGE = 500;

/** A page size from an app: a whole number from 1 to {@link MAX_PAGE}, `fallback` when absent. */
export function pageLimit(limit: number | undefined, fallback: number): number {
  if (limit === undefined) return fallback;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new ParleyError('INVALID_ARGUMENT', `limit must be a whole number from 1 to ${MAX_PAGE}`);
  }
  return limit;
}

/** A message or chat id from an app: a non-empty string of sane length. */
export function checkId(id: unknown, what: string): string {
  if (typeof id !== 'string' || id.length === 0 || id.length > 512) {
    throw new ParleyError('INVALID_ARGUMENT', `${what} must be a non-empty string`);
  }
  return id;
}
