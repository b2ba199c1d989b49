// XEdDSA verification on WebCrypto Ed25519 (xeddsa.ts) against the library's own asm.js verify,
// on signatures the library's signer makes and on tampered ones.

import { randomBytes } from '@parley/test-utils/random-bytes';
import { createDevice } from '@parley/test-utils/signal-device';
import { AsyncCurve25519Wrapper } from '@privacyresearch/curve25519-typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { toHex } from '../../src/bytes.js';
import { setCurveBackend, startSession, verifySignedPreKey } from '../../src/crypto/index.js';
import { montgomeryToEdwardsY, webCryptoSupportsXEdDSA, webCryptoXEdDSA } from '../../src/crypto/xeddsa.js';

const asm = new AsyncCurve25519Wrapper();
const fast = webCryptoXEdDSA(globalThis.crypto.subtle);
const buffer = (b: Uint8Array) => b.slice().buffer;
const L = (1n << 252n) + 27742317777372353535851937790883648493n;

/** The asm.js answer: its verify() is true when the signature is INVALID. */
async function asmValid(pub: Uint8Array, msg: Uint8Array, sig: Uint8Array): Promise<boolean> {
  return (await asm.verify(buffer(pub), buffer(msg), buffer(sig))) === false;
}

async function signed(msgLength: number) {
  const pair = await asm.keyPair(buffer(randomBytes(32)));
  const msg = randomBytes(msgLength);
  const sig = new Uint8Array(await asm.sign(pair.privKey, buffer(msg)));
  return { pub: new Uint8Array(pair.pubKey), msg, sig };
}

afterAll(async () => {
  await setCurveBackend('auto');
});

