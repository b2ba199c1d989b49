import { isParleyError } from '@parley/core';
import { describe, expect, it } from 'vitest';
import type { ClaimedBundle, KeyDirectory, KeyUpload, PreKey, SignedPreKey } from '../contracts/key-directory.js';
import type { DeviceAddress } from '../contracts/types.js';
import { type ComplianceOptions, useFixture } from './fixture.js';

const alice1: DeviceAddress = { userId: 'alice', deviceId: 1 };
const alice2: DeviceAddress = { userId: 'alice', deviceId: 2 };
const alice3: DeviceAddress = { userId: 'alice', deviceId: 3 };
const bob1: DeviceAddress = { userId: 'bob', deviceId: 1 };

/** A 33-byte Signal-style public key whose bytes tell the key apart (tag, then the id). */
function publicKey(tag: number, keyId: number): Uint8Array {
  const key = new Uint8Array(33);
  key[0] = 0x05;
  key[1] = tag;
  new DataView(key.buffer).setUint32(2, keyId);
  return key;
}

const identityKey = (tag: number): Uint8Array => publicKey(0xf0 + tag, 0);
const preKey = (keyId: number, tag = 1): PreKey => ({ keyId, publicKey: publicKey(tag, keyId) });
const signedPreKey = (keyId: number, tag = 2): SignedPreKey => ({
  ...preKey(keyId, tag),
  signature: new Uint8Array(64).fill(keyId & 0xff),
});
const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, i) => from + i);

/** A complete upload: identity, signed prekey 1, last-resort prekey 999 and the given one-time key ids. */
function upload(oneTimeIds: number[], extra: Partial<KeyUpload> = {}): KeyUpload {
  return {
    registrationId: 1234,
    identityKey: identityKey(1),
    signedPreKey: signedPreKey(1),
    oneTimePreKeys: oneTimeIds.map((id) => preKey(id)),
    lastResortPreKey: preKey(999, 3),
    ...extra,
  };
}

async function claimOne(keys: KeyDirectory, device: DeviceAddress): Promise<ClaimedBundle | undefined> {
  const bundles = await keys.claimBundles(device.userId, [device.deviceId]);
  expect(bundles.length).toBeLessThanOrEqual(1);
  return bundles[0];
}

async function expectInvalid(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isParleyError(error, 'INVALID_ARGUMENT'), `expected INVALID_ARGUMENT, got ${String(error)}`).toBe(true);
}

