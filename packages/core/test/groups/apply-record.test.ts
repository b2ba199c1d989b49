import { beforeAll, describe, expect, it } from 'vitest';
import {
  applyGroupRecord,
  DEFAULT_MAX_GROUP_MEMBERS,
  groupRecordHash,
  verifyGroupRecordSignature,
} from '../../src/groups/index.js';
import { type Actor, ADMIN, actor, Chain, expectCode, MEMBER, roles } from './chain.js';

let alice: Actor;
let bob: Actor;
let carol: Actor;
let dave: Actor;

beforeAll(async () => {
  [alice, bob, carol, dave] = await Promise.all([actor('alice'), actor('bob'), actor('carol'), actor('dave')]);
});

/** alice (admin) created the group with bob and carol (members). */
async function team(): Promise<Chain> {
  const chain = new Chain();
  await chain.create(alice, [
    ['alice', ADMIN],
    ['bob', MEMBER],
    ['carol', MEMBER],
  ]);
  return chain;
}

describe('applyGroupRecord: create', () => {
  it('starts a group at version 1 with the creator as admin, the signed time and the default limit', async () => {
    const chain = new Chain();
    const state = await chain.create(alice, [
      ['alice', ADMIN],
      ['bob', MEMBER],
    ]);
    expect(state).toEqual({
      groupId: 'g1',
      name: 'Team',
      description: '',
      version: 1,
      members: [
        { userId: 'alice', role: 'admin' },
        { userId: 'bob', role: 'member' },
      ],
      createdBy: 'alice',
      createdAt: 1_700_000_000_000,
      maxMembers: DEFAULT_MAX_GROUP_MEMBERS,
    });
  });

  it('refuses a creator who is not an admin member', async () => {
    await new Chain().refuses(alice, { create: { name: 'x', members: [{ userId: 'bob', role: ADMIN }] } }, 'FORBIDDEN');
    await new Chain().refuses(
      alice,
      {
        create: {
          name: 'x',
          members: [
            { userId: 'alice', role: MEMBER },
            { userId: 'bob', role: ADMIN },
          ],
        },
      },
      'FORBIDDEN',
    );
  });

  it('refuses duplicate members, bad user ids, unknown roles, bad names and descriptions', async () => {
    const creator = { userId: 'alice', role: ADMIN };
    const withMember = (member: { userId: string; role?: number }) => ({ name: 'x', members: [creator, member] });
    const named = (name: string, description = '') => ({ name, description, members: [creator] });
    const bad = [
      withMember({ userId: 'alice', role: MEMBER }),
      withMember({ userId: '', role: MEMBER }),
      withMember({ userId: 'b\u0000b', role: MEMBER }),
      withMember({ userId: 'b'.repeat(129), role: MEMBER }),
      withMember({ userId: 'bob' }),
      withMember({ userId: 'bob', role: 7 }),
      named(''),
      named('x'.repeat(101)),
      named('a\nb'),
      named('a\ud800'),
      named('x', 'd'.repeat(2049)),
      named('x', 'bell\u0007'),
    ];
    for (const create of bad) await new Chain().refuses(alice, { create }, 'INVALID_ARGUMENT');
  });

  it('counts lengths in code points and allows line breaks in descriptions', async () => {
    const emoji = '\u{1F600}'.repeat(100); // 200 UTF-16 code units, 100 code points
    const state = await new Chain().do(alice, {
      create: {
        name: emoji,
        description: `line 1\nline 2\t${'d'.repeat(2030)}`,
        members: [{ userId: 'alice', role: ADMIN }],
      },
    });
    expect(state.name).toBe(emoji);
    await new Chain().refuses(
      alice,
      { create: { name: `${emoji}x`, members: [{ userId: 'alice', role: ADMIN }] } },
      'INVALID_ARGUMENT',
    );
  });

  it('refuses more members than the limit with GROUP_FULL', async () => {
    const members = Array.from({ length: 4 }, (_, i) => ({
      userId: i === 0 ? 'alice' : `u${i}`,
      role: i === 0 ? ADMIN : MEMBER,
    }));
    await new Chain('g1', 3).refuses(alice, { create: { name: 'x', members } }, 'GROUP_FULL');
    expect((await new Chain('g1', 4).do(alice, { create: { name: 'x', members } })).maxMembers).toBe(4);
  });

  it('starts only with a create at version 1 without prev_hash', async () => {
    await new Chain().refuses(alice, { rename: { name: 'x' } }, 'BAD_SIGNATURE');
    const create = { create: { name: 'x', members: [{ userId: 'alice', role: ADMIN }] } };
    await new Chain().refuses(alice, create, 'BAD_SIGNATURE', { version: 2 });
    await new Chain().refuses(alice, create, 'BAD_SIGNATURE', { prevHash: new Uint8Array(32) });
  });

  it('refuses malformed records: group id, actor, version, time, not exactly one action', async () => {
    const create = { create: { name: 'x', members: [{ userId: 'alice', role: ADMIN }] } };
    for (const groupId of ['', 'has space', 'x'.repeat(65), 'caf\u00e9']) {
      await new Chain(groupId).refuses(alice, create, 'INVALID_ARGUMENT');
    }
    expect((await new Chain('x'.repeat(64)).do(alice, create)).groupId).toBe('x'.repeat(64));
    await new Chain().refuses(alice, create, 'INVALID_ARGUMENT', { actor: { userId: 'alice' } });
    await new Chain().refuses(alice, create, 'INVALID_ARGUMENT', { actor: { deviceId: 1 } });
    await new Chain().refuses(alice, create, 'INVALID_ARGUMENT', { actor: null });
    await new Chain().refuses(alice, create, 'INVALID_ARGUMENT', { version: 0 });
    await new Chain().refuses(alice, create, 'INVALID_ARGUMENT', { version: 1.5 });
    await new Chain().refuses(alice, create, 'INVALID_ARGUMENT', { at: -1 });
    const chain = new Chain();
    expectCode(
      () => applyGroupRecord(undefined, { groupId: 'g1', version: 1, actor: { userId: 'alice', deviceId: 1 } }),
      'INVALID_ARGUMENT',
    );
    expectCode(
      () =>
        applyGroupRecord(undefined, {
          groupId: 'g1',
          version: 1,
          actor: { userId: 'alice', deviceId: 1 },
          ...create,
          rename: { name: 'y' },
        }),
      'INVALID_ARGUMENT',
    );
    expect(chain.state).toBeUndefined();
  });
});

