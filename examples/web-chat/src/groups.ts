// Group chats as the web chat sees them: the client's verified group state, and pure helpers for
// the "New group" form and the header (unit-tested in Node).
import type { GroupInfo } from '@parley/client';
import { USER_NAME } from './session.js';

/** A group as `client.groups` returns it. */
export type { GroupInfo };

/** The header line of a group chat: its members, this user first as "You". */
export function membersLine(group: Pick<GroupInfo, 'members' | 'isMember'>, self: string): string {
  if (!group.isMember) return 'You are no longer a member';
  const others = group.members.map((m) => m.userId).filter((id) => id !== self);
  return ['You', ...others.sort()].join(', ');
}

/**
 * Reads the member field of the "New group" form ("bob, carol" or "bob carol"): the user names,
 * deduplicated, without this user; an error text when one is not a valid name or none is left.
 */
export function parseMembers(input: string, self: string): { members: string[] } | { error: string } {
  const names = [
    ...new Set(
      input
        .toLowerCase()
        .split(/[\s,]+/)
        .filter(Boolean),
    ),
  ].filter((n) => n !== self);
  const bad = names.find((n) => !USER_NAME.test(n));
  if (bad) return { error: `"${bad}" is not a user name.` };
  if (names.length === 0) return { error: 'Add at least one member besides you.' };
  return { members: names };
}