/** Runs the {@link KeyDirectory} guarantees against an implementation. */
export function keyDirectoryCompliance(options: ComplianceOptions<KeyDirectory>): void {
  describe(`KeyDirectory compliance: ${options.name}`, () => {
    const fx = useFixture(options, {});

    describe('upload and claim', () => {
      it('returns the stored bundle with a one-time prekey, which the claim removes', async () => {
        const keys = fx.subject;
        expect(await keys.upload(alice1, upload([10, 11, 12]))).toBe(3);
        expect(await keys.count(alice1)).toBe(3);
        const bundle = await claimOne(keys, alice1);
        expect(bundle).toEqual({
          deviceId: 1,
          registrationId: 1234,
          identityKey: identityKey(1),
          signedPreKey: signedPreKey(1),
          prekey: expect.objectContaining({ keyId: expect.any(Number) }),
          lastResort: false,
          oneTimeRemaining: 2,
        });
        const claimed = bundle!.prekey!;
        expect([10, 11, 12]).toContain(claimed.keyId);
        expect(claimed.publicKey).toEqual(publicKey(1, claimed.keyId));
        expect(await keys.count(alice1)).toBe(2);
      });

      it('hands out every one-time prekey once, then the last-resort prekey, which it keeps', async () => {
        const keys = fx.subject;
        await keys.upload(alice1, upload(range(1, 5)));
        const seen: number[] = [];
        for (let left = 4; left >= 0; left--) {
          const bundle = await claimOne(keys, alice1);
          expect(bundle?.lastResort).toBe(false);
          expect(bundle?.oneTimeRemaining).toBe(left);
          seen.push(bundle!.prekey!.keyId);
        }
        expect(seen.sort((a, b) => a - b)).toEqual(range(1, 5));
        for (let i = 0; i < 3; i++) {
          const bundle = await claimOne(keys, alice1);
          expect(bundle?.prekey).toEqual(preKey(999, 3));
          expect(bundle?.lastResort).toBe(true);
          expect(bundle?.oneTimeRemaining).toBe(0);
        }
        expect(await keys.count(alice1)).toBe(0);
      });

      it('gives 50 concurrent claims over 20 keys 20 distinct keys, then the last-resort key', async () => {
        const keys = fx.subject;
        await keys.upload(alice1, upload(range(100, 20)));
        const bundles = await Promise.all(range(0, 50).map(() => claimOne(keys, alice1)));
        const oneTime = bundles.filter((b) => !b!.lastResort).map((b) => b!.prekey!.keyId);
        expect(oneTime).toHaveLength(20);
        expect(new Set(oneTime).size).toBe(20);
        expect(oneTime.sort((a, b) => a - b)).toEqual(range(100, 20));
        const lastResort = bundles.filter((b) => b!.lastResort);
        expect(lastResort).toHaveLength(30);
        for (const b of lastResort) expect(b!.prekey).toEqual(preKey(999, 3));
        expect(await keys.count(alice1)).toBe(0);
      });

      it('never hands one key to two concurrent claims of all devices', async () => {
        const keys = fx.subject;
        await keys.upload(alice1, upload(range(1, 10)));
        await keys.upload(alice2, upload(range(1, 10)));
        const rounds = await Promise.all(range(0, 12).map(() => keys.claimBundles('alice', 'all')));
        for (const device of [1, 2]) {
          const got = rounds.map((r) => r.find((b) => b.deviceId === device)!);
          const oneTime = got.filter((b) => !b.lastResort).map((b) => b.prekey!.keyId);
          expect(oneTime.sort((a, b) => a - b)).toEqual(range(1, 10));
          expect(got.filter((b) => b.lastResort)).toHaveLength(2);
        }
      });

      it('leaves the prekey out when the device has neither one-time nor last-resort keys', async () => {
        const keys = fx.subject;
        const { lastResortPreKey: _, ...withoutLastResort } = upload([7]);
        await keys.upload(alice1, withoutLastResort);
        expect((await claimOne(keys, alice1))?.prekey).toEqual(preKey(7));
        const bundle = await claimOne(keys, alice1);
        expect(bundle).toBeDefined();
        expect(bundle!.prekey).toBeUndefined();
        expect(bundle!.lastResort).toBe(false);
        expect(bundle!.signedPreKey).toEqual(signedPreKey(1));
      });
    });

    describe('upload rules', () => {
      it('accepts 100 one-time prekeys and refuses 101 with INVALID_ARGUMENT, storing nothing', async () => {
        const keys = fx.subject;
        await expectInvalid(keys.upload(alice1, upload(range(1, 101))));
        expect(await keys.count(alice1)).toBe(0);
        expect(await keys.identity(alice1)).toBeUndefined();
        expect(await keys.claimBundles('alice', 'all')).toEqual([]);
        expect(await keys.upload(alice1, upload(range(1, 100)))).toBe(100);
        await expectInvalid(keys.upload(alice1, upload(range(101, 101), { registrationId: 77 })));
        expect(await keys.count(alice1)).toBe(100);
        expect((await keys.identity(alice1))?.registrationId).toBe(1234);
      });

      it('adds up over uploads and ignores key ids already stored, also within one call', async () => {
        const keys = fx.subject;
        expect(await keys.upload(alice1, upload([1, 2, 3]))).toBe(3);
        const again: KeyUpload = upload([], { oneTimePreKeys: [2, 3, 4, 4, 5].map((id) => preKey(id, 9)) });
        expect(await keys.upload(alice1, again)).toBe(5);
        expect(await keys.count(alice1)).toBe(5);
        const claimed: PreKey[] = [];
        for (let i = 0; i < 5; i++) claimed.push((await claimOne(keys, alice1))!.prekey!);
        claimed.sort((a, b) => a.keyId - b.keyId);
        // The stored key wins over a re-upload of its id; a repeat within one call is stored once.
        expect(claimed).toEqual([preKey(1), preKey(2), preKey(3), preKey(4, 9), preKey(5, 9)]);
        expect((await claimOne(keys, alice1))?.lastResort).toBe(true);
      });

      it('replaces the signed prekey when given and keeps it when not', async () => {
        const keys = fx.subject;
        await keys.upload(alice1, upload(range(1, 5)));
        expect(await keys.upload(alice1, upload([], { signedPreKey: signedPreKey(2, 5) }))).toBe(5);
        expect((await claimOne(keys, alice1))?.signedPreKey).toEqual(signedPreKey(2, 5));
        const { signedPreKey: _, ...withoutSigned } = upload([6]);
        await keys.upload(alice1, withoutSigned);
        expect((await claimOne(keys, alice1))?.signedPreKey).toEqual(signedPreKey(2, 5));
        expect(await keys.count(alice1)).toBe(4);
      });

      it('replaces the last-resort prekey when given and keeps it when not', async () => {
        const keys = fx.subject;
        await keys.upload(alice1, upload([]));
        expect((await claimOne(keys, alice1))?.prekey).toEqual(preKey(999, 3));
        await keys.upload(alice1, upload([], { lastResortPreKey: preKey(1000, 4) }));
        expect((await claimOne(keys, alice1))?.prekey).toEqual(preKey(1000, 4));
        const { lastResortPreKey: _, ...withoutLastResort } = upload([]);
        await keys.upload(alice1, withoutLastResort);
        expect((await claimOne(keys, alice1))?.prekey).toEqual(preKey(1000, 4));
      });

      it('records the identity key and the latest registration id', async () => {
        const keys = fx.subject;
        expect(await keys.identity(alice1)).toBeUndefined();
        await keys.upload(alice1, upload([1]));
        expect(await keys.identity(alice1)).toEqual({ identityKey: identityKey(1), registrationId: 1234 });
        await keys.upload(alice1, upload([], { registrationId: 4321 }));
        expect(await keys.identity(alice1)).toEqual({ identityKey: identityKey(1), registrationId: 4321 });
        expect((await claimOne(keys, alice1))?.registrationId).toBe(4321);
        expect(await keys.identity(alice2)).toBeUndefined();
      });

      it('drops every stored prekey when the identity key changes', async () => {
        const keys = fx.subject;
        await keys.upload(alice1, upload(range(1, 10)));
        const { signedPreKey: _s, lastResortPreKey: _l, ...bare } = upload([], { identityKey: identityKey(2) });
        expect(await keys.upload(alice1, bare)).toBe(0);
        expect(await keys.identity(alice1)).toEqual({ identityKey: identityKey(2), registrationId: 1234 });
        // No signed prekey of the new installation yet: nothing to fetch.
        expect(await claimOne(keys, alice1)).toBeUndefined();
        await keys.upload(alice1, upload([50], { identityKey: identityKey(2), signedPreKey: signedPreKey(3) }));
        const bundle = await claimOne(keys, alice1);
        expect(bundle?.identityKey).toEqual(identityKey(2));
        expect(bundle?.signedPreKey).toEqual(signedPreKey(3));
        expect(bundle?.prekey).toEqual(preKey(50));
        expect(await keys.count(alice1)).toBe(0);
      });
    });

    describe('claimBundles', () => {
      it('returns the asked or all devices ordered by id, leaving out those without a signed prekey', async () => {
        const keys = fx.subject;
        await keys.upload(alice3, upload([1]));
        await keys.upload(alice1, upload([1]));
        const { signedPreKey: _, ...withoutSigned } = upload([1]);
        await keys.upload(alice2, withoutSigned);
        await keys.upload(bob1, upload([1]));
        expect((await keys.claimBundles('alice', 'all')).map((b) => b.deviceId)).toEqual([1, 3]);
        expect((await keys.claimBundles('alice', [3, 9, 2, 1, 3])).map((b) => b.deviceId)).toEqual([1, 3]);
        expect(await keys.claimBundles('alice', [])).toEqual([]);
        expect(await keys.claimBundles('carol', 'all')).toEqual([]);
        expect(await keys.claimBundles('carol', [1])).toEqual([]);
        // A device left out had nothing claimed; a repeated id claimed once.
        expect(await keys.count(alice2)).toBe(1);
        expect(await keys.count(bob1)).toBe(1);
      });

      it('keeps devices and users apart, even with the same key ids', async () => {
        const keys = fx.subject;
        await keys.upload(alice1, upload([1, 2]));
        await keys.upload(alice2, upload([1, 2, 3], { registrationId: 2 }));
        await keys.upload(bob1, upload([1], { registrationId: 3, identityKey: identityKey(3) }));
        await claimOne(keys, alice1);
        await claimOne(keys, alice1);
        expect(await keys.count(alice1)).toBe(0);
        expect(await keys.count(alice2)).toBe(3);
        expect(await keys.count(bob1)).toBe(1);
        const bob = await claimOne(keys, bob1);
        expect(bob).toMatchObject({ deviceId: 1, registrationId: 3, identityKey: identityKey(3), prekey: preKey(1) });
        expect(await keys.count({ userId: 'carol', deviceId: 1 })).toBe(0);
      });
    });

    describe('remove', () => {
      it('drops everything of one device only', async () => {
        const keys = fx.subject;
        await keys.upload(alice1, upload(range(1, 5)));
        await keys.upload(alice2, upload(range(1, 5)));
        await keys.remove(alice1);
        expect(await keys.count(alice1)).toBe(0);
        expect(await keys.identity(alice1)).toBeUndefined();
        expect((await keys.claimBundles('alice', 'all')).map((b) => b.deviceId)).toEqual([2]);
        expect(await keys.count(alice2)).toBe(4);
        await keys.remove(bob1);
        // A fresh upload after removal starts from nothing.
        const { signedPreKey: _, ...withoutSigned } = upload([9]);
        expect(await keys.upload(alice1, withoutSigned)).toBe(1);
        expect(await claimOne(keys, alice1)).toBeUndefined();
      });
    });

    it('copies bytes in and out', async () => {
      const keys = fx.subject;
      const keysIn = upload([1, 2]);
      await keys.upload(alice1, keysIn);
      keysIn.identityKey.fill(0);
      keysIn.signedPreKey!.publicKey.fill(0);
      keysIn.signedPreKey!.signature.fill(0);
      keysIn.lastResortPreKey!.publicKey.fill(0);
      for (const k of keysIn.oneTimePreKeys) k.publicKey.fill(0);
      const first = (await claimOne(keys, alice1))!;
      expect(first.identityKey).toEqual(identityKey(1));
      expect(first.signedPreKey).toEqual(signedPreKey(1));
      expect(first.prekey!.publicKey).toEqual(publicKey(1, first.prekey!.keyId));
      first.identityKey.fill(0);
      first.signedPreKey.publicKey.fill(0);
      first.signedPreKey.signature.fill(0);
      const identity = (await keys.identity(alice1))!;
      identity.identityKey.fill(0);
      const second = (await claimOne(keys, alice1))!;
      expect(second.identityKey).toEqual(identityKey(1));
      expect(second.signedPreKey).toEqual(signedPreKey(1));
      expect(second.prekey!.publicKey).toEqual(publicKey(1, second.prekey!.keyId));
      const last = (await claimOne(keys, alice1))!;
      expect(last.prekey).toEqual(preKey(999, 3));
      last.prekey!.publicKey.fill(0);
      expect((await claimOne(keys, alice1))!.prekey).toEqual(preKey(999, 3));
    });
  });
}
