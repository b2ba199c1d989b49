import { describe, expect, it } from 'vitest';
import type { OfflineQueue } from '../../contracts/offline-queue.js';
import type { Fixture } from '../fixture.js';
import { alice1, item } from './suite-helpers.js';

/** The offline queue suite's 'storage time (now)' block: `EnqueueOptions.now` sets the storage time. */
export function storageTimeTests(fx: Fixture<OfflineQueue>): void {
  describe('storage time (now)', () => {
    it('stores entries at the given time, and a duplicate keeps its first time', async () => {
      const q = fx.subject;
      const at = fx.time.now - 5;
      const [first] = await q.enqueue([item(alice1, 'a')], { now: at });
      expect(first!.storedAt).toBe(at);
      expect((await q.read(alice1, { limit: 1 }))[0]!.storedAt).toBe(at);
      fx.time.advance(10);
      const [dup] = await q.enqueue([item(alice1, 'a')], { now: fx.time.now });
      expect(dup).toMatchObject({ duplicate: true, storedAt: at });
    });
  });
}
