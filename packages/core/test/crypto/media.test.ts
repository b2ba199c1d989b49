// Media encryption (media.ts, media-cbc.ts, media-hash.ts): the incremental hashes against the
// one-shot ones, the upload format against an independent construction on the platform's
// WebCrypto, round trips over many sizes and piece boundaries on both AES backends, and every
// tampering a server could do yielding MEDIA_INTEGRITY.

import { errorIfRejected, reasonOf, rejectionOf } from '@parley/test-utils/rejection';
import { describe, expect, it } from 'vitest';
import { concatBytes, randomBytes, toHex, utf8 } from '../../src/bytes.js';
import {
  decryptMedia,
  deriveMediaKeys,
  encryptMedia,
  MEDIA_KEY_INFO,
  MEDIA_MAC_BYTES,
  type MediaCipherBackend,
  MediaDecryptor,
  MediaEncryptor,
  MediaVerifier,
  mediaDecryptTransform,
  mediaEncryptTransform,
  mediaUploadSize,
} from '../../src/crypto/media.js';
import { HmacSha256Stream, Sha256Stream } from '../../src/crypto/media-hash.js';
import { hmacSha256, sha256 } from '../../src/crypto/sha256.js';

const subtle = globalThis.crypto.subtle;
const BACKENDS: MediaCipherBackend[] = ['webcrypto', 'js'];

/** Splits `data` at random points into pieces of 0..max bytes. */
function pieces(data: Uint8Array, max: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let offset = 0;
  while (offset < data.length) {
    const n = Math.floor(Math.random() * (max + 1));
    out.push(data.slice(offset, offset + n));
    offset += n;
  }
  return out;
}

/** The upload built directly on WebCrypto, one shot: the format as docs/PROTOCOL.md states it. */
async function reference(mediaKey: Uint8Array, plaintext: Uint8Array) {
  const hkdf = await subtle.importKey('raw', new Uint8Array(mediaKey), 'HKDF', false, ['deriveBits']);
  const okm = new Uint8Array(
    await subtle.deriveBits(
      { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: new Uint8Array(utf8(MEDIA_KEY_INFO)) },
      hkdf,
      112 * 8,
    ),
  );
  const iv = okm.slice(0, 16);
  const aes = await subtle.importKey('raw', okm.slice(16, 48), 'AES-CBC', false, ['encrypt']);
  const ciphertext = new Uint8Array(await subtle.encrypt({ name: 'AES-CBC', iv }, aes, new Uint8Array(plaintext)));
  const hmac = await subtle.importKey('raw', okm.slice(48, 80), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await subtle.sign('HMAC', hmac, new Uint8Array(concatBytes(iv, ciphertext)))).slice(0, 10);
  const upload = new Uint8Array(concatBytes(ciphertext, mac));
  return { okm, upload, digest: new Uint8Array(await subtle.digest('SHA-256', upload)) };
}

/** Why media failed its integrity check (`details.reason` of a MEDIA_INTEGRITY error), else undefined. */
const integrityReason = (error: unknown): string | undefined => reasonOf(error, 'MEDIA_INTEGRITY');

describe('incremental hashes', () => {
  it('Sha256Stream equals sha256 for any split', () => {
    for (const size of [0, 1, 55, 56, 63, 64, 65, 127, 128, 1000, 65_000]) {
      const data = randomBytes(size);
      const stream = new Sha256Stream();
      for (const p of pieces(data, 100)) stream.update(p);
      expect(toHex(stream.digest())).toBe(toHex(sha256(data)));
    }
  });

  it('HmacSha256Stream equals hmacSha256, short and long keys', () => {
    for (const keySize of [10, 32, 64, 100]) {
      const key = randomBytes(keySize);
      const data = randomBytes(5000);
      const stream = new HmacSha256Stream(key);
      for (const p of pieces(data, 300)) stream.update(p);
      expect(toHex(stream.digest())).toBe(toHex(hmacSha256(key, data)));
    }
  });
});

describe('media keys', () => {
  it('expand with HKDF-SHA256, info "Parley Media Keys", into iv, cipher key, MAC key and ref key', async () => {
    const mediaKey = randomBytes(32);
    const { okm } = await reference(mediaKey, new Uint8Array(1));
    const keys = deriveMediaKeys(mediaKey);
    expect(toHex(concatBytes(keys.iv, keys.cipherKey, keys.macKey, keys.refKey))).toBe(toHex(okm));
  });

  it('refuse a key that is not 32 bytes', () => {
    expect(() => deriveMediaKeys(new Uint8Array(16))).toThrow(/32 bytes/);
  });
});

