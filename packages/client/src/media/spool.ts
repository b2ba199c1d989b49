import { ParleyError, randomBytes, toHex } from '@parley/core';

/** A spool entry being written. */
export interface MediaSpoolWriter {
  readonly id: string;
  write(chunk: Uint8Array): Promise<void>;
  /** Completes the entry: once this resolves it is durable (for persistent spools) and readable. */
  close(): Promise<void>;
  /** Drops the partial entry. */
  abort(): Promise<void>;
}

/**
 * Local scratch space for media files, so large files never have to fit in memory: an encrypted
 * upload waits here from `sendMedia` until the server has it (and across restarts, with a
 * persistent spool, so the outbox can retry the upload by itself), and a download is kept here
 * until its digest and MAC are checked, before any of it is decrypted.
 *
 * Every implementation guarantees: an entry is readable only after `close` resolved, reads give
 * back exactly the bytes written, `delete` of an unknown id is a no-op, and reading an unknown id
 * rejects with NOT_FOUND.
 */
export interface MediaSpool {
  create(): Promise<MediaSpoolWriter>;
  /** The entry's bytes from the start, read as they are consumed. */
  read(id: string): AsyncIterable<Uint8Array>;
  /** The entry's size, or undefined when there is none. */
  size(id: string): Promise<number | undefined>;
  delete(id: string): Promise<void>;
  /** The entry as a Blob, where the platform can make one cheaply (used as an upload body). */
  blob?(id: string): Promise<Blob>;
}

/** A new random spool entry id. */
export const newSpoolId = () => toHex(randomBytes(16));

export const spoolEntryMissing = (id: string) =>
  new ParleyError('NOT_FOUND', `media spool entry ${id} is gone`, {
    retryable: false,
  });

/**
 * A {@link MediaSpool} in memory: the default, and fine for small files and tests. Entries do not
 * survive the process, so a media message still in the outbox at a restart fails; use
 * `fileMediaSpool` (`@parley/client/node`) with a persistent store.
 */
export function memoryMediaSpool(): MediaSpool {
  const entries = new Map<string, Uint8Array[]>();
  const get = (id: string) => {
    const chunks = entries.get(id);
    if (!chunks) throw spoolEntryMissing(id);
    return chunks;
  };
  return {
    async create() {
      const id = newSpoolId();
      const chunks: Uint8Array[] = [];
      return {
        id,
        async write(chunk) {
          chunks.push(chunk.slice());
        },
        async close() {
          entries.set(id, chunks);
        },
        async abort() {
          chunks.length = 0;
        },
      };
    },
    async *read(id) {
      for (const chunk of get(id)) yield chunk;
    },
    async size(id) {
      return entries.get(id)?.reduce((n, c) => n + c.length, 0);
    },
    async delete(id) {
      entries.delete(id);
    },
    async blob(id) {
      return new Blob(get(id) as Uint8Array<ArrayBuffer>[]);
    },
  };
}
