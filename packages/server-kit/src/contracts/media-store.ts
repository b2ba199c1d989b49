import { ParleyError } from '@parley/core';

/** Blobs are kept this long by default before the periodic purge deletes them: 30 days. */
export const DEFAULT_MEDIA_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** Largest upload a server accepts by default: 100 MiB. */
export const DEFAULT_MAX_MEDIA_BYTES = 100 * 1024 * 1024;

/** A blob id: 128 random bits as 32 lowercase hex digits (chosen by the server). */
const BLOB_ID = /^[0-9a-f]{32}$/;

/** Whether `value` is a well-formed blob id (safe as a file name). */
export function isBlobId(value: string): boolean {
  return BLOB_ID.test(value);
}

/** Throws INVALID_ARGUMENT unless `blobId` is a well-formed blob id. */
export function checkBlobId(blobId: string): void {
  if (!isBlobId(blobId)) throw new ParleyError('INVALID_ARGUMENT', 'malformed blob id');
}

/** A stored blob's size and when it was stored (ms, from the store's clock). */
export interface MediaBlobInfo {
  size: number;
  storedAt: number;
}

/** A stored blob opened for reading. */
export interface MediaBlob extends MediaBlobInfo {
  /** The bytes, read lazily as they are consumed (iterate once). */
  data: AsyncIterable<Uint8Array>;
}

/**
 * Where the server keeps media blobs: the encrypted uploads of clients (ciphertext and MAC only,
 * never anything it could read). Blob ids are chosen by the server (see {@link isBlobId}).
 *
 * Every implementation guarantees:
 * - `put` streams: it consumes `data` piece by piece with memory bounded independently of the
 *   blob's size, and counts bytes as they arrive. It is atomic: the blob becomes visible to `get`
 *   only once every byte is stored; if `data` throws, or brings more than `maxBytes` (rejected
 *   with MEDIA_TOO_LARGE as soon as the limit is passed, without reading the rest), nothing is
 *   stored and nothing is left behind. A `put` to an id that already holds a blob rejects with
 *   CONFLICT and leaves the existing blob unchanged.
 * - `get` returns the exact bytes stored, streamed; undefined for an id holding no blob.
 * - `delete` removes a blob (resolves true) or finds none (false).
 * - `purgeStoredBefore(cutoff)` deletes every blob stored before `cutoff` (by the store's injected
 *   clock) and resolves with how many; blobs stored at or after it stay.
 * - Every method rejects a malformed id with INVALID_ARGUMENT.
 */
export interface MediaStore {
  put(blobId: string, data: AsyncIterable<Uint8Array>, options: { maxBytes: number }): Promise<MediaBlobInfo>;
  get(blobId: string): Promise<MediaBlob | undefined>;
  delete(blobId: string): Promise<boolean>;
  purgeStoredBefore(cutoff: number): Promise<number>;
  /**
   * Optional: bytes still free where blobs are written (e.g. the file system's available space),
   * so the server can refuse uploads before the disk fills (`MediaSettings.minFreeBytes`).
   */
  freeBytes?(): Promise<number>;
}

/** The MEDIA_TOO_LARGE error of a put that passed its limit. */
export function tooLarge(maxBytes: number): ParleyError {
  return new ParleyError('MEDIA_TOO_LARGE', `the upload is larger than ${maxBytes} bytes`, {
    details: { maxBytes },
  });
}
