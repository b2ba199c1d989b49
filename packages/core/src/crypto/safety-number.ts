// Safety numbers: Signal's numeric fingerprint (display form, version 0), on WebCrypto SHA-512.
import { utf8 } from '../bytes.js';
import { ParleyError } from '../errors.js';
import { isPublicKey } from './keys-format.js';

const FINGERPRINT_VERSION = 0;
/** Signal's iteration count for safety numbers. */
export const SAFETY_NUMBER_ITERATIONS = 5200;

/**
 * 30 digits for one side: hash = SHA-512(version (2 bytes, big-endian) || key || id || key), then
 * `iterations - 1` times hash = SHA-512(hash || key); six 5-byte big-endian chunks of the hash,
 * each mod 100000 as 5 digits.
 */
async function displayDigits(identifier: Uint8Array, key: Uint8Array, iterations: number): Promise<string> {
  const subtle = globalThis.crypto.subtle;
  const first = new Uint8Array(2 + key.byteLength + identifier.byteLength + key.byteLength);
  first[0] = (FINGERPRINT_VERSION >> 8) & 0xff;
  first[1] = FINGERPRINT_VERSION & 0xff;
  first.set(key, 2);
  first.set(identifier, 2 + key.byteLength);
  first.set(key, 2 + key.byteLength + identifier.byteLength);
  let hash = new Uint8Array(await subtle.digest('SHA-512', first));
  const buf = new Uint8Array(hash.byteLength + key.byteLength);
  buf.set(key, hash.byteLength);
  for (let i = 1; i < iterations; i++) {
    buf.set(hash, 0);
    hash = new Uint8Array(await subtle.digest('SHA-512', buf));
  }
  let digits = '';
  for (let chunk = 0; chunk < 6; chunk++) {
    let value = 0;
    for (let j = 0; j < 5; j++) value = value * 256 + (hash[chunk * 5 + j] ?? 0);
    digits += String(value % 100_000).padStart(5, '0');
  }
  return digits;
}

/**
 * The 60-digit safety number of two users, identical on both sides (Signal's numeric fingerprint:
 * 30 digits per side, the smaller half first). Identity keys are the 33-byte serialized public keys;
 * user ids are hashed as UTF-8. Show it in 12 groups of 5 digits.
 */
export async function safetyNumber(
  localUserId: string,
  localIdentityKey: Uint8Array,
  remoteUserId: string,
  remoteIdentityKey: Uint8Array,
  iterations: number = SAFETY_NUMBER_ITERATIONS,
): Promise<string> {
  if (!isPublicKey(localIdentityKey) || !isPublicKey(remoteIdentityKey)) {
    throw new ParleyError('INVALID_ARGUMENT', 'identity keys must be 33-byte serialized public keys');
  }
  if (!Number.isInteger(iterations) || iterations < 2 || iterations > 1_000_000) {
    throw new ParleyError('INVALID_ARGUMENT', 'iterations must be an integer in 2..1000000');
  }
  const [local, remote] = await Promise.all([
    displayDigits(utf8(localUserId), localIdentityKey, iterations),
    displayDigits(utf8(remoteUserId), remoteIdentityKey, iterations),
  ]);
  return local < remote ? local + remote : remote + local;
}
