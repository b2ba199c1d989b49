import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Bounds the walk over an existing data directory (the media store has 256 shards of blobs). */
const MAX_ENTRIES = 1_000_000;

/**
 * Makes the server's data directory owner-only: the database holds every device's keys and queued
 * messages. New files get 0600 and new directories 0700 from the process umask, set here for the
 * whole server process (SQLite creates its `-wal` and `-shm` files itself), and whatever an older
 * version left with open modes (0755 / 0644) is tightened once at startup.
 */
export function preparePrivateDataDir(dataDir: string): void {
  process.umask(0o077);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  let seen = 0;
  const walk = (dir: string) => {
    chmodSync(dir, 0o700);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (++seen > MAX_ENTRIES) return;
      const full = path.join(dir, entry.name);
      // Symlinks are left alone: chmod would follow them out of the data directory.
      if (entry.isDirectory() && !lstatSync(full).isSymbolicLink()) walk(full);
      else if (entry.isFile()) chmodSync(full, 0o600);
    }
  };
  walk(dataDir);
}
