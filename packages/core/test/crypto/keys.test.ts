import { createDevice } from '@parley/test-utils/signal-device';
import { describe, expect, it } from 'vitest';
import {
  generateDeviceKeys,
  generateLastResortPreKey,
  generatePreKeys,
  generateSignedPreKey,
  keysUpload,
  memorySignalStore,
  type PreKeyBundle,
  preKeyBundleFromProto,
  startSession,
  verifySignedPreKey,
} from '../../src/crypto/index.js';
import { pb } from '../../src/proto.js';
import { send } from './devices.js';

describe('device keys', () => {
  it('builds a KeysUpload that encodes as the proto message and a bundle that decodes into startSession', async () => {
    const identity = await generateDeviceKeys();
    const signedPreKey = await generateSignedPreKey(identity.identityKeyPair, 1);
    const preKeys = await generatePreKeys(1, 100);
    const lastResortPreKey = await generateLastResortPreKey(0xffffff);
    expect(lastResortPreKey.lastResort).toBe(true);
    expect(preKeys.every((k) => !k.lastResort && k.keyPair.publicKey.byteLength === 33)).toBe(true);
    expect(new Set(preKeys.map((k) => k.keyId)).size).toBe(100);

    const upload = keysUpload({ identity, signedPreKey, preKeys, lastResortPreKey });
    const decoded = pb.KeysUpload.decode(pb.KeysUpload.encode(upload).finish());
    expect(decoded.registrationId).toBe(identity.registrationId);
    expect(new Uint8Array(decoded.identityKey)).toEqual(identity.identityKeyPair.publicKey);
    expect(decoded.oneTimePrekeys).toHaveLength(100);
    expect(decoded.lastResortPrekey?.keyId).toBe(0xffffff);
    expect(await verifySignedPreKey(decoded.identityKey, decoded.signedPrekey as PreKeyBundle['signedPrekey'])).toBe(
      true,
    );
    expect(() => keysUpload({ identity, signedPreKey, preKeys: [...preKeys, ...preKeys], lastResortPreKey })).toThrow(
      /at most 100/,
    );

    // The server hands a bundle out as a parley.v1.PreKeyBundle; decoded, it starts a session as is.
    const bob = await createDevice('bob');
    const bundle = bob.bundle();
    const wire = pb.PreKeyBundle.encode({ address: bob.address, ...bundle, prekey: bundle.prekey ?? null }).finish();
    const received = pb.PreKeyBundle.decode(wire);
    const alice = await createDevice('alice');
    await startSession(alice.store, bob.address, preKeyBundleFromProto(received));
    expect(await send(alice, bob, 'over the wire')).toBe('over the wire');
    expect(() => preKeyBundleFromProto({ ...received, signedPrekey: null })).toThrow(/malformed/);
    expect(() => preKeyBundleFromProto({ ...received, identityKey: new Uint8Array(33) })).toThrow(/malformed/);
    const { prekey: _none, ...withoutPrekey } = received;
    expect(preKeyBundleFromProto(withoutPrekey).prekey).toBeUndefined();
  });

  it('validates ids and key pairs', async () => {
    await expect(generatePreKeys(0, 1)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(generateLastResortPreKey(0x1000000)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    const identity = await generateDeviceKeys();
    await expect(
      generateSignedPreKey({ ...identity.identityKeyPair, publicKey: new Uint8Array(32) }, 1),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('memorySignalStore returns copies', async () => {
    const identity = await generateDeviceKeys();
    const store = memorySignalStore(identity);
    const loaded = await store.getLocalIdentity();
    loaded?.identityKeyPair.privateKey.fill(0);
    expect((await store.getLocalIdentity())?.identityKeyPair.privateKey).toEqual(identity.identityKeyPair.privateKey);
    const address = { userId: 'bob', deviceId: 1 };
    expect(await store.saveIdentity(address, identity.identityKeyPair.publicKey)).toBe(false);
    expect(await store.saveIdentity(address, identity.identityKeyPair.publicKey)).toBe(false);
    expect(await store.saveIdentity(address, new Uint8Array(33).fill(5))).toBe(true);
  });
});