describe('applyGroupRecord: changes', () => {
  it('lets an admin add, promote, demote, remove, rename and describe, bumping the version each time', async () => {
    const chain = await team();
    expect(roles(await chain.do(alice, { add: { userIds: ['dave'] } }))).toEqual([
      'alice:admin',
      'bob:member',
      'carol:member',
      'dave:member',
    ]);
    expect(roles(await chain.do(alice, { promote: { userIds: ['bob', 'dave'] } }))).toEqual([
      'alice:admin',
      'bob:admin',
      'carol:member',
      'dave:admin',
    ]);
    expect(roles(await chain.do(bob, { demote: { userIds: ['dave'] } }))).toEqual([
      'alice:admin',
      'bob:admin',
      'carol:member',
      'dave:member',
    ]);
    // An admin may remove another admin.
    expect(roles(await chain.do(bob, { remove: { userIds: ['alice', 'carol'] } }))).toEqual([
      'bob:admin',
      'dave:member',
    ]);
    expect((await chain.do(bob, { rename: { name: 'Renamed' } })).name).toBe('Renamed');
    const state = await chain.do(bob, { describe: { description: 'About us' } });
    expect(state).toMatchObject({ version: 7, name: 'Renamed', description: 'About us', createdBy: 'alice' });
    // Clearing the description is allowed.
    expect((await chain.do(bob, { describe: {} })).description).toBe('');
  });

  it('refuses every admin action by a member, and any action by a non-member, with FORBIDDEN', async () => {
    const chain = await team();
    for (const action of [
      { add: { userIds: ['dave'] } },
      { remove: { userIds: ['carol'] } },
      { promote: { userIds: ['bob'] } },
      { demote: { userIds: ['alice'] } },
      { rename: { name: 'mine' } },
      { describe: { description: 'mine' } },
    ]) {
      await chain.refuses(bob, action, 'FORBIDDEN');
    }
    await chain.refuses(dave, { add: { userIds: ['dave'] } }, 'FORBIDDEN');
    await chain.refuses(dave, { leave: {} }, 'FORBIDDEN');
    expect(chain.state?.version).toBe(1);
  });

  it('refuses adding a member, removing a non-member or oneself, empty and repeated lists', async () => {
    const chain = await team();
    await chain.refuses(alice, { add: { userIds: ['bob'] } }, 'INVALID_ARGUMENT');
    await chain.refuses(alice, { add: { userIds: ['dave', 'dave'] } }, 'INVALID_ARGUMENT');
    await chain.refuses(alice, { add: { userIds: [] } }, 'INVALID_ARGUMENT');
    await chain.refuses(alice, { add: { userIds: ['bad\u001fid'] } }, 'INVALID_ARGUMENT');
    await chain.refuses(alice, { remove: { userIds: ['dave'] } }, 'INVALID_ARGUMENT');
    await chain.refuses(alice, { remove: { userIds: ['alice'] } }, 'INVALID_ARGUMENT');
    await chain.refuses(alice, { remove: {} }, 'INVALID_ARGUMENT');
    await chain.refuses(alice, { rename: { name: '' } }, 'INVALID_ARGUMENT');
    await chain.refuses(alice, { describe: { description: 'x'.repeat(2049) } }, 'INVALID_ARGUMENT');
  });

  it('promotes and demotes members only: non-members are FORBIDDEN, no-ops INVALID_ARGUMENT', async () => {
    const chain = await team();
    await chain.refuses(alice, { promote: { userIds: ['dave'] } }, 'FORBIDDEN');
    await chain.refuses(alice, { demote: { userIds: ['dave'] } }, 'FORBIDDEN');
    await chain.refuses(alice, { promote: { userIds: ['alice'] } }, 'INVALID_ARGUMENT');
    await chain.refuses(alice, { demote: { userIds: ['bob'] } }, 'INVALID_ARGUMENT');
  });

  it('keeps at least one admin: demoting the last admin is FORBIDDEN, demoting oneself is fine otherwise', async () => {
    const chain = await team();
    await chain.refuses(alice, { demote: { userIds: ['alice'] } }, 'FORBIDDEN');
    await chain.do(alice, { promote: { userIds: ['bob'] } });
    await chain.refuses(alice, { demote: { userIds: ['alice', 'bob'] } }, 'FORBIDDEN');
    expect(roles(await chain.do(alice, { demote: { userIds: ['alice'] } }))).toEqual([
      'alice:member',
      'bob:admin',
      'carol:member',
    ]);
  });

  it('refuses GROUP_FULL past the limit of the state, or the one given', async () => {
    const chain = new Chain('g1', 3);
    await chain.create(alice, [
      ['alice', ADMIN],
      ['bob', MEMBER],
    ]);
    await chain.refuses(alice, { add: { userIds: ['carol', 'dave'] } }, 'GROUP_FULL');
    expect(roles(await chain.do(alice, { add: { userIds: ['carol'] } }))).toHaveLength(3);
    await chain.refuses(alice, { add: { userIds: ['dave'] } }, 'GROUP_FULL');
    // Without an explicit limit the state's own applies.
    const record = await chain.next(alice, { add: { userIds: ['dave'] } });
    expectCode(() => applyGroupRecord(chain.state, record, { prevEncoded: chain.prev }), 'GROUP_FULL');
    expect(applyGroupRecord(chain.state, record, { prevEncoded: chain.prev, maxMembers: 4 }).maxMembers).toBe(4);
  });
});

