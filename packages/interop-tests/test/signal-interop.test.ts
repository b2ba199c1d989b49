// Parley's Signal sessions against the official libsignal (@signalapp/libsignal-client 0.72.1, the
// last release that accepts X3DH without Kyber): both directions, under both X25519 backends.
import { isParleyError } from '@parley/core';
import {
  type CurveBackend,
  decrypt,
  safetyNumber,
  setCurveBackend,
  startSession,
  toPayloadType,
  verifySignedPreKey,
} from '@parley/core/crypto';
import { reasonOf, rejectionOf } from '@parley/test-utils/rejection';
import { createDevice, type Device as ParleyDevice } from '@parley/test-utils/signal-device';
import {
  CiphertextMessageType,
  Fingerprint,
  IdentityKeyPair,
  PreKeySignalMessage,
  PublicKey,
  processPreKeyBundle,
  SignalMessage,
} from '@signalapp/libsignal-client';
import { afterAll, describe, expect, it } from 'vitest';
import {
  officialOpen,
  officialSeal,
  parleyOpen,
  parleySeal,
  type WireMessage,
  whisperCounter,
} from '../src/conversation.js';
import {
  toBuffer,
  toBytes,
  toOfficialBundle,
  toParleyBundle,
  toProtocolAddress,
  toSignalAddress,
} from '../src/convert.js';
import { createOfficialDevice, type OfficialDevice } from '../src/official-device.js';

/** The version byte: high nibble = message version (3 for X3DH without Kyber). */
const messageVersion = (message: WireMessage) => (message.body[0] ?? 0) >> 4;

/** Official sends, Parley receives; checks the plaintext and returns the wire message. */
async function officialToParley(from: OfficialDevice, to: ParleyDevice, text: string): Promise<WireMessage> {
  const message = await officialSeal(from, to, text);
  expect(messageVersion(message)).toBe(3);
  expect(await parleyOpen(to, from, message)).toBe(text);
  return message;
}

/** Parley sends, official receives; checks the plaintext, the registration id and the version byte. */
async function parleyToOfficial(from: ParleyDevice, to: OfficialDevice, text: string): Promise<WireMessage> {
  const message = await parleySeal(from, to, text);
  expect(message.registrationId).toBe(to.registrationId);
  expect(message.body[0]).toBe(0x33);
  expect(await officialOpen(to, from, message)).toBe(text);
  return message;
}

/**
 * What every conversation goes through once the session is up: alternating turns (each one a DH
 * ratchet step on both sides), runs of consecutive messages in each direction, an out-of-order pair
 * in each direction, and a replay in each direction that is refused without harming the session.
 */
async function converse(official: OfficialDevice, parley: ParleyDevice): Promise<void> {
  // Alternating turns: every message opens a new sending chain, so its counter is 0.
  for (let round = 0; round < 6; round++) {
    const fromParley = await parleyToOfficial(parley, official, `parley turn ${round}`);
    expect(fromParley.type).toBe('whisper');
    expect(whisperCounter(fromParley)).toBe(0);
    const fromOfficial = await officialToParley(official, parley, `official turn ${round}`);
    expect(fromOfficial.type).toBe('whisper');
    expect(whisperCounter(fromOfficial)).toBe(0);
  }

  // Consecutive messages in one direction: one chain, counters 0, 1, 2, ... (no DH step).
  for (let i = 0; i < 5; i++) {
    expect(whisperCounter(await parleyToOfficial(parley, official, `parley run ${i}`))).toBe(i);
  }
  for (let i = 0; i < 5; i++) {
    expect(whisperCounter(await officialToParley(official, parley, `official run ${i}`))).toBe(i);
  }

  // Out of order, official → Parley: the later message first, then the skipped one.
  const early = await officialSeal(official, parley, 'official early');
  const late = await officialSeal(official, parley, 'official late');
  expect(whisperCounter(late)).toBe(whisperCounter(early) + 1);
  expect(await parleyOpen(parley, official, late)).toBe('official late');
  expect(await parleyOpen(parley, official, early)).toBe('official early');

  // Out of order, Parley → official, across a DH step: the reply starts a new chain.
  const first = await parleySeal(parley, official, 'parley early');
  const second = await parleySeal(parley, official, 'parley late');
  expect(whisperCounter(first)).toBe(0);
  expect(whisperCounter(second)).toBe(1);
  expect(await officialOpen(official, parley, second)).toBe('parley late');
  expect(await officialOpen(official, parley, first)).toBe('parley early');

  // Replays are refused on both sides, and the session carries on.
  const replayed = await rejectionOf(decrypt(parley.store, toSignalAddress(official.address), late.type, late.body));
  expect(isParleyError(replayed, 'DECRYPTION_FAILED')).toBe(true);
  expect(reasonOf(replayed)).toBe('duplicate');
  await expect(officialOpen(official, parley, second)).rejects.toThrow();
  await officialToParley(official, parley, 'after the replays');
  await parleyToOfficial(parley, official, 'after the replays, too');
}

