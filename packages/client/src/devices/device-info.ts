import type { parley } from '@parley/core';

/** A device of a user as the server lists it (`client.listDevices`). */
export interface DeviceInfo {
  deviceId: number;
  /** The device's Signal registration id (0 until it published keys). */
  registrationId: number;
  /** When the server registered it (ms). */
  createdAt: number;
  /** The device of the same user that approved (linked) it; 0 for a user's first device. */
  approvedBy: number;
}

export const toDeviceInfo = (d: parley.v1.DeviceInfo.$Properties): DeviceInfo => ({
  deviceId: d.deviceId ?? 0,
  registrationId: d.registrationId ?? 0,
  createdAt: Number(d.createdAt ?? 0),
  approvedBy: d.approvedBy ?? 0,
});
