import * as fsSync from 'node:fs';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/*
 * The client's data (message text, identity and auth private keys, session state, media) is for
 * its user alone: directories 0700, files 0600, whatever the process umask. Modes are set when a
 * file is created and fixed again on every open, so a store written by an older version (0755 /
 * 0644) is tightened the next time it is opened. Windows ignores POSIX modes; there the directory's
 * ACL (a per-user profile folder) is what protects it.
 */

/** Owner-only directory mode. */
export const PRIVATE_DIR_MODE = 0o700;
/** Owner-only file mode. */
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `dir` (and parents) if missing and makes it owner-only. */
export async function makePrivateDir(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  await fs.chmod(dir, PRIVATE_DIR_MODE);
}

/** {@link makePrivateDir}, synchronously (for factories that cannot be async). */
export function makePrivateDirSync(dir: string): void {
  fsSync.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  fsSync.chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Makes every regular file directly in `dir` owner-only. */
export async function restrictFiles(dir: string): Promise<void> {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    if (entry.isFile()) await fs.chmod(path.join(dir, entry.name), PRIVATE_FILE_MODE);
  }
}

/** {@link restrictFiles}, synchronously. */
export function restrictFilesSync(dir: string): void {
  for (const entry of fsSync.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile()) fsSync.chmodSync(path.join(dir, entry.name), PRIVATE_FILE_MODE);
  }
}