const backends: CurveBackend[] = ['webcrypto', 'fallback'];

afterAll(async () => {
  await setCurveBackend('auto');
});

describe.each(backends)('interop with the official libsignal 0.72.1 (Parley X25519 backend: %s)', (backend) => {
  it('official → Parley: the official library starts the session from a Parley bundle', async () => {
    await setCurveBackend(backend);
    const bob = await createDevice('bob', 3, { preKeys: 2, firstPreKeyId: 100, signedPreKeyId: 7, lastResort: false });
    const alice = createOfficialDevice('alice', 2, 4242);
    const bundle = bob.bundle();
    const preKeyId = bundle.prekey?.keyId;
    expect(preKeyId).toBe(100);
    const bobAddress = toProtocolAddress(bob.address);

    // The official library checks Parley's XEdDSA signature and runs X3DH as the initiator.
    expect(
      PublicKey.deserialize(toBuffer(bundle.identityKey)).verify(
        toBuffer(bundle.signedPrekey.publicKey),
        toBuffer(bundle.signedPrekey.signature),
      ),
    ).toBe(true);
    await processPreKeyBundle(
      toOfficialBundle(bundle, bob.address.deviceId),
      bobAddress,
      alice.sessions,
      alice.identities,
    );
    const record = await alice.sessions.getSession(bobAddress);
    expect(record?.remoteRegistrationId()).toBe(bob.identity.registrationId);
    expect(record?.localRegistrationId()).toBe(4242);

    // The official PreKeySignalMessage: alice's registration id, bob's prekey ids, message version 3.
    const opening = await officialSeal(alice, bob, 'hello from the official library');
    expect(opening.type).toBe('prekey');
    expect(toPayloadType(opening.type)).toBe(CiphertextMessageType.PreKey);
    const parsed = PreKeySignalMessage.deserialize(toBuffer(opening.body));
    expect(parsed.version()).toBe(3);
    expect(parsed.registrationId()).toBe(4242);
    expect(parsed.preKeyId()).toBe(preKeyId);
    expect(parsed.signedPreKeyId()).toBe(7);
    expect(messageVersion(opening)).toBe(3);

    const opened = await decrypt(bob.store, toSignalAddress(alice.address), opening.type, opening.body);
    expect(new TextDecoder().decode(opened.plaintext)).toBe('hello from the official library');
    expect(opened.identityChange).toBeNull();
    // Parley stored alice's 33-byte identity key as the official library serializes it, and used up
    // the one-time prekey.
    expect(await bob.store.loadIdentity(toSignalAddress(alice.address))).toEqual(
      toBytes(alice.identity.publicKey.serialize()),
    );
    expect(await bob.store.loadPreKey(preKeyId ?? -1)).toBeUndefined();

    // Parley's first answer is a whisper message to alice's registration id; the official library
    // reads it as a version-3 SignalMessage.
    const reply = await parleySeal(bob, alice, 'hello from Parley');
    expect(reply.type).toBe('whisper');
    expect(toPayloadType(reply.type)).toBe(CiphertextMessageType.Whisper);
    expect(reply.registrationId).toBe(4242);
    expect(SignalMessage.deserialize(toBuffer(reply.body)).messageVersion()).toBe(3);
    expect(await officialOpen(alice, bob, reply)).toBe('hello from Parley');
    // The official side trusted bob's key on first use, the same bytes Parley published.
    expect(toBytes((await alice.identities.getIdentity(bobAddress))?.serialize() ?? Buffer.alloc(0))).toEqual(
      bob.identity.identityKeyPair.publicKey,
    );

    // Once Parley has answered, the official library stops sending prekey messages.
    const next = await officialToParley(alice, bob, 'now a whisper message');
    expect(next.type).toBe('whisper');

    await converse(alice, bob);
  });

  it('Parley → official: Parley starts the session from an official bundle', async () => {
    await setCurveBackend(backend);
    const alice = await createDevice('alice', 4, { lastResort: false });
    const bob = createOfficialDevice('bob', 9, 1234, 3);
    const officialBundle = bob.bundle();
    const bundle = toParleyBundle(officialBundle);
    expect(bundle.prekey?.keyId).toBe(1);
    expect(bundle.identityKey).toEqual(toBytes(bob.identity.publicKey.serialize()));
    // Parley checks the official library's XEdDSA signature.
    expect(await verifySignedPreKey(bundle.identityKey, bundle.signedPrekey)).toBe(true);

    const started = await startSession(alice.store, toSignalAddress(bob.address), bundle);
    expect(started.identityChange).toBeNull();

    // Parley keeps sending prekey messages until bob answers; the official library decrypts each.
    const openings: WireMessage[] = [];
    for (let i = 0; i < 3; i++) {
      const message = await parleySeal(alice, bob, `hello from Parley ${i}`);
      expect(message.type).toBe('prekey');
      expect(message.registrationId).toBe(1234);
      expect(message.body[0]).toBe(0x33);
      const parsed = PreKeySignalMessage.deserialize(toBuffer(message.body));
      expect(parsed.version()).toBe(3);
      expect(parsed.registrationId()).toBe(alice.identity.registrationId);
      expect(parsed.preKeyId()).toBe(1);
      expect(parsed.signedPreKeyId()).toBe(officialBundle.signedPreKeyId());
      openings.push(message);
    }
    for (const [i, message] of openings.entries()) {
      expect(await officialOpen(bob, alice, message)).toBe(`hello from Parley ${i}`);
    }
    const bobRecord = await bob.sessions.getSession(toProtocolAddress(alice.address));
    expect(bobRecord?.remoteRegistrationId()).toBe(alice.identity.registrationId);
    expect(bob.preKeys.records.has(1)).toBe(false); // the one-time prekey is used up
    expect(
      toBytes((await bob.identities.getIdentity(toProtocolAddress(alice.address)))?.serialize() ?? Buffer.alloc(0)),
    ).toEqual(alice.identity.identityKeyPair.publicKey);

    // The official answer is a whisper message; Parley's next messages are whisper messages too.
    const reply = await officialToParley(bob, alice, 'hello from the official library');
    expect(reply.type).toBe('whisper');
    expect(whisperCounter(reply)).toBe(0);
    const next = await parleyToOfficial(alice, bob, 'now a whisper message');
    expect(next.type).toBe('whisper');
    expect(whisperCounter(next)).toBe(0);
    expect(whisperCounter(await officialToParley(bob, alice, 'and back'))).toBe(0);

    await converse(bob, alice);
  });

  it('sessions from bundles without a one-time prekey (signed prekey only), both ways', async () => {
    await setCurveBackend(backend);
    const parley = await createDevice('carol', 1, { preKeys: 0, lastResort: false });
    const official = createOfficialDevice('dave', 1, 77, 0);

    // Official → Parley.
    const parleyBundle = parley.bundle();
    expect(parleyBundle.prekey).toBeUndefined();
    await processPreKeyBundle(
      toOfficialBundle(parleyBundle, 1),
      toProtocolAddress(parley.address),
      official.sessions,
      official.identities,
    );
    const opening = await officialSeal(official, parley, 'no one-time prekey');
    expect(PreKeySignalMessage.deserialize(toBuffer(opening.body)).preKeyId()).toBeNull();
    expect(await parleyOpen(parley, official, opening)).toBe('no one-time prekey');
    await parleyToOfficial(parley, official, 'answer');

    // Parley → official, with fresh devices.
    const parley2 = await createDevice('erin', 2, { preKeys: 0, lastResort: false });
    const official2 = createOfficialDevice('frank', 3, 88, 0);
    const officialBundle = toParleyBundle(official2.bundle());
    expect(officialBundle.prekey).toBeUndefined();
    await startSession(parley2.store, toSignalAddress(official2.address), officialBundle);
    const first = await parleyToOfficial(parley2, official2, 'no one-time prekey either');
    expect(first.type).toBe('prekey');
    expect(PreKeySignalMessage.deserialize(toBuffer(first.body)).preKeyId()).toBeNull();
    await officialToParley(official2, parley2, 'answer');
    await parleyToOfficial(parley2, official2, 'and on');
  });

  it('a bundle with a forged signed-prekey signature is refused on both sides', async () => {
    await setCurveBackend(backend);
    const parley = await createDevice('gina', 1, { lastResort: false });
    const official = createOfficialDevice('hank', 1, 99);

    const forgedParley = parley.bundle();
    const badSignature = forgedParley.signedPrekey.signature.slice();
    badSignature[10] = (badSignature[10] ?? 0) ^ 0x01;
    await expect(
      processPreKeyBundle(
        toOfficialBundle(
          { ...forgedParley, signedPrekey: { ...forgedParley.signedPrekey, signature: badSignature } },
          1,
        ),
        toProtocolAddress(parley.address),
        official.sessions,
        official.identities,
      ),
    ).rejects.toThrow();
    expect(await official.sessions.getSession(toProtocolAddress(parley.address))).toBeNull();

    const officialBundle = toParleyBundle(official.bundle());
    const forged = officialBundle.signedPrekey.signature.slice();
    forged[10] = (forged[10] ?? 0) ^ 0x01;
    const refused = await rejectionOf(
      startSession(parley.store, toSignalAddress(official.address), {
        ...officialBundle,
        signedPrekey: { ...officialBundle.signedPrekey, signature: forged },
      }),
    );
    expect(isParleyError(refused, 'BAD_SIGNATURE')).toBe(true);
  });
});

