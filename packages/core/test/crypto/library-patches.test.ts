// Regression tests for the patches in patches/@privacyresearch__libsignal-protocol-typescript@0.0.16.patch.
// Each test fails on the unpatched library.
import { createHmac, hkdfSync } from 'node:crypto';
import { rejectionOf } from '@parley/test-utils/rejection';
import { createDevice } from '@parley/test-utils/signal-device';
import { AsyncCurve25519Wrapper } from '@privacyresearch/curve25519-typescript';
import * as signal from '@privacyresearch/libsignal-protocol-typescript';
import { SessionLock } from '@privacyresearch/libsignal-protocol-typescript/lib/session-lock';
import { describe, expect, it, vi } from 'vitest';
import {
  decrypt,
  generateDeviceKeys,
  generatePreKeys,
  setCurveBackend,
  startSession,
  verifySignedPreKey,
} from '../../src/crypto/index.js';
import { loadLibrary } from '../../src/crypto/library.js';
import { isParleyError } from '../../src/errors.js';
import { open, recordSize, seal, send } from './devices.js';

describe('patch: old ratchet chains are pruned', () => {
  it('keeps the session record under 10 KB over 1,000 alternating messages', async () => {
    const alice = await createDevice('alice');
    const bob = await createDevice('bob');
    await startSession(alice.store, bob.address, bob.bundle());
    const sizes: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const [from, to] = i % 2 === 0 ? [alice, bob] : [bob, alice];
      expect(await send(from, to, `turn ${i}`)).toBe(`turn ${i}`);
      if (i % 100 === 99) sizes.push(await recordSize(alice, bob), await recordSize(bob, alice));
    }
    const aliceBytes = await recordSize(alice, bob);
    const bobBytes = await recordSize(bob, alice);
    expect(aliceBytes).toBeLessThan(10 * 1024);
    expect(bobBytes).toBeLessThan(10 * 1024);
    // Not merely small: flat. Unpatched, every change of speaker adds a chain (~54 KB at 1,000).
    expect(Math.max(...sizes)).toBeLessThan(10 * 1024);
    const record = JSON.parse((await bob.store.loadSession(alice.address)) ?? '{}');
    for (const session of Object.values<{ chains: object; oldRatchetList: unknown[] }>(record.sessions)) {
      expect(session.oldRatchetList.length).toBeLessThanOrEqual(10);
      expect(Object.keys(session.chains).length).toBeLessThanOrEqual(12);
    }
  }, 30_000);
});

describe('patch: archived sessions are capped without looping forever', () => {
  it('removes several surplus archived sessions in one go', async () => {
    // Run in a worker: unpatched, removeOldSessions spins forever once two sessions must go.
    const { createRequire } = await import('node:module');
    const { Worker } = await import('node:worker_threads');
    const recordModule = createRequire(import.meta.url).resolve(
      '@privacyresearch/libsignal-protocol-typescript/lib/session-record',
    );
    const code = `
      const { parentPort, workerData } = require('node:worker_threads');
      const { SessionRecord } = require(workerData);
      const record = new SessionRecord();
      const session = (i, closed) => ({
        indexInfo: { closed, remoteIdentityKey: new ArrayBuffer(33), baseKey: new Uint8Array([i, 1, 2, 3, 4, 5]).buffer },
        currentRatchet: {}, oldRatchetList: [], chains: {},
      });
      for (let i = 0; i < 45; i++) record.sessions['k' + i] = session(i, 1000 + i);
      record.updateSessionState(session(200, -1));
      parentPort.postMessage(Object.keys(record.sessions).length);
    `;
    const worker = new Worker(code, { eval: true, workerData: recordModule });
    try {
      const count = await new Promise<number>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        setTimeout(() => reject(new Error('removeOldSessions did not return')), 5_000);
      });
      expect(count).toBe(40);
    } finally {
      await worker.terminate();
    }
  });
});

// ---- version byte -------------------------------------------------------------------------------

