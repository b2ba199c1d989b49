import { bytesEqual } from '../bytes.js';
import { isPublicKey } from '../crypto/keys-format.js';
import { signXEdDSA, verifyXEdDSA } from '../crypto/library.js';
import { ParleyError } from '../errors.js';
import {
  type DeviceListRecordInit,
  decodeDeviceRecord,
  deviceListAction,
  deviceRecordHash,
  deviceRecordSigningBytes,
} from './record-bytes.js';

/** Most records a chain may have (each add and each remove is one). */
export const MAX_DEVICE_LIST_RECORDS = 1_000;
/** Most devices a verified list may hold at once. */
export const MAX_LISTED_DEVICES = 100;

export interface ListedDevice {
  deviceId: number;
  /** The device's Signal identity public key (33 bytes). */
  identityKey: Uint8Array;
}

/** A user's device list as verified from its signed chain. */
export interface DeviceListState {
  userId: string;
  /** The genesis device's identity key: the account identity, what safety numbers cover. */
  accountKey: Uint8Array;
  version: number;
  /** Hash of the last record (the next one's prev_hash). */
  head: Uint8Array;
  devices: ListedDevice[];
  /** Device ids removed from the list: never valid again. */
  removed: number[];
}

const refuse = (message: string) => new ParleyError('INVALID_ARGUMENT', message);

/**
 * Checks one record against the verified state (undefined before the genesis record) and returns
 * the new state. Throws INVALID_ARGUMENT when the record does not extend the chain or breaks a rule,
 * BAD_SIGNATURE when the signer's key does not sign it. The state passed in is never changed.
 */
export async function applyDeviceRecord(
  state: DeviceListState | undefined,
  record: DeviceListRecordInit,
): Promise<DeviceListState> {
  const action = deviceListAction(record);
  const userId = record.userId ?? '';
  const version = record.version ?? 0;
  const signer = record.signerDeviceId ?? 0;
  if (!Number.isInteger(action.deviceId) || action.deviceId <= 0) throw refuse('bad device id');
  if (action.kind === 'add' && !isPublicKey(action.identityKey)) throw refuse('an added device needs a 33-byte key');
  let signerKey: Uint8Array;
  if (!state) {
    if (version !== 1 || (record.prevHash?.byteLength ?? 0) !== 0) throw refuse('the chain must start at version 1');
    if (action.kind !== 'add' || signer !== action.deviceId) {
      throw refuse('the genesis record is a device adding itself');
    }
    if (!userId) throw refuse('user id required');
    signerKey = action.identityKey;
  } else {
    if (userId !== state.userId) throw refuse('record of another user');
    if (version !== state.version + 1) throw refuse(`expected version ${state.version + 1}, got ${version}`);
    if (!bytesEqual(record.prevHash ?? new Uint8Array(), state.head)) throw refuse('prev_hash does not match');
    if (state.version >= MAX_DEVICE_LIST_RECORDS) throw refuse('the device list has too many records');
    const listed = state.devices.find((d) => d.deviceId === signer);
    if (!listed) throw refuse(`signer ${userId}.${signer} is not in the device list`);
    signerKey = listed.identityKey;
  }
  const signature = record.signature ?? new Uint8Array();
  if (!(await verifyXEdDSA(signerKey, deviceRecordSigningBytes(record), signature))) {
    throw new ParleyError('BAD_SIGNATURE', `device-list record ${version} of ${userId} does not verify`);
  }
  const devices = [...(state?.devices ?? [])];
  const removed = [...(state?.removed ?? [])];
  const id = action.deviceId;
  if (action.kind === 'add') {
    if (devices.some((d) => d.deviceId === id) || removed.includes(id)) throw refuse(`device ${id} was listed before`);
    if (devices.length >= MAX_LISTED_DEVICES) throw refuse('too many devices');
    devices.push({ deviceId: id, identityKey: new Uint8Array(action.identityKey) });
    devices.sort((a, b) => a.deviceId - b.deviceId);
  } else {
    const at = devices.findIndex((d) => d.deviceId === id);
    if (at < 0) throw refuse(`device ${id} is not in the list`);
    devices.splice(at, 1);
    removed.push(id);
  }
  return {
    userId,
    accountKey: state ? state.accountKey : new Uint8Array(signerKey),
    version,
    head: deviceRecordHash(record),
    devices,
    removed,
  };
}

/**
 * Verifies encoded records in order, from `state` (undefined: from the genesis record). Throws as
 * {@link applyDeviceRecord} does, naming the first record that fails.
 */
export async function verifyDeviceChain(
  encoded: readonly Uint8Array[],
  state?: DeviceListState,
): Promise<DeviceListState | undefined> {
  if (encoded.length > MAX_DEVICE_LIST_RECORDS) throw refuse('the device list has too many records');
  let current = state;
  for (const bytes of encoded) current = await applyDeviceRecord(current, decodeDeviceRecord(bytes));
  return current;
}

/** Signs a record with the signer device's identity private key; returns it with its signature. */
export async function signDeviceRecord(
  record: Omit<DeviceListRecordInit, 'signature'>,
  identityPrivateKey: Uint8Array,
): Promise<DeviceListRecordInit> {
  const signature = await signXEdDSA(identityPrivateKey, deviceRecordSigningBytes(record));
  return { ...record, signature };
}
