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
