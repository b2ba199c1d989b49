import { describe, expect, it } from 'vitest';
import { RecentEntries, recentEntriesOf } from '../src/cluster/recent-entries.js';
import type { QueueEntry } from '../src/contracts/offline-queue.js';
import { memoryQueue } from '../src/memory/memory-queue.js';

const bob = { userId: 'bob', deviceId: 1 };
const carol = { userId: 'carol', deviceId: 1 };

function setup(options: { maxEntries?: number; maxBytes?: number; maxPerDevice?: number } = {}) {
  let now = 10_000;
  const recent = new RecentEntries({ clock: () => now, maxAgeMs: 2_000, ...options });
  const entry = (seq: number, bytes = 1): QueueEntry => ({
    id: `e${seq}`,
    seq,
    data: new Uint8Array(bytes),
    storedAt: now,
  });
  const seqs = (list: QueueEntry[] | undefined) => list?.map((e) => e.seq);
  return { recent, entry, seqs, advance: (ms: number) => (now += ms) };
}

describe('RecentEntries', () => {
  it('answers a read from the entry after afterSeq on, and only once', () => {
    const { recent, entry, seqs } = setup();
    recent.add(bob, [entry(4), entry(5), entry(6), entry(7)]);
    expect(seqs(recent.read(bob, 4, 2))).toEqual([5, 6]);
    expect(seqs(recent.read(bob, 4, 10))).toBeUndefined(); // 5 was read: the store answers a rewind
    expect(seqs(recent.read(bob, 6, 10))).toEqual([7]);
    expect(recent.read(bob, 7, 10)).toBeUndefined(); // nothing known after 7 is no proof there is nothing
  });

  it('leaves a connection’s first read (after seq 0) to the store', () => {
    const { recent, entry } = setup();
    recent.add(bob, [entry(1), entry(2)]);
    expect(recent.read(bob, 0, 10)).toBeUndefined();
  });

  it('never answers across a gap: an entry that does not follow the run starts a new one', () => {
    const { recent, entry, seqs } = setup();
    recent.add(bob, [entry(4), entry(5)]);
    recent.add(bob, [entry(7)]); // 6 is not known here
    expect(recent.read(bob, 3, 10)).toBeUndefined();
    expect(recent.read(bob, 5, 10)).toBeUndefined();
    expect(seqs(recent.read(bob, 6, 10))).toEqual([7]);
  });

  it('leaves out an entry reported after a later one', () => {
    const { recent, entry, seqs } = setup();
    recent.add(bob, [entry(8)]);
    recent.add(bob, [entry(7)]);
    expect(recent.read(bob, 6, 10)).toBeUndefined();
    expect(seqs(recent.read(bob, 7, 10))).toEqual([8]);
  });

  it('forgets a run past maxAgeMs, counted from when it was touched and from when its first entry was stored', () => {
    const { recent, entry, advance } = setup();
    recent.add(bob, [entry(1), entry(2)]);
    advance(2_001);
    expect(recent.read(bob, 1, 10)).toBeUndefined();
    const old = entry(5);
    advance(1_500);
    recent.add(carol, [old, entry(6)]); // just touched, but 5 was stored 1.5 s ago
    advance(600);
    expect(recent.read(carol, 4, 10)).toBeUndefined();
  });

  it('forgets a run when one of its ids is acknowledged, and on forget', () => {
    const { recent, entry, seqs } = setup();
    recent.add(bob, [entry(1), entry(2), entry(3)]);
    recent.acked(bob, ['nope']);
    expect(seqs(recent.read(bob, 1, 1))).toEqual([2]);
    recent.acked(bob, ['e3']);
    expect(recent.read(bob, 2, 10)).toBeUndefined();
    recent.add(carol, [entry(1), entry(2)]);
    recent.forget(carol);
    expect(recent.read(carol, 1, 10)).toBeUndefined();
  });

  it('answers none after a short store read when memory holds nothing later, for maxAgeMs', () => {
    const { recent, entry, seqs, advance } = setup();
    recent.stored(recent.beginStoreRead(bob), 3, 10, [entry(4), entry(5)]);
    expect(recent.read(bob, 5, 10)).toEqual([]);
    expect(recent.read(bob, 4, 10)).toBeUndefined(); // the store held 5 after 4
    recent.add(bob, [entry(6)]);
    expect(seqs(recent.read(bob, 5, 10))).toEqual([6]);
    expect(recent.read(bob, 6, 10)).toEqual([]); // 6 came through memory: still nothing later
    recent.add(bob, [entry(5), entry(6)]); // a late note of what a store read already returned
    expect(recent.read(bob, 6, 10)).toEqual([]);
    recent.stored(recent.beginStoreRead(carol), 0, 10, []);
    advance(2_000);
    expect(recent.read(carol, 1, 10)).toEqual([]);
    advance(1);
    expect(recent.read(carol, 1, 10)).toBeUndefined();
  });

  it('answers none only after a short store read: a full page may have more behind it', () => {
    const { recent, entry } = setup();
    recent.stored(recent.beginStoreRead(bob), 0, 2, [entry(1), entry(2)]);
    expect(recent.read(bob, 2, 10)).toBeUndefined();
    recent.stored(recent.beginStoreRead(bob), 2, 10, []);
    expect(recent.read(bob, 2, 10)).toEqual([]);
    // A failed read proves nothing, and leaves the mark as it was.
    recent.abandon(recent.beginStoreRead(carol));
    expect(recent.read(carol, 2, 10)).toBeUndefined();
  });

  it('answers none no more once memory lost news of the device, before or during the store read', () => {
    const lose: Array<[string, (t: ReturnType<typeof setup>) => void, number?]> = [
      ['forget', (t) => t.recent.forget(bob)],
      ['a gap', (t) => t.recent.add(bob, [t.entry(9)]), 9],
      ['a late entry left out', (t) => t.recent.add(bob, [t.entry(6)])],
      [
        'an ack dropping a run with a later entry',
        (t) => {
          t.recent.add(bob, [t.entry(8)]);
          t.recent.acked(bob, ['e7']);
        },
      ],
      ['take', (t) => t.recent.take(bob)],
      ['clear', (t) => t.recent.clear()],
    ];
    for (const [name, loss, afterSeq = 7] of lose) {
      for (const during of [false, true]) {
        const t = setup();
        const read = t.recent.beginStoreRead(bob);
        if (during) {
          t.recent.add(bob, [t.entry(7)]);
          loss(t);
          t.recent.stored(read, 4, 10, [t.entry(5)]);
        } else {
          t.recent.stored(read, 4, 10, [t.entry(5)]);
          t.recent.add(bob, [t.entry(7)]);
          loss(t);
        }
        expect(t.recent.read(bob, afterSeq, 10), `${name}, ${during ? 'during' : 'after'} the read`).toBeUndefined();
      }
    }
  });

  it('answers none still when an ack drops only entries up to the one acknowledged (they were sent)', () => {
    const { recent, entry } = setup();
    recent.add(bob, [entry(4), entry(5)]); // a late note of what the store read returns
    const read = recent.beginStoreRead(bob);
    recent.acked(bob, ['e4', 'e5']); // during the read: no loss either
    recent.stored(read, 3, 10, [entry(4), entry(5)]);
    expect(recent.read(bob, 5, 10)).toEqual([]);
    recent.add(bob, [entry(6), entry(7)]);
    recent.acked(bob, ['e6']); // 7 leaves memory unread
    expect(recent.read(bob, 7, 10)).toBeUndefined();
  });

  it('answers none no more once a run past maxPerDevice dropped entries unread', () => {
    const { recent, entry } = setup({ maxPerDevice: 2 });
    recent.stored(recent.beginStoreRead(bob), 0, 10, []);
    recent.add(bob, [entry(1), entry(2), entry(3)]); // 1 is dropped
    expect(recent.read(bob, 3, 10)).toBeUndefined();
  });

  it('hands the entries of a device on once (take)', () => {
    const { recent, entry, seqs } = setup();
    recent.add(bob, [entry(1), entry(2)]);
    expect(seqs(recent.take(bob))).toEqual([1, 2]);
    expect(recent.take(bob)).toEqual([]);
    expect(recent.read(bob, 1, 10)).toBeUndefined();
  });

  it('keeps within its bounds, forgetting the least recently touched devices first', () => {
    const { recent, entry, seqs } = setup({ maxEntries: 3, maxPerDevice: 2 });
    recent.add(bob, [entry(2), entry(3), entry(4)]); // only the last two per device
    expect(recent.read(bob, 1, 10)).toBeUndefined();
    recent.add(carol, [entry(1), entry(2)]); // four entries: bob's go
    expect(recent.read(bob, 2, 10)).toBeUndefined();
    expect(seqs(recent.read(carol, 1, 10))).toEqual([2]);
    const small = setup({ maxBytes: 1_000 });
    small.recent.add(bob, [small.entry(1, 400), small.entry(2, 400)]);
    expect(small.seqs(small.recent.read(bob, 1, 1))).toEqual([2]);
    small.recent.add(bob, [small.entry(3, 400), small.entry(4, 400)]);
    small.recent.add(carol, [small.entry(1, 400), small.entry(2, 400)]); // past 1,000 bytes: bob's go
    expect(small.recent.read(bob, 2, 10)).toBeUndefined();
    expect(small.seqs(small.recent.read(carol, 1, 10))).toEqual([2]);
  });

  it('is offered only by queues that have it', () => {
    expect(recentEntriesOf(memoryQueue())).toBeUndefined();
  });
});
