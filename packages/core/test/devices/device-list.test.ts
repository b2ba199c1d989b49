import { generateDeviceKeys } from '@parley/core/crypto';
import {
  applyDeviceRecord,
  type DeviceListState,
  deviceRecordHash,
  encodeDeviceRecord,
  signDeviceRecord,
  verifyDeviceChain,
} from '@parley/core/devices';
import { describe, expect, it } from 'vitest';

const keys = () => generateDeviceKeys().then((k) => k.identityKeyPair);

async function genesis(userId: string, deviceId: number, key: { publicKey: Uint8Array; privateKey: Uint8Array }) {
  return signDeviceRecord(
    { userId, version: 1, signerDeviceId: deviceId, at: 1, add: { deviceId, identityKey: key.publicKey } },
    key.privateKey,
  );
}

describe('signed device lists', () => {
  it('verifies a chain of adds and removes signed by listed devices', async () => {
    const [a, b] = [await keys(), await keys()];
    const g = await genesis('alice', 1, a);
    const s1 = (await applyDeviceRecord(undefined, g)) as DeviceListState;
    expect(s1.accountKey).toEqual(a.publicKey);
    const add = await signDeviceRecord(
      {
        userId: 'alice',
        version: 2,
        prevHash: s1.head,
        signerDeviceId: 1,
        at: 2,
        add: { deviceId: 7, identityKey: b.publicKey },
      },
      a.privateKey,
    );
    const remove = await signDeviceRecord(
      {
        userId: 'alice',
        version: 3,
        prevHash: deviceRecordHash(add),
        signerDeviceId: 7,
        at: 3,
        remove: { deviceId: 1 },
      },
      b.privateKey,
    );
    const state = await verifyDeviceChain([g, add, remove].map(encodeDeviceRecord));
    expect(state?.devices.map((d) => d.deviceId)).toEqual([7]);
    expect(state?.removed).toEqual([1]);
    // The account key stays the genesis key: adding and removing devices does not change it.
    expect(state?.accountKey).toEqual(a.publicKey);
  });

  it('refuses a record signed by a device that is not listed, a wrong key, a broken chain or a reused id', async () => {
    const [a, mallory] = [await keys(), await keys()];
    const g = await genesis('alice', 1, a);
    const s1 = (await applyDeviceRecord(undefined, g)) as DeviceListState;
    const next = {
      userId: 'alice',
      version: 2,
      prevHash: s1.head,
      at: 2,
      add: { deviceId: 9, identityKey: mallory.publicKey },
    };
    // An unknown device (the server's invention) signs for itself.
    await expect(
      applyDeviceRecord(s1, await signDeviceRecord({ ...next, signerDeviceId: 9 }, mallory.privateKey)),
    ).rejects.toThrow(/not in the device list/);
    // A listed device id, but the server's key.
    await expect(
      applyDeviceRecord(s1, await signDeviceRecord({ ...next, signerDeviceId: 1 }, mallory.privateKey)),
    ).rejects.toMatchObject({ code: 'BAD_SIGNATURE' });
    // A broken chain.
    await expect(
      applyDeviceRecord(
        s1,
        await signDeviceRecord({ ...next, prevHash: new Uint8Array(32), signerDeviceId: 1 }, a.privateKey),
      ),
    ).rejects.toThrow(/prev_hash/);
    // Re-adding a listed id.
    await expect(
      applyDeviceRecord(
        s1,
        await signDeviceRecord(
          { ...next, add: { deviceId: 1, identityKey: mallory.publicKey }, signerDeviceId: 1 },
          a.privateKey,
        ),
      ),
    ).rejects.toThrow(/listed before/);
    // A genesis that is not self-signed by the device it adds.
    await expect(
      applyDeviceRecord(
        undefined,
        await signDeviceRecord(
          { userId: 'alice', version: 1, signerDeviceId: 2, at: 1, add: { deviceId: 1, identityKey: a.publicKey } },
          a.privateKey,
        ),
      ),
    ).rejects.toThrow(/genesis/);
    // A tampered field after signing.
    await expect(applyDeviceRecord(undefined, { ...g, at: 99 })).rejects.toMatchObject({ code: 'BAD_SIGNATURE' });
  });
});

describe('device-list record signing bytes (worked example in PROTOCOL 10.7)', () => {
  it('lays the signed fields out as specified', async () => {
    const { deviceRecordSigningBytes } = await import('@parley/core/devices');
    const { toHex } = await import('@parley/core');
    const identityKey = new Uint8Array(33).fill(0x11);
    identityKey[0] = 0x05;
    const bytes = deviceRecordSigningBytes({
      userId: 'al',
      version: 2,
      prevHash: new Uint8Array([0xaa, 0xbb]),
      signerDeviceId: 1,
      at: 258,
      add: { deviceId: 7, identityKey },
    });
    expect(toHex(bytes)).toBe(
      `${toHex(new TextEncoder().encode('parley-devices-v1'))}00616c00` +
        '00000002' +
        '02aabb' +
        '00000001' +
        '0000000000000102' +
        '01' +
        '00000007' +
        `05${'11'.repeat(32)}`,
    );
  });
});
