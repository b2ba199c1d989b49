import { describe, expect, it } from 'vitest';
import type { OfflineQueue } from '../../contracts/offline-queue.js';
import type { DeviceAddress } from '../../contracts/types.js';
import type { Fixture } from '../fixture.js';
import { alice1, alice2, bob1, bytesOf, item } from './suite-helpers.js';

/** The offline queue suite's 'isolation and clear' block: Devices and users are kept apart; `clear` empties one device. */
export function isolationAndClearTests(fx: Fixture<OfflineQueue>): void {
  describe('isolation and clear', () => {
    it('keeps devices of one user and users with one device id apart', async () => {
      const q = fx.subject;
      await q.enqueue([item(alice1, 'x', 'alice1'), item(alice2, 'x', 'alice2'), item(bob1, 'x', 'bob1')]);
      const one = async (device: DeviceAddress) => (await q.read(device, { limit: 10 })).map((e) => e.data);
      expect(await one(alice1)).toEqual([bytesOf('alice1')]);
      expect(await one(alice2)).toEqual([bytesOf('alice2')]);
      expect(await one(bob1)).toEqual([bytesOf('bob1')]);
    });

    it('clear drops every entry of one device only', async () => {
      const q = fx.subject;
      await q.enqueue([item(alice1, 'a'), item(alice1, 'b'), item(alice2, 'a')]);
      await q.clear(alice1);
      expect(await q.read(alice1, { limit: 10 })).toEqual([]);
      expect(await q.count(alice1)).toBe(0);
      expect(await q.count(alice2)).toBe(1);
      await q.clear(bob1);
      const [again] = await q.enqueue([item(alice1, 'c')], { maxPerDevice: 1 });
      expect(again!.duplicate).toBe(false);
    });
  });
}
