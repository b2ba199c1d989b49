import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs, readdirSync, rmSync, statSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { ParleyError } from '@parley/core';
import { checkBlobId, isBlobId, type MediaBlob, type MediaStore, tooLarge } from '../contracts/media-store.js';
import { type Clock, systemClock } from '../contracts/types.js';

/** Options of {@link fsMediaStore}. */
export interface FsMediaStoreOptions {
  /** Directory for the blobs (created if missing). Uploads are written under `<dir>/tmp` first. */
  dir: string;
  clock?: Clock;
}

const READ_CHUNK = 64 * 1024;
const TMP = 'tmp';
/** A temp file this old is a crash's leftover, not an upload in progress. */
const STALE_TMP_MS = 24 * 60 * 60 * 1000;

/**
 * A {@link MediaStore} on the local file system: one file per blob, in 256 subdirectories by the
 * id's first two digits (`<dir>/ab/ab12...`), created with the first upload.
 *
 * An upload is written to a fresh file in `<dir>/tmp`, fsync'ed, then hard-linked to its final name
 * (which fails if the name exists: no blob is ever overwritten) and unlinked from tmp, so a blob
 * appears whole or not at all. A failed or oversized upload deletes its temp file; temp files left
 * by a crash (older than a day) are deleted when the store is made (synchronously: call it once,
 * at startup). The stored time is the file's mtime, set from
 * the injected clock. Several processes may share the directory (e.g. on a shared volume).
 */
export function fsMediaStore(options: FsMediaStoreOptions): MediaStore {
  const dir = path.resolve(options.dir);
  const clock = options.clock ?? systemClock;
  const tmpDir = path.join(dir, TMP);
  // Synchronous, once at startup, so the store can be made where the other stores are (sqliteStores).
  // Leftovers of uploads cut short by a crash: never visible, just reclaim the space. Only old
  // ones: another process sharing the directory may be writing the fresh ones.
  for (const name of existsSync(tmpDir) ? readdirSync(tmpDir) : []) {
    const file = path.join(tmpDir, name);
    const modified = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
    if (modified !== undefined && modified < Date.now() - STALE_TMP_MS) {
      rmSync(file, { force: true });
    }
  }

  const shardOf = (blobId: string) => path.join(dir, blobId.slice(0, 2));
  const fileOf = (blobId: string) => path.join(shardOf(blobId), blobId);

  return {
    async put(blobId, data, { maxBytes }) {
      checkBlobId(blobId);
      const final = fileOf(blobId);
      if (await exists(final)) throw new ParleyError('CONFLICT', 'a blob with this id exists');
      // Directories appear with the first upload: a server that never stores media makes none.
      await fs.mkdir(tmpDir, { recursive: true, mode: 0o700 });
      const temp = path.join(tmpDir, `${blobId}.${randomBytes(6).toString('hex')}`);
      const handle = await fs.open(temp, 'wx', 0o600);
      let size = 0;
      try {
        try {
          for await (const chunk of data) {
            size += chunk.length;
            if (size > maxBytes) throw tooLarge(maxBytes);
            await writeAll(handle, chunk);
          }
          await handle.sync();
        } finally {
          await handle.close();
        }
        const storedAt = clock();
        const when = new Date(storedAt);
        await fs.utimes(temp, when, when);
        await fs.mkdir(shardOf(blobId), { recursive: true, mode: 0o700 });
        try {
          await fs.link(temp, final);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
            throw new ParleyError('CONFLICT', 'a blob with this id exists');
          }
          throw error;
        }
        return { size, storedAt };
      } finally {
        await fs.rm(temp, { force: true });
      }
    },

    async get(blobId): Promise<MediaBlob | undefined> {
      checkBlobId(blobId);
      const file = fileOf(blobId);
      const stat = await fs.stat(file).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      return stat && { size: stat.size, storedAt: Math.round(stat.mtimeMs), data: readFile(file) };
    },

    async delete(blobId) {
      checkBlobId(blobId);
      try {
        await fs.unlink(fileOf(blobId));
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw error;
      }
    },

    async freeBytes() {
      // The directory may not exist before the first upload: measure the nearest existing parent.
      let at = dir;
      while (!existsSync(at) && path.dirname(at) !== at) at = path.dirname(at);
      const stats = await fs.statfs(at);
      return stats.bavail * stats.bsize;
    },

    async purgeStoredBefore(cutoff) {
      let purged = 0;
      for (const shard of await fs.readdir(dir).catch(() => [] as string[])) {
        if (!/^[0-9a-f]{2}$/.test(shard)) continue;
        const shardDir = path.join(dir, shard);
        for (const name of await fs.readdir(shardDir).catch(() => [] as string[])) {
          if (!isBlobId(name)) continue;
          const file = path.join(shardDir, name);
          const stat = await fs.stat(file).catch(() => undefined);
          if (stat && Math.round(stat.mtimeMs) < cutoff) {
            await fs.rm(file, { force: true });
            purged++;
          }
        }
      }
      return purged;
    },
  };
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

async function writeAll(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
    offset += bytesWritten;
  }
}

/**
 * Reads a file in pieces, opening it on the first read (so a blob that is never read holds no
 * file handle) and closing it when the reading ends or is abandoned.
 */
async function* readFile(file: string): AsyncGenerator<Uint8Array> {
  let handle: FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ParleyError('NOT_FOUND', 'blob deleted');
    throw error;
  }
  try {
    for (;;) {
      const buffer = new Uint8Array(READ_CHUNK);
      const { bytesRead } = await handle.read(buffer, 0, READ_CHUNK, null);
      if (bytesRead === 0) return;
      yield bytesRead === READ_CHUNK ? buffer : buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}
