import * as fsSync from 'node:fs';
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import { ParleyError } from '@parley/core';
import { systemClock } from '../clock.js';
import { type Logger, silentLogger, warnOnFailure } from '../logger.js';
import { type MediaSpool, newSpoolId, spoolEntryMissing } from '../media/spool.js';
import { makePrivateDirSync, PRIVATE_FILE_MODE, restrictFilesSync } from './private-files.js';

/** Options of {@link fileMediaSpool}. */
export interface FileMediaSpoolOptions {
  /** Directory for the spool (created if missing), e.g. beside the file store's directory. */
  dir: string;
  /** Where clean-up failures the store recovers from are reported. Default: silent. */
  logger?: Logger;
}

const READ_CHUNK = 256 * 1024;
const PART = '.part';
/** A partial entry this old was left by a crash (a live writer would have touched it since). */
const STALE_PART_MS = 24 * 60 * 60 * 1000;

/**
 * A {@link MediaSpool} in a directory, one file per entry: what lets a 100 MB file be sent and
 * received with little memory, and a media message waiting in the outbox survive a restart (use
 * it with `fileClientStore`). An entry is written to `<id>.part`, fsync'ed and renamed on close,
 * so it is complete whenever it exists; partial files older than a day are removed on open.
 * Uploads read it as a file-backed Blob where Node offers one (`fs.openAsBlob`).
 */
export function fileMediaSpool(options: FileMediaSpoolOptions): MediaSpool {
  const dir = path.resolve(options.dir);
  const logger = options.logger ?? silentLogger;
  // Owner-only (0700 / 0600), fixed on every open, like the client store beside it.
  makePrivateDirSync(dir);
  restrictFilesSync(dir);
  for (const name of fsSync.readdirSync(dir)) {
    if (!name.endsWith(PART)) continue;
    const modified = fsSync.statSync(path.join(dir, name), { throwIfNoEntry: false })?.mtimeMs;
    if (modified !== undefined && modified < systemClock.now() - STALE_PART_MS)
      fsSync.rmSync(path.join(dir, name), { force: true });
  }
  const fileOf = (id: string) => {
    if (!/^[0-9a-f]{32}$/.test(id)) throw new ParleyError('INVALID_ARGUMENT', 'malformed spool id');
    return path.join(dir, id);
  };
  const openAsBlob = (fsSync as { openAsBlob?: (file: string) => Promise<Blob> }).openAsBlob;

  return {
    async create() {
      const id = newSpoolId();
      const final = fileOf(id);
      const partial = final + PART;
      const handle = await fs.open(partial, 'wx', PRIVATE_FILE_MODE);
      let open = true;
      const closeHandle = async () => {
        if (open) {
          open = false;
          await handle.close();
        }
      };
      return {
        id,
        async write(chunk) {
          let offset = 0;
          while (offset < chunk.length) {
            offset += (await handle.write(chunk, offset, chunk.length - offset)).bytesWritten;
          }
        },
        async close() {
          await handle.sync();
          await closeHandle();
          await fs.rename(partial, final);
        },
        async abort() {
          await closeHandle().catch(warnOnFailure(logger, 'closing an aborted spool entry failed', { id }));
          await fs.rm(partial, { force: true });
        },
      };
    },
    read: (id) => readFile(fileOf(id), id),
    async size(id) {
      try {
        return (await fs.stat(fileOf(id))).size;
      } catch (error) {
        // Missing is the expected answer for a deleted entry; anything else is worth a look.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
          logger.warn('reading a spool entry failed', { id, error });
        return undefined;
      }
    },
    async delete(id) {
      await fs.rm(fileOf(id), { force: true });
    },
    ...(openAsBlob
      ? {
          async blob(id: string) {
            try {
              return await openAsBlob(fileOf(id));
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw spoolEntryMissing(id);
              throw error;
            }
          },
        }
      : {}),
  };
}

async function* readFile(file: string, id: string): AsyncGenerator<Uint8Array> {
  let handle: FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw spoolEntryMissing(id);
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
