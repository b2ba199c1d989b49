import { ParleyError } from '@parley/core';
import { applyDeviceRecord, decodeDeviceRecord, encodeDeviceRecord, verifyDeviceChain } from '@parley/core/devices';
import type { ServerStores } from '../contracts/stores.js';
import type { Routes } from '../router/routes.js';

/** Largest encoded device-list record accepted (a record is about 150 bytes). */
const MAX_RECORD_BYTES = 1024;

/**
 * Appending to the caller's own signed device list. The server runs the same checks as clients, so
 * an honest server never stores a chain clients would refuse; clients never rely on it.
 */
export function deviceListRoutes(stores: Pick<ServerStores, 'devices'>): Pick<Routes, 'deviceListAppend'> {
  return {
    async deviceListAppend(request, { device }) {
      const bytes = request.record ?? new Uint8Array();
      if (bytes.byteLength > MAX_RECORD_BYTES)
        throw new ParleyError('INVALID_ARGUMENT', 'device-list record too large');
      const record = decodeDeviceRecord(bytes);
      if (record.userId !== device.userId) {
        throw new ParleyError('FORBIDDEN', 'a device appends only to its own user device list');
      }
      if (record.signerDeviceId !== device.deviceId) {
        throw new ParleyError('FORBIDDEN', 'a device appends only records it signed');
      }
      const stored = await stores.devices.deviceList(device.userId);
      // Cheap before verifying the stored chain (one signature check per record).
      if (record.version !== 1 && record.version !== stored.length + 1) {
        throw new ParleyError('CONFLICT', `the device list is at version ${stored.length}`, { retryable: true });
      }
      const state = await verifyDeviceChain(stored);
      if (record.version === 1 && state) {
        // A new account identity: only from the user's one registered device (it lost every other
        // device, or its own keys, and starts again). Peers see the account key change.
        const live = await stores.devices.list(device.userId);
        if (live.length !== 1) {
          throw new ParleyError('CONFLICT', 'the user already has a device list; an existing device must add this one');
        }
      }
      const next = await applyDeviceRecord(record.version === 1 ? undefined : state, record);
      if (!(await stores.devices.appendDeviceList(device.userId, next.version, encodeDeviceRecord(record)))) {
        throw new ParleyError('CONFLICT', 'the device list changed meanwhile; fetch it and sign again', {
          retryable: true,
        });
      }
      return { ok: {} };
    },
  };
}
