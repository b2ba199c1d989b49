import { describe, expect, it } from 'vitest';
import type { OfflineQueue } from '../../contracts/offline-queue.js';
import type { Fixture } from '../fixture.js';
import { alice1, bytesOf, item, readAll } from './suite-helpers.js';

/** The offline queue suite's 'enqueue and read' block: Entries come back in seq order, paged, with their bytes and time. */
export function enqueueAndReadTests(fx: Fixture<OfflineQueue>): void {
  describe('enqueue and read', () => {
    it('stores entries and reads them back in seq order with their bytes and storedAt', async () => {
      const q = fx.subject;
      const results = await q.enqueue([item(alice1, 'a', 'one'), item(alice1, 'b', 'two')]);
      expect(results.map((r) => [r.device, r.id, r.duplicate, r.storedAt])).toEqual([
        [alice1, 'a', false, fx.time.now],
        [alice1, 'b', false, fx.time.now],
      ]);
      expect(results[1]!.seq).toBeGreaterThan(results[0]!.seq);
      const entries = await q.read(alice1, { limit: 10 });
      expect(entries).toEqual([
        { id: 'a', seq: results[0]!.seq, data: bytesOf('one'), storedAt: fx.time.now },
        { id: 'b', seq: results[1]!.seq, data: bytesOf('two'), storedAt: fx.time.now },
      ]);
      expect(entries[0]!.data).toBeInstanceOf(Uint8Array);
      expect(await q.count(alice1)).toBe(2);
    });

    it('returns an empty result for an empty enqueue and an unknown device', async () => {
      const q = fx.subject;
      expect(await q.enqueue([])).toEqual([]);
      expect(await q.read(alice1, { limit: 10 })).toEqual([]);
      expect(await q.count(alice1)).toBe(0);
      expect(await q.ack(alice1, ['nope'])).toBe(0);
    });

    it('keeps 1,000 entries in order, enqueued one by one and in one batch', async () => {
      const q = fx.subject;
      const ids = Array.from({ length: 1000 }, (_, i) => `m${i}`);
      for (const id of ids.slice(0, 500)) {
        await q.enqueue([item(alice1, id)]);
        fx.time.advance(1);
      }
      await q.enqueue(ids.slice(500).map((id) => item(alice1, id)));
      const entries = await readAll(q, alice1, 64);
      expect(entries.map((e) => e.id)).toEqual(ids);
      for (let i = 1; i < entries.length; i++) expect(entries[i]!.seq).toBeGreaterThan(entries[i - 1]!.seq);
      expect(new TextDecoder().decode(entries[999]!.data)).toBe('m999');
      expect(await q.count(alice1)).toBe(1000);
    });

    it('pages with afterSeq and limit', async () => {
      const q = fx.subject;
      const results = await q.enqueue(['a', 'b', 'c', 'd', 'e'].map((id) => item(alice1, id)));
      const seqs = results.map((r) => r.seq);
      expect((await q.read(alice1, { limit: 2 })).map((e) => e.id)).toEqual(['a', 'b']);
      expect((await q.read(alice1, { afterSeq: seqs[1]!, limit: 2 })).map((e) => e.id)).toEqual(['c', 'd']);
      expect((await q.read(alice1, { afterSeq: seqs[3]!, limit: 2 })).map((e) => e.id)).toEqual(['e']);
      expect(await q.read(alice1, { afterSeq: seqs[4]!, limit: 2 })).toEqual([]);
      expect((await q.read(alice1, { afterSeq: 0, limit: 100 })).length).toBe(5);
    });

    it('skips acknowledged entries when paging', async () => {
      const q = fx.subject;
      const results = await q.enqueue(['a', 'b', 'c', 'd'].map((id) => item(alice1, id)));
      await q.ack(alice1, ['b', 'c']);
      expect((await q.read(alice1, { limit: 1 })).map((e) => e.id)).toEqual(['a']);
      expect((await q.read(alice1, { afterSeq: results[0]!.seq, limit: 1 })).map((e) => e.id)).toEqual(['d']);
    });

    it('keeps seq strictly increasing after ack and clear', async () => {
      const q = fx.subject;
      const [a] = await q.enqueue([item(alice1, 'a')]);
      await q.ack(alice1, ['a']);
      const [b] = await q.enqueue([item(alice1, 'b')]);
      expect(b!.seq).toBeGreaterThan(a!.seq);
      await q.clear(alice1);
      const [c] = await q.enqueue([item(alice1, 'c')]);
      expect(c!.seq).toBeGreaterThan(b!.seq);
    });

    it('copies bytes in and out', async () => {
      const q = fx.subject;
      const data = new Uint8Array([1, 2, 3]);
      const stored = q.enqueue([{ device: alice1, id: 'a', data }]);
      // Changed before the call has even resolved: the queue must have copied at the call.
      data[0] = 99;
      await stored;
      const [first] = await q.read(alice1, { limit: 1 });
      expect(first!.data).toEqual(new Uint8Array([1, 2, 3]));
      first!.data[1] = 99;
      const [again] = await q.read(alice1, { limit: 1 });
      expect(again!.data).toEqual(new Uint8Array([1, 2, 3]));
    });

    it('copies a Buffer too (whose slice() would share memory)', async () => {
      const q = fx.subject;
      const data = Buffer.from([1, 2, 3]);
      await q.enqueue([{ device: alice1, id: 'a', data }]);
      data[0] = 99;
      const [first] = await q.read(alice1, { limit: 1 });
      expect([...first!.data]).toEqual([1, 2, 3]);
    });

    it('stores empty data', async () => {
      const q = fx.subject;
      await q.enqueue([{ device: alice1, id: 'empty', data: new Uint8Array(0) }]);
      const [entry] = await q.read(alice1, { limit: 1 });
      expect(entry!.data).toEqual(new Uint8Array(0));
    });
  });
}
