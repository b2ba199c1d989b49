import { ParleyError } from '@parley/core';
import {
  checkBlobId,
  type MediaBlob,
  type MediaBlobInfo,
  type MediaStore,
  tooLarge,
} from '../contracts/media-store.js';
import { type Clock, systemClock } from '../contracts/types.js';

interface Stored extends MediaBlobInfo {
  chunks: Uint8Array[];
}

/** A {@link MediaStore} in memory: for tests and development (blobs are held whole in memory). */
export function memoryMediaStore(options: { clock?: Clock } = {}): MediaStore {
  const clock = options.clock ?? systemClock;
  const blobs = new Map<string, Stored>();
  return {
    async put(blobId, data, { maxBytes }) {
      checkBlobId(blobId);
      if (blobs.has(blobId)) throw new ParleyError('CONFLICT', 'a blob with this id exists');
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of data) {
        size += chunk.length;
        if (size > maxBytes) throw tooLarge(maxBytes);
        chunks.push(chunk.slice());
      }
      if (blobs.has(blobId)) throw new ParleyError('CONFLICT', 'a blob with this id exists');
      const stored = { chunks, size, storedAt: clock() };
      blobs.set(blobId, stored);
      return { size, storedAt: stored.storedAt };
    },
    async get(blobId): Promise<MediaBlob | undefined> {
      checkBlobId(blobId);
      const stored = blobs.get(blobId);
      if (!stored) return undefined;
      const { chunks } = stored;
      return {
        size: stored.size,
        storedAt: stored.storedAt,
        data: (async function* () {
          for (const chunk of chunks) yield chunk.slice();
        })(),
      };
    },
    async delete(blobId) {
      checkBlobId(blobId);
      return blobs.delete(blobId);
    },
    async purgeStoredBefore(cutoff) {
      let purged = 0;
      for (const [id, blob] of blobs) {
        if (blob.storedAt < cutoff) {
          blobs.delete(id);
          purged++;
        }
      }
      return purged;
    },
  };
}
