import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { EnqueueResult, QueueItem } from '../src/contracts/offline-queue.js';
import { sqliteQueue } from '../src/sqlite/sqlite-queue.js';

const alice = { userId: 'alice', deviceId: 1 };
const bob = { userId: 'bob', deviceId: 1 };
const item = (device: { userId: string; deviceId: number }, id: string): QueueItem => ({
  device,
  id,
  data: new TextEncoder().encode(id),
});

describe('SQLite staging of one call that names a device more than once', () => {
  // Staged entries are readable and handed to connected devices before their commit: a repeat of
  // the call's own id must be a duplicate then, not a second entry fixed up at the commit.
  it('stages each id once per device, before the commit as after it', async () => {
    const queue = sqliteQueue({ db: new Database(':memory:') });
    let staged: EnqueueResult[] | undefined;
    const call = queue.enqueue(
      [item(alice, 'a'), item(bob, 'x'), item(alice, 'b'), item(alice, 'a'), item(bob, 'y'), item(alice, 'b')],
      {
        onStaged: (results) => {
          staged = results.map((r) => ({ ...r }));
          return true;
        },
      },
    );
    // Read in the same turn: the batch has not committed yet.
    const before = await queue.read(alice, { limit: 10 });
    expect(staged?.map((r) => r.duplicate)).toEqual([false, false, false, true, false, true]);
    expect(before.map((e) => [e.id, e.seq])).toEqual([
      ['a', staged?.[0]?.seq],
      ['b', staged?.[2]?.seq],
    ]);
    const results = await call;
    expect(results.map((r) => r.duplicate)).toEqual([false, false, false, true, false, true]);
    expect((await queue.read(alice, { limit: 10 })).map((e) => e.id)).toEqual(['a', 'b']);
    expect((await queue.read(bob, { limit: 10 })).map((e) => e.id)).toEqual(['x', 'y']);
    expect(await queue.count(alice)).toBe(2);
  });
});

describe('SQLite ack of one staged entry', () => {
  // Every such ack of a batch shares one promise: it must be that batch's, never an earlier one's.
  it('settles only once its own batch committed, batch after batch', async () => {
    const queue = sqliteQueue({ db: new Database(':memory:') });
    for (const id of ['a', 'b', 'c']) {
      const stored = queue.enqueue([item(alice, id), item(bob, id)], { onStaged: () => true });
      let settled = 0;
      const acks = [queue.ack(alice, [id]), queue.ack(bob, [id])].map((ack) =>
        ack.then((n) => {
          settled++;
          return n;
        }),
      );
      // Promise jobs only: the batch commits on a later turn of the event loop.
      for (let i = 0; i < 10; i++) await Promise.resolve();
      expect(settled).toBe(0);
      expect(await Promise.all(acks)).toEqual([1, 1]);
      await stored;
    }
    expect(await queue.count(alice)).toBe(0);
  });
});

const ids = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

// Staged entries are found by device, then id: scanned while a device has a few in the batch, by a
// map once it has many. Either way a repeat is a duplicate and an ack finds its own entry only.
describe('SQLite staged entries found by device then id', () => {
  for (const n of [1, 8, 9, 40]) {
    it(`finds each of ${n} staged entries of one device, and no other device's`, async () => {
      const queue = sqliteQueue({ db: new Database(':memory:') });
      const first = ids(n, 'm');
      // One call, then a second call in the same batch repeating every id and adding one.
      const one = queue.enqueue(
        first.map((id) => item(alice, id)),
        { onStaged: () => true },
      );
      let again: EnqueueResult[] | undefined;
      const two = queue.enqueue(
        [...first, 'extra'].map((id) => item(alice, id)),
        {
          onStaged: (results) => {
            again = results.map((r) => ({ ...r }));
            return true;
          },
        },
      );
      expect(again?.map((r) => r.duplicate)).toEqual([...first.map(() => true), false]);
      // Bob has none of these ids staged: his ack removes nothing of alice's.
      const bobs = queue.ack(bob, first);
      // Every other one of alice's acked before the commit: the rest stay, in seq order.
      const acked = first.filter((_, i) => i % 2 === 0);
      const ack = queue.ack(alice, acked);
      const left = [...first.filter((_, i) => i % 2 === 1), 'extra'];
      expect((await queue.read(alice, { limit: 100 })).map((e) => e.id)).toEqual(left);
      expect(await ack).toBe(acked.length);
      expect(await bobs).toBe(0);
      const [stored, repeated] = await Promise.all([one, two]);
      expect(repeated.slice(0, n).map((r) => r.seq)).toEqual(stored.map((r) => r.seq));
      expect((await queue.read(alice, { limit: 100 })).map((e) => e.id)).toEqual(left);
      expect(await queue.count(alice)).toBe(left.length);
    });
  }
});