describe('applyGroupRecord: disappearing timer', () => {
  it('lets an admin set and clear the timer, carried through later records', async () => {
    const chain = await team();
    expect(chain.state?.disappearingS).toBeUndefined();
    expect((await chain.do(alice, { disappearing: { seconds: 86_400 } })).disappearingS).toBe(86_400);
    // Other changes keep it.
    expect((await chain.do(alice, { add: { userIds: ['dave'] } })).disappearingS).toBe(86_400);
    expect((await chain.do(alice, { disappearing: { seconds: 7_776_000 } })).disappearingS).toBe(7_776_000);
    // Off: an empty GroupDisappearing; the snapshot then has no timer at all.
    const off = await chain.do(alice, { disappearing: {} });
    expect(off.disappearingS).toBeUndefined();
    expect(off.version).toBe(5);
  });

  it('refuses the timer from a member (FORBIDDEN) and values other than off, 24 h, 7 d, 90 d', async () => {
    const chain = await team();
    await chain.refuses(bob, { disappearing: { seconds: 86_400 } }, 'FORBIDDEN');
    await chain.refuses(dave, { disappearing: { seconds: 86_400 } }, 'FORBIDDEN');
    for (const seconds of [1, 3600, 86_401, 2 ** 31]) {
      await chain.refuses(alice, { disappearing: { seconds } }, 'INVALID_ARGUMENT');
    }
    expect(chain.state).toMatchObject({ version: 1 });
    expect(chain.state?.disappearingS).toBeUndefined();
  });

  it('signs the timer: changing it in a signed record breaks the signature', async () => {
    const chain = await team();
    const record = await chain.next(alice, { disappearing: { seconds: 86_400 } });
    expect(await verifyGroupRecordSignature(record)).toBe(true);
    expect(await verifyGroupRecordSignature({ ...record, disappearing: { seconds: 604_800 } })).toBe(false);
    expect(await verifyGroupRecordSignature({ ...record, disappearing: {} })).toBe(false);
  });
});

