// Every 1:1 send reads two device lists and every delivered receipt one more: in a cluster each
// was a database round trip (3 of the ~6.7 per delivered message in bench:delivery --gateways 2).
// This keeps them per gateway and drops a user's list when any gateway changes it.
import type { Bus } from '../contracts/bus.js';
import type { DeviceRecord, DeviceRegistry } from '../contracts/device-registry.js';
import { type Logger, silentLogger } from '../contracts/logger.js';
import { sharedDeviceList } from '../contracts/shared-device-list.js';
import { type Clock, systemClock } from '../contracts/types.js';

/** The bus channel on which gateways announce that a user's device list changed (payload: the user id, UTF-8). */
export const DEVICES_CHANGED_CHANNEL = 'parley.devices';

/** Longest user id read from the channel (the registry refuses longer ones long before). */
const MAX_USER_ID_BYTES = 4096;

/** Options of {@link cachedDeviceLists}. */
export interface DeviceListCacheOptions {
  /** Carries the "this user's devices changed" notes between the gateways sharing the registry. */
  bus: Bus;
  /**
   * Longest a list is served from memory. It bounds how long a gateway that missed a change note
   * (the bus was down) can use an old list; default 5 s.
   */
  ttlMs?: number;
  /** Users whose lists are kept; past it the cache starts afresh. Default 10,000. */
  maxUsers?: number;
  clock?: Clock;
  logger?: Logger;
}

/**
 * A {@link DeviceRegistry} that serves `list` from memory. Every write of a list's contents
 * (register, registerFirst, setRegistrationId, remove) drops it here and, after the write, tells
 * the other gateways over the bus to drop theirs. A list is cached only from a read that no change
 * note overtook (a read racing a change never caches the old list), only while this gateway is
 * subscribed to the notes, and for at most `ttlMs`: a lost note makes a gateway use an old list
 * for that long at most, as a read made just before the change would.
 */
export function cachedDeviceLists(
  inner: DeviceRegistry,
  options: DeviceListCacheOptions,
): DeviceRegistry & { close(): Promise<void> } {
  const { bus } = options;
  const ttlMs = options.ttlMs ?? 5_000;
  const maxUsers = options.maxUsers ?? 10_000;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const lists = new Map<string, { devices: readonly Readonly<DeviceRecord>[]; until: number }>();
  /** Bumped by every change seen: a read caches its answer only if none came while it ran. */
  let changes = 0;
  let subscribed = false;
  let subscribing: Promise<void> | undefined;
  let unsubscribe: (() => Promise<void>) | undefined;
  let closed = false;

  const drop = (userId: string): void => {
    changes++;
    lists.delete(userId);
  };

  const onNote = (data: Uint8Array): void => {
    if (data.byteLength === 0 || data.byteLength > MAX_USER_ID_BYTES) return;
    drop(new TextDecoder().decode(data));
  };

  /** Subscribes once, in the background; until it is active nothing is cached. */
  const subscribe = (): void => {
    if (subscribed || subscribing || closed) return;
    subscribing = bus
      .subscribe(DEVICES_CHANGED_CHANNEL, onNote)
      .then((off) => {
        if (closed) return off();
        unsubscribe = off;
        subscribed = true;
      })
      .catch((error: unknown) => logger.warn('device list notes: subscribe failed', { error: String(error) }))
      .finally(() => {
        subscribing = undefined;
      });
  };

  /** Runs a write of `userId`'s list, then tells every gateway (this one first). */
  const changing = async <T>(userId: string, write: () => Promise<T>): Promise<T> => {
    drop(userId);
    try {
      return await write();
    } finally {
      // Also after a failed write: it may have committed before the failure was reported.
      drop(userId);
      await bus
        .publish(DEVICES_CHANGED_CHANNEL, new TextEncoder().encode(userId))
        .catch((error: unknown) => logger.warn('device list notes: publish failed', { error: String(error) }));
    }
  };

  return {
    register: (device) => changing(device.userId, () => inner.register(device)),
    registerFirst: (device) => changing(device.userId, () => inner.registerFirst(device)),
    setRegistrationId: (userId, deviceId, registrationId) =>
      changing(userId, () => inner.setRegistrationId(userId, deviceId, registrationId)),
    remove: (userId, deviceId) => changing(userId, () => inner.remove(userId, deviceId)),

    async list(userId) {
      const now = clock();
      const cached = lists.get(userId);
      // One frozen list per fill, handed to every reader (DeviceRegistry.list is read-only): no copy per send.
      if (cached && cached.until > now) return cached.devices;
      subscribe();
      const seen = changes;
      const devices = await inner.list(userId);
      if (subscribed && !closed && changes === seen) {
        if (lists.size >= maxUsers) lists.clear();
        lists.set(userId, { devices: sharedDeviceList(devices), until: now + ttlMs });
      }
      return devices;
    },

    get: (userId, deviceId) => inner.get(userId, deviceId),
    setPushToken: (userId, deviceId, token) => inner.setPushToken(userId, deviceId, token),
    pushToken: (userId, deviceId) => inner.pushToken(userId, deviceId),
    deviceList: (userId) => inner.deviceList(userId),
    appendDeviceList: (userId, version, record) => inner.appendDeviceList(userId, version, record),

    async close() {
      closed = true;
      lists.clear();
      await subscribing;
      await unsubscribe?.().catch((error: unknown) =>
        logger.warn('device list notes: unsubscribe failed', { error: String(error) }),
      );
      unsubscribe = undefined;
      subscribed = false;
    },
  };
}
