// Signed device lists: the rules server and clients both run (see docs/PROTOCOL.md).
export {
  applyDeviceRecord,
  type DeviceListState,
  type ListedDevice,
  MAX_DEVICE_LIST_RECORDS,
  MAX_LISTED_DEVICES,
  signDeviceRecord,
  verifyDeviceChain,
} from './device-list.js';
export {
  type DeviceListAction,
  type DeviceListRecordInit,
  decodeDeviceRecord,
  deviceListAction,
  deviceRecordHash,
  deviceRecordSigningBytes,
  encodeDeviceRecord,
} from './record-bytes.js';