/** The MAC key of the next message on the open session's sending chain, computed from the record. */
async function nextMacKey(record: string | undefined): Promise<Buffer> {
  type Stored = {
    indexInfo: { closed: number };
    currentRatchet: { ephemeralKeyPair: { pubKey: string } };
    chains: Record<string, { chainKey: { key: string } }>;
  };
  const sessions = Object.values<Stored>(JSON.parse(record ?? '{}').sessions);
  const open = sessions.find((s) => s.indexInfo.closed === -1);
  const chain = open?.chains[open.currentRatchet.ephemeralKeyPair.pubKey];
  if (!chain) throw new Error('no sending chain');
  const messageKey = createHmac('sha256', Buffer.from(chain.chainKey.key, 'base64')).update(Buffer.of(1)).digest();
  const keys = Buffer.from(hkdfSync('sha256', messageKey, Buffer.alloc(32), 'WhisperMessageKeys', 80));
  return keys.subarray(32, 64);
}

/** Rewrites a SignalMessage's version byte and MACs it over `macVersion` (default: the new byte). */
function reversion(
  whisper: Uint8Array,
  version: number,
  macKey: Buffer,
  sender: Uint8Array,
  receiver: Uint8Array,
  macVersion = version,
): Uint8Array {
  const proto = whisper.subarray(1, whisper.byteLength - 8);
  const mac = createHmac('sha256', macKey)
    .update(sender)
    .update(receiver)
    .update(Uint8Array.of(macVersion))
    .update(proto)
    .digest()
    .subarray(0, 8);
  return Uint8Array.from([version, ...proto, ...mac]);
}

/** Offset of the `message` field (4) inside a PreKeySignalMessage body (after its version byte). */
function innerMessageRange(prekey: Uint8Array): [number, number] {
  let pos = 1;
  const varint = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const b = prekey[pos++] ?? 0;
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
    }
  };
  while (pos < prekey.byteLength) {
    const tag = varint();
    if ((tag & 7) === 0) {
      varint();
    } else {
      const length = varint();
      if (tag >>> 3 === 4) return [pos, pos + length];
      pos += length;
    }
  }
  throw new Error('no message field');
}

