// Parley's side of the crypto benchmark: @parley/core's Signal wrapper, with either X25519 backend.
import {
  decrypt,
  encrypt,
  generateDeviceKeys,
  generatePreKeys,
  generateSignedPreKey,
  type LocalIdentity,
  memorySignalStore,
  type PreKeyBundle,
  type SignalAddress,
  type SignalStore,
  type SignedPreKeyRecord,
  startSession,
  toPublicPreKey,
  toSignedPublicPreKey,
} from '@parley/core/crypto';
import { simple } from './measure.js';
import { alternating, message, type Suite } from './suite.js';

interface Device {
  readonly address: SignalAddress;
  readonly store: SignalStore;
  readonly identity: LocalIdentity;
  readonly signedPreKey: SignedPreKeyRecord;
}

let userSequence = 0;

async function device(name: string): Promise<Device> {
  const identity = await generateDeviceKeys();
  const store = memorySignalStore(identity);
  const signedPreKey = await generateSignedPreKey(identity.identityKeyPair, 1);
  await store.storeSignedPreKey(signedPreKey);
  return { address: { userId: `${name}-${++userSequence}`, deviceId: 1 }, store, identity, signedPreKey };
}

/** A responder that hands out a bundle with a fresh one-time prekey each time. */
function responder(bob: Device) {
  let nextPreKeyId = 1;
  return async (count: number): Promise<PreKeyBundle[]> => {
    const preKeys = await generatePreKeys(nextPreKeyId, count);
    nextPreKeyId += count;
    for (const record of preKeys) await bob.store.storePreKey(record);
    return preKeys.map((record) => ({
      registrationId: bob.identity.registrationId,
      identityKey: bob.identity.identityKeyPair.publicKey,
      signedPrekey: toSignedPublicPreKey(bob.signedPreKey),
      prekey: toPublicPreKey(record),
    }));
  };
}

async function send(from: Device, to: Device, plaintext: Uint8Array): Promise<void> {
  const m = await encrypt(from.store, to.address, plaintext);
  await decrypt(to.store, from.address, m.type, m.body);
}

async function establishedPair(payload: Uint8Array): Promise<[Device, Device]> {
  const initiator = await device('initiator');
  const responderDevice = await device('responder');
  const [bundle] = await responder(responderDevice)(1);
  await startSession(initiator.store, responderDevice.address, bundle as PreKeyBundle);
  await send(initiator, responderDevice, payload);
  await send(responderDevice, initiator, payload);
  return [initiator, responderDevice];
}

/** The Parley suite; run it after `setCurveBackend(...)` so every key is made with that backend. */
export async function parleySuite(): Promise<Suite> {
  const payload = message();
  const identity = await generateDeviceKeys();
  let keyId = 1;

  const bob = await device('bob');
  const bundles = responder(bob);

  // Established pairs (the initiator started, the responder answered): one for the steady runs,
  // whose receiver never sees the steady-encrypt messages, and one for ping-pong.
  const [alice, carol] = await establishedPair(payload);
  const turns = alternating(...(await establishedPair(payload)));

  return {
    identityKeys: simple(() => generateDeviceKeys()),
    signedPreKey: simple(() => generateSignedPreKey(identity.identityKeyPair, keyId++)),
    oneTimePreKey: simple(() => generatePreKeys(keyId++, 1)),
    sessionSetup: {
      async prepare(count) {
        const initiators: Device[] = [];
        for (let i = 0; i < count; i++) initiators.push(await device('initiator'));
        const fresh = await bundles(count);
        return initiators.map((initiator, i) => ({ initiator, bundle: fresh[i] as PreKeyBundle }));
      },
      async run(input) {
        const { initiator, bundle } = input as { initiator: Device; bundle: PreKeyBundle };
        await startSession(initiator.store, bob.address, bundle);
        await send(initiator, bob, payload);
      },
    },
    steadyEncrypt: simple(() => encrypt(alice.store, carol.address, payload)),
    steadyDecrypt: {
      // The sender's messages, decrypted in order (no skipped keys), as a steady stream arrives.
      async prepare(count) {
        const out: Uint8Array[] = [];
        for (let i = 0; i < count; i++) out.push((await encrypt(carol.store, alice.address, payload)).body);
        return out;
      },
      run: (body) => decrypt(alice.store, carol.address, 'whisper', body as Uint8Array),
    },
    pingPong: simple(() => {
      const [from, to] = turns();
      return send(from, to, payload);
    }),
  };
}
