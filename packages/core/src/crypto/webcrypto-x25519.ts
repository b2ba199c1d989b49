// X25519 on the platform's WebCrypto (`crypto.subtle`, algorithm name 'X25519'), in the shape the
// Signal library's `setCurve` hook expects for key generation and agreement. Internal to crypto/.
import { bytesEqual, fromHex } from '../bytes.js';
import { bytesKey, copyBytes, toArrayBuffer } from './buffers.js';

/** The two X25519 operations the library routes through its curve hook; raw 32-byte keys. */
export interface X25519 {
  /** Clamps the 32 random bytes into a private key and derives its public key. */
  keyPair(privKey: ArrayBuffer): Promise<{ pubKey: ArrayBuffer; privKey: ArrayBuffer }>;
  sharedSecret(pubKey: ArrayBuffer, privKey: ArrayBuffer): Promise<ArrayBuffer>;
  /**
   * A new random key pair made by the platform (cheaper than importing random bytes: on Node 20 a
   * PKCS#8 import costs about 0.6 ms, generateKey about 0.15 ms); undefined where it cannot.
   */
  generateKeyPair?(): Promise<{ pubKey: ArrayBuffer; privKey: ArrayBuffer } | undefined>;
}

const ALGORITHM = { name: 'X25519' } as const;
// DER prefix of a PKCS#8 PrivateKeyInfo for X25519 (OID 1.3.101.110) followed by the 32-byte key.
const PKCS8_PREFIX = fromHex('302e020100300506032b656e04220420');
const BASEPOINT = new Uint8Array(32);
BASEPOINT[0] = 9;
// Imported private keys are kept for reuse: the identity and signed prekeys are used on every
// session setup, and each new ratchet key is used right after it is made. Importing PKCS#8 costs
// several times more than the agreement itself (on Node 20 about 0.6 ms, against 0.1 ms for the
// agreement). Bounded, least recently used first out, keyed by the key bytes.
const PRIVATE_KEY_CACHE_SIZE = 64;
// Imported public keys (public data): a ratchet step agrees twice with the same remote key, and a
// session setup uses the peer's signed prekey twice.
const PUBLIC_KEY_CACHE_SIZE = 64;

function lruGet<V>(cache: Map<string, V>, id: string): V | undefined {
  const hit = cache.get(id);
  if (hit !== undefined) {
    cache.delete(id);
    cache.set(id, hit);
  }
  return hit;
}

function lruSet<V>(cache: Map<string, V>, id: string, value: V, size: number): void {
  cache.set(id, value);
  if (cache.size > size) cache.delete(cache.keys().next().value as string);
}

/** Decodes unpadded base64url (a JWK member). */
function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

function clamp(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const k = copyBytes(bytes);
  k[0] = (k[0] ?? 0) & 248;
  k[31] = ((k[31] ?? 0) & 127) | 64;
  return k;
}

