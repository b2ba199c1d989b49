// The bytes a device-list record's signature covers, and its hash. Built by hand rather than from
// the protobuf encoding, so every implementation derives the same bytes without a canonical encoder.

import { concatBytes, uint32be, uint64be, utf8 } from '../bytes.js';
import { sha256 } from '../crypto/sha256.js';
import { ParleyError } from '../errors.js';
import { parley } from '../gen/parley.js';

/** A device-list record as the generated code takes it. */
export type DeviceListRecordInit = parley.v1.DeviceListRecord.$Properties;

/** What one record does to the list. */
export type DeviceListAction =
  | { kind: 'add'; deviceId: number; identityKey: Uint8Array }
  | { kind: 'remove'; deviceId: number };

const ADD = 1;
const REMOVE = 2;

/** The action a record carries; INVALID_ARGUMENT unless exactly one is set. */
export function deviceListAction(record: DeviceListRecordInit): DeviceListAction {
  const add = record.add ?? undefined;
  const remove = record.remove ?? undefined;
  if ((add ? 1 : 0) + (remove ? 1 : 0) !== 1) {
    throw new ParleyError('INVALID_ARGUMENT', 'a device-list record carries exactly one action');
  }
  if (add) return { kind: 'add', deviceId: add.deviceId ?? 0, identityKey: add.identityKey ?? new Uint8Array() };
  return { kind: 'remove', deviceId: remove?.deviceId ?? 0 };
}

/** The bytes the signature covers (see devices.proto for the layout). */
export function deviceRecordSigningBytes(record: DeviceListRecordInit): Uint8Array {
  const action = deviceListAction(record);
  const prevHash = record.prevHash ?? new Uint8Array();
  if (prevHash.byteLength > 255) throw new ParleyError('INVALID_ARGUMENT', 'prev_hash too long');
  return concatBytes(
    utf8('parley-devices-v1'),
    new Uint8Array([0]),
    utf8(record.userId ?? ''),
    new Uint8Array([0]),
    uint32be(record.version ?? 0),
    new Uint8Array([prevHash.byteLength]),
    prevHash,
    uint32be(record.signerDeviceId ?? 0),
    uint64be(Number(record.at ?? 0)),
    new Uint8Array([action.kind === 'add' ? ADD : REMOVE]),
    uint32be(action.deviceId),
    action.kind === 'add' ? action.identityKey : new Uint8Array(),
  );
}

/** SHA-256(signing bytes || signature): what the next record carries as `prev_hash`. */
export function deviceRecordHash(record: DeviceListRecordInit): Uint8Array {
  return sha256(concatBytes(deviceRecordSigningBytes(record), record.signature ?? new Uint8Array()));
}

export function encodeDeviceRecord(record: DeviceListRecordInit): Uint8Array {
  return parley.v1.DeviceListRecord.encode(record).finish();
}

/** Decodes an encoded record; INVALID_ARGUMENT when the bytes are not one. */
export function decodeDeviceRecord(encoded: Uint8Array): parley.v1.DeviceListRecord {
  try {
    return parley.v1.DeviceListRecord.decode(encoded);
  } catch (cause) {
    throw new ParleyError('INVALID_ARGUMENT', 'not an encoded device-list record', { cause });
  }
}
