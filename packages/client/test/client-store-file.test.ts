import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { isParleyError } from '@parley/core';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { fileClientStore } from '../src/node.js';
import type { ClientStore } from '../src/stores/client-store.js';
import { clientStoreCompliance } from '../src/testing.js';

const root = await fs.mkdtemp(path.join(tmpdir(), 'parley-file-store-'));
afterAll(() => fs.rm(root, { recursive: true, force: true }));

let counter = 0;
const newDir = () => path.join(root, `store-${++counter}`);
const dirs = new WeakMap<ClientStore, string>();

function suite(name: string, compactBytes?: number): void {
  const open = async (dir: string) => {
    const store = await fileClientStore(compactBytes === undefined ? { dir } : { dir, compactBytes });
    dirs.set(store, dir);
    return store;
  };
  clientStoreCompliance({ name, create: () => open(newDir()), reopen: (closed) => open(dirs.get(closed)!) });
}

suite('fileClientStore');
// A tiny threshold compacts after almost every commit, so snapshots get the same coverage as the log.
suite('fileClientStore (constant compaction)', 64);

const isStoreFailed = (e: unknown) => isParleyError(e, 'STORE_FAILED');

describe('fileClientStore', () => {
  it('appends one checksummed record per transaction and replays it', async () => {
    const dir = newDir();
    const store = await fileClientStore({ dir });
    await store.transaction(async (tx) => {
      await tx.put('ns', 'a', { bytes: new Uint8Array([1, 2]) });
      await tx.put('ns', 'b', 2);
    });
    await store.transaction((tx) => tx.delete('ns', 'b'));
    await store.transaction((tx) => tx.get('ns', 'a')); // read-only: writes nothing
    const log = await fs.readFile(path.join(dir, 'store.log'));
    const first = log.readUInt32BE(0);
    expect(JSON.parse(log.subarray(8, 8 + first).toString('utf8'))).toEqual({
      s: 1,
      w: [
        ['ns', 'a', { bytes: { $bytes: 'AQI=' } }],
        ['ns', 'b', 2],
      ],
    });
    const second = log.readUInt32BE(8 + first);
    expect(log.length).toBe(16 + first + second);
    expect(JSON.parse(log.subarray(16 + first).toString('utf8'))).toEqual({ s: 2, w: [['ns', 'b']] });
    await store.close();
  });

  it('compacts the log into a snapshot at open and when it grows', async () => {
    const dir = newDir();
    let store = await fileClientStore({ dir, compactBytes: 4096 });
    for (let i = 0; i < 200; i++) await store.transaction((tx) => tx.put('ns', `k${i}`, 'x'.repeat(100)));
    const logSize = (await fs.stat(path.join(dir, 'store.log'))).size;
    const snapshotSize = (await fs.stat(path.join(dir, 'store.snapshot'))).size;
    expect(snapshotSize).toBeGreaterThan(4096);
    // The threshold grows with the snapshot, so compaction work stays proportional to the writes.
    expect(logSize).toBeLessThan(Math.max(4096, snapshotSize) + 200);
    expect(logSize).toBeLessThan(200 * 100);
    await store.close();
    store = await fileClientStore({ dir });
    expect((await fs.stat(path.join(dir, 'store.log'))).size).toBe(0);
    expect(await store.transaction((tx) => tx.list('ns'))).toHaveLength(200);
    await store.close();
  });

  it('ignores and truncates a torn or garbage log tail', async () => {
    const dir = newDir();
    let store = await fileClientStore({ dir });
    await store.transaction((tx) => tx.put('ns', 'a', 1));
    await store.transaction((tx) => tx.put('ns', 'b', 2));
    await store.close();
    const logPath = path.join(dir, 'store.log');
    const log = await fs.readFile(logPath);
    // Tear the second record in half, then add garbage that claims a huge length.
    const firstEnd = 8 + log.readUInt32BE(0);
    await fs.writeFile(logPath, Buffer.concat([log.subarray(0, firstEnd + 12), Buffer.from([0xff, 0xff, 0, 1, 2])]));
    store = await fileClientStore({ dir });
    expect(await store.transaction((tx) => tx.list('ns'))).toEqual([['a', 1]]);
    await store.transaction((tx) => tx.put('ns', 'c', 3));
    await store.close();
    store = await fileClientStore({ dir });
    expect(await store.transaction((tx) => tx.list('ns'))).toEqual([
      ['a', 1],
      ['c', 3],
    ]);
    await store.close();
  });

  it('ignores a record whose checksum does not match', async () => {
    const dir = newDir();
    let store = await fileClientStore({ dir });
    await store.transaction((tx) => tx.put('ns', 'a', 1));
    await store.transaction((tx) => tx.put('ns', 'b', 2));
    await store.close();
    // Reopening compacted a and b into the snapshot; c is then the only record in the log.
    store = await fileClientStore({ dir });
    await store.transaction((tx) => tx.put('ns', 'c', 3));
    await store.close();
    const logPath = path.join(dir, 'store.log');
    const log = await fs.readFile(logPath);
    log.writeUInt8(log.readUInt8(log.length - 3) ^ 0x01, log.length - 3);
    await fs.writeFile(logPath, log);
    store = await fileClientStore({ dir });
    expect((await store.transaction((tx) => tx.list('ns'))).map(([k]) => k)).toEqual(['a', 'b']);
    await store.close();
  });

  it('does not replay log records already contained in the snapshot', async () => {
    // As after a crash between installing a snapshot and truncating the log.
    const dir = newDir();
    const logPath = path.join(dir, 'store.log');
    let store = await fileClientStore({ dir });
    await store.transaction((tx) => tx.put('ns', 'k', 1));
    await store.transaction((tx) => tx.put('ns', 'k', 2));
    const staleLog = await fs.readFile(logPath);
    await store.transaction((tx) => tx.delete('ns', 'k'));
    await store.close();
    store = await fileClientStore({ dir }); // snapshot now holds all three transactions
    await store.close();
    await fs.writeFile(logPath, staleLog);
    store = await fileClientStore({ dir });
    expect(await store.transaction((tx) => tx.get('ns', 'k'))).toBeUndefined();
    await store.close();
  });

  it('fails every later transaction after a log write fails, and recovers on reopen', async () => {
    const dir = newDir();
    let store = await fileClientStore({ dir });
    await store.transaction((tx) => tx.put('ns', 'a', 1));
    const probe = await fs.open(path.join(root, `probe-${counter}`), 'w');
    const fileHandle = Object.getPrototypeOf(probe) as { datasync(): Promise<void> };
    await probe.close();
    const spy = vi
      .spyOn(fileHandle, 'datasync')
      .mockRejectedValueOnce(Object.assign(new Error('EIO'), { code: 'EIO' }));
    try {
      await expect(store.transaction((tx) => tx.put('ns', 'b', 2))).rejects.toSatisfy(isStoreFailed);
    } finally {
      spy.mockRestore();
    }
    // Memory may now hold writes that are not on disk, so nothing more is served from it.
    await expect(store.transaction((tx) => tx.get('ns', 'a'))).rejects.toSatisfy(isStoreFailed);
    await store.close();
    store = await fileClientStore({ dir });
    expect(await store.transaction((tx) => tx.get('ns', 'a'))).toBe(1);
    await store.transaction((tx) => tx.put('ns', 'c', 3));
    expect(await store.transaction((tx) => tx.get('ns', 'c'))).toBe(3);
    await store.close();
  });

  it('refuses to open over a corrupt snapshot', async () => {
    const dir = newDir();
    let store = await fileClientStore({ dir });
    await store.transaction((tx) => tx.put('ns', 'a', 1));
    await store.close();
    store = await fileClientStore({ dir }); // compacts into store.snapshot
    await store.close();
    const snapPath = path.join(dir, 'store.snapshot');
    const snap = await fs.readFile(snapPath);
    await fs.writeFile(snapPath, snap.subarray(0, snap.length - 1));
    await expect(fileClientStore({ dir })).rejects.toSatisfy(isStoreFailed);
    // The failed open released the lock.
    await fs.writeFile(snapPath, snap);
    store = await fileClientStore({ dir });
    expect(await store.transaction((tx) => tx.get('ns', 'a'))).toBe(1);
    await store.close();
  });

  it('locks the directory while open', async () => {
    const dir = newDir();
    const store = await fileClientStore({ dir });
    expect((await fs.readFile(path.join(dir, 'LOCK'), 'utf8')).trim()).toBe(String(process.pid));
    await expect(fileClientStore({ dir })).rejects.toSatisfy(isStoreFailed);
    await fs.symlink(dir, `${dir}-link`);
    await expect(fileClientStore({ dir: `${dir}-link` })).rejects.toSatisfy(isStoreFailed);
    await store.close();
    await expect(fs.stat(path.join(dir, 'LOCK'))).rejects.toThrow();
    const again = await fileClientStore({ dir });
    await again.close();
  });

  it('takes over a stale lock', async () => {
    const dir = newDir();
    await fs.mkdir(dir, { recursive: true });
    // A pid far above pid_max, so no process has it; and our own pid without a store open here.
    for (const stale of ['99999999', String(process.pid)]) {
      await fs.writeFile(path.join(dir, 'LOCK'), stale);
      const store = await fileClientStore({ dir });
      await store.close();
    }
  });

  it('rejects unsupported values with INVALID_ARGUMENT, atomically', async () => {
    const store = await fileClientStore({ dir: newDir() });
    for (const value of [new Date(), Number.NaN, undefined, [undefined], new Map(), () => 1]) {
      const attempt = store.transaction(async (tx) => {
        await tx.put('ns', 'ok', 1);
        await tx.put('ns', 'bad', value);
      });
      await expect(attempt).rejects.toSatisfy((e: unknown) => isParleyError(e, 'INVALID_ARGUMENT'));
    }
    expect(await store.transaction((tx) => tx.list('ns'))).toEqual([]);
    await store.close();
  });

  it('flushes pending commits on close, then rejects transactions with CLOSED', async () => {
    const dir = newDir();
    let store = await fileClientStore({ dir });
    const commits = Array.from({ length: 50 }, (_, i) => store.transaction((tx) => tx.put('ns', `k${i}`, i)));
    await store.close();
    await Promise.all(commits);
    await expect(store.transaction(async () => 1)).rejects.toSatisfy((e: unknown) => isParleyError(e, 'CLOSED'));
    await store.close(); // idempotent
    store = await fileClientStore({ dir });
    expect(await store.transaction((tx) => tx.list('ns'))).toHaveLength(50);
    await store.close();
  });
});