/** X25519 over `subtle`. Agreement with a low-order public key fails instead of yielding zeros. */
export function webCryptoX25519(subtle: SubtleCrypto): X25519 {
  const cache = new Map<string, CryptoKey>();
  const publicKeys = new Map<string, CryptoKey>();
  let basepoint: Promise<CryptoKey> | undefined;
  // Whether the public key of a freshly imported private key can be read from its JWK export
  // (no agreement with the base point needed); cleared after the first failure.
  let exportPublicKey = true;

  async function importPrivateKey(scalar: Uint8Array, extractable: boolean): Promise<CryptoKey> {
    const pkcs8 = new Uint8Array(PKCS8_PREFIX.byteLength + 32);
    pkcs8.set(PKCS8_PREFIX);
    pkcs8.set(scalar, PKCS8_PREFIX.byteLength);
    try {
      return await subtle.importKey('pkcs8', pkcs8, ALGORITHM, extractable, ['deriveBits']);
    } finally {
      pkcs8.fill(0);
    }
  }

  async function privateKey(scalar: Uint8Array): Promise<CryptoKey> {
    if (scalar.byteLength !== 32) throw new Error('X25519 private key must be 32 bytes');
    const id = bytesKey(scalar);
    const hit = lruGet(cache, id);
    if (hit) return hit;
    const key = await importPrivateKey(scalar, false);
    lruSet(cache, id, key, PRIVATE_KEY_CACHE_SIZE);
    return key;
  }

  async function publicKey(bytes: ArrayBuffer): Promise<CryptoKey> {
    const id = bytesKey(new Uint8Array(bytes));
    const hit = lruGet(publicKeys, id);
    if (hit) return hit;
    const key = await subtle.importKey('raw', bytes, ALGORITHM, true, []);
    lruSet(publicKeys, id, key, PUBLIC_KEY_CACHE_SIZE);
    return key;
  }

  async function agree(publicKey: CryptoKey, scalar: Uint8Array): Promise<ArrayBuffer> {
    return subtle.deriveBits({ name: 'X25519', public: publicKey }, await privateKey(scalar), 256);
  }

  /**
   * The public key of a new private key read from its JWK export, the key then cached for the
   * agreements that follow; undefined where the platform cannot export it.
   */
  async function exportedPublicKey(scalar: Uint8Array): Promise<ArrayBuffer | undefined> {
    if (!exportPublicKey) return undefined;
    try {
      const id = bytesKey(scalar);
      const key = await importPrivateKey(scalar, true);
      const x = (await subtle.exportKey('jwk', key)).x;
      const pub = typeof x === 'string' ? fromBase64Url(x) : undefined;
      if (pub?.byteLength !== 32) throw new Error('no public key in the JWK export');
      lruSet(cache, id, key, PRIVATE_KEY_CACHE_SIZE);
      return pub.buffer;
    } catch {
      exportPublicKey = false;
      return undefined;
    }
  }

  let generate = true;
  let generationChecked = false;

  /** A key pair from generateKey, its private key read from the JWK export (and clamped). */
  async function generated(): Promise<{ pubKey: ArrayBuffer; privKey: ArrayBuffer }> {
    const pair = (await subtle.generateKey(ALGORITHM, true, ['deriveBits'])) as CryptoKeyPair;
    const jwk = await subtle.exportKey('jwk', pair.privateKey);
    const d = typeof jwk.d === 'string' ? fromBase64Url(jwk.d) : undefined;
    const x = typeof jwk.x === 'string' ? fromBase64Url(jwk.x) : undefined;
    if (d?.byteLength !== 32 || x?.byteLength !== 32) throw new Error('unexpected X25519 JWK export');
    // X25519 clamps the scalar when using it, so the clamped bytes are the same private key.
    const scalar = clamp(d);
    d.fill(0);
    lruSet(cache, bytesKey(scalar), pair.privateKey, PRIVATE_KEY_CACHE_SIZE);
    return { pubKey: x.buffer, privKey: scalar.buffer };
  }

  return {
    async generateKeyPair() {
      if (!generate) return undefined;
      try {
        const pair = await generated();
        if (!generationChecked) {
          // Once: the exported private key must give the exported public key.
          const key = await importPrivateKey(new Uint8Array(pair.privKey), false);
          basepoint ??= subtle.importKey('raw', BASEPOINT, ALGORITHM, true, []);
          const derived = await subtle.deriveBits({ name: 'X25519', public: await basepoint }, key, 256);
          if (!bytesEqual(new Uint8Array(derived), new Uint8Array(pair.pubKey))) throw new Error('inconsistent');
          generationChecked = true;
        }
        return pair;
      } catch {
        generate = false;
        return undefined;
      }
    },
    async keyPair(privKey) {
      const scalar = clamp(new Uint8Array(privKey));
      if (scalar.byteLength !== 32) throw new Error('X25519 private key must be 32 bytes');
      const exported = await exportedPublicKey(scalar);
      if (exported) return { pubKey: exported, privKey: scalar.buffer };
      basepoint ??= subtle.importKey('raw', BASEPOINT, ALGORITHM, true, []);
      const pubKey = await agree(await basepoint, scalar);
      return { pubKey, privKey: scalar.buffer };
    },
    async sharedSecret(pubKey, privKey) {
      if (pubKey.byteLength !== 32) throw new Error('X25519 public key must be 32 bytes');
      return agree(await publicKey(pubKey), new Uint8Array(privKey));
    },
  };
}

// RFC 7748 section 6.1 test vector.
const KAT = {
  alicePrivate: '77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a',
  alicePublic: '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a',
  bobPublic: 'de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f',
  shared: '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742',
};

/**
 * True when `subtle` implements X25519 correctly (checked against the RFC 7748 vector, so a partial
 * or broken implementation is not used).
 */
export async function webCryptoSupportsX25519(subtle: SubtleCrypto | undefined): Promise<boolean> {
  if (!subtle) return false;
  try {
    const x = webCryptoX25519(subtle);
    const alice = await x.keyPair(toArrayBuffer(fromHex(KAT.alicePrivate)));
    if (!bytesEqual(new Uint8Array(alice.pubKey), fromHex(KAT.alicePublic))) return false;
    const shared = await x.sharedSecret(toArrayBuffer(fromHex(KAT.bobPublic)), alice.privKey);
    return bytesEqual(new Uint8Array(shared), fromHex(KAT.shared));
  } catch {
    return false;
  }
}
