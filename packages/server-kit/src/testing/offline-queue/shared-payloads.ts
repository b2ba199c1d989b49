import { describe, expect, it } from 'vitest';
import type { OfflineQueue, QueueItem } from '../../contracts/offline-queue.js';
import type { DeviceAddress } from '../../contracts/types.js';
import type { Fixture } from '../fixture.js';
import { alice1, alice2, bob1, bytesOf, expectInvalid, expectQueueFull, item, TTL_MS } from './suite-helpers.js';

/** The offline queue suite's 'shared payloads' block: Shared payloads are stored once and read back with every entry naming them. */
export function sharedPayloadsTests(fx: Fixture<OfflineQueue>): void {
  describe('shared payloads', () => {
    const withShared = (device: DeviceAddress, id: string, key: string): QueueItem => ({
      ...item(device, id),
      shared: key,
    });
    const sharedOf = async (device: DeviceAddress) => (await q().read(device, { limit: 10 })).map((e) => e.shared);
    const q = () => fx.subject;

    it('returns the payload with every entry that references it, beside each entry own data', async () => {
      await q().enqueue([withShared(alice1, 'm', 'k'), withShared(bob1, 'm', 'k'), item(alice2, 'plain')], {
        shared: [{ key: 'k', data: bytesOf('payload') }],
      });
      const [a] = await q().read(alice1, { limit: 10 });
      expect(a?.data).toEqual(bytesOf('m'));
      expect(a?.shared).toEqual(bytesOf('payload'));
      expect(a?.shared).toBeInstanceOf(Uint8Array);
      expect(await sharedOf(bob1)).toEqual([bytesOf('payload')]);
      expect((await q().read(alice2, { limit: 10 }))[0]?.shared).toBeUndefined();
    });

    it('keeps the payload until the last referencing entry is acknowledged, then forgets it', async () => {
      const shared = [{ key: 'k', data: bytesOf('first') }];
      await q().enqueue([withShared(alice1, 'm', 'k'), withShared(bob1, 'm', 'k')], { shared });
      await q().ack(alice1, ['m']);
      // Still referenced by bob1's entry: a new entry naming the key keeps the stored bytes.
      await q().enqueue([withShared(alice2, 'n', 'k')], { shared: [{ key: 'k', data: bytesOf('second') }] });
      expect(await sharedOf(alice2)).toEqual([bytesOf('first')]);
      expect(await sharedOf(bob1)).toEqual([bytesOf('first')]);
      await q().ack(bob1, ['m']);
      await q().ack(alice2, ['n']);
      // Gone with its last reference: the key stores new bytes.
      await q().enqueue([withShared(bob1, 'o', 'k')], { shared: [{ key: 'k', data: bytesOf('third') }] });
      expect(await sharedOf(bob1)).toEqual([bytesOf('third')]);
    });

    it('releases the payload when its entries expire or are cleared', async () => {
      await q().enqueue([withShared(alice1, 'm', 'k')], { shared: [{ key: 'k', data: bytesOf('old') }] });
      fx.time.advance(TTL_MS);
      expect(await q().purgeExpired()).toBe(1);
      await q().enqueue([withShared(alice1, 'n', 'k')], { shared: [{ key: 'k', data: bytesOf('new') }] });
      expect(await sharedOf(alice1)).toEqual([bytesOf('new')]);
      await q().clear(alice1);
      await q().enqueue([withShared(bob1, 'p', 'k')], { shared: [{ key: 'k', data: bytesOf('newer') }] });
      expect(await sharedOf(bob1)).toEqual([bytesOf('newer')]);
    });

    it('answers a repeated enqueue as duplicates and still serves the payload', async () => {
      const call = () =>
        q().enqueue([withShared(alice1, 'm', 'k'), withShared(bob1, 'm', 'k')], {
          shared: [{ key: 'k', data: bytesOf('payload') }],
        });
      await call();
      expect((await call()).map((r) => r.duplicate)).toEqual([true, true]);
      await q().ack(alice1, ['m']);
      expect(await sharedOf(bob1)).toEqual([bytesOf('payload')]);
    });

    it('refuses keys that do not match the items, storing nothing', async () => {
      const refused = expectInvalid;
      await refused(q().enqueue([withShared(alice1, 'm', 'missing')]));
      await refused(q().enqueue([item(alice1, 'm')], { shared: [{ key: 'unused', data: bytesOf('x') }] }));
      await refused(
        q().enqueue([withShared(alice1, 'm', 'k')], {
          shared: [
            { key: 'k', data: bytesOf('x') },
            { key: 'k', data: bytesOf('y') },
          ],
        }),
      );
      expect(await q().count(alice1)).toBe(0);
    });

    it('stores no payload for a call refused with QUEUE_FULL', async () => {
      await q().enqueue([item(bob1, 'full')]);
      await expectQueueFull(
        q().enqueue([withShared(alice1, 'm', 'k'), withShared(bob1, 'm', 'k')], {
          shared: [{ key: 'k', data: bytesOf('refused') }],
          maxPerDevice: 1,
        }),
      );
      await q().enqueue([withShared(alice2, 'n', 'k')], { shared: [{ key: 'k', data: bytesOf('kept') }] });
      expect(await sharedOf(alice2)).toEqual([bytesOf('kept')]);
    });

    it('hands out copies of the payload', async () => {
      const data = bytesOf('payload');
      await q().enqueue([withShared(alice1, 'm', 'k')], { shared: [{ key: 'k', data }] });
      data[0] = 0;
      const [first] = await q().read(alice1, { limit: 1 });
      first!.shared![1] = 0;
      expect(await sharedOf(alice1)).toEqual([bytesOf('payload')]);
    });
  });
}
