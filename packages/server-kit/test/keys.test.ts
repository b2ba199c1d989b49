import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ClientFrameInit, generateAuthKeyPair, pb, type ServerFrame } from '@parley/core';
import { RawPeer } from '@parley/test-utils/raw-peer';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, memoryStores, type ParleyServer, type ServerLimits, type ServerStores } from '../src/index.js';
import { sqliteStores } from '../src/sqlite/index.js';

const E = pb.ErrorCode;
type Upload = NonNullable<ClientFrameInit['keysUpload']>;

/** A 33-byte Signal-style public key whose bytes tell the key apart. */
function publicKey(tag: number, keyId: number): Uint8Array {
  const key = new Uint8Array(33);
  key[0] = 0x05;
  key[1] = tag;
  new DataView(key.buffer).setUint32(2, keyId);
  return key;
}

const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, i) => from + i);
const LAST_RESORT_ID = 0xffffff;

function keysUpload(oneTimeIds: number[], registrationId = 4321): Upload {
  return {
    registrationId,
    identityKey: publicKey(0xf0, registrationId),
    signedPrekey: { keyId: 1, publicKey: publicKey(2, 1), signature: new Uint8Array(64).fill(7) },
    oneTimePrekeys: oneTimeIds.map((keyId) => ({ keyId, publicKey: publicKey(1, keyId) })),
    lastResortPrekey: { keyId: LAST_RESORT_ID, publicKey: publicKey(3, LAST_RESORT_ID) },
  };
}

const storeKinds: Array<[string, () => { stores: ServerStores; cleanup: () => void }]> = [
  ['memory', () => ({ stores: memoryStores(), cleanup: () => {} })],
  [
    'sqlite',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'parley-keys-'));
      return {
        stores: sqliteStores({ path: join(dir, 'server.db') }),
        cleanup: () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  ],
];

