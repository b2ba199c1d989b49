import { describe, expect, it } from 'vitest';
import type { OfflineQueue } from '../../contracts/offline-queue.js';
import type { Fixture } from '../fixture.js';
import { alice1, bob1, item, TTL_MS } from './suite-helpers.js';

/** The offline queue suite's 'expiry' block: Entries live `ttlMs`, read and counted by the injected clock. */
export function expiryTests(fx: Fixture<OfflineQueue>): void {
  describe('expiry', () => {
    it('hides an entry from read and count once ttl has passed', async () => {
      const q = fx.subject;
      await q.enqueue([item(alice1, 'old')]);
      fx.time.advance(TTL_MS / 2);
      await q.enqueue([item(alice1, 'new')]);
      fx.time.advance(TTL_MS / 2 - 1);
      expect((await q.read(alice1, { limit: 10 })).map((e) => e.id)).toEqual(['old', 'new']);
      fx.time.advance(1);
      expect((await q.read(alice1, { limit: 10 })).map((e) => e.id)).toEqual(['new']);
      expect(await q.count(alice1)).toBe(1);
      fx.time.advance(TTL_MS / 2);
      expect(await q.read(alice1, { limit: 10 })).toEqual([]);
      expect(await q.count(alice1)).toBe(0);
    });

    it('purgeExpired deletes expired entries only and returns how many', async () => {
      const q = fx.subject;
      await q.enqueue([item(alice1, 'a'), item(alice1, 'b'), item(bob1, 'c')]);
      fx.time.advance(TTL_MS / 2);
      await q.enqueue([item(alice1, 'd')]);
      expect(await q.purgeExpired()).toBe(0);
      fx.time.advance(TTL_MS / 2);
      expect(await q.purgeExpired()).toBe(3);
      expect(await q.purgeExpired()).toBe(0);
      expect((await q.read(alice1, { limit: 10 })).map((e) => e.id)).toEqual(['d']);
      expect(await q.count(bob1)).toBe(0);
      expect(await q.ack(alice1, ['a'])).toBe(0);
    });
  });
}