describe('applyGroupRecord: leave', () => {
  it('lets any member leave', async () => {
    const chain = await team();
    expect(roles(await chain.do(carol, { leave: {} }))).toEqual(['alice:admin', 'bob:member']);
    await chain.refuses(carol, { leave: {} }, 'FORBIDDEN');
  });

  it('makes the last admin promote someone when members remain', async () => {
    const chain = await team();
    await chain.refuses(alice, { leave: {} }, 'FORBIDDEN');
    await chain.refuses(alice, { leave: { promote: ['dave'] } }, 'FORBIDDEN');
    await chain.refuses(alice, { leave: { promote: ['alice'] } }, 'INVALID_ARGUMENT');
    await chain.refuses(alice, { leave: { promote: ['bob', 'bob'] } }, 'INVALID_ARGUMENT');
    expect(roles(await chain.do(alice, { leave: { promote: ['bob'] } }))).toEqual(['bob:admin', 'carol:member']);
  });

  it('lets a non-last admin leave without promoting, and refuses promotions by a leaving member', async () => {
    const chain = await team();
    await chain.do(alice, { promote: { userIds: ['bob'] } });
    await chain.refuses(carol, { leave: { promote: ['carol'] } }, 'FORBIDDEN');
    expect(roles(await chain.do(alice, { leave: {} }))).toEqual(['bob:admin', 'carol:member']);
  });

  it('lets the last member leave, after which nobody can change the group', async () => {
    const chain = new Chain();
    await chain.create(alice, [['alice', ADMIN]]);
    expect((await chain.do(alice, { leave: {} })).members).toEqual([]);
    await chain.refuses(alice, { add: { userIds: ['alice'] } }, 'FORBIDDEN');
  });
});

describe('applyGroupRecord: the chain', () => {
  it('refuses a version that does not follow, another group, a wrong prev_hash, and a second create', async () => {
    const chain = await team();
    const rename = { rename: { name: 'x' } };
    await chain.refuses(alice, rename, 'BAD_SIGNATURE', { version: 3 });
    await chain.refuses(alice, rename, 'BAD_SIGNATURE', { version: 1 });
    await chain.refuses(alice, rename, 'BAD_SIGNATURE', { groupId: 'g2' });
    await chain.refuses(alice, rename, 'BAD_SIGNATURE', { prevHash: new Uint8Array(32) });
    await chain.refuses(alice, rename, 'BAD_SIGNATURE', { prevHash: new Uint8Array() });
    await chain.refuses(
      alice,
      { create: { name: 'x', members: [{ userId: 'alice', role: ADMIN }] } },
      'INVALID_ARGUMENT',
    );
  });

  it('needs the previous record, hashes its canonical form, and checks it is the right one', async () => {
    const chain = await team();
    const first = chain.prev as Uint8Array;
    await chain.do(alice, { rename: { name: 'two' } });
    const record = await chain.next(alice, { rename: { name: 'three' } });
    expectCode(() => applyGroupRecord(chain.state, record, {}), 'INVALID_ARGUMENT');
    // The record of version 1 is not the record of version 2.
    expectCode(() => applyGroupRecord(chain.state, record, { prevEncoded: first }), 'INVALID_ARGUMENT');
    // A non-canonical encoding of the right record (an unknown field appended) hashes the same.
    const padded = new Uint8Array([...(chain.prev as Uint8Array), 0xf8, 0x06, 0x01]);
    expect(groupRecordHash(padded)).not.toEqual(groupRecordHash(chain.prev as Uint8Array));
    expect(applyGroupRecord(chain.state, record, { prevEncoded: padded }).name).toBe('three');
  });

  it('never changes the state it is given', async () => {
    const chain = await team();
    const before = structuredClone(chain.state);
    const record = await chain.next(alice, { remove: { userIds: ['bob'] } });
    const after = applyGroupRecord(chain.state, record, { prevEncoded: chain.prev });
    expect(chain.state).toEqual(before);
    expect(after.members).toHaveLength(2);
  });
});
