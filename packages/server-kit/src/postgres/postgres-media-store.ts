import { randomBytes } from 'node:crypto';
import { ParleyError } from '@parley/core';
import type { Pool } from 'pg';
import { checkBlobId, type MediaBlob, type MediaStore, tooLarge } from '../contracts/media-store.js';
import { type Clock, systemClock } from '../contracts/types.js';
import type { PostgresSchemaOptions } from './migrations.js';
import { bytes, num, type PgContext, pgContext, statement } from './pg-db.js';
import type { PostgresTimeoutOptions } from './pg-timeouts.js';

/** Options of {@link postgresMediaStore}. */
export interface PostgresMediaStoreOptions extends PostgresSchemaOptions, PostgresTimeoutOptions {
  /** A pg Pool; the media tables are created by the schema migrations; the pool is never ended. */
  pool: Pool;
  clock?: Clock;
  /** Bytes per stored chunk; default 256 KiB. */
  chunkBytes?: number;
}

/** Default size of one stored chunk: 256 KiB. */
export const DEFAULT_MEDIA_CHUNK_BYTES = 256 * 1024;
/** Chunks of an upload that never completed are deleted by the purge once this old: a day. */
const STALE_UPLOAD_MS = 24 * 60 * 60 * 1000;

interface BlobRow {
  upload_id: string;
  size: string;
  chunks: number;
  stored_at: string;
}

/**
 * A {@link MediaStore} in PostgreSQL, reachable by every gateway of a cluster with no shared
 * volume and no other service. Blobs are stored in chunks (`media_chunks`, 256 KiB each, one
 * autocommitted insert per chunk, so no connection is held while a slow client uploads) under a
 * fresh upload id; when the last byte is in, one row in `media_blobs` names the upload as the
 * blob, which is the moment it becomes visible (a second upload of the id finds the primary key
 * taken: CONFLICT, and its chunks are deleted). A failed or oversized upload deletes its chunks;
 * chunks left by a crash are deleted by `purgeStoredBefore` after a day. Reads fetch one chunk at
 * a time, so memory stays at one chunk per stream.
 *
 * Limits: every byte lives in the database (its size, backups and WAL grow with media), and
 * throughput is bounded by PostgreSQL's write rate (each chunk is a WAL record). Fine for tens of
 * GB; beyond that, an S3-compatible {@link MediaStore} (multipart upload, then an object named by
 * the blob id; `put` must still refuse an existing id) is the better home, plugged in through
 * the `media` field of the stores.
 */
