// The sender chain: a symmetric ratchet without Diffie-Hellman steps. From chain key CK(i):
//   message key seed(i) = HMAC-SHA256(CK(i), 0x01)
//   CK(i + 1)           = HMAC-SHA256(CK(i), 0x02)
//   iv || cipher key    = HKDF-SHA256(seed(i), no salt, info "WhisperGroup", 48 bytes)
// and each message is AES-256-CBC (PKCS#7) under its own key.
import { aesCbcDecrypt, aesCbcEncrypt } from '../aes.js';
import { hkdfSha256, hmacSha256 } from '../sha256.js';

const MESSAGE_KEY_SEED = new Uint8Array([0x01]);
const CHAIN_KEY_SEED = new Uint8Array([0x02]);
const INFO = new TextEncoder().encode('WhisperGroup');
const NO_SALT = new Uint8Array(0);

/** The seed of the message key of the chain key's iteration. */
export function messageKeySeed(chainKey: Uint8Array): Uint8Array<ArrayBuffer> {
  return hmacSha256(chainKey, MESSAGE_KEY_SEED);
}

/** The chain key of the next iteration. */
export function nextChainKey(chainKey: Uint8Array): Uint8Array<ArrayBuffer> {
  return hmacSha256(chainKey, CHAIN_KEY_SEED);
}

function messageKeys(seed: Uint8Array): { iv: Uint8Array; cipherKey: Uint8Array } {
  const derived = hkdfSha256(seed, NO_SALT, INFO, 48);
  return { iv: derived.subarray(0, 16), cipherKey: derived.subarray(16, 48) };
}

export function encryptWithSeed(seed: Uint8Array, plaintext: Uint8Array): Uint8Array<ArrayBuffer> {
  const { iv, cipherKey } = messageKeys(seed);
  try {
    return aesCbcEncrypt(cipherKey, iv, plaintext);
  } finally {
    cipherKey.fill(0);
  }
}

/** Throws (RangeError) when the length or the padding is wrong. */
export function decryptWithSeed(seed: Uint8Array, ciphertext: Uint8Array): Uint8Array<ArrayBuffer> {
  const { iv, cipherKey } = messageKeys(seed);
  try {
    return aesCbcDecrypt(cipherKey, iv, ciphertext);
  } finally {
    cipherKey.fill(0);
  }
}
