import { type parley, pb } from '@parley/core';
import { type GroupSnapshot, toGroupState } from '@parley/core/groups';
import type { GroupListPage } from '../contracts/group-store.js';

/** Room left in a frame for everything around the listed groups (frame header, cursor). */
const FRAME_OVERHEAD = 1024;
/**
 * Groups read from the store at a time while filling a page: few, since one group of 1,024 members
 * with long ids is about 400 KB, and the user may be in thousands of groups.
 */
const READ_CHUNK = 8;

/** Reads a user's groups in order, a chunk at a time (`GroupStore.listForUser` with a page). */
export type GroupChunks = (page: Required<GroupListPage>) => Promise<GroupSnapshot[]>;

/**
 * One page of a user's groups for `GroupList`, ordered by group id and starting after `cursor`
 * (the last group id of the page before): as many as fit in one frame of `maxFrameBytes`, always
 * at least one when any is left. Without pages, a user named in a few large groups (1,024 members
 * of 128-character ids each) would get an answer larger than any client accepts and reconnect
 * forever. The groups are read a few at a time, so a page costs about one frame of memory however
 * many groups the user is in. `next_cursor` is empty on the last page.
 */
export async function groupListPage(
  read: GroupChunks,
  cursor: string,
  maxFrameBytes: number,
): Promise<parley.v1.GroupList.$Properties> {
  const budget = maxFrameBytes - FRAME_OVERHEAD;
  const page: parley.v1.GroupState.$Properties[] = [];
  let bytes = 0;
  let after = cursor;
  for (;;) {
    const chunk = await read({ after, limit: READ_CHUNK });
    for (const group of chunk) {
      const state = toGroupState(group);
      // The state's encoding plus its tag and length prefix.
      bytes += pb.GroupState.encode(state).finish().byteLength + 8;
      if (page.length > 0 && bytes > budget) return { groups: page, nextCursor: after };
      page.push(state);
      after = group.groupId;
    }
    if (chunk.length < READ_CHUNK) return { groups: page };
  }
}
