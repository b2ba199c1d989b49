import { describe, expect, it, vi } from 'vitest';
import { BackedEngine, type BackedWrite, type StoreBacking } from '../src/stores/backed-engine.js';
import { inRange } from '../src/stores/list-range.js';

/** A sorted in-memory backing whose writes land only when the test lets each persist finish. */
function harness() {
  const rows = new Map<string, unknown>();
  const backing: StoreBacking = {
    get: async (ns, key) => rows.get(`${ns}/${key}`),
    async list(ns, range, count) {
      const keys = [...rows.keys()]
        .filter((k) => k.startsWith(`${ns}/`))
        .map((k) => k.slice(ns.length + 1))
        .filter((k) => inRange(range, k))
        .sort();
      if (range.reverse) keys.reverse();
      return keys.slice(0, count).map((k) => [k, rows.get(`${ns}/${k}`)] as [string, unknown]);
    },
  };
  const persists: Array<{ writes: BackedWrite[]; done: () => void }> = [];
  const engine = new BackedEngine(backing, (writes) => new Promise<void>((done) => persists.push({ writes, done })));
  /** Lets the oldest unfinished persist land in the backing. */
  const land = () => {
    const next = persists.shift();
    if (!next) throw new Error('nothing to persist');
    for (const [ns, key, value] of next.writes) {
      if (value === undefined) rows.delete(`${ns}/${key}`);
      else rows.set(`${ns}/${key}`, value);
    }
    next.done();
  };
  return { rows, engine, persists, land };
}

describe('BackedEngine', () => {
  it('reads committed writes from its overlay before they are durable', async () => {
    const { engine, persists, land } = harness();
    const put = engine.transaction((tx) => tx.put('ns', 'k', { n: 1 }));
    const read = engine.transaction((tx) => tx.get('ns', 'k'));
    expect(await read).toEqual({ n: 1 }); // resolved although the put is not durable yet
    expect(persists).toHaveLength(1);
    land();
    await put;
  });

  it('lists past rows its overlay deletes, so a limit still fills', async () => {
    const { rows, engine, land } = harness();
    for (const key of ['a', 'b', 'c', 'd']) rows.set(`ns/${key}`, key);
    const deleting = engine.transaction(async (tx) => {
      await tx.delete('ns', 'a');
      await tx.delete('ns', 'b');
    });
    expect(await engine.transaction((tx) => tx.list('ns', { limit: 2 }))).toEqual([
      ['c', 'c'],
      ['d', 'd'],
    ]);
    expect(await engine.transaction((tx) => tx.list('ns', { reverse: true, limit: 3 }))).toEqual([
      ['d', 'd'],
      ['c', 'c'],
    ]);
    land();
    await deleting;
  });

  it('keeps a later overwrite in the overlay when an earlier write of the key lands', async () => {
    const { engine, persists, land } = harness();
    const first = engine.transaction((tx) => tx.put('ns', 'k', 1));
    const second = engine.transaction((tx) => tx.put('ns', 'k', 2));
    await vi.waitFor(() => expect(persists).toHaveLength(2));
    land(); // the backing now says 1, the overlay must still say 2
    await first;
    expect(await engine.transaction((tx) => tx.get('ns', 'k'))).toBe(2);
    expect(await engine.transaction((tx) => tx.list('ns'))).toEqual([['k', 2]]);
    land();
    await second;
    expect(await engine.transaction((tx) => tx.get('ns', 'k'))).toBe(2);
  });
});