describe('XEdDSA verification on WebCrypto Ed25519', () => {
  it('is detected on Node 20 and detects a platform without Ed25519', async () => {
    expect(await webCryptoSupportsXEdDSA(globalThis.crypto.subtle)).toBe(true);
    expect(await webCryptoSupportsXEdDSA(undefined)).toBe(false);
    const noEd25519 = {
      importKey: () => Promise.reject(new DOMException('unsupported', 'NotSupportedError')),
    } as unknown as SubtleCrypto;
    expect(await webCryptoSupportsXEdDSA(noEd25519)).toBe(false);
    const alwaysTrue = {
      importKey: () => Promise.resolve({}),
      verify: () => Promise.resolve(true),
    } as unknown as SubtleCrypto;
    expect(await webCryptoSupportsXEdDSA(alwaysTrue)).toBe(false);
  });

  it('maps the Curve25519 base point to the Ed25519 base point', () => {
    const u = new Uint8Array(32);
    u[0] = 9;
    expect(toHex(montgomeryToEdwardsY(u))).toBe('5866666666666666666666666666666666666666666666666666666666666666');
  });

  it('converts u to y = (u - 1) / (u + 1) mod p like a Fermat-inversion reference, edge cases included', () => {
    const p = (1n << 255n) - 19n;
    const pow = (b: bigint, e: bigint) => {
      let r = 1n;
      let x = b % p;
      for (let k = e; k > 0n; k >>= 1n) {
        if (k & 1n) r = (r * x) % p;
        x = (x * x) % p;
      }
      return r;
    };
    const le = (n: bigint) => {
      const out = new Uint8Array(32);
      for (let i = 0; i < 32; i++) out[i] = Number((n >> BigInt(8 * i)) & 0xffn);
      return out;
    };
    const edges = [0n, 1n, 2n, 9n, p - 2n, p - 1n, p, p + 1n, p + 18n, (1n << 255n) - 1n];
    const randoms = Array.from({ length: 300 }, () => {
      let n = 0n;
      for (const b of randomBytes(32)) n = (n << 8n) | BigInt(b);
      return n;
    });
    for (const raw of [...edges, ...randoms]) {
      const bytes = le(raw);
      const u = (raw & ((1n << 255n) - 1n)) % p; // the top bit is ignored, then reduced
      const expected = (((u - 1n + p) % p) * pow((u + 1n) % p, p - 2n)) % p;
      expect(toHex(montgomeryToEdwardsY(bytes)), raw.toString(16)).toBe(toHex(le(expected)));
    }
  });

  it('accepts every signature the library signs, and agrees with asm.js on tampered ones', async () => {
    for (let i = 0; i < 60; i++) {
      const { pub, msg, sig } = await signed(i % 3 === 0 ? 33 : Math.floor(Math.random() * 200));
      expect(await fast.verify(pub, msg, sig)).toBe(true);
      expect(await asmValid(pub, msg, sig)).toBe(true);
      // One bit changed in the signature (any byte, the sign bit included), message or key.
      const cases: [Uint8Array, Uint8Array, Uint8Array][] = [];
      const s = sig.slice();
      const bit = Math.floor(Math.random() * 512);
      s[bit >> 3]! ^= 1 << (bit & 7);
      cases.push([pub, msg, s]);
      const signBit = sig.slice();
      signBit[63]! ^= 0x80;
      cases.push([pub, msg, signBit]);
      if (msg.length > 0) {
        const m = msg.slice();
        m[Math.floor(Math.random() * m.length)]! ^= 1 << Math.floor(Math.random() * 8);
        cases.push([pub, m, sig]);
      }
      const p = pub.slice();
      p[Math.floor(Math.random() * 31)]! ^= 1 << Math.floor(Math.random() * 8);
      cases.push([p, msg, sig]);
      // The top bit of the key is not part of the u coordinate: both ignore it.
      const top = pub.slice();
      top[31]! ^= 0x80;
      cases.push([top, msg, sig]);
      for (const [cp, cm, cs] of cases) {
        expect(await fast.verify(cp, cm, cs), `case ${i}`).toBe(await asmValid(cp, cm, cs));
      }
    }
  });

  it('rejects a malleated signature with S + L, as the official libsignal does (asm.js accepts it)', async () => {
    const { pub, msg, sig } = await signed(33);
    let s = 0n;
    for (let i = 31; i >= 0; i--) s = (s << 8n) | BigInt(i === 31 ? sig[32 + i]! & 0x7f : sig[32 + i]!);
    const malleated = sig.slice();
    let v = s + L;
    for (let i = 0; i < 32; i++) {
      malleated[32 + i] = Number(v & 0xffn);
      v >>= 8n;
    }
    malleated[63] = (malleated[63]! & 0x7f) | (sig[63]! & 0x80);
    if (s + L < 1n << 253n) expect(await asmValid(pub, msg, malleated)).toBe(true);
    expect(await fast.verify(pub, msg, malleated)).toBe(false);
  });

  it('answers false for malformed input instead of throwing', async () => {
    const { pub, msg, sig } = await signed(33);
    expect(await fast.verify(pub.subarray(1), msg, sig)).toBe(false);
    expect(await fast.verify(pub, msg, sig.subarray(1))).toBe(false);
    expect(await fast.verify(new Uint8Array(32), msg, sig)).toBe(false);
    const minusOne = new Uint8Array(32).fill(0xff);
    minusOne[0] = 0xec;
    minusOne[31] = 0x7f;
    expect(await fast.verify(minusOne, msg, sig)).toBe(false);
  });

  it('is what session setup and verifySignedPreKey use with the WebCrypto backend, and bad signatures still fail', async () => {
    for (const backend of ['webcrypto', 'fallback'] as const) {
      await setCurveBackend(backend);
      const alice = await createDevice(`alice-${backend}`);
      const bob = await createDevice(`bob-${backend}`);
      const bundle = bob.bundle();
      expect(await verifySignedPreKey(bundle.identityKey, bundle.signedPrekey)).toBe(true);
      const forged = bob.bundle();
      const signature = forged.signedPrekey.signature.slice();
      signature[5]! ^= 1;
      const bad = { ...forged, signedPrekey: { ...forged.signedPrekey, signature } };
      expect(await verifySignedPreKey(bad.identityKey, bad.signedPrekey)).toBe(false);
      await expect(startSession(alice.store, bob.address, bad)).rejects.toMatchObject({ code: 'BAD_SIGNATURE' });
      await startSession(alice.store, bob.address, bundle);
    }
  });
});

describe('signXEdDSA', () => {
  it('makes signatures verifyXEdDSA accepts, for that key and message only', async () => {
    const { signXEdDSA, verifyXEdDSA, generateDeviceKeys } = await import('../../src/crypto/index.js');
    const { identityKeyPair } = await generateDeviceKeys();
    const other = await generateDeviceKeys();
    const message = new TextEncoder().encode('group record');
    const signature = await signXEdDSA(identityKeyPair.privateKey, message);
    expect(signature.byteLength).toBe(64);
    expect(await verifyXEdDSA(identityKeyPair.publicKey, message, signature)).toBe(true);
    expect(await verifyXEdDSA(other.identityKeyPair.publicKey, message, signature)).toBe(false);
    expect(await verifyXEdDSA(identityKeyPair.publicKey, new TextEncoder().encode('group recorD'), signature)).toBe(
      false,
    );
  });
});
