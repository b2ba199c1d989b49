import { isParleyError } from '@parley/core';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { idbClientStore } from '../src/browser.js';
import type { ClientStore } from '../src/stores/client-store.js';
import { clientStoreCompliance } from '../src/testing.js';

// One fake IndexedDB per test file; in Node there are no Web Locks, so the store falls back to
// locks within this realm (the real browser, with navigator.locks, is tested in examples/web-chat).
const indexedDB = new IDBFactory();
let counter = 0;
const names = new WeakMap<ClientStore, string>();
const open = async (name: string) => {
  const store = await idbClientStore({ name, indexedDB, IDBKeyRange });
  names.set(store, name);
  return store;
};

clientStoreCompliance({
  name: 'idbClientStore (fake-indexeddb)',
  create: () => open(`store-${++counter}`),
  reopen: (closed) => open(names.get(closed)!),
});

describe('idbClientStore', () => {
  it('keeps a second store of the same name out (CONFLICT), or lets it wait', async () => {
    const name = `locked-${++counter}`;
    const first = await open(name);
    await first.transaction((tx) => tx.put('ns', 'k', 'first'));
    await expect(open(name)).rejects.toSatisfy((e: unknown) => isParleyError(e, 'CONFLICT'));
    const waiting = idbClientStore({ name, indexedDB, IDBKeyRange, whenLocked: 'wait' });
    const aborted = new AbortController();
    const givenUp = idbClientStore({ name, indexedDB, IDBKeyRange, whenLocked: 'wait', signal: aborted.signal });
    aborted.abort();
    await expect(givenUp).rejects.toSatisfy((e: unknown) => isParleyError(e, 'CLOSED'));
    await first.close();
    const second = await waiting;
    expect(await second.transaction((tx) => tx.get('ns', 'k'))).toBe('first');
    await second.close();
  });

  it('is free again as soon as close resolves', async () => {
    const name = `reopen-${++counter}`;
    for (let i = 0; i < 5; i++) {
      const store = await open(name);
      await store.transaction((tx) => tx.put('ns', 'n', i));
      await store.close();
    }
    const store = await open(name);
    expect(await store.transaction((tx) => tx.get('ns', 'n'))).toBe(4);
    await store.close();
  });

  it('stores entries under [namespace, key] with structured-clone values', async () => {
    const name = `layout-${++counter}`;
    const store = await open(name);
    await store.transaction(async (tx) => {
      await tx.put('ns', 'a', { bytes: new Uint8Array([1, 2]) });
      await tx.put('other', 'b', 2);
    });
    await store.close();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const read = db.transaction('entries').objectStore('entries').get(['ns', 'a']);
    const value = await new Promise((resolve) => {
      read.onsuccess = () => resolve(read.result);
    });
    expect(value).toEqual({ bytes: new Uint8Array([1, 2]) });
    db.close();
  });

  it('fails every later transaction once a write failed, and recovers on reopen', async () => {
    const name = `broken-${++counter}`;
    let store = await open(name);
    await store.transaction((tx) => tx.put('ns', 'a', 1));
    // Deleting the database from elsewhere (as "clear site data" does) takes it away under the store.
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
    });
    const isStoreFailed = (e: unknown) => isParleyError(e, 'STORE_FAILED');
    await expect(store.transaction((tx) => tx.put('ns', 'b', 2))).rejects.toSatisfy(isStoreFailed);
    await expect(store.transaction((tx) => tx.get('ns', 'a'))).rejects.toSatisfy(isStoreFailed);
    await store.close();
    store = await open(name);
    expect(await store.transaction((tx) => tx.list('ns'))).toEqual([]);
    await store.close();
  });

  it('rejects with STORE_FAILED where there is no IndexedDB', async () => {
    const saved = globalThis.indexedDB;
    try {
      (globalThis as { indexedDB?: unknown }).indexedDB = undefined;
      await expect(idbClientStore({ name: 'none' })).rejects.toSatisfy((e: unknown) =>
        isParleyError(e, 'STORE_FAILED'),
      );
    } finally {
      (globalThis as { indexedDB?: unknown }).indexedDB = saved;
    }
  });

  it('flushes pending commits on close, then rejects transactions with CLOSED', async () => {
    const name = `close-${++counter}`;
    let store = await open(name);
    const commits = Array.from({ length: 50 }, (_, i) => store.transaction((tx) => tx.put('ns', `k${i}`, i)));
    await store.close();
    await Promise.all(commits);
    await expect(store.transaction(async () => 1)).rejects.toSatisfy((e: unknown) => isParleyError(e, 'CLOSED'));
    store = await open(name);
    expect(await store.transaction((tx) => tx.list('ns'))).toHaveLength(50);
    await store.close();
  });
});
