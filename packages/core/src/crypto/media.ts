// End-to-end encryption of media files (images, video, voice notes, documents), as WhatsApp and
// Signal attachments do it:
//
//   keys     = HKDF-SHA256(ikm = media key (32 random bytes), salt = none, info = "Parley Media Keys", 112)
//              -> iv (16) | cipherKey (32) | macKey (32) | refKey (32, unused)
//   upload   = AES-256-CBC(cipherKey, iv, file, PKCS#7) || HMAC-SHA256(macKey, iv || ciphertext)[0..10)
//   digest   = SHA-256(upload)
//
// The media key, digest and sizes travel inside the end-to-end encrypted message; the server only
// ever holds `upload`. A receiver checks the digest and the MAC over the whole upload before it
// decrypts a single byte. Everything here streams: memory stays bounded by the chunk size
// whatever the file size.

import { bytesEqual, concatBytes, randomBytes, utf8 } from '../bytes.js';
import { ParleyError } from '../errors.js';
import { type CbcChunks, cbcChunks, type MediaCipherBackend } from './media-cbc.js';
import { HmacSha256Stream, Sha256Stream } from './media-hash.js';
import { hkdfSha256 } from './sha256.js';

export type { MediaCipherBackend };

/** Length of a media key. */
export const MEDIA_KEY_BYTES = 32;
/** Length of the truncated HMAC that ends every upload. */
export const MEDIA_MAC_BYTES = 10;
/** HKDF info string of Parley media keys (one for every kind of media). */
export const MEDIA_KEY_INFO = 'Parley Media Keys';
/** Default amount of data handed to AES at once (and so the order of the memory used). */
export const MEDIA_CHUNK_BYTES = 256 * 1024;

const BLOCK = 16;

/** The keys expanded from a media key. */
export interface MediaKeys {
  iv: Uint8Array;
  cipherKey: Uint8Array;
  macKey: Uint8Array;
  /** Derived for WhatsApp's layout; Parley does not use it. */
  refKey: Uint8Array;
}

/** Options of the media encryptor and decryptor. */
export interface MediaCryptoOptions {
  /** AES implementation; default `'webcrypto'` (see docs/PROTOCOL.md, Media, for the figures). */
  backend?: MediaCipherBackend;
  /** Bytes handed to AES per call; default {@link MEDIA_CHUNK_BYTES}. Rounded to whole blocks. */
  chunkBytes?: number;
}

/** What an encryption produced, besides the upload bytes themselves. */
export interface EncryptedMediaInfo {
  /** SHA-256 of the upload (ciphertext || MAC). */
  digest: Uint8Array;
  plaintextSize: number;
  uploadSize: number;
}

/** A fresh random media key. Use one per file, never twice. */
export function generateMediaKey(): Uint8Array {
  return randomBytes(MEDIA_KEY_BYTES);
}

/** Expands a media key (HKDF-SHA256, info {@link MEDIA_KEY_INFO}, 112 bytes). */
export function deriveMediaKeys(mediaKey: Uint8Array): MediaKeys {
  if (mediaKey.length !== MEDIA_KEY_BYTES) {
    throw new ParleyError('INVALID_ARGUMENT', `a media key has ${MEDIA_KEY_BYTES} bytes`);
  }
  const okm = hkdfSha256(mediaKey, new Uint8Array(0), utf8(MEDIA_KEY_INFO), 112);
  return {
    iv: okm.slice(0, 16),
    cipherKey: okm.slice(16, 48),
    macKey: okm.slice(48, 80),
    refKey: okm.slice(80, 112),
  };
}

/** Size of the upload for a file of `plaintextSize` bytes: padded ciphertext plus the MAC. */
export function mediaUploadSize(plaintextSize: number): number {
  return (Math.floor(plaintextSize / BLOCK) + 1) * BLOCK + MEDIA_MAC_BYTES;
}