describe('patch: version byte and MAC input', () => {
  it('decrypts 0x34 (v3 message from a sender whose current version is 4, as the official libsignal writes)', async () => {
    const alice = await createDevice('alice');
    const bob = await createDevice('bob');
    const aliceKey = alice.identity.identityKeyPair.publicKey;
    const bobKey = bob.identity.identityKeyPair.publicKey;
    await startSession(alice.store, bob.address, bob.bundle());

    // A prekey message: outer byte 0x34, inner SignalMessage 0x34 with its MAC over 0x34.
    let macKey = await nextMacKey(await alice.store.loadSession(bob.address));
    const first = await seal(alice, bob, 'first, as libsignal 0.72 would write it');
    const [start, end] = innerMessageRange(first.body);
    const inner = reversion(first.body.subarray(start, end), 0x34, macKey, aliceKey, bobKey);
    const body = first.body.slice();
    body[0] = 0x34;
    body.set(inner, start);
    expect(await open(bob, alice, { ...first, body })).toBe('first, as libsignal 0.72 would write it');

    await send(bob, alice, 'ack');
    macKey = await nextMacKey(await alice.store.loadSession(bob.address));
    const whisper = await seal(alice, bob, 'whisper 0x34');
    const v34 = reversion(whisper.body, 0x34, macKey, aliceKey, bobKey);
    expect(await open(bob, alice, { ...whisper, body: v34 })).toBe('whisper 0x34');
  });

  it('MACs the version byte that is on the wire', async () => {
    const { lib } = await loadLibrary();
    const alice = await createDevice('alice');
    const bob = await createDevice('bob');
    const aliceKey = alice.identity.identityKeyPair.publicKey;
    const bobKey = bob.identity.identityKeyPair.publicKey;
    await startSession(alice.store, bob.address, bob.bundle());
    await send(alice, bob, 'open');
    await send(bob, alice, 'ack');

    const macKey = await nextMacKey(await alice.store.loadSession(bob.address));
    const message = await seal(alice, bob, 'covered');
    // Changing only the version byte, to anything, makes the message undecryptable. (Unpatched, the
    // MAC ignored the byte: 0x30..0x32 decrypted.)
    for (let version = 0; version < 256; version++) {
      if (version === 0x33) continue;
      const changed = message.body.slice();
      changed[0] = version;
      const error = await rejectionOf(decrypt(bob.store, alice.address, 'whisper', changed));
      expect(isParleyError(error, 'DECRYPTION_FAILED')).toBe(true);
    }
    // 0x34 is an acceptable version byte, so what refuses it is the MAC, computed over 0x33.
    const storage = rawStorage(bob.identity, {
      sessions: new Map([['alice.1', await bob.store.loadSession(alice.address)]]),
    });
    const cipher = new lib.SessionCipher(storage, new lib.SignalProtocolAddress('alice', 1));
    const flipped = message.body.slice();
    flipped[0] = 0x34;
    await expect(cipher.decryptWhisperMessage(flipped.buffer, 'binary')).rejects.toThrow(/Bad MAC/);
    // Likewise a MAC over a different byte than the one sent.
    const wrongMac = reversion(message.body, 0x34, macKey, aliceKey, bobKey, 0x33);
    await expect(cipher.decryptWhisperMessage(wrongMac.slice().buffer, 'binary')).rejects.toThrow(/Bad MAC/);
    // None of that hurt the session: the original still decrypts.
    expect(await open(bob, alice, message)).toBe('covered');
  });

  it('refuses a version-4 message at the library level (0x43 passed as v3 before)', async () => {
    const { lib } = await loadLibrary();
    const alice = await createDevice('alice');
    const bob = await createDevice('bob');
    await startSession(alice.store, bob.address, bob.bundle());
    await send(alice, bob, 'open');
    await send(bob, alice, 'ack');
    const macKey = await nextMacKey(await alice.store.loadSession(bob.address));
    const message = await seal(alice, bob, 'v4?');
    const v43 = reversion(
      message.body,
      0x43,
      macKey,
      alice.identity.identityKeyPair.publicKey,
      bob.identity.identityKeyPair.publicKey,
    );
    const storage = rawStorage(bob.identity, {
      sessions: new Map([['alice.1', await bob.store.loadSession(alice.address)]]),
    });
    const cipher = new lib.SessionCipher(storage, new lib.SignalProtocolAddress('alice', 1));
    await expect(cipher.decryptWhisperMessage(v43.slice().buffer, 'binary')).rejects.toThrow(/Incompatible version/);
  });
});

// ---- verifySignature -----------------------------------------------------------------------------

describe('patch: verifySignature', () => {
  it('the low-level verifySignature answers false for a flipped signature byte (it answered true)', async () => {
    const factory = (signal as unknown as { default: () => Promise<{ Curve: signal.Curve }> }).default;
    const { Curve } = await (typeof factory === 'function'
      ? factory()
      : (factory as unknown as { default: () => Promise<{ Curve: signal.Curve }> }).default());
    const keys = Curve.generateKeyPair();
    const message = new TextEncoder().encode('signed prekey public key').buffer;
    const signature = Curve.calculateSignature(keys.privKey, message);
    expect(Curve.verifySignature(keys.pubKey, message, signature)).toBe(true);
    const flipped = new Uint8Array(signature).slice(); // a copy: a view would alter `signature` too
    flipped[0] = (flipped[0] ?? 0) ^ 0x01;
    expect(Curve.verifySignature(keys.pubKey, message, flipped.buffer)).toBe(false);

    await expect(Curve.async.verifySignature(keys.pubKey, message, signature)).resolves.toBe(true);
    await expect(Curve.async.verifySignature(keys.pubKey, message, flipped.buffer)).rejects.toThrow(
      /Invalid signature/,
    );
  });

  it("Parley's own check (verifySignedPreKey) and startSession refuse a flipped signature byte", async () => {
    const bob = await createDevice('bob');
    const alice = await createDevice('alice');
    const bundle = bob.bundle();
    expect(await verifySignedPreKey(bundle.identityKey, bundle.signedPrekey)).toBe(true);
    for (const index of [0, 31, 63]) {
      const signature = bundle.signedPrekey.signature.slice();
      signature[index] = (signature[index] ?? 0) ^ 0x01;
      const signedPrekey = { ...bundle.signedPrekey, signature };
      expect(await verifySignedPreKey(bundle.identityKey, signedPrekey)).toBe(false);
      const error = await rejectionOf(startSession(alice.store, bob.address, { ...bundle, signedPrekey }));
      expect(isParleyError(error, 'BAD_SIGNATURE')).toBe(true);
    }
    // Signed by someone else.
    expect(await verifySignedPreKey(alice.identity.identityKeyPair.publicKey, bundle.signedPrekey)).toBe(false);
  });
});

