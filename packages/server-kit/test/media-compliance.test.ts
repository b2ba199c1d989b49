import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { MediaStore } from '../src/contracts/media-store.js';
import type { MediaTickets } from '../src/contracts/media-tickets.js';
import type { Clock } from '../src/contracts/types.js';
import { fsMediaStore } from '../src/media/fs-media-store.js';
import { memoryMediaStore } from '../src/memory/memory-media-store.js';
import { memoryMediaTickets } from '../src/memory/memory-media-tickets.js';
import { sqliteMediaTickets } from '../src/sqlite/sqlite-media-tickets.js';
import { mediaStoreCompliance, mediaTicketsCompliance } from '../src/testing/index.js';

const dirs = new Map<MediaStore, string>();

async function tempFsStore({ clock }: { clock: Clock }): Promise<MediaStore> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-media-'));
  const store = fsMediaStore({ dir, clock });
  dirs.set(store, dir);
  return store;
}

mediaStoreCompliance({ name: 'memoryMediaStore', create: async ({ clock }) => memoryMediaStore({ clock }) });
mediaStoreCompliance({
  name: 'fsMediaStore',
  create: tempFsStore,
  cleanup: async (store) => rmSync(dirs.get(store) ?? '/nonexistent', { recursive: true, force: true }),
});
mediaTicketsCompliance({ name: 'memoryMediaTickets', create: async ({ clock }) => memoryMediaTickets({ clock }) });
const databases = new Map<MediaTickets, { db: Database.Database; dir: string }>();
mediaTicketsCompliance({
  name: 'sqliteMediaTickets',
  create: async ({ clock }) => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-sqlite-'));
    const db = new Database(join(dir, 'server.db'));
    db.pragma('journal_mode = WAL');
    const tickets = sqliteMediaTickets({ db, clock });
    databases.set(tickets, { db, dir });
    return tickets;
  },
  cleanup: async (tickets) => {
    const entry = databases.get(tickets);
    entry?.db.close();
    if (entry) rmSync(entry.dir, { recursive: true, force: true });
  },
});

describe('fsMediaStore files', () => {
  it('leaves no temp file after a refused or failed upload, and clears old crash leftovers on open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-media-'));
    try {
      const store = fsMediaStore({ dir });
      async function* big(): AsyncGenerator<Uint8Array> {
        for (;;) yield new Uint8Array(1000);
      }
      await expect(store.put('0'.repeat(32), big(), { maxBytes: 5000 })).rejects.toMatchObject({
        code: 'MEDIA_TOO_LARGE',
      });
      async function* broken(): AsyncGenerator<Uint8Array> {
        yield new Uint8Array(10);
        throw new Error('reset');
      }
      await expect(store.put('1'.repeat(32), broken(), { maxBytes: 5000 })).rejects.toThrow('reset');
      expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
      expect(readdirSync(dir).sort()).toEqual(['tmp']); // no blob, no shard directory

      writeFileSync(join(dir, 'tmp', 'left-by-a-crash'), 'x');
      utimesSync(join(dir, 'tmp', 'left-by-a-crash'), new Date(0), new Date(0));
      writeFileSync(join(dir, 'tmp', 'being-written'), 'x');
      fsMediaStore({ dir });
      expect(readdirSync(join(dir, 'tmp'))).toEqual(['being-written']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