const integrity = (reason: string, message: string) =>
  new ParleyError('MEDIA_INTEGRITY', message, { details: { reason } });

const chunkSize = (options: MediaCryptoOptions) =>
  Math.max(BLOCK, Math.floor((options.chunkBytes ?? MEDIA_CHUNK_BYTES) / BLOCK) * BLOCK);

/**
 * Encrypts a file fed in pieces: `update` returns the upload bytes ready so far (often none),
 * `finish` the rest (last ciphertext blocks and the MAC); then `info` holds the digest and sizes.
 */
export class MediaEncryptor {
  private readonly pending = new ByteQueue();
  private readonly mac: HmacSha256Stream;
  private readonly hash = new Sha256Stream();
  private iv: Uint8Array;
  private plaintextSize = 0;
  private uploadSize = 0;
  private result: EncryptedMediaInfo | undefined;

  private constructor(
    keys: MediaKeys,
    private readonly cbc: CbcChunks,
    private readonly chunkBytes: number,
  ) {
    this.iv = keys.iv;
    this.mac = new HmacSha256Stream(keys.macKey);
    this.mac.update(keys.iv);
  }

  static async create(mediaKey: Uint8Array, options: MediaCryptoOptions = {}): Promise<MediaEncryptor> {
    const keys = deriveMediaKeys(mediaKey);
    return new MediaEncryptor(keys, await cbcChunks(keys.cipherKey, options.backend), chunkSize(options));
  }

  /** Feeds plaintext; resolves with upload bytes that are final (possibly empty). */
  async update(plaintext: Uint8Array): Promise<Uint8Array> {
    if (this.result) throw new ParleyError('INVALID_ARGUMENT', 'media encryption already finished');
    this.plaintextSize += plaintext.length;
    this.pending.push(plaintext);
    const out: Uint8Array[] = [];
    while (this.pending.length >= this.chunkBytes) {
      out.push(await this.encryptRun(this.pending.take(this.chunkBytes), false));
    }
    return join(out);
  }

  /** Encrypts what is left (padded) and appends the MAC; afterwards `info` is available. */
  async finish(): Promise<Uint8Array> {
    if (this.result) throw new ParleyError('INVALID_ARGUMENT', 'media encryption already finished');
    const last = await this.encryptRun(this.pending.take(this.pending.length), true);
    const mac = this.mac.digest().subarray(0, MEDIA_MAC_BYTES);
    this.hash.update(mac);
    this.uploadSize += mac.length;
    this.result = { digest: this.hash.digest(), plaintextSize: this.plaintextSize, uploadSize: this.uploadSize };
    return join([last, mac]);
  }

  /** Digest and sizes; only after {@link MediaEncryptor.finish}. */
  get info(): EncryptedMediaInfo {
    if (!this.result) throw new ParleyError('INVALID_ARGUMENT', 'media encryption not finished');
    return this.result;
  }

  private async encryptRun(plaintext: Uint8Array, final: boolean): Promise<Uint8Array> {
    const ciphertext = await this.cbc.encrypt(this.iv, plaintext, final);
    if (ciphertext.length > 0) this.iv = ciphertext.slice(ciphertext.length - BLOCK);
    this.mac.update(ciphertext);
    this.hash.update(ciphertext);
    this.uploadSize += ciphertext.length;
    return ciphertext;
  }
}

/**
 * Checks an upload fed in pieces against the digest the message carried and the MAC at its end.
 * `finish` throws MEDIA_INTEGRITY (details.reason: `length`, `digest` or `mac`) unless all hold.
 * Feed it everything before trusting (or decrypting) any of it.
 */
export class MediaVerifier {
  private readonly hash = new Sha256Stream();
  private readonly mac: HmacSha256Stream;
  private readonly tail = new Tail(MEDIA_MAC_BYTES);
  private size = 0;

