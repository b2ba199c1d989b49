import type { GroupSnapshot } from '@parley/core/groups';

/**
 * A group as a store holds it, for tests that send to a group without going through its signed
 * records: version 1, alice its admin (and creator), every other user a member.
 */
export function storedGroup(groupId: string, userIds: string[]): GroupSnapshot {
  return {
    groupId,
    name: groupId,
    description: '',
    version: 1,
    members: userIds.map((userId) => ({ userId, role: userId === 'alice' ? 'admin' : 'member' })),
    createdBy: 'alice',
    createdAt: 1,
    maxMembers: 10,
  };
}