describe.each(storeKinds)('key directory over the gateway (%s stores)', (_, makeStores) => {
  let server: ParleyServer | undefined;
  let stores: ServerStores;
  let cleanup: () => void = () => {};
  const peers: RawPeer[] = [];

  async function start(limits: Partial<ServerLimits> = {}) {
    ({ stores, cleanup } = makeStores());
    server = await createServer({ stores, limits });
  }

  /** Connects a device; devices after a user's first are registered directly (no link needed here). */
  async function peer(userId: string, deviceId = 1): Promise<RawPeer> {
    const key = await generateAuthKeyPair();
    if (deviceId !== 1) {
      await stores.devices.register({ userId, deviceId, authKey: key.publicKey, registrationId: 0, approvedBy: 1 });
    }
    const p = await RawPeer.authenticated((server as ParleyServer).url, userId, deviceId, key);
    peers.push(p);
    return p;
  }

  async function upload(p: RawPeer, body: Upload): Promise<ServerFrame> {
    return p.request({ keysUpload: body });
  }

  async function fetchKeys(p: RawPeer, userId: string, deviceIds: number[] = []): Promise<ServerFrame> {
    return p.request({ keysFetch: { userId, deviceIds } });
  }

  const bundlesOf = (f: ServerFrame) => {
    expect(f.body, f.error?.message ?? '').toBe('keysBundles');
    return f.keysBundles?.bundles ?? [];
  };

  afterEach(async () => {
    for (const p of peers.splice(0)) p.close();
    await server?.close();
    server = undefined;
    await stores?.close();
    cleanup();
  });

  it('uploads keys, and a fetch returns the bundle with a one-time key and lowers the count', async () => {
    await start();
    const bob = await peer('bob');
    expect((await bob.request({ keysCount: {} })).keysUploadResult?.oneTimeRemaining ?? 0).toBe(0);
    const result = await upload(bob, keysUpload(range(1, 5)));
    expect(result.keysUploadResult?.oneTimeRemaining).toBe(5);
    // The registration id reaches the device registry (and so DeviceList and stale-copy checks).
    const list = await bob.request({ devicesGet: { userId: 'bob' } });
    expect(list.deviceList?.devices?.[0]?.registrationId).toBe(4321);

    const alice = await peer('alice');
    const [bundle, ...rest] = bundlesOf(await fetchKeys(alice, 'bob'));
    expect(rest).toEqual([]);
    expect(bundle?.address).toMatchObject({ userId: 'bob', deviceId: 1 });
    expect(bundle?.registrationId).toBe(4321);
    expect(bundle?.identityKey).toEqual(publicKey(0xf0, 4321));
    expect(bundle?.signedPrekey).toMatchObject({
      keyId: 1,
      publicKey: publicKey(2, 1),
      signature: new Uint8Array(64).fill(7),
    });
    const keyId = bundle?.prekey?.keyId as number;
    expect(range(1, 5)).toContain(keyId);
    expect(bundle?.prekey?.publicKey).toEqual(publicKey(1, keyId));
    expect((await bob.request({ keysCount: {} })).keysUploadResult?.oneTimeRemaining).toBe(4);
  });

  it('hands out the last-resort key once the one-time keys are exhausted', async () => {
    await start();
    const bob = await peer('bob');
    await upload(bob, keysUpload([1, 2]));
    const alice = await peer('alice');
    const got: number[] = [];
    for (let i = 0; i < 4; i++) got.push(bundlesOf(await fetchKeys(alice, 'bob'))[0]?.prekey?.keyId as number);
    expect(got.slice(0, 2).sort()).toEqual([1, 2]);
    expect(got.slice(2)).toEqual([LAST_RESORT_ID, LAST_RESORT_ID]);
    expect((await bob.request({ keysCount: {} })).keysUploadResult?.oneTimeRemaining ?? 0).toBe(0);
  });

  it('never gives the same one-time key to concurrent fetches from two peers', async () => {
    await start();
    const bob = await peer('bob');
    await upload(bob, keysUpload(range(1, 30)));
    const [alice, carol] = await Promise.all([peer('alice'), peer('carol')]);
    const all = await Promise.all(range(0, 20).flatMap(() => [fetchKeys(alice, 'bob'), fetchKeys(carol, 'bob')]));
    const keyIds = all.map((f) => bundlesOf(f)[0]?.prekey?.keyId as number);
    const oneTime = keyIds.filter((id) => id !== LAST_RESORT_ID);
    expect(oneTime).toHaveLength(30);
    expect(new Set(oneTime).size).toBe(30);
    expect(keyIds.filter((id) => id === LAST_RESORT_ID)).toHaveLength(10);
  });

  it('refuses an upload of more than 100 one-time keys with INVALID_ARGUMENT, storing nothing', async () => {
    await start();
    const bob = await peer('bob');
    const refused = await upload(bob, keysUpload(range(1, 101)));
    expect(refused.error?.code).toBe(E.ERROR_CODE_INVALID_ARGUMENT);
    expect(refused.error?.retryable).toBe(false);
    expect((await bob.request({ keysCount: {} })).keysUploadResult?.oneTimeRemaining ?? 0).toBe(0);
    expect((await upload(bob, keysUpload(range(1, 100)))).keysUploadResult?.oneTimeRemaining).toBe(100);
  });

  it('rate-limits fetches per requesting device with RATE_LIMITED and retry_after_ms', async () => {
    await start({ keyFetchesPerMinute: 3 });
    const bob = await peer('bob');
    await upload(bob, keysUpload(range(1, 10)));
    const alice = await peer('alice');
    for (let i = 0; i < 3; i++) expect(bundlesOf(await fetchKeys(alice, 'bob'))).toHaveLength(1);
    const refused = await fetchKeys(alice, 'bob');
    expect(refused.error?.code).toBe(E.ERROR_CODE_RATE_LIMITED);
    expect(refused.error?.retryable).toBe(true);
    // 3 per minute refill one every 20 s.
    expect(refused.error?.retryAfterMs).toBeGreaterThan(19_000);
    expect(refused.error?.retryAfterMs).toBeLessThanOrEqual(20_000);
    // A refused fetch claims nothing, and another requester has its own budget.
    expect((await bob.request({ keysCount: {} })).keysUploadResult?.oneTimeRemaining).toBe(7);
    const carol = await peer('carol');
    expect(bundlesOf(await fetchKeys(carol, 'bob'))).toHaveLength(1);
  });

  it('pushes PreKeysLow to the device once a claim leaves it under 20 one-time keys', async () => {
    await start();
    const bob = await peer('bob');
    await upload(bob, keysUpload(range(1, 21)));
    const alice = await peer('alice');
    await fetchKeys(alice, 'bob'); // 20 left: not low yet
    await fetchKeys(alice, 'bob'); // 19 left
    const low = await bob.waitFor((f) => f.body === 'prekeysLow');
    expect(low.requestId ?? 0).toBe(0);
    expect(low.prekeysLow?.oneTimeRemaining).toBe(19);
    expect(bob.frames.filter((f) => f.body === 'prekeysLow')).toHaveLength(1);
    // The device replenishes; the count is back above the mark.
    expect((await upload(bob, keysUpload(range(100, 81)))).keysUploadResult?.oneTimeRemaining).toBe(100);
  });

  it('answers a fetch for an unknown user with UNKNOWN_RECIPIENT', async () => {
    await start();
    const alice = await peer('alice');
    const refused = await fetchKeys(alice, 'nobody');
    expect(refused.error?.code).toBe(E.ERROR_CODE_UNKNOWN_RECIPIENT);
  });

  it("lists only the user's current devices, never the requester itself, and honours device_ids", async () => {
    await start();
    const bob1 = await peer('bob', 1);
    const bob2 = await peer('bob', 2);
    const bob3 = await peer('bob', 3);
    for (const p of [bob1, bob2, bob3]) await upload(p, keysUpload(range(1, 5)));
    await stores.devices.remove('bob', 3);
    const alice = await peer('alice');
    const ids = (f: ServerFrame) => bundlesOf(f).map((b) => b.address?.deviceId);
    expect(ids(await fetchKeys(alice, 'bob'))).toEqual([1, 2]);
    expect(ids(await fetchKeys(alice, 'bob', [2, 3, 9]))).toEqual([2]);
    // Bob's own other devices, without himself (his own key is not claimed).
    expect(ids(await fetchKeys(bob1, 'bob'))).toEqual([2]);
    expect((await bob1.request({ keysCount: {} })).keysUploadResult?.oneTimeRemaining).toBe(4);
    // The removed device had nothing claimed.
    expect(await stores.keys.count({ userId: 'bob', deviceId: 3 })).toBe(5);
  });
});