  constructor(
    mediaKey: Uint8Array,
    private readonly expectedDigest: Uint8Array,
  ) {
    const keys = deriveMediaKeys(mediaKey);
    this.mac = new HmacSha256Stream(keys.macKey);
    this.mac.update(keys.iv);
  }

  /** Bytes of upload seen so far. */
  get uploadSize(): number {
    return this.size;
  }

  update(upload: Uint8Array): void {
    this.size += upload.length;
    this.hash.update(upload);
    for (const part of this.tail.push(upload)) this.mac.update(part);
  }

  finish(): void {
    const ciphertextSize = this.size - MEDIA_MAC_BYTES;
    if (ciphertextSize < BLOCK || ciphertextSize % BLOCK !== 0) {
      throw integrity('length', `a media upload of ${this.size} bytes cannot be valid`);
    }
    if (!bytesEqual(this.hash.digest(), this.expectedDigest)) {
      throw integrity('digest', 'media digest does not match');
    }
    const mac = this.mac.digest().subarray(0, MEDIA_MAC_BYTES);
    if (!bytesEqual(mac, this.tail.bytes())) throw integrity('mac', 'media MAC does not match');
  }
}

/**
 * Decrypts an upload (ciphertext || MAC) fed in pieces into the file. It does not authenticate:
 * run the upload through a {@link MediaVerifier} first and decrypt only what passed. `finish`
 * throws MEDIA_INTEGRITY when the length or the padding is malformed.
 */
export class MediaDecryptor {
  private readonly pending = new ByteQueue();
  private readonly tail = new Tail(MEDIA_MAC_BYTES);
  private iv: Uint8Array;
  private finished = false;

  private constructor(
    keys: MediaKeys,
    private readonly cbc: CbcChunks,
    private readonly chunkBytes: number,
  ) {
    this.iv = keys.iv;
  }

  static async create(mediaKey: Uint8Array, options: MediaCryptoOptions = {}): Promise<MediaDecryptor> {
    const keys = deriveMediaKeys(mediaKey);
    return new MediaDecryptor(keys, await cbcChunks(keys.cipherKey, options.backend), chunkSize(options));
  }

  /** Feeds upload bytes; resolves with plaintext that is final (possibly empty). */
  async update(upload: Uint8Array): Promise<Uint8Array> {
    if (this.finished) throw new ParleyError('INVALID_ARGUMENT', 'media decryption already finished');
    for (const part of this.tail.push(upload)) this.pending.push(part);
    const out: Uint8Array[] = [];
    // The last block stays behind: it carries the padding, which only the final run may strip.
    while (this.pending.length > this.chunkBytes) out.push(await this.decryptRun(this.chunkBytes, false));
    return join(out);
  }

  async finish(): Promise<Uint8Array> {
    if (this.finished) throw new ParleyError('INVALID_ARGUMENT', 'media decryption already finished');
    this.finished = true;
    const n = this.pending.length;
    if (this.tail.size < MEDIA_MAC_BYTES || n === 0 || n % BLOCK !== 0) {
      throw integrity('length', 'media ciphertext is not a whole number of blocks');
    }
    try {
      return await this.decryptRun(n, true);
    } catch (cause) {
      throw new ParleyError('MEDIA_INTEGRITY', 'media padding is malformed', { cause, details: { reason: 'padding' } });
    }
  }

  private async decryptRun(n: number, final: boolean): Promise<Uint8Array> {
    const ciphertext = this.pending.take(n);
    const plaintext = await this.cbc.decrypt(this.iv, ciphertext, final);
    this.iv = ciphertext.slice(ciphertext.length - BLOCK);
    return plaintext;
  }
}

/** A web TransformStream of plaintext into upload bytes; read `encryptor.info` once it has ended. */
export function mediaEncryptTransform(encryptor: MediaEncryptor): TransformStream<Uint8Array, Uint8Array> {
  return new TransformStream({
    async transform(chunk, controller) {
      const out = await encryptor.update(chunk);
      if (out.length > 0) controller.enqueue(out);
    },
    async flush(controller) {
      controller.enqueue(await encryptor.finish());
    },
  });
}

