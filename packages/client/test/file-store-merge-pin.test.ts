import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { Segment, SegmentWriter } from '../src/node/lsm/segment.js';
import { fileClientStore } from '../src/node.js';

// A read that started before a merge installed its output keeps reading the segments it started
// with: they are pinned, and closed and deleted only when the read is done.

// Merges only when there are three segments (after `c` is flushed): the flushes of `a` and `b`
// finish in the background after their commits resolve, and must not merge meanwhile.
vi.mock('../src/node/lsm/merge-policy.js', async (original) => {
  const real = await original<typeof import('../src/node/lsm/merge-policy.js')>();
  return { pickMerge: (sizes: readonly number[]) => (sizes.length === 3 ? real.pickMerge(sizes) : undefined) };
});

const root = await fs.mkdtemp(path.join(tmpdir(), 'parley-merge-pin-'));
afterAll(() => fs.rm(root, { recursive: true, force: true }));

const segments = async (dir: string) => (await fs.readdir(dir)).filter((n) => n.startsWith('seg-')).sort();

it('keeps the segments a read started with until it ends, though a merge replaced them', async () => {
  const dir = path.join(root, 'store');
  const store = await fileClientStore({ dir, compactBytes: 1 }); // a flush per commit
  await store.transaction((tx) => tx.put('ns', 'a', 1));
  await store.transaction((tx) => tx.put('ns', 'b', 2));
  // A commit resolves before the flush it triggers is installed: wait for that.
  const manifest = () => fs.readFile(path.join(dir, 'store.manifest'), 'latin1');
  await vi.waitFor(async () => expect(await manifest()).toContain('"segments":["seg-000001.dat","seg-000002.dat"]'));

  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const realGet = Segment.prototype.get;
  const getSpy = vi.spyOn(Segment.prototype, 'get').mockImplementationOnce(async function (this: Segment, ns, key) {
    await gate; // the read stops here, its view taken, until the merge is installed
    return realGet.call(this, ns, key);
  });
  let read: Promise<unknown> | undefined;
  const realFinish = SegmentWriter.prototype.finish;
  let finishes = 0;
  const finishSpy = vi.spyOn(SegmentWriter.prototype, 'finish').mockImplementation(function (this: SegmentWriter) {
    // The second segment written from here is the merge's (the first is the flush of `c`): a read
    // starts just before the merge is installed.
    if (++finishes === 2) read = store.transaction((tx) => tx.get('ns', 'a'));
    return realFinish.call(this);
  });
  try {
    await store.transaction((tx) => tx.put('ns', 'c', 3)); // flush, then a merge of the newest two
    await vi.waitFor(async () => expect(await manifest()).toContain('"segments":["seg-000001.dat","seg-000004.dat"]'), {
      timeout: 10_000,
    });
    // Installed: seg-000002 and seg-000003 are out of the manifest, but the read still holds them.
    expect(read).toBeDefined();
    expect(await segments(dir)).toEqual(expect.arrayContaining(['seg-000002.dat', 'seg-000003.dat']));
    release();
    expect(await read).toBe(1);
    // Deleted once the read is done.
    await vi.waitFor(async () => expect(await segments(dir)).not.toContain('seg-000002.dat'), { timeout: 10_000 });
    expect(await segments(dir)).not.toContain('seg-000003.dat');
  } finally {
    getSpy.mockRestore();
    finishSpy.mockRestore();
  }
  expect(await store.transaction((tx) => tx.list('ns'))).toEqual([
    ['a', 1],
    ['b', 2],
    ['c', 3],
  ]);
  await store.close();
});
