import { isParleyError } from '@parley/core';
import { describe, expect, it } from 'vitest';
import { memoryClientStore } from '../src/stores/memory-store.js';
import { clientStoreCompliance } from '../src/testing.js';

clientStoreCompliance({ name: 'memoryClientStore', create: async () => memoryClientStore() });

describe('memoryClientStore', () => {
  it('rejects values a persistent store could not round-trip, atomically', async () => {
    const store = memoryClientStore();
    const bad: unknown[] = [
      undefined,
      () => 1,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      new Date(),
      new Map(),
      [undefined],
      new Uint16Array(2),
      1n,
      Symbol('s'),
    ];
    for (const value of bad) {
      const attempt = store.transaction(async (tx) => {
        await tx.put('ns', 'ok', 1);
        await tx.put('ns', 'bad', value);
      });
      await expect(attempt).rejects.toSatisfy((e: unknown) => isParleyError(e, 'INVALID_ARGUMENT'));
    }
    expect(await store.transaction((tx) => tx.list('ns'))).toEqual([]);
  });

  it('drops undefined object properties, as JSON does', async () => {
    const store = memoryClientStore();
    await store.transaction((tx) => tx.put('ns', 'k', { a: 1, b: undefined }));
    expect(await store.transaction((tx) => tx.get('ns', 'k'))).toStrictEqual({ a: 1 });
  });

  it('returns plain Uint8Array for Uint8Array subclasses', async () => {
    class Bytes extends Uint8Array {}
    const store = memoryClientStore();
    await store.transaction((tx) => tx.put('ns', 'k', new Bytes([1, 2])));
    const back = await store.transaction((tx) => tx.get('ns', 'k'));
    expect(Object.getPrototypeOf(back)).toBe(Uint8Array.prototype);
  });

  it('rejects use of a transaction after it finished', async () => {
    const store = memoryClientStore();
    let leaked: { put(ns: string, k: string, v: unknown): Promise<void> } | undefined;
    await store.transaction(async (tx) => {
      leaked = tx;
    });
    await expect(leaked!.put('ns', 'k', 1)).rejects.toSatisfy((e: unknown) => isParleyError(e, 'CLOSED'));
  });

  it('finishes pending transactions on close and rejects later ones with CLOSED', async () => {
    const store = memoryClientStore();
    // The transaction is still running when close() is called: it waits on a gate opened after.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const pending = store.transaction(async (tx) => {
      await gate;
      await tx.put('ns', 'k', 1);
      return 'done';
    });
    const closed = store.close();
    open();
    await expect(pending).resolves.toBe('done');
    await closed;
    await expect(store.transaction(async () => 1)).rejects.toSatisfy((e: unknown) => isParleyError(e, 'CLOSED'));
    await store.close();
  });

  // Speed is not asserted here (a loaded CI machine says nothing about it); correctness at volume is.
  it('keeps thousands of small transactions, and prefix + limit lists stay exact among them', async () => {
    const store = memoryClientStore();
    for (let i = 0; i < 5000; i++) {
      await store.transaction(async (tx) => {
        await tx.put('inbox', `m${String(i).padStart(6, '0')}`, { i, body: 'hello' });
        const page = await tx.list('inbox', { prefix: 'm0000', limit: 10 });
        expect(page).toHaveLength(Math.min(i + 1, 10));
      });
    }
    expect(await store.transaction((tx) => tx.list('inbox'))).toHaveLength(5000);
  });
});
