import { describe, expect, it } from 'vitest';
import { membersLine, parseMembers } from '../src/groups.js';

describe('group helpers', () => {
  it('lists the members in the header, this user first as You', () => {
    const members = [
      { userId: 'carol', role: 'member' as const },
      { userId: 'alice', role: 'admin' as const },
      { userId: 'bob', role: 'member' as const },
    ];
    expect(membersLine({ members, isMember: true }, 'alice')).toBe('You, bob, carol');
    expect(membersLine({ members, isMember: false }, 'dave')).toBe('You are no longer a member');
  });

  it('reads the member field of the new group form', () => {
    expect(parseMembers('Bob, carol  bob,alice', 'alice')).toEqual({ members: ['bob', 'carol'] });
    expect(parseMembers('alice', 'alice')).toEqual({ error: 'Add at least one member besides you.' });
    expect(parseMembers('bob, no spaces!', 'alice')).toEqual({ error: '"spaces!" is not a user name.' });
  });
});
