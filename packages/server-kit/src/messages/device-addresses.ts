import type { DeviceRecord } from '../contracts/device-registry.js';
import type { DeviceAddress } from '../contracts/types.js';

/** The addresses of each frozen device list seen, made once: the list object stands for its contents. */
const known = new WeakMap<readonly DeviceRecord[], readonly DeviceAddress[]>();

/**
 * The addresses of a device list's devices (a receipt goes to every device of its user). A registry
 * that hands out one frozen list until the user's devices change (`sharedDeviceList`) gets its
 * addresses made once per change instead of once per receipt; those are frozen too, since every
 * caller gets the same ones. Another list's are made afresh each time.
 */
export function addressesOf(list: readonly Readonly<DeviceRecord>[]): readonly DeviceAddress[] {
  const shared = known.get(list);
  if (shared) return shared;
  if (!Object.isFrozen(list)) return list.map((d) => ({ userId: d.userId, deviceId: d.deviceId }));
  const made = Object.freeze(list.map((d) => Object.freeze({ userId: d.userId, deviceId: d.deviceId })));
  known.set(list, made);
  return made;
}
