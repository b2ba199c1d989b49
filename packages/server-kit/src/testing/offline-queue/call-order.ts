import { isParleyError } from '@parley/core';
import { describe, expect, it } from 'vitest';
import type { OfflineQueue } from '../../contracts/offline-queue.js';
import type { DeviceAddress } from '../../contracts/types.js';
import type { Fixture } from '../fixture.js';
import { alice1, bob1, item, readAll } from './suite-helpers.js';

/** The offline queue suite's 'call order (seqsInCallOrder)' block: With `seqsInCallOrder`, seqs follow call order. */
export function callOrderTests(fx: Fixture<OfflineQueue>): void {
  describe('call order (seqsInCallOrder)', () => {
    // Only for queues that say so: the gateway then starts a sender's next send before the
    // previous one is durable, and one sender's messages must still land in call order.
    it('hands out seqs in call order among overlapping calls, also behind calls near a limit', async () => {
      const q = fx.subject;
      if (!q.seqsInCallOrder) return;
      const calls = [
        q.enqueue([item(bob1, 'b1')]), // a device seen for the first time
        q.enqueue([item(alice1, 'a1'), item(bob1, 'b2')]),
        q.enqueue([item(alice1, 'a2')], { maxPerDevice: 2 }), // at the cap: decided the slow way
        q.enqueue([item(alice1, 'a3'), item(bob1, 'b3')]),
        q.enqueue([{ ...item(alice1, 'a4'), sender: 'carol' }], { maxPerSender: 1 }),
        q.enqueue([item(alice1, 'a1'), item(alice1, 'a5')]), // a duplicate beside a new one
        q.enqueue([item(bob1, 'b4')]),
      ];
      await Promise.all(calls);
      const ids = async (device: DeviceAddress) => (await readAll(q, device)).map((e) => e.id);
      expect(await ids(alice1)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
      expect(await ids(bob1)).toEqual(['b1', 'b2', 'b3', 'b4']);
      const seqs = (await readAll(q, alice1)).map((e) => e.seq);
      expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
    });

    it('keeps call order when a call in between is refused', async () => {
      const q = fx.subject;
      if (!q.seqsInCallOrder) return;
      await q.enqueue([item(alice1, 'a1')]);
      const [, refused, after] = await Promise.allSettled([
        q.enqueue([item(alice1, 'a2')]),
        q.enqueue([item(alice1, 'a3')], { maxPerDevice: 2 }), // the queue holds 2 by then
        q.enqueue([item(alice1, 'a4')]),
      ]);
      expect(refused.status === 'rejected' && isParleyError(refused.reason, 'QUEUE_FULL')).toBe(true);
      expect(after.status).toBe('fulfilled');
      expect((await readAll(q, alice1)).map((e) => e.id)).toEqual(['a1', 'a2', 'a4']);
    });
  });
}
