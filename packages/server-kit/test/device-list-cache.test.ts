import { describe, expect, it, vi } from 'vitest';
import { cachedDeviceLists, DEVICES_CHANGED_CHANNEL } from '../src/cluster/device-list-cache.js';
import type { Bus } from '../src/contracts/bus.js';
import type { DeviceRecord, DeviceRegistry } from '../src/contracts/device-registry.js';
import { memoryBus } from '../src/memory/memory-bus.js';
import { memoryDeviceRegistry } from '../src/memory/memory-device-registry.js';
import { deviceRegistryCompliance } from '../src/testing/index.js';

deviceRegistryCompliance({
  name: 'cachedDeviceLists(memoryDeviceRegistry)',
  create: async ({ clock }) => cachedDeviceLists(memoryDeviceRegistry({ clock }), { bus: memoryBus(), clock }),
  cleanup: (r) => (r as ReturnType<typeof cachedDeviceLists>).close(),
});

/** Answers every `list` with fresh, mutable records, as the PostgreSQL registry does. */
function freshLists(inner: DeviceRegistry): DeviceRegistry {
  return {
    ...inner,
    list: async (userId) => (await inner.list(userId)).map((d) => ({ ...d, authKey: new Uint8Array(d.authKey) })),
  };
}

// The cache hands one list to every reader: over a registry whose answers can be changed, it must
// still keep a caller's changes from reaching the next caller.
deviceRegistryCompliance({
  name: 'cachedDeviceLists(a registry answering fresh lists)',
  create: async ({ clock }) =>
    cachedDeviceLists(freshLists(memoryDeviceRegistry({ clock })), { bus: memoryBus(), clock }),
  cleanup: (r) => (r as ReturnType<typeof cachedDeviceLists>).close(),
});

const device = (userId: string, deviceId: number): Omit<DeviceRecord, 'createdAt'> => ({
  userId,
  deviceId,
  authKey: new Uint8Array(32).fill(deviceId),
  registrationId: 0,
  approvedBy: 0,
});

/** A registry whose `list` calls are counted (and can be held back). */
function counted(inner: DeviceRegistry) {
  const o = { lists: 0, hold: undefined as Promise<void> | undefined };
  const registry: DeviceRegistry = {
    ...inner,
    async list(userId) {
      o.lists++;
      const answer = await inner.list(userId);
      await o.hold;
      return answer;
    },
  };
  return Object.assign(o, { registry });
}

/** Two gateways' caches over one registry and one bus, with a clock the test moves. */
async function twoGateways(options: { bus?: Bus; ttlMs?: number } = {}) {
  let now = 1_000;
  const clock = () => now;
  const shared = memoryDeviceRegistry({ clock });
  const bus = options.bus ?? memoryBus();
  const a = counted(shared);
  const b = counted(shared);
  const ttl = options.ttlMs === undefined ? {} : { ttlMs: options.ttlMs };
  const ga = cachedDeviceLists(a.registry, { bus, clock, ...ttl });
  const gb = cachedDeviceLists(b.registry, { bus, clock, ...ttl });
  // The first list subscribes; lists are cached once the subscription is active.
  await vi.waitFor(async () => {
    await Promise.all([ga.list('warm'), gb.list('warm')]);
    const before = a.lists + b.lists;
    await Promise.all([ga.list('warm'), gb.list('warm')]);
    expect(a.lists + b.lists).toBe(before);
  });
  return { a, b, ga, gb, advance: (ms: number) => (now += ms) };
}

const ids = (list: readonly DeviceRecord[]) => list.map((d) => d.deviceId);

describe('cachedDeviceLists', () => {
  it('reads a list once, then serves it from memory (copies the caller may change)', async () => {
    const { a, ga } = await twoGateways();
    await ga.register(device('bob', 1));
    const first = await ga.list('bob');
    const reads = a.lists;
    first[0]?.authKey.fill(0);
    const again = await ga.list('bob');
    expect(a.lists).toBe(reads);
    expect(again[0]?.authKey[0]).toBe(1);
  });

  it('drops a list on every gateway when one of them changes it', async () => {
    const { ga, gb } = await twoGateways();
    await ga.register(device('bob', 1));
    expect(ids(await gb.list('bob'))).toEqual([1]);
    await ga.register(device('bob', 2));
    await vi.waitFor(async () => expect(ids(await gb.list('bob'))).toEqual([1, 2]));
    await ga.setRegistrationId('bob', 2, 77);
    await vi.waitFor(async () => expect((await gb.list('bob'))[1]?.registrationId).toBe(77));
    await gb.remove('bob', 1);
    await vi.waitFor(async () => expect(ids(await ga.list('bob'))).toEqual([2]));
  });

  it('uses an old list after a lost change note for at most ttlMs', async () => {
    const real = memoryBus();
    let drop = false;
    const bus: Bus = { ...real, publish: (channel, data) => (drop ? Promise.resolve() : real.publish(channel, data)) };
    const { ga, gb, advance } = await twoGateways({ bus, ttlMs: 5_000 });
    await ga.register(device('bob', 1));
    expect(ids(await gb.list('bob'))).toEqual([1]);
    drop = true;
    await ga.register(device('bob', 2));
    expect(ids(await gb.list('bob'))).toEqual([1]); // the note was lost
    advance(4_999);
    expect(ids(await gb.list('bob'))).toEqual([1]);
    advance(2);
    expect(ids(await gb.list('bob'))).toEqual([1, 2]);
  });

  it('does not cache a read that a change note overtook', async () => {
    const { b, ga, gb } = await twoGateways();
    await ga.register(device('bob', 1));
    let release = () => {};
    b.hold = new Promise<void>((r) => {
      release = r;
    });
    const racing = gb.list('bob'); // reads [1], held before it returns
    await vi.waitFor(() => expect(b.lists).toBeGreaterThan(0));
    await ga.register(device('bob', 2)); // its note reaches gb while the read is held
    await new Promise<void>((r) => setImmediate(r));
    b.hold = undefined;
    release();
    expect(ids(await racing)).toEqual([1]);
    expect(ids(await gb.list('bob'))).toEqual([1, 2]);
  });

  it('caches nothing before it listens to change notes', async () => {
    const real = memoryBus();
    let subscribe = () => {};
    const bus: Bus = {
      ...real,
      subscribe: (channel, handler) =>
        new Promise((resolve) => {
          subscribe = () => void real.subscribe(channel, handler).then(resolve);
        }),
    };
    const inner = counted(memoryDeviceRegistry());
    const g = cachedDeviceLists(inner.registry, { bus });
    await g.list('bob');
    await g.list('bob');
    expect(inner.lists).toBe(2);
    subscribe();
    await vi.waitFor(async () => {
      const before = inner.lists;
      await g.list('bob');
      await g.list('bob');
      expect(inner.lists - before).toBeLessThanOrEqual(1);
    });
    await g.close();
  });

  it('ignores empty and oversized notes', async () => {
    const bus = memoryBus();
    const inner = counted(memoryDeviceRegistry());
    const g = cachedDeviceLists(inner.registry, { bus });
    await vi.waitFor(async () => {
      await g.list('bob');
      const before = inner.lists;
      await g.list('bob');
      expect(inner.lists).toBe(before);
    });
    const before = inner.lists;
    await bus.publish(DEVICES_CHANGED_CHANNEL, new Uint8Array(0));
    await bus.publish(DEVICES_CHANGED_CHANNEL, new Uint8Array(5000));
    await g.list('bob');
    expect(inner.lists).toBe(before);
    await g.close();
  });
});
