import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { isParleyError } from '@parley/core';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { SegmentWriter } from '../src/node/lsm/segment.js';
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

  it('flushes the log into sorted segments as it grows, merges them, and reopens with all of it', async () => {
    const dir = newDir();
    let store = await fileClientStore({ dir, compactBytes: 4096 });
    for (let i = 0; i < 400; i++)
      await store.transaction((tx) => tx.put('ns', `k${String(i).padStart(3, '0')}`, 'x'.repeat(100)));
    const logSize = (await fs.stat(path.join(dir, 'store.log'))).size;
    // The log is emptied at every flush, so it never holds much more than the threshold.
    expect(logSize).toBeLessThan(4096 + 200);
    await store.close();
    const segments = (await fs.readdir(dir)).filter((n) => /^seg-\d+\.dat$/.test(n));
    // 400 x ~120 bytes flushed 4 KiB at a time is ~12 flushes; merges keep O(log n) segments.
    expect(segments.length).toBeGreaterThan(0);
    expect(segments.length).toBeLessThanOrEqual(6);
    store = await fileClientStore({ dir, compactBytes: 4096 });
    const all = await store.transaction((tx) => tx.list('ns'));
    expect(all.map(([k]) => k)).toEqual(Array.from({ length: 400 }, (_, i) => `k${String(i).padStart(3, '0')}`));
    expect(await store.transaction((tx) => tx.list('ns', { reverse: true, limit: 2, end: 'k100' }))).toEqual([
      ['k099', 'x'.repeat(100)],
      ['k098', 'x'.repeat(100)],
    ]);
    await store.close();
  });

  it('agrees with a model over many flushes and merges, deletes included, across reopen', async () => {
    const dir = newDir();
    const model = new Map<string, number>();
    let store = await fileClientStore({ dir, compactBytes: 2048 });
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const check = async () => {
      const sorted = [...model.keys()].sort();
      expect((await store.transaction((tx) => tx.list('ns'))).map(([k]) => k)).toEqual(sorted);
      for (let q = 0; q < 20; q++) {
        const a = `k${random(300)}`;
        const b = `k${random(300)}`;
        const [start, end] = a < b ? [a, b] : [b, a];
        const want = sorted
          .filter((k) => k >= start && k < end)
          .reverse()
          .slice(0, 7);
        const got = await store.transaction((tx) => tx.list('ns', { start, end, reverse: true, limit: 7 }));
        expect(got).toEqual(want.map((k) => [k, model.get(k)]));
        const key = `k${random(300)}`;
        expect(await store.transaction((tx) => tx.get('ns', key))).toBe(model.get(key));
      }
    };
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 600; i++) {
        const key = `k${random(300)}`;
        if (random(3) === 0) {
          model.delete(key);
          await store.transaction((tx) => tx.delete('ns', key));
        } else {
          const value = random(1_000_000);
          model.set(key, value);
          await store.transaction(async (tx) => {
            await tx.put('ns', key, value);
            await tx.put('other', key, 'noise'.repeat(10));
          });
        }
      }
      await check();
      await store.close();
      store = await fileClientStore({ dir, compactBytes: 2048 });
      await check();
    }
    await store.close();
  });

  it('leaves no trail of deleted keys: a key re-keyed on every commit keeps the segments small', async () => {
    const dir = newDir();
    let store = await fileClientStore({ dir, compactBytes: 1024 });
    const key = (i: number) => `activity-${String(i).padStart(6, '0')}`;
    for (let i = 0; i < 2000; i++) {
      await store.transaction(async (tx) => {
        if (i > 0) await tx.delete('by-activity', key(i - 1));
        await tx.put('by-activity', key(i), 'chat');
      });
    }
    await store.close();
    store = await fileClientStore({ dir });
    expect(await store.transaction((tx) => tx.list('by-activity', { reverse: true, limit: 2 }))).toEqual([
      [key(1999), 'chat'],
    ]);
    await store.close();
    let bytes = 0;
    for (const name of await fs.readdir(dir))
      if (name.startsWith('seg-')) bytes += (await fs.stat(path.join(dir, name))).size;
    // 2,000 deletions written out would take over 60 KB; only the few still hiding a key are.
    expect(bytes).toBeLessThan(8 * 1024);
  });

  it('converts a store written with a whole-state snapshot by an older version', async () => {
    const dir = newDir();
    await fs.mkdir(dir, { recursive: true });
    const framed = (payload: string) => {
      const body = Buffer.from(payload, 'utf8');
      const head = Buffer.alloc(8);
      head.writeUInt32BE(body.length, 0);
      head.writeUInt32BE(zlib.crc32(body) >>> 0, 4);
      return Buffer.concat([head, body]);
    };
    await fs.writeFile(
      path.join(dir, 'store.snapshot'),
      Buffer.concat([
        framed('{"e":[["ns","b",{"$bytes":"AQI="}],["ns","a",1],["gone","x",0]]}'),
        framed('{"end":{"v":1,"seq":5,"count":3}}'),
      ]),
    );
    // A record the snapshot already holds (5), then one after it (6).
    await fs.writeFile(
      path.join(dir, 'store.log'),
      Buffer.concat([framed('{"s":5,"w":[["ns","a",0]]}'), framed('{"s":6,"w":[["ns","c",3],["gone","x"]]}')]),
    );
    for (let open = 0; open < 2; open++) {
      const store = await fileClientStore({ dir });
      expect(await store.transaction((tx) => tx.list('ns'))).toEqual([
        ['a', 1],
        ['b', new Uint8Array([1, 2])],
        ['c', 3],
      ]);
      expect(await store.transaction((tx) => tx.list('gone'))).toEqual([]);
      await store.close();
      expect((await fs.readdir(dir)).sort()).toEqual(['seg-000001.dat', 'store.log', 'store.manifest']);
    }
  });

  it('removes segment files no manifest names (a flush or merge cut short)', async () => {
    const dir = newDir();
    let store = await fileClientStore({ dir, compactBytes: 1 });
    await store.transaction((tx) => tx.put('ns', 'a', 1));
    await store.close();
    await fs.writeFile(path.join(dir, 'seg-999999.dat'), 'half written');
    store = await fileClientStore({ dir });
    expect(await store.transaction((tx) => tx.get('ns', 'a'))).toBe(1);
    expect(await fs.readdir(dir)).not.toContain('seg-999999.dat');
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

  it('does not replay log records already contained in the segments', async () => {
    // As after a crash between installing a manifest and emptying the log.
    const dir = newDir();
    const logPath = path.join(dir, 'store.log');
    let store = await fileClientStore({ dir });
    await store.transaction((tx) => tx.put('ns', 'k', 1));
    await store.transaction((tx) => tx.put('ns', 'k', 2));
    const staleLog = await fs.readFile(logPath);
    await store.transaction((tx) => tx.delete('ns', 'k'));
    await store.transaction((tx) => tx.put('ns', 'other', 1));
    await store.close();
    store = await fileClientStore({ dir, compactBytes: 1 }); // flushes all four transactions at open
    await store.close();
    expect((await fs.stat(logPath)).size).toBe(0);
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

  it('refuses to open over a damaged manifest or segment index, and to read a damaged block', async () => {
    const dir = newDir();
    let store = await fileClientStore({ dir, compactBytes: 1 });
    await store.transaction((tx) => tx.put('ns', 'a', 1));
    await store.close();
    const flip = (bytes: Buffer, at: number) => {
      const out = Buffer.from(bytes);
      out[at] = out[at]! ^ 1;
      return out;
    };
    for (const name of ['seg-000001.dat', 'store.manifest']) {
      const file = path.join(dir, name);
      const good = await fs.readFile(file);
      // Truncated, or a flipped byte in the last frame (the segment's index, the manifest).
      for (const bad of [good.subarray(0, good.length - 1), flip(good, good.length - 20)]) {
        await fs.writeFile(file, bad);
        await expect(fileClientStore({ dir })).rejects.toSatisfy(isStoreFailed);
      }
      // The failed opens released the lock.
      await fs.writeFile(file, good);
      store = await fileClientStore({ dir });
      expect(await store.transaction((tx) => tx.get('ns', 'a'))).toBe(1);
      await store.close();
    }
    // Blocks are checked when read (opening reads only the indexes): a damaged one fails the read.
    const segment = path.join(dir, 'seg-000001.dat');
    await fs.writeFile(segment, flip(await fs.readFile(segment), 12));
    store = await fileClientStore({ dir });
    await expect(store.transaction((tx) => tx.get('ns', 'a'))).rejects.toSatisfy(isStoreFailed);
    await store.close();
  });

  it('keeps every commit when writing a segment fails, and flushes again later', async () => {
    const dir = newDir();
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, error() {}, warn: (message: string) => warnings.push(message) };
    let store = await fileClientStore({ dir, compactBytes: 512, logger });
    const spy = vi
      .spyOn(SegmentWriter, 'create')
      .mockRejectedValueOnce(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }));
    try {
      for (let i = 0; i < 40; i++)
        await store.transaction((tx) => tx.put('ns', `k${String(i).padStart(2, '0')}`, 'v'.repeat(40)));
    } finally {
      spy.mockRestore();
    }
    expect(warnings).toContain('flushing the file store log failed; retried later');
    expect((await fs.readdir(dir)).some((n) => n.startsWith('seg-'))).toBe(true); // a later flush went through
    expect(await store.transaction((tx) => tx.list('ns'))).toHaveLength(40);
    await store.close();
    store = await fileClientStore({ dir });
    expect(await store.transaction((tx) => tx.list('ns'))).toHaveLength(40);
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