export function postgresMediaStore(options: PostgresMediaStoreOptions): MediaStore {
  const db = pgContext(options.pool, options.schema, options.timeouts);
  const { s } = db;
  const clock = options.clock ?? systemClock;
  const chunkBytes = options.chunkBytes ?? DEFAULT_MEDIA_CHUNK_BYTES;
  const sql = {
    exists: statement(`SELECT 1 FROM ${s}.media_blobs WHERE blob_id = $1::text`),
    chunk: statement(`
      INSERT INTO ${s}.media_chunks (upload_id, n, bytes, written_at) VALUES ($1::text, $2::integer, $3::bytea, $4::bigint)`),
    publish: statement(`
      INSERT INTO ${s}.media_blobs (blob_id, upload_id, size, chunks, stored_at)
      VALUES ($1::text, $2::text, $3::bigint, $4::integer, $5::bigint) ON CONFLICT (blob_id) DO NOTHING`),
    dropUpload: statement(`DELETE FROM ${s}.media_chunks WHERE upload_id = $1::text`),
    blob: statement(`SELECT upload_id, size, chunks, stored_at FROM ${s}.media_blobs WHERE blob_id = $1::text`),
    read: statement(`SELECT bytes FROM ${s}.media_chunks WHERE upload_id = $1::text AND n = $2::integer`),
    delete: statement(`DELETE FROM ${s}.media_blobs WHERE blob_id = $1::text RETURNING upload_id`),
    purgeBlobs: statement(`DELETE FROM ${s}.media_blobs WHERE stored_at < $1::bigint RETURNING upload_id`),
    dropUploads: statement(`DELETE FROM ${s}.media_chunks WHERE upload_id = ANY($1::text[])`),
    // Uploads whose first chunk is old and that no blob names: a crash's leftovers.
    purgeOrphans: statement(`
      DELETE FROM ${s}.media_chunks c WHERE c.upload_id IN (
        SELECT f.upload_id FROM ${s}.media_chunks f
        WHERE f.n = 0 AND f.written_at < $1::bigint
          AND NOT EXISTS (SELECT 1 FROM ${s}.media_blobs b WHERE b.upload_id = f.upload_id))`),
  };

  return {
    async put(blobId, data, { maxBytes }) {
      checkBlobId(blobId);
      if ((await db.run(sql.exists, [blobId])).rowCount) throw conflict();
      const uploadId = randomBytes(16).toString('hex');
      let size = 0;
      let n = 0;
      let pending = new Uint8Array(chunkBytes);
      let filled = 0;
      const flush = async (): Promise<void> => {
        await db.run(sql.chunk, [uploadId, n++, pending.subarray(0, filled), clock()]);
        pending = new Uint8Array(chunkBytes);
        filled = 0;
      };
      try {
        for await (const piece of data) {
          size += piece.length;
          if (size > maxBytes) throw tooLarge(maxBytes);
          let offset = 0;
          while (offset < piece.length) {
            const take = Math.min(chunkBytes - filled, piece.length - offset);
            pending.set(piece.subarray(offset, offset + take), filled);
            filled += take;
            offset += take;
            if (filled === chunkBytes) await flush();
          }
        }
        if (filled > 0) await flush();
        const storedAt = clock();
        const { rowCount } = await db.run(sql.publish, [blobId, uploadId, size, n, storedAt]);
        if (rowCount === 0) throw conflict();
        return { size, storedAt };
      } catch (error) {
        await dropChunks(db, sql.dropUpload, uploadId);
        throw error;
      }
    },

    async get(blobId): Promise<MediaBlob | undefined> {
      checkBlobId(blobId);
      const row = (await db.run<BlobRow>(sql.blob, [blobId])).rows[0];
      if (!row) return undefined;
      const { upload_id: uploadId, chunks } = row;
      async function* read(): AsyncGenerator<Uint8Array> {
        for (let n = 0; n < chunks; n++) {
          const chunk = (await db.run<{ bytes: Uint8Array }>(sql.read, [uploadId, n])).rows[0];
          if (!chunk) throw new ParleyError('NOT_FOUND', 'blob deleted');
          yield bytes(chunk.bytes);
        }
      }
      return { size: num(row.size), storedAt: num(row.stored_at), data: read() };
    },

    async delete(blobId) {
      checkBlobId(blobId);
      return db.transaction(async (tx) => {
        const row = (await tx.run<{ upload_id: string }>(sql.delete, [blobId])).rows[0];
        if (!row) return false;
        await tx.run(sql.dropUpload, [row.upload_id]);
        return true;
      });
    },

    async purgeStoredBefore(cutoff) {
      const purged = await db.transaction(async (tx) => {
        const { rows } = await tx.run<{ upload_id: string }>(sql.purgeBlobs, [cutoff]);
        if (rows.length > 0) await tx.run(sql.dropUploads, [rows.map((r) => r.upload_id)]);
        return rows.length;
      });
      await db.run(sql.purgeOrphans, [clock() - STALE_UPLOAD_MS]);
      return purged;
    },
  };
}

function conflict(): ParleyError {
  return new ParleyError('CONFLICT', 'a blob with this id exists');
}

/** Deletes a failed upload's chunks; a failure here leaves them to the purge of crash leftovers. */
async function dropChunks(db: PgContext, stmt: ReturnType<typeof statement>, uploadId: string): Promise<void> {
  await db.run(stmt, [uploadId]).catch(() => {});
}
