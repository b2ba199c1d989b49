import { isParleyError } from '@parley/core';
import { describe, expect, it } from 'vitest';
import type { OfflineQueue, QueueItem } from '../../contracts/offline-queue.js';
import type { DeviceAddress } from '../../contracts/types.js';
import type { Fixture } from '../fixture.js';
import { alice1, alice2, bob1, bytesOf, expectQueueFull, item, TTL_MS } from './suite-helpers.js';

/** The offline queue suite's 'per-sender share (maxPerSender)' block: `maxPerSender` bounds one sender's entries in a device's queue. */
export function perSenderShareTests(fx: Fixture<OfflineQueue>): void {
  describe('per-sender share (maxPerSender)', () => {
    const from = (device: DeviceAddress, id: string, sender: string): QueueItem => ({ ...item(device, id), sender });

    it('refuses one sender past its share while other senders still get through', async () => {
      const q = fx.subject;
      const opts = { maxPerDevice: 10, maxPerSender: 3 };
      for (const id of ['m1', 'm2', 'm3']) await q.enqueue([from(bob1, id, 'mallory')], opts);
      const error = await q.enqueue([from(bob1, 'm4', 'mallory')], opts).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isParleyError(error, 'QUEUE_FULL'), String(error)).toBe(true);
      expect((error as { details: unknown }).details).toEqual({ device: bob1, sender: 'mallory' });
      const [ok] = await q.enqueue([from(bob1, 'a1', 'alice')], opts);
      expect(ok!.duplicate).toBe(false);
      // Entries without a sender are not counted against anyone's share.
      await q.enqueue([item(bob1, 'r1'), item(bob1, 'r2')], opts);
      expect((await q.read(bob1, { limit: 10 })).map((e) => e.id)).toEqual(['m1', 'm2', 'm3', 'a1', 'r1', 'r2']);
    });

    it('counts per device, frees the share on ack and expiry, and ignores duplicates', async () => {
      const q = fx.subject;
      const opts = { maxPerSender: 2 };
      await q.enqueue([from(bob1, 'm1', 'mallory'), from(bob1, 'm2', 'mallory')], opts);
      // Another device of the same user has its own share.
      await q.enqueue([from(alice1, 'm1', 'mallory'), from(alice1, 'm2', 'mallory')], opts);
      const [dup] = await q.enqueue([from(bob1, 'm2', 'mallory')], opts);
      expect(dup!.duplicate).toBe(true);
      await expectQueueFull(q.enqueue([from(bob1, 'm3', 'mallory')], opts));
      await q.ack(bob1, ['m1']);
      await q.enqueue([from(bob1, 'm3', 'mallory')], opts);
      await expectQueueFull(q.enqueue([from(bob1, 'm4', 'mallory')], opts));
      fx.time.advance(TTL_MS);
      const fresh = await q.enqueue([from(bob1, 'm4', 'mallory'), from(bob1, 'm5', 'mallory')], opts);
      expect(fresh.map((r) => r.duplicate)).toEqual([false, false]);
    });

    it("stores nothing of a call that passes one device's share, also among concurrent calls", async () => {
      const q = fx.subject;
      const opts = { maxPerSender: 2 };
      await q.enqueue([from(bob1, 'm1', 'mallory'), from(bob1, 'm2', 'mallory')], opts);
      // Concurrent calls may be decided in any order; only the one passing bob1's share fails.
      const [ok1, full, ok2] = await Promise.allSettled([
        q.enqueue([from(alice2, 'y', 'mallory')], opts),
        q.enqueue([from(alice1, 'x', 'mallory'), from(bob1, 'm3', 'mallory')], opts),
        q.enqueue([from(bob1, 'a1', 'alice')], opts),
      ]);
      expect(ok1.status).toBe('fulfilled');
      expect(ok2.status).toBe('fulfilled');
      expect(full.status === 'rejected' && isParleyError(full.reason, 'QUEUE_FULL')).toBe(true);
      expect(await q.count(alice1)).toBe(0);
      expect(await q.count(alice2)).toBe(1);
      expect((await q.read(bob1, { limit: 10 })).map((e) => e.id)).toEqual(['m1', 'm2', 'a1']);
    });

    it("counts every item of one call, a shared payload's entries included", async () => {
      const q = fx.subject;
      const items = ['g1', 'g2', 'g3'].map((id) => ({ ...from(bob1, id, 'mallory'), shared: 'p' }));
      await expectQueueFull(q.enqueue(items, { maxPerSender: 2, shared: [{ key: 'p', data: bytesOf('x') }] }));
      expect(await q.count(bob1)).toBe(0);
    });
  });
}
