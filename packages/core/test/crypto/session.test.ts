import { reasonOf, rejectionOf } from '@parley/test-utils/rejection';
import { createDevice } from '@parley/test-utils/signal-device';
import { describe, expect, it } from 'vitest';
import {
  decrypt,
  deleteSession,
  encrypt,
  generateDeviceKeys,
  generatePreKeys,
  generateSignedPreKey,
  hasSession,
  startSession,
  toPayloadType,
} from '../../src/crypto/index.js';
import { isParleyError } from '../../src/errors.js';
import { open, openResult, seal, send } from './devices.js';

describe('pairwise sessions (X3DH + Double Ratchet)', () => {
  it("alice starts a session from bob's bundle, both sides talk, the one-time prekey is consumed", async () => {
    const alice = await createDevice('alice');
    const bob = await createDevice('bob', 7);
    expect(await hasSession(alice.store, bob.address)).toBe(false);
    const bundle = bob.bundle();
    const { identityChange } = await startSession(alice.store, bob.address, bundle);
    expect(identityChange).toBeNull(); // first contact: trust on first use
    expect(await hasSession(alice.store, bob.address)).toBe(true);

    const first = await seal(alice, bob, 'hello bob');
    expect(first.type).toBe('prekey');
    expect(toPayloadType(first.type)).toBe(3);
    expect(first.registrationId).toBe(bob.identity.registrationId);
    expect(first.body[0]).toBe(0x33);
    const opened = await openResult(bob, alice, first);
    expect(new TextDecoder().decode(opened.plaintext)).toBe('hello bob');
    expect(opened.identityChange).toBeNull();
    expect(await bob.store.loadPreKey(bundle.prekey?.keyId ?? -1)).toBeUndefined();
    expect(await bob.store.loadIdentity(alice.address)).toEqual(alice.identity.identityKeyPair.publicKey);
    expect(await hasSession(bob.store, alice.address)).toBe(true);

    const reply = await seal(bob, alice, 'hi alice');
    expect(reply.type).toBe('whisper');
    expect(toPayloadType(reply.type)).toBe(2);
    expect(reply.registrationId).toBe(alice.identity.registrationId);
    expect(await open(alice, bob, reply)).toBe('hi alice');
    // Once bob has answered, alice's messages are plain whisper messages.
    const next = await seal(alice, bob, 'how are you?');
    expect(next.type).toBe('whisper');
    expect(await open(bob, alice, next)).toBe('how are you?');
  });

  it('keeps sending prekey messages until the peer answers, and every one of them decrypts', async () => {
    const alice = await createDevice('alice');
    const bob = await createDevice('bob');
    await startSession(alice.store, bob.address, bob.bundle());
    const messages = [await seal(alice, bob, 'one'), await seal(alice, bob, 'two'), await seal(alice, bob, 'three')];
    expect(messages.map((m) => m.type)).toEqual(['prekey', 'prekey', 'prekey']);
    expect(await open(bob, alice, messages[2]!)).toBe('three');
    expect(await open(bob, alice, messages[0]!)).toBe('one');
    expect(await open(bob, alice, messages[1]!)).toBe('two');
  });

  it('decrypts out-of-order delivery within a chain and across ratchet steps (skipped message keys)', async () => {
    const alice = await createDevice('alice');
    const bob = await createDevice('bob');
    await startSession(alice.store, bob.address, bob.bundle());
    expect(await send(alice, bob, 'open')).toBe('open');
    expect(await send(bob, alice, 'ack')).toBe('ack');

    const batch = [];
    for (let i = 0; i < 5; i++) batch.push(await seal(alice, bob, `m${i}`));
    for (const i of [4, 2, 0, 3, 1]) expect(await open(bob, alice, batch[i]!)).toBe(`m${i}`);

    // Two messages on alice's chain, then bob replies (alice ratchets), then a message on the new
    // chain arrives before the two old ones.
    const early1 = await seal(alice, bob, 'early 1');
    const early2 = await seal(alice, bob, 'early 2');
    const sync = await seal(alice, bob, 'sync');
    expect(await open(bob, alice, sync)).toBe('sync');
    expect(await send(bob, alice, 'ratchet')).toBe('ratchet');
    const late = await seal(alice, bob, 'new chain');
    expect(await open(bob, alice, late)).toBe('new chain');
    expect(await open(bob, alice, early2)).toBe('early 2');
    expect(await open(bob, alice, early1)).toBe('early 1');
    expect(await send(bob, alice, 'still fine')).toBe('still fine');
  });

  it('rejects a replayed whisper message with DECRYPTION_FAILED and leaves the session working', async () => {
    const alice = await createDevice('alice');
    const bob = await createDevice('bob');
    await startSession(alice.store, bob.address, bob.bundle());
    await send(alice, bob, 'open');
    await send(bob, alice, 'ack');
    const message = await seal(alice, bob, 'pay 10 coins');
    expect(await open(bob, alice, message)).toBe('pay 10 coins');

    const before = await bob.store.loadSession(alice.address);
    const error = await rejectionOf(open(bob, alice, message));
    expect(isParleyError(error, 'DECRYPTION_FAILED')).toBe(true);
    expect(reasonOf(error)).toBe('duplicate');
    expect(await bob.store.loadSession(alice.address)).toBe(before);

    expect(await send(alice, bob, 'after the replay')).toBe('after the replay');
    expect(await send(bob, alice, 'both ways')).toBe('both ways');
  });

  it('rejects a replayed prekey message without touching the session or prekeys', async () => {
    const alice = await createDevice('alice');
    const bob = await createDevice('bob');
    await startSession(alice.store, bob.address, bob.bundle());
    const first = await seal(alice, bob, 'first');
    expect(await open(bob, alice, first)).toBe('first');
    const before = await bob.store.loadSession(alice.address);
    const error = await rejectionOf(open(bob, alice, first));
    expect(isParleyError(error, 'DECRYPTION_FAILED')).toBe(true);
    expect(reasonOf(error)).toBe('duplicate');
    expect(await bob.store.loadSession(alice.address)).toBe(before);
    expect(await send(bob, alice, 'reply')).toBe('reply');
    expect(await send(alice, bob, 'fine')).toBe('fine');
  });

  it('rejects a tampered ciphertext and keeps the session', async () => {
    const alice = await createDevice('alice');
    const bob = await createDevice('bob');
    await startSession(alice.store, bob.address, bob.bundle());
    await send(alice, bob, 'open');
    await send(bob, alice, 'ack');
    const message = await seal(alice, bob, 'original');
    const before = await bob.store.loadSession(alice.address);
    for (const index of [5, message.body.byteLength - 12, message.body.byteLength - 1]) {
      const body = message.body.slice();
      body[index] = (body[index] ?? 0) ^ 0x01;
      const error = await rejectionOf(decrypt(bob.store, alice.address, 'whisper', body));
      expect(isParleyError(error, 'DECRYPTION_FAILED')).toBe(true);
      expect(await bob.store.loadSession(alice.address)).toBe(before);
    }
    expect(await open(bob, alice, message)).toBe('original');
    const wrongVersion = message.body.slice();
    wrongVersion[0] = 0x44;
    expect(reasonOf(await rejectionOf(decrypt(bob.store, alice.address, 'whisper', wrongVersion)))).toBe(
      'unsupported-version',
    );
    expect(reasonOf(await rejectionOf(decrypt(bob.store, alice.address, 'whisper', new Uint8Array(0))))).toBe(
      'invalid-message',
    );
  });

  it('fails with DECRYPTION_FAILED on a missing or corrupted session, and recovers through a new session', async () => {
    const alice = await createDevice('alice', 1, { preKeys: 3 });
    const bob = await createDevice('bob', 1, { preKeys: 3 });
    await startSession(alice.store, bob.address, bob.bundle());
    await send(alice, bob, 'open');
    await send(bob, alice, 'ack');

    // Unreadable record.
    await bob.store.storeSession(alice.address, '{"sessions": garbage');
    let error = await rejectionOf(open(bob, alice, await seal(alice, bob, 'lost 1')));
    expect(isParleyError(error, 'DECRYPTION_FAILED')).toBe(true);
    expect(reasonOf(error)).toBe('no-session');
    expect(await hasSession(bob.store, alice.address)).toBe(false);

    // The retry path: alice rebuilds the session from a fresh bundle and re-sends. The prekey
    // message replaces bob's unreadable record.
    await startSession(alice.store, bob.address, bob.bundle());
    const resent = await seal(alice, bob, 'lost 1 (again)');
    expect(resent.type).toBe('prekey');
    expect(await open(bob, alice, resent)).toBe('lost 1 (again)');
    expect(await send(bob, alice, 'got it')).toBe('got it');

    // Readable but damaged record: every root and chain key replaced.
    const junk = btoa(String.fromCharCode(...new Uint8Array(32).fill(7)));
    const record = JSON.parse((await bob.store.loadSession(alice.address)) ?? '{}');
    type StoredSession = {
      currentRatchet: { rootKey: string };
      chains: Record<string, { chainKey: { key?: string } }>;
    };
    for (const session of Object.values<StoredSession>(record.sessions)) {
      session.currentRatchet.rootKey = junk;
      for (const chain of Object.values(session.chains)) {
        if (chain.chainKey.key) chain.chainKey.key = junk;
      }
    }
    await bob.store.storeSession(alice.address, JSON.stringify(record));
    error = await rejectionOf(open(bob, alice, await seal(alice, bob, 'lost 2')));
    expect(isParleyError(error, 'DECRYPTION_FAILED')).toBe(true);
    expect(reasonOf(error)).toBe('invalid-message');

    // Missing record.
    await deleteSession(bob.store, alice.address);
    error = await rejectionOf(open(bob, alice, await seal(alice, bob, 'lost 3')));
    expect(reasonOf(error)).toBe('no-session');

    await startSession(alice.store, bob.address, bob.bundle());
    expect(await send(alice, bob, 'recovered')).toBe('recovered');
    expect(await send(bob, alice, 'yes')).toBe('yes');
  });

  it('reports a changed identity key on startSession and on decrypt, and still accepts it', async () => {
    const alice = await createDevice('alice');
    const bob = await createDevice('bob');
    await startSession(alice.store, bob.address, bob.bundle());
    await send(alice, bob, 'hi');
    await send(bob, alice, 'hi');

    // Bob reinstalls: same address, new identity and prekeys.
    const newBob = await createDevice('bob');
    const started = await startSession(alice.store, bob.address, newBob.bundle());
    expect(started.identityChange).toEqual({
      address: bob.address,
      previousIdentityKey: bob.identity.identityKeyPair.publicKey,
      identityKey: newBob.identity.identityKeyPair.publicKey,
    });
    expect(await send(alice, newBob, 'welcome back')).toBe('welcome back');

    // And the other way: alice reinstalls and writes to bob first.
    const newAlice = await createDevice('alice');
    await startSession(newAlice.store, newBob.address, newBob.bundle());
    const result = await openResult(newBob, newAlice, await seal(newAlice, newBob, 'new phone'));
    expect(new TextDecoder().decode(result.plaintext)).toBe('new phone');
    expect(result.identityChange?.previousIdentityKey).toEqual(alice.identity.identityKeyPair.publicKey);
    expect(result.identityChange?.identityKey).toEqual(newAlice.identity.identityKeyPair.publicKey);
    // Reported once: the next messages carry the now-stored key.
    expect((await openResult(newBob, newAlice, await seal(newAlice, newBob, 'again'))).identityChange).toBeNull();
  });

  it('uses the last-resort prekey when one-time prekeys run out and never removes it', async () => {
    const bob = await createDevice('bob', 1, { preKeys: 0 });
    for (const name of ['alice', 'carol']) {
      const peer = await createDevice(name);
      const bundle = bob.bundle();
      expect(bundle.prekey?.keyId).toBe(bob.lastResortPreKey!.keyId);
      await startSession(peer.store, bob.address, bundle);
      expect(await send(peer, bob, `from ${name}`)).toBe(`from ${name}`);
      expect(await bob.store.loadPreKey(bob.lastResortPreKey!.keyId)).toBeDefined();
    }
  });

  it('refuses a bundle whose signed prekey signature is wrong, and malformed bundles', async () => {
    const alice = await createDevice('alice');
    const bob = await createDevice('bob');
    const bundle = bob.bundle();
    const signature = bundle.signedPrekey.signature.slice();
    signature[10] = (signature[10] ?? 0) ^ 0x01;
    const bad = { ...bundle, signedPrekey: { ...bundle.signedPrekey, signature } };
    expect(isParleyError(await rejectionOf(startSession(alice.store, bob.address, bad)), 'BAD_SIGNATURE')).toBe(true);
    expect(await hasSession(alice.store, bob.address)).toBe(false);
    expect(await alice.store.loadIdentity(bob.address)).toBeUndefined();

    const short = { ...bundle, identityKey: bundle.identityKey.subarray(1) };
    expect(isParleyError(await rejectionOf(startSession(alice.store, bob.address, short)), 'INVALID_ARGUMENT')).toBe(
      true,
    );
    const zeroPreKey = { ...bundle, prekey: { keyId: 0, publicKey: bundle.signedPrekey.publicKey } };
    expect(
      isParleyError(await rejectionOf(startSession(alice.store, bob.address, zeroPreKey)), 'INVALID_ARGUMENT'),
    ).toBe(true);
  });

  it('starts a session from a bundle without a one-time prekey', async () => {
    const alice = await createDevice('alice');
    const bob = await createDevice('bob');
    const { prekey: _unused, ...bundle } = bob.bundle();
    await startSession(alice.store, bob.address, bundle);
    expect(await send(alice, bob, 'no prekey')).toBe('no prekey');
    expect(await send(bob, alice, 'fine')).toBe('fine');
  });

  it('rejects encrypt without a session (NOT_FOUND) and reports store failures as STORE_FAILED', async () => {
    const alice = await createDevice('alice');
    const bob = await createDevice('bob');
    expect(isParleyError(await rejectionOf(encrypt(alice.store, bob.address, new Uint8Array(1))), 'NOT_FOUND')).toBe(
      true,
    );

    await startSession(alice.store, bob.address, bob.bundle());
    const message = await seal(alice, bob, 'hello');
    const broken = { ...bob.store, loadSession: () => Promise.reject(new Error('disk on fire')) };
    const error = await rejectionOf(decrypt(broken, alice.address, message.type, message.body));
    expect(isParleyError(error, 'STORE_FAILED')).toBe(true);
    expect(await open(bob, alice, message)).toBe('hello');
  });

  it('needs a registered local identity', async () => {
    const bob = await createDevice('bob');
    const { memorySignalStore } = await import('../../src/crypto/index.js');
    const error = await rejectionOf(startSession(memorySignalStore(), bob.address, bob.bundle()));
    expect(isParleyError(error, 'INTERNAL')).toBe(true);
  });

  it("generates device keys in Signal's formats", async () => {
    const keys = await generateDeviceKeys();
    expect(keys.identityKeyPair.publicKey.byteLength).toBe(33);
    expect(keys.identityKeyPair.publicKey[0]).toBe(0x05);
    expect(keys.identityKeyPair.privateKey.byteLength).toBe(32);
    expect(keys.registrationId).toBeGreaterThanOrEqual(1);
    expect(keys.registrationId).toBeLessThanOrEqual(0x3fff);
    const spk = await generateSignedPreKey(keys.identityKeyPair, 42, 1000);
    expect(spk).toMatchObject({ keyId: 42, createdAt: 1000 });
    expect(spk.signature.byteLength).toBe(64);
    const ids = (await generatePreKeys(0xfffffe, 4)).map((k) => k.keyId);
    expect(ids).toEqual([0xfffffe, 0xffffff, 1, 2]);
  });
});