// ---- SessionLock leak and missing awaits (through the library's own API) ----------------------------

/** A bare StorageType for driving the library directly. */
function rawStorage(
  identity: { identityKeyPair: { publicKey: Uint8Array; privateKey: Uint8Array }; registrationId: number },
  options: { sessions?: Map<string, string | undefined>; trusted?: boolean; slowSaveIdentity?: () => void } = {},
): signal.StorageType {
  const ab = (u: Uint8Array) => u.slice().buffer;
  const sessions = options.sessions ?? new Map<string, string | undefined>();
  const preKeys = new Map<string, signal.KeyPairType>();
  return {
    getIdentityKeyPair: async () => ({
      pubKey: ab(identity.identityKeyPair.publicKey),
      privKey: ab(identity.identityKeyPair.privateKey),
    }),
    getLocalRegistrationId: async () => identity.registrationId,
    isTrustedIdentity: async () => options.trusted ?? true,
    saveIdentity: async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      options.slowSaveIdentity?.();
      return false;
    },
    loadPreKey: async (id) => preKeys.get(`p${id}`),
    storePreKey: async (id, kp) => {
      preKeys.set(`p${id}`, kp);
    },
    removePreKey: async (id) => {
      preKeys.delete(`p${id}`);
    },
    loadSignedPreKey: async (id) => preKeys.get(`s${id}`),
    storeSignedPreKey: async (id, kp) => {
      preKeys.set(`s${id}`, kp);
    },
    removeSignedPreKey: async (id) => {
      preKeys.delete(`s${id}`);
    },
    loadSession: async (address) => sessions.get(address),
    storeSession: async (address, record) => {
      sessions.set(address, record);
    },
  };
}

async function rawPair(options: { bobTrusts?: boolean; onAliceSave?: () => void } = {}) {
  const { lib } = await loadLibrary();
  const alice = await createDevice('alice');
  const bob = await createDevice('bob');
  const aliceStorage = rawStorage(alice.identity, options.onAliceSave ? { slowSaveIdentity: options.onAliceSave } : {});
  const bobStorage = rawStorage(bob.identity, { trusted: options.bobTrusts ?? true });
  const kp = (k: { publicKey: Uint8Array; privateKey: Uint8Array }) => ({
    pubKey: k.publicKey.slice().buffer,
    privKey: k.privateKey.slice().buffer,
  });
  await bobStorage.storeSignedPreKey(1, kp(bob.signedPreKey.keyPair));
  const bundle = bob.bundle();
  const preKey = bob.unclaimed.length < 2 ? await bob.store.loadPreKey(bundle.prekey?.keyId ?? 0) : undefined;
  if (preKey) await bobStorage.storePreKey(preKey.keyId, kp(preKey.keyPair));
  const bobAddress = new lib.SignalProtocolAddress('bob', 1);
  const aliceAddress = new lib.SignalProtocolAddress('alice', 1);
  await new lib.SessionBuilder(aliceStorage, bobAddress).processPreKey({
    registrationId: bundle.registrationId,
    identityKey: bundle.identityKey.slice().buffer,
    signedPreKey: {
      keyId: bundle.signedPrekey.keyId,
      publicKey: bundle.signedPrekey.publicKey.slice().buffer,
      signature: bundle.signedPrekey.signature.slice().buffer,
    },
    ...(bundle.prekey
      ? { preKey: { keyId: bundle.prekey.keyId, publicKey: bundle.prekey.publicKey.slice().buffer } }
      : {}),
  });
  return {
    aliceCipher: new lib.SessionCipher(aliceStorage, bobAddress),
    bobCipher: new lib.SessionCipher(bobStorage, aliceAddress),
  };
}

