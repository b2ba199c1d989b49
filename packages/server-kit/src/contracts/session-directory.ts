import type { DeviceAddress } from './types.js';

/** Where a device is connected: which gateway, which connection there. */
export interface DeviceLocation {
  gatewayId: string;
  connectionId: string;
}

/**
 * Which gateway and connection hold each connected device. A fast hint, not the truth:
 * losing it delays deliveries (a device drains its queue on every connect) but loses nothing.
 *
 * Every implementation guarantees:
 * - `claim` records the location and returns the previous unexpired one if it was a different
 *   connection (gateway or connection id differs), so the caller can close the older connection:
 *   one connection per device. Claiming again with the same location returns undefined.
 * - `release` removes the entry only if it still names that connection (a late release by an
 *   old connection never removes a newer one).
 * - Entries expire after `ttlMs` unless refreshed by `claim` again (heartbeat), so a crashed
 *   gateway's devices disappear from the directory.
 * - `lookup` answers in the order of `devices`, undefined for an unknown or expired device.
 */
export interface SessionDirectory {
  claim(device: DeviceAddress, location: DeviceLocation, ttlMs: number): Promise<DeviceLocation | undefined>;
  release(device: DeviceAddress, connectionId: string): Promise<void>;
  lookup(devices: DeviceAddress[]): Promise<Array<DeviceLocation | undefined>>;
}
