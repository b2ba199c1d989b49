// X25519 on the platform's WebCrypto (`crypto.subtle`, algorithm name 'X25519'), in the shape the
// Signal library's `setCurve` hook expects for key generation and agreement. Internal to crypto/.
import { bytesEqual, fromHex } from '../bytes.js';
import { bytesKey, copyBytes, toArrayBuffer } from './buffers.js';

/** The two X25519 operations the library routes through its curve hook; raw 32-byte keys. */
export interface X25519 {
  /** Clamps the 32 random bytes into a private key and derives its public key. */
  keyPair(privKey: ArrayBuffer): Promise<{ pubKey: ArrayBuffer; privKey: ArrayBuffer }>;
  sharedSecret(pubKey: ArrayBuffer, privKey: ArrayBuffer): Promise<ArrayBuffer>;
}

const ALGORITHM = { name: 'X25519' } as const;
// DER prefix of a PKCS#8 PrivateKeyInfo for X25519 (OID 1.3.101.110) followed by the 32-byte key.
const PKCS8_PREFIX = fromHex('302e020100300506032b656e04220420');
const BASEPOINT = new Uint8Array(32);
BASEPOINT[0] = 9;
// Imported private keys are kept for reuse: the identity and signed prekeys are used on every
// session setup, and each new ratchet key is used right after it is made. Importing PKCS#8 costs
// several times more than the agreement itself.
const PRIVATE_KEY_CACHE_SIZE = 64;

function clamp(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const k = copyBytes(bytes);
  k[0] = (k[0] ?? 0) & 248;
  k[31] = ((k[31] ?? 0) & 127) | 64;
  return k;
}

/** X25519 over `subtle`. Agreement with a low-order public key fails instead of yielding zeros. */
export function webCryptoX25519(subtle: SubtleCrypto): X25519 {
  const cache = new Map<string, CryptoKey>();
  let basepoint: Promise<CryptoKey> | undefined;

  async function privateKey(scalar: Uint8Array): Promise<CryptoKey> {
    if (scalar.byteLength !== 32) throw new Error('X25519 private key must be 32 bytes');
    const id = bytesKey(scalar);
    const hit = cache.get(id);
    if (hit) {
      cache.delete(id);
      cache.set(id, hit);
      return hit;
    }
    const pkcs8 = new Uint8Array(PKCS8_PREFIX.byteLength + 32);
    pkcs8.set(PKCS8_PREFIX);
    pkcs8.set(scalar, PKCS8_PREFIX.byteLength);
    const key = await subtle.importKey('pkcs8', pkcs8, ALGORITHM, false, ['deriveBits']);
    pkcs8.fill(0);
    cache.set(id, key);
    if (cache.size > PRIVATE_KEY_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    return key;
  }

  async function agree(publicKey: CryptoKey, scalar: Uint8Array): Promise<ArrayBuffer> {
    return subtle.deriveBits({ name: 'X25519', public: publicKey }, await privateKey(scalar), 256);
  }

  return {
    async keyPair(privKey) {
      const scalar = clamp(new Uint8Array(privKey));
      basepoint ??= subtle.importKey('raw', BASEPOINT, ALGORITHM, true, []);
      const pubKey = await agree(await basepoint, scalar);
      return { pubKey, privKey: scalar.buffer };
    },
    async sharedSecret(pubKey, privKey) {
      if (pubKey.byteLength !== 32) throw new Error('X25519 public key must be 32 bytes');
      const publicKey = await subtle.importKey('raw', pubKey, ALGORITHM, true, []);
      return agree(publicKey, new Uint8Array(privKey));
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
