import { type parley, pb } from '@parley/core';
import { type GroupSnapshot, toGroupState } from '@parley/core/groups';

/** Room left in a frame for everything around the listed groups (frame header, cursor). */
const FRAME_OVERHEAD = 1024;

/**
 * One page of a user's groups for `GroupList`, ordered by group id and starting after `cursor`
 * (the last group id of the page before): as many as fit in one frame of `maxFrameBytes`, always
 * at least one when any is left. Without pages, a user named in a few large groups (1,024 members
 * of 128-character ids each) would get an answer larger than any client accepts and reconnect
 * forever. `next_cursor` is empty on the last page.
 */
export function groupListPage(
  groups: readonly GroupSnapshot[],
  cursor: string,
  maxFrameBytes: number,
): parley.v1.GroupList.$Properties {
  const rest = groups.filter((g) => g.groupId > cursor).sort((a, b) => (a.groupId < b.groupId ? -1 : 1));
  const budget = maxFrameBytes - FRAME_OVERHEAD;
  const page: parley.v1.GroupState.$Properties[] = [];
  let bytes = 0;
  for (const group of rest) {
    const state = toGroupState(group);
    // The state's encoding plus its tag and length prefix.
    bytes += pb.GroupState.encode(state).finish().byteLength + 8;
    if (page.length > 0 && bytes > budget) break;
    page.push(state);
  }
  const last = page[page.length - 1];
  const more = page.length < rest.length && last !== undefined;
  return { groups: page, ...(more ? { nextCursor: last.groupId ?? '' } : {}) };
}
