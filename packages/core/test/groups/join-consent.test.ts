import { describe, expect, it } from 'vitest';
import { toHex } from '../../src/bytes.js';
import { generateDeviceKeys } from '../../src/crypto/index.js';
import { joinConsentSigningBytes, signJoinConsent, verifyJoinConsent } from '../../src/groups/index.js';

const consent = {
  groupId: 'g1',
  invitee: { userId: 'bob', deviceId: 2 },
  inviterUserId: 'alice',
  expiresAt: 1764559200000,
};

describe('group join consents', () => {
  it('sign the documented bytes (docs/PROTOCOL.md, group invitations)', () => {
    expect(toHex(joinConsentSigningBytes(consent))).toBe(
      '7061726c65792d67726f75702d6a6f696e2d763100673100626f620000000002616c696365000000019ad7ec9f00',
    );
  });

  it('verify under the signer key only, and only unchanged', async () => {
    const bob = (await generateDeviceKeys()).identityKeyPair;
    const mallory = (await generateDeviceKeys()).identityKeyPair;
    const signed = await signJoinConsent(consent, bob.privateKey);
    expect(await verifyJoinConsent(signed, bob.publicKey)).toBe(true);
    expect(await verifyJoinConsent(signed, mallory.publicKey)).toBe(false);
    for (const changed of [
      { groupId: 'g2' },
      { inviterUserId: 'mallory' },
      { expiresAt: consent.expiresAt + 1 },
      { invitee: { userId: 'bob', deviceId: 3 } },
      { invitee: { userId: 'bobby', deviceId: 2 } },
    ]) {
      expect(await verifyJoinConsent({ ...signed, ...changed }, bob.publicKey)).toBe(false);
    }
  });

  it('refuses to sign a consent missing a field, and never verifies one', async () => {
    const bob = (await generateDeviceKeys()).identityKeyPair;
    await expect(signJoinConsent({ ...consent, groupId: '' }, bob.privateKey)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    const signed = await signJoinConsent(consent, bob.privateKey);
    expect(await verifyJoinConsent({ ...signed, expiresAt: 0 }, bob.publicKey)).toBe(false);
  });
});
