import { generateDeviceKeys } from '@parley/core/crypto';
import { type DeviceListState, encodeDeviceRecord, signDeviceRecord, verifyDeviceChain } from '@parley/core/devices';
import { describe, expect, it } from 'vitest';
import { checkDeviceChain } from '../src/e2ee/device-chain-check.js';

const keys = () => generateDeviceKeys().then((k) => k.identityKeyPair);
type Keys = Awaited<ReturnType<typeof keys>>;

/** A chain: genesis by `first`, then one add per further key, each signed by `first`. */
async function chain(first: Keys, adds: Keys[]): Promise<Uint8Array[]> {
  const records = [
    await signDeviceRecord(
      { userId: 'bob', version: 1, signerDeviceId: 1, at: 1, add: { deviceId: 1, identityKey: first.publicKey } },
      first.privateKey,
    ),
  ];
  let state = (await verifyDeviceChain(records.map(encodeDeviceRecord))) as DeviceListState;
  for (const [i, k] of adds.entries()) {
    const record = await signDeviceRecord(
      {
        userId: 'bob',
        version: state.version + 1,
        prevHash: state.head,
        signerDeviceId: 1,
        at: 2 + i,
        add: { deviceId: 10 + i, identityKey: k.publicKey },
      },
      first.privateKey,
    );
    records.push(record);
    state = (await verifyDeviceChain(records.map(encodeDeviceRecord))) as DeviceListState;
  }
  return records.map(encodeDeviceRecord);
}

describe('checkDeviceChain (what a client accepts from the server)', () => {
  it('pins the first chain, accepts extensions, and refuses rollbacks, forks, garbage and a vanished list', async () => {
    const [b1, b2, b3, other] = [await keys(), await keys(), await keys(), await keys()];
    const short = await chain(b1, [b2]);
    const first = await checkDeviceChain(undefined, short);
    expect(first.kind).toBe('ok');
    const pinned = (first as { state: DeviceListState }).state;

    const longer = await chain(b1, [b2, b3]);
    const extended = await checkDeviceChain(pinned, longer);
    expect(extended).toMatchObject({ kind: 'ok' });
    const newest = (extended as { state: DeviceListState }).state;
    expect(newest.devices.map((d) => d.deviceId)).toEqual([1, 10, 11]);

    // The server serves the older list again (hiding device 11): refused.
    expect(await checkDeviceChain(newest, short)).toMatchObject({ kind: 'refused' });
    // A fork: same account key, a different version-2 record (another device 10 key).
    expect(await checkDeviceChain(pinned, await chain(b1, [other]))).toMatchObject({ kind: 'refused' });
    // A record that does not verify.
    const last = new Uint8Array(longer[2] as Uint8Array);
    last[last.length - 1] = (last[last.length - 1] ?? 0) ^ 1; // a bit of the signature
    const tampered = [longer[0] as Uint8Array, longer[1] as Uint8Array, last];
    expect(await checkDeviceChain(newest, tampered)).toMatchObject({ kind: 'refused' });
    // No list at all, once one was seen.
    expect(await checkDeviceChain(newest, [])).toMatchObject({ kind: 'refused' });
    // Another account key: accepted, but reported as such.
    expect(await checkDeviceChain(newest, await chain(other, []))).toMatchObject({ kind: 'account-changed' });
  });
});
