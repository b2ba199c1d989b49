// Which slice of a long chat the conversation keeps in the DOM: pages are read from the client's
// history as the user scrolls, and bubbles far from the viewport are dropped, so 10,000 messages
// cost no more to show than 300.

/** Messages read per page when scrolling. */
export const PAGE_SIZE = 100;
/** The most bubbles kept in the DOM; past it, the far end of the window is dropped. */
export const MAX_RENDERED = 300;

/** The loaded range of a chat's history: whether more exists beyond each end. */
export interface WindowEnds {
  hasOlder: boolean;
  hasNewer: boolean;
}

/** How many bubbles to drop from the far end after a page came in at the other one. */
export function overflow(rendered: number): number {
  return Math.max(0, rendered - MAX_RENDERED);
}

/**
 * Where a message id goes in the window (ids are UUIDv7: they sort by time): `inside` when it
 * belongs between the loaded ends (shown now), `beyond` when it lies past an end that has more
 * beyond it (it shows when the user scrolls there).
 */
export function placeOf(
  id: string,
  loaded: { first: string | undefined; last: string | undefined },
  ends: WindowEnds,
): 'inside' | 'beyond' {
  if (ends.hasNewer && loaded.last !== undefined && id > loaded.last) return 'beyond';
  if (ends.hasOlder && loaded.first !== undefined && id < loaded.first) return 'beyond';
  return 'inside';
}