describe.each(BACKENDS)('media encryption on %s AES', (backend) => {
  it('produces the reference upload and digest for sizes around block and chunk edges, fed in any pieces', async () => {
    const chunkBytes = 64;
    for (const size of [0, 1, 15, 16, 17, 63, 64, 65, 128, 1000, 4099]) {
      const mediaKey = randomBytes(32);
      const plaintext = randomBytes(size);
      const expected = await reference(mediaKey, plaintext);
      const encryptor = await MediaEncryptor.create(mediaKey, { backend, chunkBytes });
      const out: Uint8Array[] = [];
      for (const p of pieces(plaintext, 100)) out.push(await encryptor.update(p));
      out.push(await encryptor.finish());
      const upload = concatBytes(...out);
      expect(toHex(upload), `size ${size}`).toBe(toHex(expected.upload));
      expect(toHex(encryptor.info.digest)).toBe(toHex(expected.digest));
      expect(encryptor.info).toMatchObject({ plaintextSize: size, uploadSize: mediaUploadSize(size) });
      expect(upload.length).toBe(mediaUploadSize(size));
    }
  });

  it('round-trips through the verifier and the decryptor, fed in any pieces', async () => {
    for (const size of [0, 1, 16, 31, 32, 33, 500, 5000]) {
      const plaintext = randomBytes(size);
      const { mediaKey, upload, digest } = await encryptMedia(plaintext, { backend, chunkBytes: 32 });
      const verifier = new MediaVerifier(mediaKey, digest);
      for (const p of pieces(upload, 7)) verifier.update(p);
      verifier.finish();
      const decryptor = await MediaDecryptor.create(mediaKey, { backend, chunkBytes: 32 });
      const out: Uint8Array[] = [];
      for (const p of pieces(upload, 50)) out.push(await decryptor.update(p));
      out.push(await decryptor.finish());
      expect(toHex(concatBytes(...out)), `size ${size}`).toBe(toHex(plaintext));
      expect(toHex(await decryptMedia(mediaKey, upload, digest, { backend }))).toBe(toHex(plaintext));
    }
  });
});

describe('media integrity', () => {
  it('refuses one flipped byte anywhere, a wrong digest, a truncated upload and trailing bytes', async () => {
    const plaintext = randomBytes(300);
    const { mediaKey, upload, digest } = await encryptMedia(plaintext);
    const tampered: Array<[string, Uint8Array, Uint8Array, string]> = [];
    for (const at of [0, 100, upload.length - MEDIA_MAC_BYTES - 1, upload.length - 1]) {
      const flipped = upload.slice();
      flipped[at]! ^= 0x01;
      tampered.push([`flip at ${at}`, flipped, digest, 'digest']);
      // A server cannot make the MAC match without the key, even if it fixes up the digest.
      tampered.push([`flip at ${at}, digest fixed`, flipped, sha256(flipped), 'mac']);
    }
    const wrongDigest = digest.slice();
    wrongDigest[0]! ^= 0x80;
    tampered.push(['wrong digest', upload, wrongDigest, 'digest']);
    tampered.push(['truncated by a block', upload.slice(0, upload.length - 16), digest, 'digest']);
    tampered.push(['truncated by a byte', upload.slice(0, upload.length - 1), digest, 'length']);
    tampered.push(['trailing byte', concatBytes(upload, new Uint8Array([0])), digest, 'length']);
    const trailingBlock = concatBytes(upload, new Uint8Array(16));
    tampered.push(['trailing block', trailingBlock, sha256(trailingBlock), 'mac']);
    tampered.push(['empty', new Uint8Array(0), sha256(new Uint8Array(0)), 'length']);
    for (const [label, bytes, d, reason] of tampered) {
      const error = await rejectionOf(decryptMedia(mediaKey, bytes, d));
      expect(integrityReason(error), label).toBe(reason);
    }
  });

  it('refuses a valid upload under another media key', async () => {
    const { upload, digest } = await encryptMedia(randomBytes(100));
    expect(integrityReason(await rejectionOf(decryptMedia(randomBytes(32), upload, digest)))).toBe('mac');
  });

  it('the decryptor alone reports a malformed length or padding as MEDIA_INTEGRITY', async () => {
    const mediaKey = randomBytes(32);
    const short = await MediaDecryptor.create(mediaKey);
    await short.update(new Uint8Array(20));
    expect(integrityReason(await rejectionOf(short.finish()))).toBe('length');
    const garbage = await MediaDecryptor.create(mediaKey);
    await garbage.update(randomBytes(32 + MEDIA_MAC_BYTES));
    // Random blocks end in valid padding about once in 256 tries; both outcomes are legitimate.
    const error = await errorIfRejected(garbage.finish());
    if (error) expect(integrityReason(error)).toBe('padding');
  });
});

describe('web streams', () => {
  it('encrypts as a TransformStream', async () => {
    const plaintext = randomBytes(3000);
    const mediaKey = randomBytes(32);
    const encryptor = await MediaEncryptor.create(mediaKey, { chunkBytes: 256 });
    const encrypted = new Blob(pieces(plaintext, 200) as Uint8Array<ArrayBuffer>[])
      .stream()
      .pipeThrough(mediaEncryptTransform(encryptor));
    const upload = new Uint8Array(await new Response(encrypted).arrayBuffer());
    expect(upload.length).toBe(encryptor.info.uploadSize);
    expect(toHex(await decryptMedia(mediaKey, upload, encryptor.info.digest))).toBe(toHex(plaintext));
  });

  it('decrypts verified bytes as a TransformStream', async () => {
    const plaintext = randomBytes(3000);
    const { mediaKey, upload } = await encryptMedia(plaintext, { chunkBytes: 128 });
    const decryptor = await MediaDecryptor.create(mediaKey, { chunkBytes: 128 });
    const stream = new Blob(pieces(upload, 100) as Uint8Array<ArrayBuffer>[])
      .stream()
      .pipeThrough(mediaDecryptTransform(decryptor));
    expect(toHex(new Uint8Array(await new Response(stream).arrayBuffer()))).toBe(toHex(plaintext));
  });
});
