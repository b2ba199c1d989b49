import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ParleyError } from '@parley/core';
import type { PayloadCodec } from '../at-rest-cipher.js';
import { frame, readFrames } from '../frames.js';
import { PRIVATE_FILE_MODE } from '../private-files.js';
import { readIfExists, syncDir, writeAll } from './disk.js';

/*
 * `store.manifest` names the live segments, oldest first, and the sequence number of the last log
 * record they contain (the log records up to it are redundant). It is replaced atomically (temp
 * file, fsync, rename, directory fsync), which is the commit point of every flush and merge: a
 * crash before it leaves the old state, after it the new one; segment files it does not name are
 * leftovers and removed at open. One frame (`frames.ts`, sealed when the store is encrypted):
 * `{"v":2,"seq":n,"next":m,"segments":["seg-000001.dat",…]}` (`next` numbers the next new file).
 */

export const MANIFEST = 'store.manifest';
const MANIFEST_TMP = 'store.manifest.tmp';
const SEGMENT_NAME = /^seg-\d{6,}\.dat$/;

/** What the manifest records. @internal */
export interface Manifest {
  seq: number;
  next: number;
  segments: string[];
}

/** The name of segment file number `n`. */
export const segmentName = (n: number): string => `seg-${String(n).padStart(6, '0')}.dat`;

/** Whether a file in the store directory is a segment file (live or left over). */
export const isSegmentFile = (name: string): boolean => SEGMENT_NAME.test(name);

/** Reads the manifest, or undefined if the store has none yet. STORE_FAILED if it is damaged. */
export async function readManifest(dir: string, codec: PayloadCodec): Promise<Manifest | undefined> {
  await fs.rm(path.join(dir, MANIFEST_TMP), { force: true });
  const data = await readIfExists(path.join(dir, MANIFEST));
  if (data === undefined) return undefined;
  const corrupt = () => new ParleyError('STORE_FAILED', `client store manifest in ${dir} is corrupt`);
  const { payloads, end } = readFrames(data, codec);
  if (payloads.length !== 1 || end !== data.length) throw corrupt();
  const m = JSON.parse(payloads[0]!) as { v?: number; seq?: unknown; next?: unknown; segments?: unknown };
  const valid =
    m.v === 2 &&
    Number.isSafeInteger(m.seq) &&
    Number.isSafeInteger(m.next) &&
    Array.isArray(m.segments) &&
    m.segments.every((s) => typeof s === 'string' && isSegmentFile(s));
  if (!valid) throw corrupt();
  return { seq: m.seq as number, next: m.next as number, segments: m.segments as string[] };
}

/** Installs a new manifest atomically and durably. */
export async function writeManifest(dir: string, codec: PayloadCodec, manifest: Manifest): Promise<void> {
  const bytes = frame(
    `{"v":2,"seq":${manifest.seq},"next":${manifest.next},"segments":${JSON.stringify(manifest.segments)}}`,
    codec,
  );
  const tmp = path.join(dir, MANIFEST_TMP);
  const handle = await fs.open(tmp, 'w', PRIVATE_FILE_MODE);
  try {
    await writeAll(handle, bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(tmp, path.join(dir, MANIFEST));
  await syncDir(dir);
}
