import type { DeviceRecord } from './device-registry.js';

/**
 * A user's device list as a registry may hand it to every reader until the list changes (every 1:1
 * send reads two lists and every delivered receipt one more, so a copy per read was most of what a
 * list read cost). The array and its records are frozen: no reader can change what the next one
 * gets. A typed array cannot be frozen, so each record's `authKey` is a getter that copies the
 * stored key on every read (nothing on the message path reads it). Make one per change, not per read.
 */
export function sharedDeviceList(records: Iterable<DeviceRecord>): readonly Readonly<DeviceRecord>[] {
  return Object.freeze(Array.from(records, sharedDeviceRecord));
}

function sharedDeviceRecord(record: DeviceRecord): Readonly<DeviceRecord> {
  const key = new Uint8Array(record.authKey);
  // The same keys in the same order as a plain record, so it compares and spreads like one.
  return Object.freeze({
    userId: record.userId,
    deviceId: record.deviceId,
    get authKey(): Uint8Array {
      return new Uint8Array(key);
    },
    registrationId: record.registrationId,
    createdAt: record.createdAt,
    approvedBy: record.approvedBy,
  });
}
