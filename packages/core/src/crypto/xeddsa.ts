// XEdDSA signature verification (as Signal's curve25519 verify) on the platform's WebCrypto
// Ed25519. An XEdDSA signature by a Curve25519 key is an Ed25519 signature by the birationally
// equivalent Edwards key, whose sign bit travels in the top bit of the signature's last byte:
// convert the Montgomery u to the Edwards y = (u - 1) / (u + 1), put that sign bit on it, clear it
// from the signature and verify with Ed25519. Only verification: signing with a Curve25519 private
// key needs the raw scalar, which WebCrypto's Ed25519 (seed-based keys) cannot take.
//
// The result equals the library's asm.js verify for every signature an XEdDSA signer produces.
// Ed25519 on WebCrypto is strict where that code is lax: it rejects a malleated signature whose
// scalar S is not reduced (S >= L), as the official libsignal does too. Internal to crypto/.
import { fromHex } from '../bytes.js';
import { copyBytes } from './buffers.js';

const P = (1n << 255n) - 19n;

/** The inverse of `a` modulo P (extended Euclid; 0 for 0, as Fermat inversion gives). */
function invert(a: bigint): bigint {
  if (a === 0n) return 0n;
  let t = 0n;
  let nextT = 1n;
  let r = P;
  let nextR = a;
  while (nextR !== 0n) {
    const q = r / nextR;
    const tt = t - q * nextT;
    t = nextT;
    nextT = tt;
    const rr = r - q * nextR;
    r = nextR;
    nextR = rr;
  }
  return t < 0n ? t + P : t;
}

/** Little-endian bytes to an integer, the top bit ignored (as ref10's fe_frombytes). */
function fieldFromBytes(bytes: Uint8Array): bigint {
  let n = 0n;
  for (let i = 31; i >= 0; i--) n = (n << 8n) | BigInt(i === 31 ? bytes[i]! & 0x7f : bytes[i]!);
  return n % P;
}

function fieldToBytes(n: bigint): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(32);
  let v = n;
  for (let i = 0; i < 32; i++) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/**
 * The Edwards y (32 bytes, sign bit clear) of a Curve25519 u coordinate: (u - 1) / (u + 1), where
 * dividing by zero (u = -1) gives 0, as ref10's fe_invert does.
 */
export function montgomeryToEdwardsY(u: Uint8Array): Uint8Array<ArrayBuffer> {
  const x = fieldFromBytes(u);
  const inverse = invert((x + 1n) % P);
  return fieldToBytes((((x - 1n + P) % P) * inverse) % P);
}

export interface XEdDSAVerifier {
  /** Whether `signature` (64 bytes) by the 32-byte Curve25519 public key `publicKey` is valid. */
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean>;
}

const ED25519 = { name: 'Ed25519' } as const;

/** XEdDSA verification over `subtle`'s Ed25519. Anything malformed answers false, never throws. */
export function webCryptoXEdDSA(subtle: SubtleCrypto): XEdDSAVerifier {
  return {
    async verify(publicKey, message, signature) {
      if (publicKey.byteLength !== 32 || signature.byteLength !== 64) return false;
      const edPublicKey = montgomeryToEdwardsY(publicKey);
      const sig = copyBytes(signature);
      edPublicKey[31] = (edPublicKey[31]! & 0x7f) | (sig[63]! & 0x80);
      sig[63] = sig[63]! & 0x7f;
      try {
        const key = await subtle.importKey('raw', edPublicKey, ED25519, false, ['verify']);
        return await subtle.verify(ED25519, key, sig, copyBytes(message));
      } catch {
        return false;
      }
    },
  };
}

// An XEdDSA signature made by the library's own (asm.js) signer.
const KAT = {
  publicKey: 'bb50ff9e82a574cfbf820e97f60fb9c143ec7415cf514f8cfd98eff59e059614',
  message: 'parley xeddsa known answer',
  signature:
    '5e7ec9c1b366cc1eb3d43495f93da806968a15fd4b4a2c46944cf36a29219802' +
    'b5a286903dfafef8d68d17357a0989d758a54bd4c67a9d1f46dceb37a7adc080',
};

/**
 * True when `subtle` has Ed25519 and verifies XEdDSA correctly through it: a known signature
 * passes, and the same signature with one bit changed, or on another message, fails.
 */
export async function webCryptoSupportsXEdDSA(subtle: SubtleCrypto | undefined): Promise<boolean> {
  if (!subtle) return false;
  try {
    const x = webCryptoXEdDSA(subtle);
    const publicKey = fromHex(KAT.publicKey);
    const message = new TextEncoder().encode(KAT.message);
    const signature = fromHex(KAT.signature);
    if (!(await x.verify(publicKey, message, signature))) return false;
    const tampered = copyBytes(signature);
    tampered[10] = tampered[10]! ^ 1;
    if (await x.verify(publicKey, message, tampered)) return false;
    const flipped = copyBytes(signature);
    flipped[63] = flipped[63]! ^ 0x80;
    if (await x.verify(publicKey, message, flipped)) return false;
    return !(await x.verify(publicKey, new TextEncoder().encode(`${KAT.message}!`), signature));
  } catch {
    return false;
  }
}
