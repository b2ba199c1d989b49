import { describe, expect, it } from 'vitest';
import type { LastSeenVisibility, PresenceStore } from '../src/contracts/presence-store.js';
import { memoryPresenceStore } from '../src/memory/memory-presence-store.js';
import { canSeePresence, canSeeReadReceipts, sharesPresenceWith } from '../src/presence/presence-policy.js';

const SETTINGS: LastSeenVisibility[] = ['everyone', 'contacts', 'nobody'];

interface Case {
  subject: LastSeenVisibility;
  viewer: LastSeenVisibility;
  /** The viewer is in the subject's contact list. */
  viewerInSubjects: boolean;
  /** The subject is in the viewer's contact list. */
  subjectInViewers: boolean;
}

/** The rule written out independently, as a truth table per side. */
function expected(c: Case): boolean {
  const subjectShares = c.subject === 'everyone' || (c.subject === 'contacts' && c.viewerInSubjects);
  const viewerShares = c.viewer === 'everyone' || (c.viewer === 'contacts' && c.subjectInViewers);
  return subjectShares && viewerShares;
}

async function setUp(c: Case): Promise<PresenceStore> {
  const store = memoryPresenceStore();
  await store.updateSettings('subject', { lastSeen: c.subject });
  await store.updateSettings('viewer', { lastSeen: c.viewer });
  await store.setContacts('subject', c.viewerInSubjects ? ['viewer', 'other'] : ['other']);
  await store.setContacts('viewer', c.subjectInViewers ? ['subject', 'other'] : ['other']);
  return store;
}

const deps = (store: PresenceStore) => ({ settingsOf: store.settings, isContact: store.isContact });

describe('canSeePresence', () => {
  const cases: Case[] = [];
  for (const subject of SETTINGS)
    for (const viewer of SETTINGS)
      for (const viewerInSubjects of [true, false])
        for (const subjectInViewers of [true, false])
          cases.push({ subject, viewer, viewerInSubjects, subjectInViewers });

  it.each(cases)(
    'subject $subject, viewer $viewer, viewer in subject contacts: $viewerInSubjects, subject in viewer contacts: $subjectInViewers',
    async (c) => {
      const store = await setUp(c);
      expect(await canSeePresence('viewer', 'subject', deps(store))).toBe(expected(c));
    },
  );

  // The same matrix spelled out for the cases people reason about, viewer on the default setting.
  it.each([
    ['everyone', true, true],
    ['everyone', false, true],
    ['contacts', true, true],
    ['contacts', false, false],
    ['nobody', true, false],
    ['nobody', false, false],
  ] as const)('subject %s, viewer (everyone) a contact: %s → %s', async (subject, contact, visible) => {
    const store = memoryPresenceStore();
    await store.updateSettings('subject', { lastSeen: subject });
    if (contact) await store.setContacts('subject', ['viewer']);
    expect(await canSeePresence('viewer', 'subject', deps(store))).toBe(visible);
  });

  describe('reciprocity', () => {
    it('a viewer who shares with nobody sees nobody, even subjects who share with everyone', async () => {
      const store = memoryPresenceStore();
      await store.updateSettings('viewer', { lastSeen: 'nobody' });
      await store.setContacts('viewer', ['subject']);
      await store.setContacts('subject', ['viewer']);
      expect(await canSeePresence('viewer', 'subject', deps(store))).toBe(false);
      // …and the subject does not see the viewer either, from the viewer's own setting.
      expect(await canSeePresence('subject', 'viewer', deps(store))).toBe(false);
      // Turning it back on restores both directions.
      await store.updateSettings('viewer', { lastSeen: 'everyone' });
      expect(await canSeePresence('viewer', 'subject', deps(store))).toBe(true);
      expect(await canSeePresence('subject', 'viewer', deps(store))).toBe(true);
    });

    it('a viewer who shares with contacts sees only their own contacts, even when a stranger shares with everyone', async () => {
      const store = memoryPresenceStore();
      await store.updateSettings('viewer', { lastSeen: 'contacts' });
      await store.setContacts('viewer', ['friend']);
      expect(await canSeePresence('viewer', 'friend', deps(store))).toBe(true);
      expect(await canSeePresence('viewer', 'stranger', deps(store))).toBe(false);
      // The stranger, on the default 'everyone', does not see the viewer either.
      expect(await canSeePresence('stranger', 'viewer', deps(store))).toBe(false);
      expect(await canSeePresence('friend', 'viewer', deps(store))).toBe(true);
    });

    it('is symmetric for every case of the matrix', async () => {
      for (const c of cases) {
        const store = await setUp(c);
        const forward = await canSeePresence('viewer', 'subject', deps(store));
        const backward = await canSeePresence('subject', 'viewer', deps(store));
        expect(backward, JSON.stringify(c)).toBe(forward);
      }
    });
  });

  it('always lets a user see themselves, whatever the setting', async () => {
    const store = memoryPresenceStore();
    for (const lastSeen of SETTINGS) {
      await store.updateSettings('alice', { lastSeen });
      expect(await canSeePresence('alice', 'alice', deps(store))).toBe(true);
    }
  });

  it('uses the defaults (everyone) for users who never set anything', async () => {
    expect(await canSeePresence('a', 'b', deps(memoryPresenceStore()))).toBe(true);
  });

  it('reads contacts through the given hook, not only a store', async () => {
    const calls: string[] = [];
    const visible = await canSeePresence('viewer', 'subject', {
      settingsOf: async () => ({ lastSeen: 'contacts', readReceipts: true, groupAdd: 'everyone' }),
      isContact: async (owner, other) => {
        calls.push(`${owner}->${other}`);
        return true;
      },
    });
    expect(visible).toBe(true);
    expect(calls.sort()).toEqual(['subject->viewer', 'viewer->subject']);
  });
});

describe('sharesPresenceWith', () => {
  it('shares by setting and contact', () => {
    const s = (lastSeen: LastSeenVisibility) => ({ lastSeen, readReceipts: true, groupAdd: 'everyone' as const });
    expect(sharesPresenceWith(s('everyone'), false)).toBe(true);
    expect(sharesPresenceWith(s('contacts'), true)).toBe(true);
    expect(sharesPresenceWith(s('contacts'), false)).toBe(false);
    expect(sharesPresenceWith(s('nobody'), true)).toBe(false);
  });
});

describe('canSeeReadReceipts', () => {
  it.each([
    [true, true, true],
    [true, false, false],
    [false, true, false],
    [false, false, false],
  ])('reader on: %s, sender on: %s → %s', async (readerOn, senderOn, flows) => {
    const store = memoryPresenceStore();
    await store.updateSettings('bob', { readReceipts: readerOn });
    await store.updateSettings('alice', { readReceipts: senderOn });
    // bob read alice's message: does alice see it?
    expect(await canSeeReadReceipts('bob', 'alice', { settingsOf: store.settings })).toBe(flows);
    // and the other way round: the rule is symmetric.
    expect(await canSeeReadReceipts('alice', 'bob', { settingsOf: store.settings })).toBe(flows);
  });

  it("lets a user's own devices learn of their reads even with read receipts off", async () => {
    const store = memoryPresenceStore();
    await store.updateSettings('bob', { readReceipts: false });
    expect(await canSeeReadReceipts('bob', 'bob', { settingsOf: store.settings })).toBe(true);
  });

  it('ignores the last seen setting', async () => {
    const store = memoryPresenceStore();
    await store.updateSettings('bob', { lastSeen: 'nobody' });
    expect(await canSeeReadReceipts('bob', 'alice', { settingsOf: store.settings })).toBe(true);
  });
});
