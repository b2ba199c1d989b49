import { ParleyError, type parley, pb } from '@parley/core';
import { MEDIA_KEY_BYTES } from '@parley/core/crypto';

/** The kinds of media a message can carry. */
export type MediaKind = 'image' | 'video' | 'voice' | 'document';

/** What the app shows of a media file before (or instead of) downloading it. */
export interface MediaMetadata {
  mimeType: string;
  fileName?: string;
  caption?: string;
  width?: number;
  height?: number;
  durationMs?: number;
  /** Voice notes: the amplitude outline, one byte per sample. */
  waveform?: Uint8Array;
  /** A small preview (e.g. a JPEG), shown before the file is downloaded. */
  thumbnail?: Uint8Array;
}

/**
 * A media file as a message carries it (inside the end-to-end encryption): where the encrypted
 * upload is, the key and digest to open and check it, and its metadata.
 */
export interface MediaAttachment extends MediaMetadata {
  kind: MediaKind;
  /** Server blob id of the encrypted upload; empty on the sender's side until it is uploaded. */
  blobId: string;
  /** 32 random bytes; the file's keys are derived from it (see docs/PROTOCOL.md, Media). */
  mediaKey: Uint8Array;
  /** SHA-256 of the upload (ciphertext and MAC). */
  digest: Uint8Array;
  /** Size of the file (plaintext) in bytes. */
  size: number;
}

/** The file of a media message: bytes, a Blob, a web ReadableStream, or any (async) iterable of bytes (a Node Readable). */
export type MediaData =
  | Uint8Array
  | ArrayBuffer
  | Blob
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array>
  | Iterable<Uint8Array>;

/** What `client.sendMedia` takes. */
export interface SendMediaOptions extends MediaMetadata {
  kind: MediaKind;
  data: MediaData;
}

/** Metadata limits: everything but the file travels in the encrypted message, once per device. */
export const MEDIA_LIMITS = {
  mimeType: 255,
  fileName: 255,
  caption: 4096,
  waveform: 1024,
  thumbnail: 32 * 1024,
} as const;

const KINDS: readonly MediaKind[] = ['image', 'video', 'voice', 'document'];
const KIND_TO_PROTO: Record<MediaKind, parley.v1.MediaKind> = {
  image: pb.MediaKind.MEDIA_KIND_IMAGE,
  video: pb.MediaKind.MEDIA_KIND_VIDEO,
  voice: pb.MediaKind.MEDIA_KIND_VOICE,
  document: pb.MediaKind.MEDIA_KIND_DOCUMENT,
};

const invalid = (message: string) => new ParleyError('INVALID_ARGUMENT', message);

/** Checks the metadata of a send (not the data); throws INVALID_ARGUMENT. */
export function checkSendMedia(options: SendMediaOptions): void {
  if (!options || typeof options !== 'object') throw invalid('media options required');
  if (!KINDS.includes(options.kind)) throw invalid(`kind must be one of ${KINDS.join(', ')}`);
  if (options.data === undefined || options.data === null) throw invalid('media data required');
  if (typeof options.mimeType !== 'string' || !options.mimeType || options.mimeType.length > MEDIA_LIMITS.mimeType) {
    throw invalid('mimeType must be a non-empty string');
  }
  for (const key of ['fileName', 'caption'] as const) {
    const value = options[key];
    if (value !== undefined && (typeof value !== 'string' || value.length > MEDIA_LIMITS[key])) {
      throw invalid(`${key} must be a string of at most ${MEDIA_LIMITS[key]} characters`);
    }
  }
  for (const key of ['width', 'height', 'durationMs'] as const) {
    const value = options[key];
    if (value !== undefined && !(Number.isInteger(value) && value >= 0 && value <= 0xffffffff)) {
      throw invalid(`${key} must be a non-negative 32-bit integer`);
    }
  }
  for (const key of ['waveform', 'thumbnail'] as const) {
    const value = options[key];
    if (value !== undefined && (!(value instanceof Uint8Array) || value.length > MEDIA_LIMITS[key])) {
      throw invalid(`${key} must be at most ${MEDIA_LIMITS[key]} bytes`);
    }
  }
}

/** The attachment of a file just encrypted (not uploaded yet: no blob id). */
export function attachmentOf(
  options: SendMediaOptions,
  crypto: { mediaKey: Uint8Array; digest: Uint8Array; size: number },
): MediaAttachment {
  const { kind, mimeType, fileName, caption, width, height, durationMs, waveform, thumbnail } = options;
  return {
    kind,
    blobId: '',
    ...crypto,
    mimeType,
    ...(fileName !== undefined ? { fileName } : {}),
    ...(caption !== undefined ? { caption } : {}),
    ...(width !== undefined ? { width } : {}),
    ...(height !== undefined ? { height } : {}),
    ...(durationMs !== undefined ? { durationMs } : {}),
    ...(waveform !== undefined ? { waveform: waveform.slice() } : {}),
    ...(thumbnail !== undefined ? { thumbnail: thumbnail.slice() } : {}),
  };
}

export function mediaToProto(m: MediaAttachment): parley.v1.Media.$Properties {
  return {
    kind: KIND_TO_PROTO[m.kind],
    blobId: m.blobId,
    mediaKey: m.mediaKey,
    digest: m.digest,
    size: m.size,
    mimeType: m.mimeType,
    fileName: m.fileName ?? '',
    caption: m.caption ?? '',
    width: m.width ?? 0,
    height: m.height ?? 0,
    durationMs: m.durationMs ?? 0,
    waveform: m.waveform ?? new Uint8Array(0),
    thumbnail: m.thumbnail ?? new Uint8Array(0),
  };
}

/** The attachment of a received Content.media; BAD_FRAME when its key, digest or blob id is missing. */
export function mediaFromProto(m: parley.v1.Media.$Properties): MediaAttachment {
  const mediaKey = m.mediaKey ?? new Uint8Array(0);
  const digest = m.digest ?? new Uint8Array(0);
  if (mediaKey.length !== MEDIA_KEY_BYTES || digest.length !== 32 || !m.blobId) {
    throw new ParleyError('BAD_FRAME', 'media without a valid key, digest or blob id');
  }
  // A kind from a newer client is still a file: show it as a document.
  const kind = KINDS.find((k) => KIND_TO_PROTO[k] === m.kind) ?? 'document';
  return {
    kind,
    blobId: m.blobId,
    mediaKey: new Uint8Array(mediaKey),
    digest: new Uint8Array(digest),
    size: Number(m.size ?? 0),
    mimeType: m.mimeType ?? '',
    ...(m.fileName ? { fileName: m.fileName } : {}),
    ...(m.caption ? { caption: m.caption } : {}),
    ...(m.width ? { width: m.width } : {}),
    ...(m.height ? { height: m.height } : {}),
    ...(m.durationMs ? { durationMs: m.durationMs } : {}),
    ...(m.waveform?.length ? { waveform: new Uint8Array(m.waveform) } : {}),
    ...(m.thumbnail?.length ? { thumbnail: new Uint8Array(m.thumbnail) } : {}),
  };
}

/** Sets the blob id of the media in an encoded Content, keeping every other field as it was. */
export function withBlobId(content: Uint8Array, blobId: string): Uint8Array {
  const decoded = pb.Content.decode(content);
  if (decoded.body !== 'media' || !decoded.media) throw new ParleyError('INTERNAL', 'not a media content');
  decoded.media.blobId = blobId;
  return pb.Content.encode(decoded).finish();
}