/** A web TransformStream of verified upload bytes into plaintext (see {@link MediaDecryptor}). */
export function mediaDecryptTransform(decryptor: MediaDecryptor): TransformStream<Uint8Array, Uint8Array> {
  return new TransformStream({
    async transform(chunk, controller) {
      const out = await decryptor.update(chunk);
      if (out.length > 0) controller.enqueue(out);
    },
    async flush(controller) {
      const out = await decryptor.finish();
      if (out.length > 0) controller.enqueue(out);
    },
  });
}

/** One-shot: encrypts a whole file under a fresh (or the given) media key. */
export async function encryptMedia(
  plaintext: Uint8Array,
  options: MediaCryptoOptions & { mediaKey?: Uint8Array } = {},
): Promise<{ mediaKey: Uint8Array; upload: Uint8Array } & EncryptedMediaInfo> {
  const mediaKey = options.mediaKey ?? generateMediaKey();
  const encryptor = await MediaEncryptor.create(mediaKey, options);
  const upload = join([await encryptor.update(plaintext), await encryptor.finish()]);
  return { mediaKey, upload, ...encryptor.info };
}

/** One-shot: verifies a whole upload against `digest` and its MAC, then decrypts it. MEDIA_INTEGRITY on any mismatch. */
export async function decryptMedia(
  mediaKey: Uint8Array,
  upload: Uint8Array,
  digest: Uint8Array,
  options: MediaCryptoOptions = {},
): Promise<Uint8Array> {
  const verifier = new MediaVerifier(mediaKey, digest);
  verifier.update(upload);
  verifier.finish();
  const decryptor = await MediaDecryptor.create(mediaKey, options);
  return join([await decryptor.update(upload), await decryptor.finish()]);
}

/** The pieces as one array, without a copy when there is only one. */
const join = (parts: Uint8Array[]): Uint8Array =>
  parts.length === 1 ? (parts[0] as Uint8Array) : concatBytes(...parts);

/** FIFO of byte pieces; `take` copies only when a run spans pieces. */
class ByteQueue {
  private readonly pieces: Uint8Array[] = [];
  private head = 0;
  length = 0;

  push(piece: Uint8Array): void {
    if (piece.length === 0) return;
    this.pieces.push(piece);
    this.length += piece.length;
  }

  take(n: number): Uint8Array {
    const first = this.pieces[0];
    if (first && first.length - this.head >= n) {
      const out = first.subarray(this.head, this.head + n);
      this.advance(n);
      return out;
    }
    const out = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      const piece = this.pieces[0] as Uint8Array;
      const take = Math.min(n - filled, piece.length - this.head);
      out.set(piece.subarray(this.head, this.head + take), filled);
      filled += take;
      this.advance(take);
    }
    return out;
  }

  private advance(n: number): void {
    this.length -= n;
    this.head += n;
    if (this.head === this.pieces[0]?.length) {
      this.pieces.shift();
      this.head = 0;
    }
  }
}

/** Holds back the last `keep` bytes of a stream (the MAC) and passes everything before them on. */
class Tail {
  private held = new Uint8Array(0);

  constructor(private readonly keep: number) {}

  /** Bytes now known not to be among the last `keep`. */
  push(data: Uint8Array): Uint8Array[] {
    if (data.length >= this.keep) {
      const released = [this.held, data.subarray(0, data.length - this.keep)];
      this.held = data.slice(data.length - this.keep);
      return released;
    }
    const all = join([this.held, data]);
    const cut = Math.max(0, all.length - this.keep);
    this.held = all.slice(cut);
    return [all.subarray(0, cut)];
  }

  get size(): number {
    return this.held.length;
  }

  bytes(): Uint8Array {
    return this.held;
  }
}
