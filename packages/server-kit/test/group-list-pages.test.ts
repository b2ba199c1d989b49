import type { GroupSnapshot } from '@parley/core/groups';
import { describe, expect, it } from 'vitest';
import { groupListPage } from '../src/groups/group-list-pages.js';

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
function walk(groups: GroupSnapshot[], maxFrameBytes: number) {
  const pages: string[][] = [];
  let cursor = '';
  for (;;) {
    const page = groupListPage(groups, cursor, maxFrameBytes);
    pages.push((page.groups ?? []).map((g) => g.groupId ?? ''));
    if (!page.nextCursor) return pages;
    cursor = page.nextCursor;
  }
}

describe('groupListPage', () => {
  it('hands out every group once, in group id order, in pages that fit the frame', () => {
    const groups = ['g5', 'g1', 'g9', 'g3', 'g7', 'g2'].map((id) => group(id, 100)); // about 10.6 KB each
    const pages = walk(groups, 40_000);
    expect(pages.flat()).toEqual(['g1', 'g2', 'g3', 'g5', 'g7', 'g9']);
    expect(pages.map((p) => p.length)).toEqual([3, 3]);
  });

  it('answers one small list in one page without a cursor', () => {
    expect(groupListPage([group('a', 2), group('b', 2)], '', 512 * 1024)).toEqual({
      groups: expect.arrayContaining([
        expect.objectContaining({ groupId: 'a' }),
        expect.objectContaining({ groupId: 'b' }),
      ]),
    });
    expect(groupListPage([], '', 512 * 1024)).toEqual({ groups: [] });
  });

  it('still moves on when one group alone is larger than the budget', () => {
    expect(walk([group('a', 50), group('b', 50)], 2_000)).toEqual([['a'], ['b']]);
  });
});
