import { describe, expect, it } from 'vitest';
import type { OfflineQueue } from '../../contracts/offline-queue.js';
import type { Fixture } from '../fixture.js';
import { alice1, bob1, bytesOf, item, TTL_MS } from './suite-helpers.js';

/** The offline queue suite's 'idempotency' block: A repeated id is stored once, within a call, across calls, concurrently and after its ack. */
export function idempotencyTests(fx: Fixture<OfflineQueue>): void {
  describe('idempotency', () => {
    it('returns the same seq and storedAt for a queued id and stores no second copy', async () => {
      const q = fx.subject;
      const [first] = await q.enqueue([item(alice1, 'a', 'original')]);
      fx.time.advance(1000);
      const [again] = await q.enqueue([item(alice1, 'a', 'changed')]);
      expect(again).toEqual({ device: alice1, id: 'a', seq: first!.seq, storedAt: first!.storedAt, duplicate: true });
      const entries = await q.read(alice1, { limit: 10 });
      expect(entries).toHaveLength(1);
      expect(entries[0]!.data).toEqual(bytesOf('original'));
      expect(await q.count(alice1)).toBe(1);
    });

    it('treats a repeated id within one call as a duplicate', async () => {
      const q = fx.subject;
      const [a, b] = await q.enqueue([item(alice1, 'a'), item(alice1, 'a')]);
      expect(a!.duplicate).toBe(false);
      expect(b).toEqual({ ...a!, duplicate: true });
      expect(await q.count(alice1)).toBe(1);
    });

    it('finds a repeated id within one call among other devices and ids of the call', async () => {
      const q = fx.subject;
      const results = await q.enqueue([
        item(alice1, 'a'),
        item(bob1, 'x'),
        item(alice1, 'b'),
        item(alice1, 'a'),
        item(bob1, 'y'),
        item(alice1, 'b'),
        item(bob1, 'x'),
      ]);
      expect(results.map((r) => r.duplicate)).toEqual([false, false, false, true, false, true, true]);
      expect(results[3]).toEqual({ ...results[0]!, duplicate: true });
      expect(results[5]).toEqual({ ...results[2]!, duplicate: true });
      expect(results[6]).toEqual({ ...results[1]!, duplicate: true });
      expect((await q.read(alice1, { limit: 10 })).map((e) => e.id)).toEqual(['a', 'b']);
      expect((await q.read(bob1, { limit: 10 })).map((e) => e.id)).toEqual(['x', 'y']);
    });

    it('does not store again an id acknowledged before (late resend)', async () => {
      const q = fx.subject;
      const [first] = await q.enqueue([item(alice1, 'a')]);
      expect(await q.ack(alice1, ['a'])).toBe(1);
      fx.time.advance(TTL_MS - 1);
      expect(await q.purgeExpired()).toBe(0);
      const [resend] = await q.enqueue([item(alice1, 'a')]);
      expect(resend).toEqual({
        device: alice1,
        id: 'a',
        seq: first!.seq,
        storedAt: first!.storedAt,
        duplicate: true,
      });
      expect(await q.read(alice1, { limit: 10 })).toEqual([]);
      expect(await q.count(alice1)).toBe(0);
    });

    it('produces one entry from concurrent enqueues of the same id', async () => {
      const q = fx.subject;
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => q.enqueue([item(alice1, 'same', `copy ${i}`)])),
      );
      const flat = results.map((r) => r[0]!);
      expect(flat.filter((r) => !r.duplicate)).toHaveLength(1);
      expect(new Set(flat.map((r) => r.seq)).size).toBe(1);
      expect(new Set(flat.map((r) => r.storedAt)).size).toBe(1);
      expect(await q.read(alice1, { limit: 10 })).toHaveLength(1);
    });

    it('forgetAcked: a queued id is still a duplicate, the entries read and ack as others, marks of others stay', async () => {
      const q = fx.subject;
      const forgetAcked = true;
      const [a, repeat] = await q.enqueue([item(alice1, 'r'), item(alice1, 'r')], { forgetAcked });
      expect(repeat).toEqual({ ...a!, duplicate: true });
      const [again] = await q.enqueue([item(alice1, 'r', 'changed')], { forgetAcked });
      expect(again).toEqual({ ...a!, duplicate: true });
      await q.enqueue([item(alice1, 'm')]);
      expect((await q.read(alice1, { limit: 10 })).map((e) => [e.id, e.data])).toEqual([
        ['r', bytesOf('r')],
        ['m', bytesOf('m')],
      ]);
      expect(await q.ack(alice1, ['r', 'm'])).toBe(2);
      expect(await q.count(alice1)).toBe(0);
      // The entry enqueued without the option keeps its mark: its late resend is a duplicate.
      const [m] = await q.enqueue([item(alice1, 'm')]);
      expect(m!.duplicate).toBe(true);
      // The forgotten one may be stored again or answered from a mark; either way never twice.
      const [late] = await q.enqueue([item(alice1, 'r')], { forgetAcked });
      if (late!.duplicate) expect(late!.seq).toBe(a!.seq);
      else expect(late!.seq).toBeGreaterThan(a!.seq);
      expect(await q.count(alice1)).toBe(late!.duplicate ? 0 : 1);
    });

    it('stores an expired id again when it is resent', async () => {
      const q = fx.subject;
      const [first] = await q.enqueue([item(alice1, 'a', 'old')]);
      fx.time.advance(TTL_MS);
      const [again] = await q.enqueue([item(alice1, 'a', 'new')]);
      expect(again!.duplicate).toBe(false);
      expect(again!.seq).toBeGreaterThan(first!.seq);
      expect(again!.storedAt).toBe(fx.time.now);
      const entries = await q.read(alice1, { limit: 10 });
      expect(entries.map((e) => [e.id, e.seq, e.data])).toEqual([['a', again!.seq, bytesOf('new')]]);
    });
  });
}
