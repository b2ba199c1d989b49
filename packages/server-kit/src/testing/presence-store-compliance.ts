import { isParleyError } from '@parley/core';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PRIVACY,
  MAX_CONTACTS,
  type PresenceStore,
  type PrivacySettings,
} from '../contracts/presence-store.js';
import { type ComplianceOptions, useFixture } from './fixture.js';

async function expectInvalid(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isParleyError(error, 'INVALID_ARGUMENT'), `expected INVALID_ARGUMENT, got ${String(error)}`).toBe(true);
}

/** Runs the {@link PresenceStore} guarantees against an implementation. */
export function presenceStoreCompliance(options: ComplianceOptions<PresenceStore>): void {
  describe(`PresenceStore compliance: ${options.name}`, () => {
    const fx = useFixture(options, {});

    describe('last seen', () => {
      it('is undefined for a user never seen, then the stored time', async () => {
        const s = fx.subject;
        expect(await s.lastSeen('alice')).toBeUndefined();
        await s.setLastSeen('alice', fx.time.now);
        expect(await s.lastSeen('alice')).toBe(fx.time.now);
        expect(await s.lastSeen('bob')).toBeUndefined();
      });

      it('moves forward only: an older write changes nothing', async () => {
        const s = fx.subject;
        const t = fx.time.now;
        await s.setLastSeen('alice', t);
        await s.setLastSeen('alice', t + 5000);
        expect(await s.lastSeen('alice')).toBe(t + 5000);
        await s.setLastSeen('alice', t + 1000);
        expect(await s.lastSeen('alice')).toBe(t + 5000);
        await Promise.all([s.setLastSeen('alice', t + 9000), s.setLastSeen('alice', t + 7000)]);
        expect(await s.lastSeen('alice')).toBe(t + 9000);
      });

      it('refuses a time that is not finite and non-negative', async () => {
        const s = fx.subject;
        for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, -1]) await expectInvalid(s.setLastSeen('alice', bad));
        expect(await s.lastSeen('alice')).toBeUndefined();
      });

      it('keeps last seen and settings of a user apart', async () => {
        const s = fx.subject;
        await s.updateSettings('alice', { lastSeen: 'nobody' });
        await s.setLastSeen('alice', 1234);
        expect(await s.settings('alice')).toEqual({ lastSeen: 'nobody', readReceipts: true, groupAdd: 'everyone' });
        await s.updateSettings('alice', { readReceipts: false });
        expect(await s.lastSeen('alice')).toBe(1234);
      });
    });

    describe('settings', () => {
      it('default to everyone and read receipts on', async () => {
        expect(await fx.subject.settings('alice')).toEqual(DEFAULT_PRIVACY);
        expect(DEFAULT_PRIVACY).toEqual({ lastSeen: 'everyone', readReceipts: true, groupAdd: 'everyone' });
      });

      it('merge a patch over the stored settings and resolve with the result', async () => {
        const s = fx.subject;
        expect(await s.updateSettings('alice', { lastSeen: 'contacts' })).toEqual({
          lastSeen: 'contacts',
          readReceipts: true,
          groupAdd: 'everyone',
        });
        expect(await s.updateSettings('alice', { readReceipts: false })).toEqual({
          lastSeen: 'contacts',
          readReceipts: false,
          groupAdd: 'everyone',
        });
        expect(await s.updateSettings('alice', {})).toEqual({
          lastSeen: 'contacts',
          readReceipts: false,
          groupAdd: 'everyone',
        });
        expect(await s.settings('alice')).toEqual({ lastSeen: 'contacts', readReceipts: false, groupAdd: 'everyone' });
        for (const lastSeen of ['everyone', 'nobody', 'contacts'] as const) {
          await s.updateSettings('alice', { lastSeen });
          expect((await s.settings('alice')).lastSeen).toBe(lastSeen);
        }
        expect(await s.settings('bob')).toEqual(DEFAULT_PRIVACY);
      });

      it('keep who may add the user to groups beside the other settings', async () => {
        const s = fx.subject;
        await s.updateSettings('alice', { lastSeen: 'nobody' });
        for (const groupAdd of ['contacts', 'nobody', 'everyone', 'contacts'] as const) {
          expect((await s.updateSettings('alice', { groupAdd })).groupAdd).toBe(groupAdd);
          expect(await s.settings('alice')).toEqual({ lastSeen: 'nobody', readReceipts: true, groupAdd });
        }
        await s.updateSettings('alice', { readReceipts: false });
        expect((await s.settings('alice')).groupAdd).toBe('contacts');
        expect((await s.settings('bob')).groupAdd).toBe('everyone');
      });

      it('lands concurrent patches of different fields', async () => {
        const s = fx.subject;
        await Promise.all([
          s.updateSettings('alice', { lastSeen: 'nobody' }),
          s.updateSettings('alice', { readReceipts: false }),
          s.updateSettings('alice', { groupAdd: 'nobody' }),
        ]);
        expect(await s.settings('alice')).toEqual({ lastSeen: 'nobody', readReceipts: false, groupAdd: 'nobody' });
      });

      it('refuses values outside their type, storing nothing', async () => {
        const s = fx.subject;
        await s.updateSettings('alice', { lastSeen: 'contacts' });
        const bad = [
          { lastSeen: 'friends' },
          { readReceipts: 'no' },
          { lastSeen: 'nobody', readReceipts: 0 },
          { groupAdd: 'friends' },
          { groupAdd: 'nobody', lastSeen: 'sometimes' },
        ] as unknown as Partial<PrivacySettings>[];
        for (const patch of bad) await expectInvalid(s.updateSettings('alice', patch));
        expect(await s.settings('alice')).toEqual({ lastSeen: 'contacts', readReceipts: true, groupAdd: 'everyone' });
      });

      it('returns copies', async () => {
        const s = fx.subject;
        const got = await s.settings('alice');
        got.lastSeen = 'nobody';
        const updated = await s.updateSettings('alice', { readReceipts: false });
        updated.readReceipts = true;
        expect(await s.settings('alice')).toEqual({ lastSeen: 'everyone', readReceipts: false, groupAdd: 'everyone' });
      });
    });

    describe('contacts', () => {
      it('are empty by default, replaced whole by setContacts, sorted and deduplicated', async () => {
        const s = fx.subject;
        expect(await s.contacts('alice')).toEqual([]);
        expect(await s.isContact('alice', 'bob')).toBe(false);
        await s.setContacts('alice', ['carol', 'bob', 'carol']);
        expect(await s.contacts('alice')).toEqual(['bob', 'carol']);
        expect(await s.isContact('alice', 'bob')).toBe(true);
        await s.setContacts('alice', ['dave']);
        expect(await s.contacts('alice')).toEqual(['dave']);
        expect(await s.isContact('alice', 'bob')).toBe(false);
        await s.setContacts('alice', []);
        expect(await s.contacts('alice')).toEqual([]);
        expect(await s.isContact('alice', 'dave')).toBe(false);
      });

      it('are one-directional and per owner', async () => {
        const s = fx.subject;
        await s.setContacts('alice', ['bob']);
        expect(await s.isContact('alice', 'bob')).toBe(true);
        expect(await s.isContact('bob', 'alice')).toBe(false);
        await s.setContacts('bob', ['carol']);
        expect(await s.contacts('alice')).toEqual(['bob']);
        expect(await s.contacts('bob')).toEqual(['carol']);
      });

      it('accept MAX_CONTACTS and refuse more or bad ids, storing nothing', async () => {
        const s = fx.subject;
        await s.setContacts('alice', ['bob']);
        const many = Array.from({ length: MAX_CONTACTS + 1 }, (_, i) => `user-${i}`);
        await expectInvalid(s.setContacts('alice', many));
        await expectInvalid(s.setContacts('alice', ['carol', '']));
        await expectInvalid(s.setContacts('alice', ['carol', 7 as unknown as string]));
        expect(await s.contacts('alice')).toEqual(['bob']);
        await s.setContacts('alice', many.slice(0, MAX_CONTACTS));
        expect(await s.contacts('alice')).toHaveLength(MAX_CONTACTS);
        expect(await s.isContact('alice', `user-${MAX_CONTACTS - 1}`)).toBe(true);
        expect(await s.isContact('alice', 'bob')).toBe(false);
      });

      it('return copies and are not aliased to the caller array', async () => {
        const s = fx.subject;
        const list = ['bob'];
        await s.setContacts('alice', list);
        list.push('carol');
        const got = await s.contacts('alice');
        got.push('dave');
        expect(await s.contacts('alice')).toEqual(['bob']);
      });

      it('keep the last of concurrent replacements whole, never a mix', async () => {
        const s = fx.subject;
        await Promise.all([s.setContacts('alice', ['a', 'b']), s.setContacts('alice', ['c', 'd'])]);
        expect(await s.contacts('alice')).toEqual(['c', 'd']);
      });
    });
  });
}
