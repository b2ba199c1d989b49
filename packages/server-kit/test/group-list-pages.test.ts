import type { GroupSnapshot } from '@parley/core/groups';
import { describe, expect, it } from 'vitest';
import { type GroupChunks, groupListPage } from '../src/groups/group-list-pages.js';

/** A store's paged read over `groups`, counting the groups it hands out. */
function reader(groups: GroupSnapshot[]) {
  const sorted = [...groups].sort((a, b) => (a.groupId < b.groupId ? -1 : 1));
  const read: GroupChunks & { handedOut: number } = Object.assign(
    async ({ after, limit }: { after: string; limit: number }) => {
      const chunk = sorted.filter((g) => g.groupId > after).slice(0, limit);
      read.handedOut += chunk.length;
      return chunk;
    },
    { handedOut: 0 },
  );
  return read;
}

const group = (groupId: string, members: number): GroupSnapshot => ({
  groupId,
  name: groupId,
  description: '',
  version: 1,
  members: Array.from({ length: members }, (_, i) => ({
    userId: `user-${i}`.padEnd(100, '.'),
    role: 'member' as const,
  })),
  createdBy: 'user-0',
  createdAt: 1,
  maxMembers: 1024,
});

/** Every page a client walking the cursor gets. */
async function walk(groups: GroupSnapshot[], maxFrameBytes: number) {
  const pages: string[][] = [];
  let cursor = '';
  for (;;) {
    const page = await groupListPage(reader(groups), cursor, maxFrameBytes);
    pages.push((page.groups ?? []).map((g) => g.groupId ?? ''));
    if (!page.nextCursor) return pages;
    cursor = page.nextCursor;
  }
}

describe('groupListPage', () => {
  it('hands out every group once, in group id order, in pages that fit the frame', async () => {
    const groups = ['g5', 'g1', 'g9', 'g3', 'g7', 'g2'].map((id) => group(id, 100)); // about 10.6 KB each
    const pages = await walk(groups, 40_000);
    expect(pages.flat()).toEqual(['g1', 'g2', 'g3', 'g5', 'g7', 'g9']);
    expect(pages.map((p) => p.length)).toEqual([3, 3]);
  });

  it('answers one small list in one page without a cursor', async () => {
    expect(await groupListPage(reader([group('a', 2), group('b', 2)]), '', 512 * 1024)).toEqual({
      groups: [expect.objectContaining({ groupId: 'a' }), expect.objectContaining({ groupId: 'b' })],
    });
    expect(await groupListPage(reader([]), '', 512 * 1024)).toEqual({ groups: [] });
    // Exactly one chunk's worth: the next (empty) read ends the list.
    const eight = Array.from({ length: 8 }, (_, i) => group(`g${i}`, 2));
    expect(await walk(eight, 512 * 1024)).toEqual([eight.map((g) => g.groupId)]);
  });

  it('still moves on when one group alone is larger than the budget', async () => {
    expect(await walk([group('a', 50), group('b', 50)], 2_000)).toEqual([['a'], ['b']]);
  });

  it('reads the store a few groups at a time, not the whole list for each page', async () => {
    const many = Array.from({ length: 1_000 }, (_, i) => group(`g${String(i).padStart(4, '0')}`, 100));
    const read = reader(many);
    const page = await groupListPage(read, '', 40_000);
    expect(page.groups).toHaveLength(3);
    expect(page.nextCursor).toBe('g0002');
    expect(read.handedOut).toBeLessThanOrEqual(8);
  });
});
