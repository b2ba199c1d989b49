import { describe, expect, it } from 'vitest';
import { fromHex } from '../../src/bytes.js';
import { generateDeviceKeys, safetyNumber } from '../../src/crypto/index.js';

// Test vector of the official libsignal (rust/protocol/src/fingerprint.rs, fingerprint_test_v1;
// testVectorsVersion1 in libsignal-protocol-java): the display string is the same for scannable
// versions 1 and 2, both built on the version-0 numeric fingerprint.
const ALICE_IDENTITY = fromHex('0506863bc66d02b40d27b8d49ca7c09e9239236f9d7d25d6fcca5ce13c7064d868');
const BOB_IDENTITY = fromHex('05f781b6fb32fed9ba1cf2de978d4d5da28dc34046ae814402b5c0dbd96fda907b');
const ALICE_ID = '+14152222222';
const BOB_ID = '+14153333333';
const DISPLAYABLE = '300354477692869396892869876765458257569162576843440918079131';

describe('safety numbers', () => {
  it('matches the official libsignal test vector, from both sides', async () => {
    expect(await safetyNumber(ALICE_ID, ALICE_IDENTITY, BOB_ID, BOB_IDENTITY)).toBe(DISPLAYABLE);
    expect(await safetyNumber(BOB_ID, BOB_IDENTITY, ALICE_ID, ALICE_IDENTITY)).toBe(DISPLAYABLE);
  });

  it('is 60 digits, equal on both sides, and changes when either key or user id changes', async () => {
    const [a, b, c] = await Promise.all([generateDeviceKeys(), generateDeviceKeys(), generateDeviceKeys()]);
    const aKey = a.identityKeyPair.publicKey;
    const bKey = b.identityKeyPair.publicKey;
    const ours = await safetyNumber('alice', aKey, 'bob', bKey);
    expect(ours).toMatch(/^\d{60}$/);
    expect(await safetyNumber('bob', bKey, 'alice', aKey)).toBe(ours);
    const cKey = c.identityKeyPair.publicKey;
    expect(await safetyNumber('alice', aKey, 'bob', cKey)).not.toBe(ours); // bob's key changed
    expect(await safetyNumber('alice', cKey, 'bob', bKey)).not.toBe(ours); // alice's key changed
    expect(await safetyNumber('alicia', aKey, 'bob', bKey)).not.toBe(ours);
    // Half of it belongs to each side: bob's half stays when only alice's key changes.
    const changed = await safetyNumber('alice', cKey, 'bob', bKey);
    const halves = (s: string) => [s.slice(0, 30), s.slice(30)];
    expect(halves(changed).filter((h) => halves(ours).includes(h))).toHaveLength(1);
  });

  it('hashes user ids as UTF-8', async () => {
    const n = await safetyNumber('zoë', ALICE_IDENTITY, '李', BOB_IDENTITY);
    expect(n).toMatch(/^\d{60}$/);
    expect(await safetyNumber('李', BOB_IDENTITY, 'zoë', ALICE_IDENTITY)).toBe(n);
  });

  it('rejects keys that are not 33-byte serialized public keys', async () => {
    await expect(safetyNumber('a', ALICE_IDENTITY.subarray(1), 'b', BOB_IDENTITY)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});
