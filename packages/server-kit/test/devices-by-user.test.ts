import { describe, expect, it } from 'vitest';
import { DevicesByUser } from '../src/gateway/devices-by-user.js';

// The live devices' map: one device of a user kept bare, several in an array; each must be found,
// replaced and removed on its own, and going through all of them must survive removals on the way
// (the gateway closes every connection that way when it stops).

interface Value {
  userId: string;
  deviceId: number;
  tag: string;
}

const value = (userId: string, deviceId: number, tag = '') => ({ userId, deviceId, tag });
const make = () => new DevicesByUser<Value>((v) => v.deviceId);
const tags = (vs: Iterable<Value>) => [...vs].map((v) => `${v.userId}/${v.deviceId}${v.tag}`).sort();

describe('DevicesByUser', () => {
  it('keeps each device of a user apart, one or several', () => {
    const m = make();
    const bob1 = value('bob', 1);
    m.set(bob1, bob1);
    expect(m.get({ userId: 'bob', deviceId: 1 })).toBe(bob1);
    expect(m.get({ userId: 'bob', deviceId: 2 })).toBeUndefined();
    expect(m.get({ userId: 'alice', deviceId: 1 })).toBeUndefined();

    const bob2 = value('bob', 2);
    const bob3 = value('bob', 3);
    m.set(bob2, bob2);
    m.set(bob3, bob3);
    const alice = value('alice', 1);
    m.set(alice, alice);
    expect(m.size).toBe(4);
    expect([1, 2, 3].map((deviceId) => m.get({ userId: 'bob', deviceId }))).toEqual([bob1, bob2, bob3]);
    expect(tags(m.ofUser('bob'))).toEqual(['bob/1', 'bob/2', 'bob/3']);
    expect(m.ofUser('carol')).toEqual([]);

    // Replacing a device's value, bare or among several, adds no device.
    m.set(bob2, value('bob', 2, '*'));
    m.set(alice, value('alice', 1, '*'));
    expect(m.size).toBe(4);
    expect(tags(m.values())).toEqual(['alice/1*', 'bob/1', 'bob/2*', 'bob/3']);

    expect(m.delete({ userId: 'bob', deviceId: 9 })).toBe(false);
    expect(m.delete({ userId: 'bob', deviceId: 2 })).toBe(true);
    expect(m.delete({ userId: 'bob', deviceId: 2 })).toBe(false);
    expect(tags(m.ofUser('bob'))).toEqual(['bob/1', 'bob/3']);
    expect(m.delete({ userId: 'bob', deviceId: 1 })).toBe(true);
    // One left: found as before, and a new second device joins it.
    expect(m.get({ userId: 'bob', deviceId: 3 })).toBe(bob3);
    expect(m.delete({ userId: 'alice', deviceId: 2 })).toBe(false);
    m.set(bob1, bob1);
    expect(tags(m.ofUser('bob'))).toEqual(['bob/1', 'bob/3']);
    expect(m.size).toBe(3);
    expect(m.delete({ userId: 'alice', deviceId: 1 })).toBe(true);
    expect(m.get({ userId: 'alice', deviceId: 1 })).toBeUndefined();
    expect(m.size).toBe(2);
  });

  it('goes through every value while each is removed on the way', () => {
    const m = make();
    const all = [value('bob', 1), value('bob', 2), value('bob', 3), value('alice', 1), value('carol', 5)];
    for (const v of all) m.set(v, v);
    const seen: Value[] = [];
    for (const v of m.values()) {
      seen.push(v);
      m.delete(v);
    }
    expect(tags(seen)).toEqual(tags(all));
    expect(m.size).toBe(0);
    expect([...m.values()]).toEqual([]);
  });
});