describe('patch: SessionLock forgets settled jobs', () => {
  it('does not keep a promise per job, nor every error', async () => {
    const { aliceCipher, bobCipher } = await rawPair();
    const plaintext = new Uint8Array(10).buffer;
    for (let i = 0; i < 20; i++) {
      const m = await aliceCipher.encrypt(plaintext);
      await bobCipher.decryptPreKeyWhisperMessage(m.body ?? '', 'binary');
    }
    const failures = [];
    for (let i = 0; i < 150; i++)
      failures.push(bobCipher.decryptWhisperMessage(new Uint8Array(20).buffer, 'binary').catch(() => 'failed'));
    await Promise.all(failures);
    await SessionLock.clearQueue();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(SessionLock._promises.length).toBe(0);
    expect(SessionLock.errors.length).toBeLessThanOrEqual(100);
  });
});

describe('patch: trust checks and identity writes are awaited', () => {
  it('refuses a prekey message from an identity the store does not trust (it was accepted)', async () => {
    const { aliceCipher, bobCipher } = await rawPair({ bobTrusts: false });
    const m = await aliceCipher.encrypt(new Uint8Array(10).buffer);
    await expect(bobCipher.decryptPreKeyWhisperMessage(m.body ?? '', 'binary')).rejects.toThrow(/identity/i);
  });

  it('finishes saveIdentity before encrypt resolves', async () => {
    let saved = 0;
    const { aliceCipher } = await rawPair({ onAliceSave: () => saved++ });
    saved = 0;
    await aliceCipher.encrypt(new Uint8Array(10).buffer);
    expect(saved).toBe(1);
  });
});

describe('patch: key generation hook', () => {
  const asm = new AsyncCurve25519Wrapper();

  async function consistent(pairs: { publicKey: Uint8Array; privateKey: Uint8Array }[]): Promise<void> {
    for (const { publicKey, privateKey } of pairs) {
      expect(publicKey.length).toBe(33);
      expect(publicKey[0]).toBe(5);
      expect(privateKey.length).toBe(32);
      expect((privateKey[0]! & 7) === 0 && (privateKey[31]! & 0xc0) === 0x40).toBe(true); // clamped
      const derived = new Uint8Array((await asm.keyPair(privateKey.slice().buffer)).pubKey);
      expect(derived).toEqual(publicKey.subarray(1));
    }
  }

  it("makes new key pairs with the curve hook's generateKeyPair (WebCrypto generateKey), random bytes without it", async () => {
    const subtle = globalThis.crypto.subtle;
    const spy = vi.spyOn(subtle, 'generateKey');
    try {
      await setCurveBackend('webcrypto');
      const made = await generatePreKeys(1, 5);
      const identity = await generateDeviceKeys();
      const x25519 = spy.mock.calls.filter(([algorithm]) => (algorithm as { name?: string }).name === 'X25519');
      expect(x25519.length).toBe(6); // unpatched: never (random bytes, then a PKCS#8 import)
      await consistent([...made.map((r) => r.keyPair), identity.identityKeyPair]);
      spy.mockClear();
      await setCurveBackend('fallback');
      const fallback = await generatePreKeys(10, 3);
      expect(spy).not.toHaveBeenCalled();
      await consistent(fallback.map((r) => r.keyPair));
    } finally {
      spy.mockRestore();
      await setCurveBackend('auto');
    }
  });

  it('sessions work with generated keys in both directions, against a fallback peer too', async () => {
    await setCurveBackend('webcrypto');
    try {
      const alice = await createDevice('alice-gen');
      const bob = await createDevice('bob-gen');
      await startSession(alice.store, bob.address, bob.bundle());
      for (let i = 0; i < 6; i++) {
        const [from, to] = i % 2 === 0 ? [alice, bob] : [bob, alice];
        if (i === 3) await setCurveBackend('fallback');
        expect(await send(from, to, `turn ${i}`)).toBe(`turn ${i}`);
      }
    } finally {
      await setCurveBackend('auto');
    }
  });
});
