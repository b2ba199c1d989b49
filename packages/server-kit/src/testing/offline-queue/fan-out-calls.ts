import { describe, expect, it } from 'vitest';
import type { OfflineQueue, QueueItem } from '../../contracts/offline-queue.js';
import type { DeviceAddress } from '../../contracts/types.js';
import type { Fixture } from '../fixture.js';
import { alice1, bob1, bytesOf, expectInvalid, item, readAll, TTL_MS } from './suite-helpers.js';

/** The offline queue suite's 'fan-out calls (fanOut)' block: A fan-out call is deduplicated as a whole by its shared key. */
export function fanOutCallsTests(fx: Fixture<OfflineQueue>): void {
  describe('fan-out calls (fanOut)', () => {
    const q = () => fx.subject;
    const member = (device: DeviceAddress): QueueItem => ({ ...item(device, 'g'), shared: 'k' });
    const fanOut = (devices: DeviceAddress[], now?: number) =>
      q().enqueue(devices.map(member), {
        shared: [{ key: 'k', data: bytesOf('payload') }],
        fanOut: true,
        ...(now !== undefined ? { now } : {}),
      });

    it('answers a resend as duplicates at the first call time, while queued and after every ack', async () => {
      const first = await fanOut([alice1, bob1], 1_000);
      expect(first.map((r) => [r.duplicate, r.storedAt])).toEqual([
        [false, 1_000],
        [false, 1_000],
      ]);
      const queued = await fanOut([alice1, bob1], 2_000);
      expect(queued.map((r) => [r.device, r.duplicate, r.storedAt])).toEqual([
        [alice1, true, 1_000],
        [bob1, true, 1_000],
      ]);
      await q().ack(alice1, ['g']);
      await q().ack(bob1, ['g']);
      const acked = await fanOut([alice1, bob1], 3_000);
      expect(acked.map((r) => [r.duplicate, r.storedAt])).toEqual([
        [true, 1_000],
        [true, 1_000],
      ]);
      expect(await q().count(alice1)).toBe(0);
      expect(await q().count(bob1)).toBe(0);
    });

    it('a resend after one device acked delivers nothing again: each device keeps at most its one entry', async () => {
      await fanOut([alice1, bob1]);
      await q().ack(alice1, ['g']);
      expect((await fanOut([alice1, bob1])).every((r) => r.duplicate)).toBe(true);
      expect(await readAll(q(), alice1)).toEqual([]);
      expect((await readAll(q(), bob1)).map((e) => [e.id, e.shared])).toEqual([['g', bytesOf('payload')]]);
    });

    it('deduplicates for at least one entry lifetime after the ack, then stores a resend again', async () => {
      await fanOut([alice1]);
      fx.time.advance(TTL_MS / 2);
      await q().ack(alice1, ['g']);
      fx.time.advance(TTL_MS - 1);
      await q().purgeExpired();
      expect((await fanOut([alice1])).map((r) => r.duplicate)).toEqual([true]);
      fx.time.advance(2 * TTL_MS);
      await q().purgeExpired();
      expect((await fanOut([alice1])).map((r) => r.duplicate)).toEqual([false]);
      expect((await readAll(q(), alice1)).map((e) => e.shared)).toEqual([bytesOf('payload')]);
    });

    it('refuses a fan-out without exactly one shared payload that every item names', async () => {
      const refused = expectInvalid;
      await refused(q().enqueue([item(alice1, 'g')], { fanOut: true }));
      await refused(
        q().enqueue([member(alice1), item(bob1, 'g')], { shared: [{ key: 'k', data: bytesOf('x') }], fanOut: true }),
      );
      await refused(
        q().enqueue([member(alice1), { ...item(bob1, 'g'), shared: 'j' }], {
          shared: [
            { key: 'k', data: bytesOf('x') },
            { key: 'j', data: bytesOf('y') },
          ],
          fanOut: true,
        }),
      );
      expect(await q().count(alice1)).toBe(0);
      expect(await q().count(bob1)).toBe(0);
    });
  });
}
