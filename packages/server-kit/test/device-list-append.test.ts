import { pb, type ServerFrame } from '@parley/core';
import { generateDeviceKeys } from '@parley/core/crypto';
import { type DeviceListState, encodeDeviceRecord, signDeviceRecord, verifyDeviceChain } from '@parley/core/devices';
import { RawPeer } from '@parley/test-utils/raw-peer';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, memoryStores, type ParleyServer, type ServerStores } from '../src/index.js';

const E = pb.ErrorCode;
const open: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

const keys = () => generateDeviceKeys().then((k) => k.identityKeyPair);
const code = (f: ServerFrame) => f.error?.code;

async function serve(): Promise<ParleyServer & { stores: ServerStores }> {
  const stores = memoryStores();
  const server = await createServer({ stores, port: 0 });
  open.push(stores, server);
  return Object.assign(server, { stores });
}

describe('DeviceListAppend', () => {
  it('stores the genesis and records signed by listed devices; refuses forgeries, other users and stale versions', async () => {
    const server = await serve();
    const alice = await RawPeer.authenticated(server.url, 'alice', 1);
    const bob = await RawPeer.authenticated(server.url, 'bob', 1);
    open.push(alice, bob);
    const [a1, a2, mallory] = [await keys(), await keys(), await keys()];
    const append = (peer: RawPeer, record: Parameters<typeof encodeDeviceRecord>[0]) =>
      peer.request({ deviceListAppend: { record: encodeDeviceRecord(record) } });

    const genesis = await signDeviceRecord(
      { userId: 'alice', version: 1, signerDeviceId: 1, at: 1, add: { deviceId: 1, identityKey: a1.publicKey } },
      a1.privateKey,
    );
    // bob cannot write alice's list, nor can alice store a record signed "by" another device.
    expect(code(await append(bob, genesis))).toBe(E.ERROR_CODE_FORBIDDEN);
    expect((await append(alice, genesis)).body).toBe('ok');
    const head = (await verifyDeviceChain([encodeDeviceRecord(genesis)])) as DeviceListState;

    const add = { userId: 'alice', version: 2, prevHash: head.head, signerDeviceId: 1, at: 2 };
    // Signed with a key that is not device 1's listed key.
    const forged = await signDeviceRecord(
      { ...add, add: { deviceId: 9, identityKey: mallory.publicKey } },
      mallory.privateKey,
    );
    expect(code(await append(alice, forged))).toBe(E.ERROR_CODE_BAD_SIGNATURE);
    // A version that does not follow the stored head.
    const skipping = await signDeviceRecord(
      { ...add, version: 5, add: { deviceId: 2, identityKey: a2.publicKey } },
      a1.privateKey,
    );
    expect(code(await append(alice, skipping))).toBe(E.ERROR_CODE_CONFLICT);
    const good = await signDeviceRecord({ ...add, add: { deviceId: 2, identityKey: a2.publicKey } }, a1.privateKey);
    expect((await append(alice, good)).body).toBe('ok');

    const list = await bob.request({ devicesGet: { userId: 'alice' } });
    const state = await verifyDeviceChain(list.deviceList?.records ?? []);
    expect(state?.devices.map((d) => d.deviceId)).toEqual([1, 2]);
    expect(state?.accountKey).toEqual(a1.publicKey);
  });

  it('lets a user restart the list only from their one registered device', async () => {
    const server = await serve();
    const alice = await RawPeer.authenticated(server.url, 'alice', 1);
    open.push(alice);
    const [k1, k2] = [await keys(), await keys()];
    const genesis = (k: typeof k1) =>
      signDeviceRecord(
        { userId: 'alice', version: 1, signerDeviceId: 1, at: 1, add: { deviceId: 1, identityKey: k.publicKey } },
        k.privateKey,
      ).then(encodeDeviceRecord);
    expect((await alice.request({ deviceListAppend: { record: await genesis(k1) } })).body).toBe('ok');
    // Alone: this device may start anew (it lost its keys); peers see the account key change.
    expect((await alice.request({ deviceListAppend: { record: await genesis(k2) } })).body).toBe('ok');
    const records = (await alice.request({ devicesGet: {} })).deviceList?.records ?? [];
    expect((await verifyDeviceChain(records))?.accountKey).toEqual(k2.publicKey);
    // With a second registered device, only a record that device 1 signs on the head may come.
    await server.stores.devices.register({
      userId: 'alice',
      deviceId: 2,
      authKey: new Uint8Array(32),
      registrationId: 0,
      approvedBy: 1,
    });
    expect((await alice.request({ deviceListAppend: { record: await genesis(k1) } })).error?.code).toBe(
      pb.ErrorCode.ERROR_CODE_CONFLICT,
    );
  });
});
