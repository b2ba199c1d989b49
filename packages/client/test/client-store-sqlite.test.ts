import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteClientStore } from '../src/sqlite.js';
import type { ClientStore } from '../src/stores/client-store.js';
import { clientStoreCompliance } from '../src/testing.js';

const root = await fs.mkdtemp(path.join(tmpdir(), 'parley-sqlite-store-'));
afterAll(() => fs.rm(root, { recursive: true, force: true }));

let counter = 0;
const files = new WeakMap<ClientStore, { file: string; db: Database.Database }>();

async function open(file: string): Promise<ClientStore> {
  const db = new Database(file);
  const store = await sqliteClientStore({ db });
  // The store never closes the database it was given: the test does, after the store.
  const closing: ClientStore = {
    transaction: (fn) => store.transaction(fn),
    close: async () => {
      await store.close();
      db.close();
    },
  };
  files.set(closing, { file, db });
  return closing;
}

clientStoreCompliance({
  name: 'sqliteClientStore',
  create: () => open(path.join(root, `store-${++counter}.db`)),
  reopen: (closed) => open(files.get(closed)!.file),
});

describe('sqliteClientStore', () => {
  it('rolls back a transaction whose fn throws, leaving the database usable', async () => {
    const db = new Database(':memory:');
    const store = await sqliteClientStore({ db });
    await store.transaction((tx) => tx.put('ns', 'k', 1));
    await expect(
      store.transaction(async (tx) => {
        await tx.put('ns', 'k', 2);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(db.inTransaction).toBe(false);
    expect(await store.transaction((tx) => tx.get('ns', 'k'))).toBe(1);
    await store.close();
    await expect(store.transaction((tx) => tx.get('ns', 'k'))).rejects.toMatchObject({ code: 'CLOSED' });
    db.close();
  });

  it('refuses a table name that is not a plain identifier', async () => {
    const db = new Database(':memory:');
    await expect(sqliteClientStore({ db, table: 'x; DROP TABLE y' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    db.close();
  });
});
