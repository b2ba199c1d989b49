import { ParleyError } from '@parley/core';
import type {
  DeviceRecord,
  DeviceRegistry,
  PushToken,
  RegisterFirstResult,
  RegisterResult,
} from '../contracts/device-registry.js';
import { sharedDeviceList } from '../contracts/shared-device-list.js';
import { type Clock, systemClock } from '../contracts/types.js';

interface Stored {
  record: DeviceRecord;
  removed: boolean;
}

const NO_DEVICES = sharedDeviceList([]);

const copy = (r: DeviceRecord): DeviceRecord => ({ ...r, authKey: new Uint8Array(r.authKey) });

/** An in-memory {@link DeviceRegistry} for tests and single-process development. */
export function memoryDeviceRegistry(options: { clock?: Clock } = {}): DeviceRegistry {
  const clock = options.clock ?? systemClock;
  const users = new Map<string, Map<number, Stored>>();
  const tokens = new Map<string, PushToken>();
  const deviceLists = new Map<string, Uint8Array[]>();
  /** Each user's live devices as `list` hands them out (frozen, shared), until one of them changes. */
  const lists = new Map<string, readonly Readonly<DeviceRecord>[]>();
  // Held in memory: `list` and `listNow` are one read.
  const listNow = (userId: string): readonly Readonly<DeviceRecord>[] => {
    let cached = lists.get(userId);
    if (!cached) {
      const devices = users.get(userId);
      // Not cached for a user never registered: asking about made-up users grows nothing.
      if (!devices) return NO_DEVICES;
      const live = [...devices.values()].filter((s) => !s.removed).map((s) => s.record);
      cached = sharedDeviceList(live.sort((a, b) => a.deviceId - b.deviceId));
      lists.set(userId, cached);
    }
    return cached;
  };
  const tokenKey = (userId: string, deviceId: number) => `${userId}\u0000${deviceId}`;

  const live = (userId: string, deviceId: number): Stored | undefined => {
    const stored = users.get(userId)?.get(deviceId);
    return stored && !stored.removed ? stored : undefined;
  };

  const registerNow = (device: Parameters<DeviceRegistry['register']>[0]): RegisterResult => {
    let devices = users.get(device.userId);
    if (!devices) {
      devices = new Map();
      users.set(device.userId, devices);
    }
    // Check and insert within one synchronous step: concurrent calls cannot interleave.
    const existing = devices.get(device.deviceId);
    if (existing) return { created: false, device: copy(existing.record) };
    const record: DeviceRecord = {
      userId: device.userId,
      deviceId: device.deviceId,
      authKey: new Uint8Array(device.authKey),
      registrationId: device.registrationId,
      createdAt: device.createdAt ?? clock(),
      approvedBy: device.approvedBy,
    };
    devices.set(device.deviceId, { record, removed: false });
    lists.delete(device.userId);
    return { created: true, device: copy(record) };
  };

  return {
    async register(device): Promise<RegisterResult> {
      return registerNow(device);
    },

    async registerFirst(device): Promise<RegisterFirstResult> {
      // Tombstones count: a user who ever had a device is taken. Check and insert in one step.
      if ((users.get(device.userId)?.size ?? 0) > 0) return { created: false, userTaken: true };
      const result = registerNow(device);
      return result.created ? result : { created: false, userTaken: true };
    },

    async get(userId, deviceId) {
      const stored = live(userId, deviceId);
      return stored ? copy(stored.record) : undefined;
    },

    async list(userId) {
      return listNow(userId);
    },

    listNow,

    async setRegistrationId(userId, deviceId, registrationId) {
      const stored = live(userId, deviceId);
      if (!stored) throw new ParleyError('NOT_FOUND', `no device ${userId}/${deviceId}`);
      stored.record.registrationId = registrationId;
      lists.delete(userId);
    },

    async remove(userId, deviceId) {
      const stored = live(userId, deviceId);
      if (!stored) return false;
      // Keep a tombstone so the id is never handed out again; drop the key it authenticated with.
      stored.removed = true;
      stored.record.authKey = new Uint8Array(0);
      lists.delete(userId);
      tokens.delete(tokenKey(userId, deviceId));
      return true;
    },

    async setPushToken(userId, deviceId, token) {
      if (!live(userId, deviceId)) throw new ParleyError('NOT_FOUND', `no device ${userId}/${deviceId}`);
      if (token) tokens.set(tokenKey(userId, deviceId), { provider: token.provider, token: token.token });
      else tokens.delete(tokenKey(userId, deviceId));
    },

    async pushToken(userId, deviceId) {
      const token = live(userId, deviceId) ? tokens.get(tokenKey(userId, deviceId)) : undefined;
      return token && { ...token };
    },

    async deviceList(userId) {
      return (deviceLists.get(userId) ?? []).map((r) => new Uint8Array(r));
    },

    async appendDeviceList(userId, version, record) {
      const list = version === 1 ? [] : (deviceLists.get(userId) ?? []);
      if (list.length !== version - 1) return false;
      deviceLists.set(userId, [...list, new Uint8Array(record)]);
      return true;
    },
  };
}
