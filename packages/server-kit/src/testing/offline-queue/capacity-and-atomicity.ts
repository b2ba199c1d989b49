import { isParleyError } from '@parley/core';
import { describe, expect, it } from 'vitest';
import type { OfflineQueue } from '../../contracts/offline-queue.js';
import type { Fixture } from '../fixture.js';
import { alice1, alice2, bob1, expectQueueFull, item, TTL_MS } from './suite-helpers.js';

/** The offline queue suite's 'capacity and atomicity' block: `maxPerDevice` refuses a whole call, across devices. */
export function capacityAndAtomicityTests(fx: Fixture<OfflineQueue>): void {
  describe('capacity and atomicity', () => {
    it('refuses with QUEUE_FULL once a device holds maxPerDevice entries', async () => {
      const q = fx.subject;
      await q.enqueue([item(alice1, 'a'), item(alice1, 'b')], { maxPerDevice: 2 });
      await expectQueueFull(q.enqueue([item(alice1, 'c')], { maxPerDevice: 2 }));
      expect(await q.count(alice1)).toBe(2);
      await q.ack(alice1, ['a']);
      const [c] = await q.enqueue([item(alice1, 'c')], { maxPerDevice: 2 });
      expect(c!.duplicate).toBe(false);
    });

    it('stores nothing when a call would overfill one device', async () => {
      const q = fx.subject;
      await q.enqueue([item(alice1, 'a')]);
      await expectQueueFull(q.enqueue([item(alice1, 'b'), item(alice1, 'c')], { maxPerDevice: 2 }));
      expect((await q.read(alice1, { limit: 10 })).map((e) => e.id)).toEqual(['a']);
    });

    it('stores nothing for the other devices of a call that fails with QUEUE_FULL', async () => {
      const q = fx.subject;
      await q.enqueue([item(alice1, 'a'), item(alice1, 'b')]);
      await expectQueueFull(
        q.enqueue([item(bob1, 'x'), item(alice2, 'y'), item(alice1, 'c'), item(bob1, 'z')], { maxPerDevice: 2 }),
      );
      expect(await q.count(bob1)).toBe(0);
      expect(await q.count(alice2)).toBe(0);
      expect(await q.read(bob1, { limit: 10 })).toEqual([]);
      expect(await q.count(alice1)).toBe(2);
      // Nothing of the failed call was recorded: the same ids are new afterwards.
      const retried = await q.enqueue([item(bob1, 'x'), item(alice2, 'y')], { maxPerDevice: 2 });
      expect(retried.map((r) => r.duplicate)).toEqual([false, false]);
    });

    it('fails only the overfilling call among concurrent calls', async () => {
      const q = fx.subject;
      await q.enqueue([item(alice1, 'a')]);
      const [ok1, full, ok2] = await Promise.allSettled([
        q.enqueue([item(bob1, 'x')], { maxPerDevice: 1 }),
        q.enqueue([item(alice2, 'y'), item(alice1, 'b')], { maxPerDevice: 1 }),
        q.enqueue([item(alice2, 'z')], { maxPerDevice: 1 }),
      ]);
      expect(ok1.status).toBe('fulfilled');
      expect(ok2.status).toBe('fulfilled');
      expect(full.status === 'rejected' && isParleyError(full.reason, 'QUEUE_FULL')).toBe(true);
      expect((await q.read(bob1, { limit: 10 })).map((e) => e.id)).toEqual(['x']);
      expect((await q.read(alice2, { limit: 10 })).map((e) => e.id)).toEqual(['z']);
      expect((await q.read(alice1, { limit: 10 })).map((e) => e.id)).toEqual(['a']);
    });

    it('does not count duplicates or expired entries against maxPerDevice', async () => {
      const q = fx.subject;
      await q.enqueue([item(alice1, 'a'), item(alice1, 'b')]);
      const [dup] = await q.enqueue([item(alice1, 'a')], { maxPerDevice: 2 });
      expect(dup!.duplicate).toBe(true);
      fx.time.advance(TTL_MS);
      const fresh = await q.enqueue([item(alice1, 'c'), item(alice1, 'd')], { maxPerDevice: 2 });
      expect(fresh.map((r) => r.duplicate)).toEqual([false, false]);
      expect((await q.read(alice1, { limit: 10 })).map((e) => e.id)).toEqual(['c', 'd']);
    });
  });
}
