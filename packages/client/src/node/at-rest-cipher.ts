import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ParleyError } from '@parley/core';

/**
 * How a record's payload is stored in `store.log` / `store.snapshot`: as is, or sealed with
 * AES-256-GCM under a key the app supplies (e.g. kept in the OS keychain).
 *
 * A sealed payload is `[0x01][12-byte random nonce][ciphertext][16-byte tag]`. A plain payload is
 * UTF-8 JSON, so it starts with `{` and never with 0x01: a store opened with the wrong setting is
 * recognised and refused instead of being read as damaged (which would drop its records).
 */
export interface PayloadCodec {
  seal(payload: Buffer): Buffer;
  /** The payload of a frame whose checksum passed; throws a ParleyError when it cannot be read. */
  open(body: Buffer): Buffer;
}

const SEALED = 0x01;
const NONCE = 12;
const TAG = 16;
/** Binds sealed payloads to this use, so the key cannot be confused with another of the app's. */
const AAD = Buffer.from('parley client store v1');

/** Payloads stored as is. */
export const plainPayloads: PayloadCodec = {
  seal: (payload) => payload,
  open(body) {
    if (body[0] === SEALED) {
      throw new ParleyError('STORE_FAILED', 'the client store is encrypted: open it with its encryptionKey');
    }
    return body;
  },
};

/** Payloads sealed with AES-256-GCM under `key` (32 bytes). */
export function sealedPayloads(key: Uint8Array): PayloadCodec {
  if (key.byteLength !== 32) throw new ParleyError('INVALID_ARGUMENT', 'encryptionKey must be 32 bytes');
  const secret = Buffer.from(key);
  return {
    seal(payload) {
      const nonce = randomBytes(NONCE);
      const cipher = createCipheriv('aes-256-gcm', secret, nonce);
      cipher.setAAD(AAD);
      const body = cipher.update(payload);
      const rest = cipher.final();
      return Buffer.concat([Buffer.of(SEALED), nonce, body, rest, cipher.getAuthTag()]);
    },
    open(body) {
      if (body[0] !== SEALED) {
        throw new ParleyError('STORE_FAILED', 'the client store is not encrypted, but an encryptionKey was given');
      }
      if (body.length < 1 + NONCE + TAG) throw new ParleyError('DECRYPTION_FAILED', 'sealed record too short');
      const nonce = body.subarray(1, 1 + NONCE);
      const tag = body.subarray(body.length - TAG);
      const decipher = createDecipheriv('aes-256-gcm', secret, nonce);
      decipher.setAAD(AAD);
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(body.subarray(1 + NONCE, body.length - TAG)), decipher.final()]);
      } catch (e) {
        // The checksum matched, so the bytes are as written: the key is not the one they were sealed with.
        throw new ParleyError('DECRYPTION_FAILED', 'wrong encryptionKey for the client store', { cause: e });
      }
    },
  };
}