describe('safety numbers match the official numeric fingerprint', () => {
  const official = (localId: string, localKey: Uint8Array, remoteId: string, remoteKey: Uint8Array) =>
    Fingerprint.new(
      5200,
      0,
      Buffer.from(localId, 'utf8'),
      PublicKey.deserialize(toBuffer(localKey)),
      Buffer.from(remoteId, 'utf8'),
      PublicKey.deserialize(toBuffer(remoteKey)),
    )
      .displayableFingerprint()
      .toString();

  it('for keys from either library and user ids of any shape, on both sides', async () => {
    const parley = await createDevice('alice', 1, { preKeys: 0, lastResort: false });
    const parleyKey = parley.identity.identityKeyPair.publicKey;
    const officialKey = toBytes(IdentityKeyPair.generate().publicKey.serialize());
    const ids: [string, string][] = [
      ['alice', 'bob'],
      ['+14155550100', '+14155550199'],
      ['0b6c5a1e-4f0b-4d4e-9a43-1c0c2c8b7a11', 'f81d4fae-7dec-11d0-a765-00a0c91e6bf6'],
      ['zoë@example.org', 'ßøб 😀'],
    ];
    for (const [localId, remoteId] of ids) {
      const expected = official(localId, parleyKey, remoteId, officialKey);
      expect(expected).toMatch(/^\d{60}$/);
      expect(await safetyNumber(localId, parleyKey, remoteId, officialKey)).toBe(expected);
      // The other side computes it with the roles swapped and gets the same number.
      expect(official(remoteId, officialKey, localId, parleyKey)).toBe(expected);
      expect(await safetyNumber(remoteId, officialKey, localId, parleyKey)).toBe(expected);
    }
  });

  it('changes with the identity key, in step with the official fingerprint', async () => {
    const a = toBytes(IdentityKeyPair.generate().publicKey.serialize());
    const b = toBytes(IdentityKeyPair.generate().publicKey.serialize());
    const c = toBytes(IdentityKeyPair.generate().publicKey.serialize());
    const before = await safetyNumber('alice', a, 'bob', b);
    const after = await safetyNumber('alice', a, 'bob', c);
    expect(after).not.toBe(before);
    expect(before).toBe(official('alice', a, 'bob', b));
    expect(after).toBe(official('alice', a, 'bob', c));
  });
});
