import { createDevice, type Device } from '@parley/test-utils/signal-device';
import { AsyncCurve25519Wrapper } from '@privacyresearch/curve25519-typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { getCurveBackend, setCurveBackend, startSession } from '../../src/crypto/index.js';
import { webCryptoSupportsX25519, webCryptoX25519 } from '../../src/crypto/webcrypto-x25519.js';
import { open, seal } from './devices.js';

afterAll(async () => {
  await setCurveBackend('auto');
});

describe('X25519 backends', () => {
  it('uses WebCrypto X25519 on Node 20 (feature-detected), and can be switched', async () => {
    expect(await getCurveBackend()).toBe('webcrypto');
    expect(await setCurveBackend('fallback')).toBe('fallback');
    expect(await getCurveBackend()).toBe('fallback');
    expect(await setCurveBackend('auto')).toBe('webcrypto');
  });

  it('detects a missing or broken WebCrypto X25519', async () => {
    expect(await webCryptoSupportsX25519(undefined)).toBe(false);
    const refuses = {
      importKey: () => Promise.reject(new DOMException('Unrecognized algorithm name', 'NotSupportedError')),
    } as unknown as SubtleCrypto;
    expect(await webCryptoSupportsX25519(refuses)).toBe(false);
    const wrong = {
      importKey: () => Promise.resolve({} as CryptoKey),
      deriveBits: () => Promise.resolve(new ArrayBuffer(32)),
    } as unknown as SubtleCrypto;
    expect(await webCryptoSupportsX25519(wrong)).toBe(false);
    expect(await webCryptoSupportsX25519(globalThis.crypto.subtle)).toBe(true);
  });

  it("derives the same keys and shared secrets as the library's own curve code", async () => {
    const fast = webCryptoX25519(globalThis.crypto.subtle);
    const asm = new AsyncCurve25519Wrapper();
    for (let i = 0; i < 10; i++) {
      const a = globalThis.crypto.getRandomValues(new Uint8Array(32));
      const b = globalThis.crypto.getRandomValues(new Uint8Array(32));
      const [fa, sa] = [await fast.keyPair(a.slice().buffer), await asm.keyPair(a.slice().buffer)];
      const [fb, sb] = [await fast.keyPair(b.slice().buffer), await asm.keyPair(b.slice().buffer)];
      expect(new Uint8Array(fa.pubKey)).toEqual(new Uint8Array(sa.pubKey));
      expect(new Uint8Array(fa.privKey)).toEqual(new Uint8Array(sa.privKey)); // both clamp
      const shared = new Uint8Array(await fast.sharedSecret(fb.pubKey, fa.privKey));
      expect(new Uint8Array(await asm.sharedSecret(sb.pubKey, sa.privKey))).toEqual(shared);
      expect(new Uint8Array(await fast.sharedSecret(fa.pubKey, fb.privKey))).toEqual(shared);
    }
  });

  it('agrees with the library past the key caches, with and without the JWK export of public keys', async () => {
    const subtle = globalThis.crypto.subtle;
    let exports = 0;
    const noExport = new Proxy(subtle, {
      get(target, name) {
        if (name === 'exportKey') {
          return () => {
            exports++;
            return Promise.reject(new DOMException('not supported', 'NotSupportedError'));
          };
        }
        const value = Reflect.get(target, name) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const asm = new AsyncCurve25519Wrapper();
    for (const fast of [webCryptoX25519(subtle), webCryptoX25519(noExport)]) {
      // More keys than either cache holds (64), each used again after it was evicted.
      const secrets = Array.from({ length: 80 }, () => globalThis.crypto.getRandomValues(new Uint8Array(32)));
      const ours = [];
      for (const secret of secrets) {
        const pair = await fast.keyPair(secret.slice().buffer);
        expect(new Uint8Array(pair.pubKey)).toEqual(new Uint8Array((await asm.keyPair(secret.slice().buffer)).pubKey));
        ours.push(pair);
      }
      for (let i = 0; i < ours.length; i++) {
        const a = ours[i]!;
        const b = ours[(i * 7 + 3) % ours.length]!;
        const expected = new Uint8Array(await asm.sharedSecret(b.pubKey, a.privKey));
        expect(new Uint8Array(await fast.sharedSecret(b.pubKey, a.privKey))).toEqual(expected);
        expect(new Uint8Array(await fast.sharedSecret(b.pubKey.slice(0), a.privKey.slice(0)))).toEqual(expected);
      }
    }
    expect(exports).toBe(1); // tried once, then agreement with the base point
  });

  it('refuses agreement with a low-order public key instead of returning zeros', async () => {
    const fast = webCryptoX25519(globalThis.crypto.subtle);
    const pair = await fast.keyPair(globalThis.crypto.getRandomValues(new Uint8Array(32)).buffer);
    await expect(fast.sharedSecret(new ArrayBuffer(32), pair.privKey)).rejects.toThrow();
  });

  it('interoperates: alice on WebCrypto, bob on the fallback, through setup and ratchet steps', async () => {
    const as = async <T>(backend: 'webcrypto' | 'fallback', fn: () => Promise<T>) => {
      await setCurveBackend(backend);
      return fn();
    };
    const alice = await as('webcrypto', () => createDevice('alice'));
    const bob = await as('fallback', () => createDevice('bob'));
    const talk = async (from: Device, to: Device, text: string) => {
      const m = await as(from === alice ? 'webcrypto' : 'fallback', () => seal(from, to, text));
      return as(to === alice ? 'webcrypto' : 'fallback', () => open(to, from, m));
    };
    await as('webcrypto', () => startSession(alice.store, bob.address, bob.bundle()));
    for (let i = 0; i < 6; i++) {
      const [from, to] = i % 2 === 0 ? [alice, bob] : [bob, alice];
      expect(await talk(from, to, `turn ${i}`)).toBe(`turn ${i}`);
    }
    // And the other way round: bob (fallback) starts a session with carol (WebCrypto).
    const carol = await as('webcrypto', () => createDevice('carol'));
    await as('fallback', () => startSession(bob.store, carol.address, carol.bundle()));
    const m = await as('fallback', () => seal(bob, carol, 'hi carol'));
    expect(await as('webcrypto', () => open(carol, bob, m))).toBe('hi carol');
  });
});
