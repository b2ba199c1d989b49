// AES-256-CBC over a file in chunks. CBC chains across chunks by itself: encrypting a run of whole
// blocks with the previous ciphertext block as IV gives exactly the blocks one long encryption
// would, so only the last chunk is padded (PKCS#7). Both backends below are one-shot AES-CBC
// with padding (WebCrypto's and the pure-JS one of aes.ts), bent to chunks:
// - encrypting a middle chunk drops the padding block the one-shot call appends;
// - decrypting a middle chunk appends a block that decrypts to a full padding block (16 x 0x10),
//   made by encrypting nothing with the chunk's last ciphertext block as IV, so the one-shot
//   call's padding check passes and strips exactly that block.
// Internal to crypto/.

import { aesCbcDecrypt, aesCbcEncrypt } from './aes.js';

/** AES-CBC over runs of whole blocks that continue one another; only `final` runs are padded. */
export interface CbcChunks {
  /** Encrypts `data` (whole blocks unless final) with `iv`; a final run gets PKCS#7 padding. */
  encrypt(iv: Uint8Array, data: Uint8Array, final: boolean): Promise<Uint8Array>;
  /** Decrypts whole blocks; a final run has its padding checked and removed (throws when malformed). */
  decrypt(iv: Uint8Array, data: Uint8Array, final: boolean): Promise<Uint8Array>;
}

/** Which AES implementation media uses: the platform's WebCrypto (default) or pure JS. */
export type MediaCipherBackend = 'webcrypto' | 'js';

const BLOCK = 16;
const lastBlock = (data: Uint8Array) => data.subarray(data.length - BLOCK);

/** The AES-CBC chunker for a 32-byte key on the chosen backend. */
export async function cbcChunks(key: Uint8Array, backend: MediaCipherBackend = 'webcrypto'): Promise<CbcChunks> {
  return backend === 'js' ? jsChunks(key.slice()) : webCryptoChunks(key);
}

async function webCryptoChunks(rawKey: Uint8Array): Promise<CbcChunks> {
  const subtle = globalThis.crypto.subtle;
  const key = await subtle.importKey('raw', new Uint8Array(rawKey), 'AES-CBC', false, ['encrypt', 'decrypt']);
  const encrypt = async (iv: Uint8Array, data: Uint8Array) =>
    new Uint8Array(await subtle.encrypt({ name: 'AES-CBC', iv: new Uint8Array(iv) }, key, asBufferView(data)));
  return {
    async encrypt(iv, data, final) {
      const out = await encrypt(iv, data);
      return final ? out : out.subarray(0, data.length);
    },
    async decrypt(iv, data, final) {
      const input = final ? data : withPaddingBlock(data, await encrypt(lastBlock(data), new Uint8Array(0)));
      return new Uint8Array(
        await subtle.decrypt({ name: 'AES-CBC', iv: new Uint8Array(iv) }, key, asBufferView(input)),
      );
    },
  };
}

function jsChunks(key: Uint8Array): CbcChunks {
  return {
    async encrypt(iv, data, final) {
      const out = aesCbcEncrypt(key, iv, data);
      return final ? out : out.subarray(0, data.length);
    },
    async decrypt(iv, data, final) {
      const input = final ? data : withPaddingBlock(data, aesCbcEncrypt(key, lastBlock(data), new Uint8Array(0)));
      return aesCbcDecrypt(key, iv, input);
    },
  };
}

function withPaddingBlock(data: Uint8Array, padding: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(data.length + BLOCK);
  out.set(data);
  out.set(padding, data.length);
  return out;
}

/** WebCrypto wants a view on an ArrayBuffer (not a SharedArrayBuffer); copy only when needed. */
function asBufferView(data: Uint8Array): Uint8Array<ArrayBuffer> {
  return data.buffer instanceof ArrayBuffer ? (data as Uint8Array<ArrayBuffer>) : new Uint8Array(data);
}
