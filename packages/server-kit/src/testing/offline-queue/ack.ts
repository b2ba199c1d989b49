import { describe, expect, it } from 'vitest';
import type { OfflineQueue } from '../../contracts/offline-queue.js';
import type { Fixture } from '../fixture.js';
import { alice1, alice2, bob1, item } from './suite-helpers.js';

/** The offline queue suite's 'ack' block: Acks delete entries and count what they deleted. */
export function ackTests(fx: Fixture<OfflineQueue>): void {
  describe('ack', () => {
    it('removes only the given entries of the given device and counts them', async () => {
      const q = fx.subject;
      await q.enqueue([item(alice1, 'a'), item(alice1, 'b'), item(alice2, 'a'), item(bob1, 'a')]);
      expect(await q.ack(alice1, ['a', 'unknown', 'a'])).toBe(1);
      expect((await q.read(alice1, { limit: 10 })).map((e) => e.id)).toEqual(['b']);
      expect((await q.read(alice2, { limit: 10 })).map((e) => e.id)).toEqual(['a']);
      expect((await q.read(bob1, { limit: 10 })).map((e) => e.id)).toEqual(['a']);
      expect(await q.ack(alice1, ['a'])).toBe(0);
      expect(await q.ack(alice1, [])).toBe(0);
    });

    it('does not mark ids of other devices as acknowledged', async () => {
      const q = fx.subject;
      await q.enqueue([item(alice1, 'a')]);
      await q.ack(alice1, ['a']);
      const [other] = await q.enqueue([item(alice2, 'a')]);
      expect(other!.duplicate).toBe(false);
      expect(await q.count(alice2)).toBe(1);
    });

    it('drains a long queue acked page by page', async () => {
      const q = fx.subject;
      await q.enqueue(Array.from({ length: 300 }, (_, i) => item(alice1, `m${i}`)));
      let drained = 0;
      for (;;) {
        const page = await q.read(alice1, { limit: 50 });
        if (page.length === 0) break;
        expect(page[0]!.id).toBe(`m${drained}`);
        expect(
          await q.ack(
            alice1,
            page.map((e) => e.id),
          ),
        ).toBe(page.length);
        drained += page.length;
      }
      expect(drained).toBe(300);
      expect(await q.count(alice1)).toBe(0);
    });
  });
}
