import { bytesEqual, isParleyError, ParleyError } from '@parley/core';
import type { SignalAddress } from '@parley/core/crypto';
import {
  type DeviceListRecordInit,
  type DeviceListState,
  encodeDeviceRecord,
  signDeviceRecord,
  verifyDeviceChain,
} from '@parley/core/devices';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { DeviceLists, ServedDevices } from './device-lists.js';

export interface OwnDeviceListOptions {
  self: SignalAddress;
  lists: DeviceLists;
  /** This device's Signal identity key pair (what signs its records). */
  identity(): Promise<{ publicKey: Uint8Array; privateKey: Uint8Array }>;
  fetch(userId: string): Promise<ServedDevices>;
  /** DeviceListAppend; rejects with CONFLICT when the list moved on. */
  append(record: Uint8Array): Promise<void>;
  clock: Clock;
  logger: Logger;
}

const ATTEMPTS = 3;

/**
 * This user's own signed device list, as far as this device writes it: the first device of a user
 * signs the genesis record (its identity key becomes the account key), and a listed device signs
 * the record that adds a device it approves.
 */
export class OwnDeviceList {
  constructor(private readonly o: OwnDeviceListOptions) {}

  /**
   * Makes sure this device is in its user's list: nothing to do when it is; the genesis record when
   * the user has no list (or none of its listed devices is left). Otherwise this device can only be
   * added by a listed one (device link), and peers will not talk to it until then.
   */
  async ensureListed(): Promise<void> {
    const { self } = this.o;
    const identity = await this.o.identity();
    for (let attempt = 1; ; attempt++) {
      const served = await this.o.fetch(self.userId);
      const state = await verifyDeviceChain(served.records);
      const me = state?.devices.find((d) => d.deviceId === self.deviceId);
      if (me && bytesEqual(me.identityKey, identity.publicKey)) break;
      // Starting anew is only for the user's one device (every other one is gone, or this one lost
      // its keys): with another device left, that device must link this one.
      const alone = served.devices.every((d) => d.deviceId === self.deviceId);
      if (state && !alone) {
        this.o.logger.warn('this device is not in its user’s signed device list: approve it from a listed device', {
          self,
        });
        break;
      }
      const genesis = await signDeviceRecord(
        {
          userId: self.userId,
          version: 1,
          signerDeviceId: self.deviceId,
          at: this.o.clock.now(),
          add: { deviceId: self.deviceId, identityKey: identity.publicKey },
        },
        identity.privateKey,
      );
      if (await this.tryAppend(genesis, attempt)) break;
    }
    await this.o.lists.refresh(self.userId);
  }

  /** Signs and appends the record adding `deviceId` with `identityKey` (this device approves it). */
  async add(deviceId: number, identityKey: Uint8Array): Promise<void> {
    const { self } = this.o;
    if (identityKey.byteLength !== 33 || identityKey[0] !== 5) {
      throw new ParleyError('INVALID_ARGUMENT', 'a device identity key is 33 bytes starting with 0x05');
    }
    const identity = await this.o.identity();
    for (let attempt = 1; ; attempt++) {
      const state = await this.current();
      const listed = state.devices.find((d) => d.deviceId === deviceId);
      if (listed) {
        if (bytesEqual(listed.identityKey, identityKey)) return;
        throw new ParleyError('CONFLICT', `device ${deviceId} is already listed with another key`);
      }
      const record = await signDeviceRecord(
        {
          userId: self.userId,
          version: state.version + 1,
          prevHash: state.head,
          signerDeviceId: self.deviceId,
          at: this.o.clock.now(),
          add: { deviceId, identityKey },
        },
        identity.privateKey,
      );
      if (await this.tryAppend(record, attempt)) break;
    }
    await this.o.lists.refresh(self.userId);
  }

  private async current(): Promise<DeviceListState> {
    const { self } = this.o;
    const state = await verifyDeviceChain((await this.o.fetch(self.userId)).records);
    if (!state?.devices.some((d) => d.deviceId === self.deviceId)) {
      throw new ParleyError('FORBIDDEN', 'only a device in its user’s signed device list can approve another');
    }
    return state;
  }

  /** Appends; false after a lost race (the caller signs again on the new head), up to a few times. */
  private async tryAppend(record: DeviceListRecordInit, attempt: number): Promise<boolean> {
    try {
      await this.o.append(encodeDeviceRecord(record));
      return true;
    } catch (error) {
      if (isParleyError(error, 'CONFLICT') && attempt < ATTEMPTS) return false;
      throw error;
    }
  }
}
