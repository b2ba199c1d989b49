import { ParleyError } from '@parley/core';
import type { DeviceAddress } from './types.js';

/** A prekey as the client publishes it: an id chosen by the device and an opaque public key. */
export interface PreKey {
  /** Chosen by the device; unique among that device's prekeys. */
  keyId: number;
  /** Opaque bytes (Signal's 33-byte serialized form, 0x05 || X25519 key). */
  publicKey: Uint8Array;
}

/** The signed prekey: a prekey with the identity key's signature over its public key. */
export interface SignedPreKey extends PreKey {
  /** Opaque bytes (XEdDSA signature). The server never checks it; clients do. */
  signature: Uint8Array;
}

/** What a device publishes with one upload. */
export interface KeyUpload {
  /** Signal registration id of the device's installation. */
  registrationId: number;
  /** Opaque identity public key. */
  identityKey: Uint8Array;
  /** Replaces the stored signed prekey when given. */
  signedPreKey?: SignedPreKey;
  /** One-time prekeys to add: at most {@link MAX_PREKEYS_PER_UPLOAD}. */
  oneTimePreKeys: PreKey[];
  /** Replaces the stored last-resort prekey when given. */
  lastResortPreKey?: PreKey;
}

/** The identity of a device, for change detection. */
export interface DeviceIdentity {
  identityKey: Uint8Array;
  registrationId: number;
}

/** What a fetcher needs to start a session with one device. */
export interface ClaimedBundle {
  deviceId: number;
  registrationId: number;
  identityKey: Uint8Array;
  signedPreKey: SignedPreKey;
  /**
   * A one-time prekey claimed (removed) by this call, or the last-resort prekey when the device
   * has none left; absent only when the device has neither.
   */
  prekey?: PreKey;
  /** True when `prekey` is the last-resort prekey (which is never removed). */
  lastResort: boolean;
  /** One-time prekeys the device has left after this claim. */
  oneTimeRemaining: number;
}

/** Most one-time prekeys one {@link KeyDirectory.upload} accepts. */
export const MAX_PREKEYS_PER_UPLOAD = 100;

/**
 * The public Signal keys of every device: what a sender fetches to start a session.
 *
 * Keys are opaque bytes: the directory never parses or verifies them (clients verify the signed
 * prekey's signature against the identity key). Every implementation guarantees:
 * - `upload` refuses more than {@link MAX_PREKEYS_PER_UPLOAD} one-time prekeys with
 *   ParleyError('INVALID_ARGUMENT'), storing nothing. Otherwise it is atomic: all of it is stored
 *   or (on a throw) none. It replaces the registration id, and the signed prekey and last-resort
 *   prekey when given (keeping the stored ones when not given). A one-time key id the device
 *   already has stored is ignored (the stored key stays, nothing is duplicated), also when
 *   repeated within one call. It resolves with how many one-time prekeys the device then has.
 * - When an upload brings an identity key different from the stored one (the device was
 *   reinstalled), every prekey stored for the device is dropped first: they belong to the old
 *   installation, whose private keys are gone.
 * - `claimBundles` returns, ordered by device id, one bundle for each asked device (or, with
 *   `'all'`, each device of the user) that has an identity key and a signed prekey; others are
 *   left out. The claim of a one-time prekey is atomic: it is removed as it is handed out, and
 *   no two claims, concurrent or not, ever get the same key. When none is left the last-resort
 *   prekey is handed out and kept.
 * - `count` is the number of one-time prekeys a device has (0 for an unknown device).
 * - `identity` is the stored identity key and registration id, or undefined for an unknown device.
 * - `remove` drops everything stored for the device; afterwards it is unknown.
 * - Devices are isolated: nothing done to one device changes another's keys.
 * - Bytes are copies: mutating what was passed in or returned never changes what is stored.
 */
export interface KeyDirectory {
  upload(device: DeviceAddress, keys: KeyUpload): Promise<number>;
  claimBundles(userId: string, deviceIds: number[] | 'all'): Promise<ClaimedBundle[]>;
  count(device: DeviceAddress): Promise<number>;
  identity(device: DeviceAddress): Promise<DeviceIdentity | undefined>;
  remove(device: DeviceAddress): Promise<void>;
}

/** Refuses an upload with too many one-time prekeys (shared by the implementations). @internal */
export function checkUploadSize(keys: KeyUpload): void {
  if (keys.oneTimePreKeys.length > MAX_PREKEYS_PER_UPLOAD) {
    throw new ParleyError(
      'INVALID_ARGUMENT',
      `at most ${MAX_PREKEYS_PER_UPLOAD} one-time prekeys per upload (got ${keys.oneTimePreKeys.length})`,
    );
  }
}
