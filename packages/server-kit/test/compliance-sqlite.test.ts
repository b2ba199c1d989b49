import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerStores } from '../src/contracts/stores.js';
import type { Clock } from '../src/contracts/types.js';
import { sqliteGroupReceiptStore, sqliteGroupStore, sqlitePresenceStore, sqliteStores } from '../src/sqlite/index.js';
import {
  deviceRegistryCompliance,
  groupReceiptStoreCompliance,
  groupStoreCompliance,
  keyDirectoryCompliance,
  offlineQueueCompliance,
  presenceStoreCompliance,
} from '../src/testing/index.js';
import { reopenableSqlite } from './helpers/reopenable-sqlite.js';
import { tempSqlite } from './helpers/temp-sqlite.js';

/** Opens stores on a fresh temp file per test; `cleanup` closes them and deletes the directory. */
function tempStores<T>(pick: (stores: ServerStores) => T) {
  const open = new Map<T, { stores: ServerStores; dir: string }>();
  return {
    create: async ({ clock, ttlMs }: { clock: Clock; ttlMs?: number }): Promise<T> => {
      const dir = mkdtempSync(join(tmpdir(), 'parley-sqlite-'));
      const stores = sqliteStores(
        { path: join(dir, 'data', 'server.db') },
        { clock, ...(ttlMs !== undefined ? { queueTtlMs: ttlMs } : {}) },
      );
      const part = pick(stores);
      open.set(part, { stores, dir });
      return part;
    },
    cleanup: async (part: T): Promise<void> => {
      const entry = open.get(part);
      open.delete(part);
      if (!entry) return;
      await entry.stores.close();
      rmSync(entry.dir, { recursive: true, force: true });
    },
  };
}

offlineQueueCompliance({ name: 'sqliteQueue', ...tempStores((s) => s.queue) });
deviceRegistryCompliance({ name: 'sqliteDeviceRegistry', ...tempStores((s) => s.devices) });
keyDirectoryCompliance({ name: 'sqliteKeyDirectory', ...tempStores((s) => s.keys) });
presenceStoreCompliance({ name: 'sqlitePresenceStore', ...tempSqlite((db) => sqlitePresenceStore({ db })) });
groupReceiptStoreCompliance({
  name: 'sqliteGroupReceiptStore',
  ...tempSqlite((db) => sqliteGroupReceiptStore({ db })),
});
groupStoreCompliance({ name: 'sqliteGroupStore', ...reopenableSqlite((db) => sqliteGroupStore({ db })) });
