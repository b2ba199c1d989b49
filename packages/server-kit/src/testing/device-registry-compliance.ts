import { isParleyError } from '@parley/core';
import { describe, expect, it } from 'vitest';
import type { DeviceRecord, DeviceRegistry } from '../contracts/device-registry.js';
import { type ComplianceOptions, useFixture } from './fixture.js';

const key = (fill: number): Uint8Array => new Uint8Array(32).fill(fill);

const device = (userId: string, deviceId: number, fill = deviceId): Omit<DeviceRecord, 'createdAt'> => ({
  userId,
  deviceId,
  authKey: key(fill),
  registrationId: 0,
  approvedBy: 0,
});

/** Runs the {@link DeviceRegistry} guarantees against an implementation. */
export function deviceRegistryCompliance(options: ComplianceOptions<DeviceRegistry>): void {
  describe(`DeviceRegistry compliance: ${options.name}`, () => {
    const fx = useFixture(options, {});

    it('appends device-list records version by version; one of two racing appends wins; version 1 restarts the list', async () => {
      const r = fx.subject;
      const rec = (n: number) => new Uint8Array([n, n, n]);
      expect(await r.deviceList('alice')).toEqual([]);
      expect(await r.appendDeviceList('alice', 2, rec(2))).toBe(false);
      expect(await r.appendDeviceList('alice', 1, rec(1))).toBe(true);
      const raced = await Promise.all([r.appendDeviceList('alice', 2, rec(2)), r.appendDeviceList('alice', 2, rec(9))]);
      expect(raced.filter(Boolean)).toHaveLength(1);
      expect(await r.appendDeviceList('alice', 2, rec(2))).toBe(false);
      expect(await r.appendDeviceList('alice', 4, rec(4))).toBe(false);
      expect(await r.appendDeviceList('alice', 3, rec(3))).toBe(true);
      const list = await r.deviceList('alice');
      expect(list).toHaveLength(3);
      expect(list[0]).toEqual(rec(1));
      expect([rec(2), rec(9)]).toContainEqual(list[1]);
      expect(list[2]).toEqual(rec(3));
      expect(await r.deviceList('bob')).toEqual([]);
      // A new genesis replaces the whole list.
      expect(await r.appendDeviceList('alice', 1, rec(7))).toBe(true);
      expect(await r.deviceList('alice')).toEqual([rec(7)]);
    });

    it('registers a device stamped with the clock and gets it back', async () => {
      const r = fx.subject;
      const result = await r.register({ ...device('alice', 1), approvedBy: 0, registrationId: 7 });
      const expected: DeviceRecord = { ...device('alice', 1), registrationId: 7, createdAt: fx.time.now };
      expect(result).toEqual({ created: true, device: expected });
      expect(await r.get('alice', 1)).toEqual(expected);
      expect(await r.get('alice', 2)).toBeUndefined();
      expect(await r.get('bob', 1)).toBeUndefined();
    });

    it('keeps a given createdAt and approvedBy', async () => {
      const r = fx.subject;
      await r.register({ ...device('alice', 2), approvedBy: 1, createdAt: 1234 });
      expect(await r.get('alice', 2)).toMatchObject({ createdAt: 1234, approvedBy: 1 });
    });

    it('answers a second registration with the stored record', async () => {
      const r = fx.subject;
      await r.register(device('alice', 1, 1));
      fx.time.advance(1000);
      const again = await r.register(device('alice', 1, 2));
      expect(again.created).toBe(false);
      expect(again.device.authKey).toEqual(key(1));
      expect(again.device.createdAt).toBe(fx.time.now - 1000);
    });

    it('lets exactly one of two concurrent registrations create the device', async () => {
      const r = fx.subject;
      const [a, b] = await Promise.all([r.register(device('alice', 1, 1)), r.register(device('alice', 1, 2))]);
      expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
      const winner = a.created ? a : b;
      expect(a.device.authKey).toEqual(winner.device.authKey);
      expect(b.device.authKey).toEqual(winner.device.authKey);
      expect((await r.get('alice', 1))?.authKey).toEqual(winner.device.authKey);
      expect(await r.list('alice')).toHaveLength(1);
    });

    it('registers a first device only for a user who never had one', async () => {
      const r = fx.subject;
      const first = await r.registerFirst(device('alice', 1));
      expect(first).toEqual({ created: true, device: { ...device('alice', 1), createdAt: fx.time.now } });
      expect(await r.registerFirst(device('alice', 2))).toEqual({ created: false, userTaken: true });
      expect(await r.registerFirst(device('alice', 1))).toEqual({ created: false, userTaken: true });
      expect((await r.list('alice')).map((d) => d.deviceId)).toEqual([1]);
      await r.register(device('bob', 3));
      expect(await r.registerFirst(device('bob', 4))).toEqual({ created: false, userTaken: true });
    });

    it('lets exactly one of concurrent first registrations of one user win', async () => {
      const r = fx.subject;
      const results = await Promise.all([1, 2, 3, 4].map((id) => r.registerFirst(device('alice', id))));
      expect(results.filter((x) => x.created)).toHaveLength(1);
      expect(await r.list('alice')).toHaveLength(1);
    });

    it('keeps a user whose devices were all removed taken (tombstone)', async () => {
      const r = fx.subject;
      await r.registerFirst(device('alice', 1));
      await r.register(device('alice', 2));
      await r.remove('alice', 1);
      await r.remove('alice', 2);
      expect(await r.list('alice')).toEqual([]);
      expect(await r.registerFirst(device('alice', 3, 9))).toEqual({ created: false, userTaken: true });
      expect(await r.list('alice')).toEqual([]);
    });

    it('lists only the user devices, ordered by device id', async () => {
      const r = fx.subject;
      for (const id of [3, 1, 2]) await r.register(device('alice', id));
      await r.register(device('bob', 5));
      expect((await r.list('alice')).map((d) => d.deviceId)).toEqual([1, 2, 3]);
      expect((await r.list('bob')).map((d) => d.deviceId)).toEqual([5]);
      expect(await r.list('carol')).toEqual([]);
    });

    it('sets the registration id of a live device, and rejects NOT_FOUND otherwise', async () => {
      const r = fx.subject;
      await r.register(device('alice', 1));
      await r.setRegistrationId('alice', 1, 4242);
      expect((await r.get('alice', 1))?.registrationId).toBe(4242);
      const unknown = await r.setRegistrationId('alice', 9, 1).catch((e: unknown) => e);
      expect(isParleyError(unknown, 'NOT_FOUND')).toBe(true);
      await r.remove('alice', 1);
      const removed = await r.setRegistrationId('alice', 1, 1).catch((e: unknown) => e);
      expect(isParleyError(removed, 'NOT_FOUND')).toBe(true);
    });

    it('removes a device: gone from get and list, remove reports whether it removed', async () => {
      const r = fx.subject;
      await r.register(device('alice', 1));
      await r.register(device('alice', 2));
      expect(await r.remove('alice', 1)).toBe(true);
      expect(await r.get('alice', 1)).toBeUndefined();
      expect((await r.list('alice')).map((d) => d.deviceId)).toEqual([2]);
      expect(await r.remove('alice', 1)).toBe(false);
      expect(await r.remove('alice', 9)).toBe(false);
    });

    it('never reuses a removed device id', async () => {
      const r = fx.subject;
      await r.register(device('alice', 1, 1));
      await r.remove('alice', 1);
      const reuse = await r.register(device('alice', 1, 2));
      expect(reuse.created).toBe(false);
      expect(reuse.device.authKey).toEqual(new Uint8Array(0));
      expect(reuse.device).toMatchObject({ userId: 'alice', deviceId: 1 });
      expect(await r.get('alice', 1)).toBeUndefined();
      expect(await r.list('alice')).toEqual([]);
    });

    it('copies the auth key in and out', async () => {
      const r = fx.subject;
      const authKey = key(1);
      const { device: stored } = await r.register({ ...device('alice', 1), authKey });
      authKey[0] = 99;
      stored.authKey[1] = 99;
      const got = await r.get('alice', 1);
      expect(got?.authKey).toEqual(key(1));
      got!.authKey[2] = 99;
      expect((await r.list('alice'))[0]?.authKey).toEqual(key(1));
      const buffer = Buffer.from(key(2));
      await r.register({ ...device('alice', 2), authKey: buffer });
      buffer[0] = 99;
      expect([...((await r.get('alice', 2))?.authKey ?? [])]).toEqual([...key(2)]);
    });

    it('hands out lists that no caller can change for the next, and that show a change at once', async () => {
      const r = fx.subject;
      await r.register(device('alice', 1));
      await r.register(device('alice', 2));
      const before = await r.list('alice');
      const got = (await r.list('alice')) as DeviceRecord[];
      // A shared list is frozen (the change throws); any other answer is the caller's own copy.
      const attempt = (change: () => unknown) => {
        try {
          change();
        } catch {}
      };
      attempt(() => got.push({ ...device('alice', 9), createdAt: 0 }));
      attempt(() => got.reverse());
      attempt(() => got.splice(0, 1));
      attempt(() => {
        (got[0] as DeviceRecord).registrationId = 99;
      });
      attempt(() => {
        (got[0] as DeviceRecord).authKey = key(99);
      });
      got[0]?.authKey.fill(99);
      const next = await r.list('alice');
      expect(next.map((d) => [d.deviceId, d.registrationId])).toEqual([
        [1, 0],
        [2, 0],
      ]);
      expect(next[0]?.authKey).toEqual(key(1));
      expect((await r.get('alice', 1))?.authKey).toEqual(key(1));

      await r.setRegistrationId('alice', 2, 77);
      expect((await r.list('alice')).map((d) => d.registrationId)).toEqual([0, 77]);
      await r.register(device('alice', 3));
      expect((await r.list('alice')).map((d) => d.deviceId)).toEqual([1, 2, 3]);
      await r.remove('alice', 1);
      expect((await r.list('alice')).map((d) => d.deviceId)).toEqual([2, 3]);
      expect(await r.list('bob')).toEqual([]);
      await r.registerFirst(device('bob', 1));
      expect((await r.list('bob')).map((d) => d.deviceId)).toEqual([1]);
      // An answer is a snapshot: one given before the changes still says what it said.
      expect(before.map((d) => [d.deviceId, d.registrationId])).toEqual([
        [1, 0],
        [2, 0],
      ]);
    });

    it('listNow, when it answers, answers what list does, changes included', async () => {
      const r = fx.subject;
      const now = async (userId: string) => {
        const answer = r.listNow?.(userId);
        const listed = await r.list(userId);
        if (answer !== undefined) expect(answer.map(row)).toEqual(listed.map(row));
        return listed.map(row);
      };
      const row = (d: Readonly<DeviceRecord>) => [d.userId, d.deviceId, d.registrationId];
      expect(await now('alice')).toEqual([]);
      await r.register(device('alice', 2));
      await r.register(device('alice', 1));
      expect(await now('alice')).toEqual([
        ['alice', 1, 0],
        ['alice', 2, 0],
      ]);
      await r.setRegistrationId('alice', 2, 5);
      expect(await now('alice')).toEqual([
        ['alice', 1, 0],
        ['alice', 2, 5],
      ]);
      await r.remove('alice', 1);
      expect(await now('alice')).toEqual([['alice', 2, 5]]);
      await r.registerFirst(device('bob', 1));
      expect(await now('bob')).toEqual([['bob', 1, 0]]);
    });

    it('stores, replaces and clears a push token of a live device; removal clears it', async () => {
      const r = fx.subject;
      await r.register(device('alice', 1));
      expect(await r.pushToken('alice', 1)).toBeUndefined();
      await r.setPushToken('alice', 1, { provider: 'fcm', token: 't1' });
      await r.setPushToken('alice', 1, { provider: 'apns', token: 't2' });
      expect(await r.pushToken('alice', 1)).toEqual({ provider: 'apns', token: 't2' });
      await r.setPushToken('alice', 1, null);
      expect(await r.pushToken('alice', 1)).toBeUndefined();
      await r.setPushToken('alice', 1, { provider: 'fcm', token: 't3' });
      await r.remove('alice', 1);
      expect(await r.pushToken('alice', 1)).toBeUndefined();
      await expect(r.setPushToken('alice', 1, { provider: 'fcm', token: 'x' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(r.setPushToken('nobody', 1, { provider: 'fcm', token: 'x' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });
  });
}
