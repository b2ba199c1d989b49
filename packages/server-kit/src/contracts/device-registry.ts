/** A registered device. */
export interface DeviceRecord {
  userId: string;
  deviceId: number;
  /** Ed25519 public key the device authenticates with (32 bytes). */
  authKey: Uint8Array;
  /** Signal registration id (0 until the device uploads keys). */
  registrationId: number;
  createdAt: number;
  /** Device that approved this one; 0 for a user's first device or a token-vouched device. */
  approvedBy: number;
}

/** Where a device's push notifications go, as its app registered it (e.g. provider 'fcm' and the FCM token). */
export interface PushToken {
  provider: string;
  token: string;
}

export type RegisterResult = { created: true; device: DeviceRecord } | { created: false; device: DeviceRecord };

/** The answer of {@link DeviceRegistry.registerFirst}: `userTaken` when the user already has (or had) a device. */
export type RegisterFirstResult = { created: true; device: DeviceRecord } | { created: false; userTaken: true };

/**
 * Which devices exist, per user, and the key each authenticates with.
 *
 * Every implementation guarantees:
 * - `register` is atomic: of two concurrent registrations of the same (user, device), exactly one
 *   creates it; the other gets `created: false` and the stored record (whose key may differ).
 * - A removed device id is never handed back by `get`/`list`, and `register` refuses to reuse it
 *   (returns the tombstoned record as `created: false` with an empty authKey).
 * - `list` returns a user's devices ordered by device id. The answer is read-only: an
 *   implementation may hand the same frozen list to every reader until the user's devices change
 *   (see `sharedDeviceList`), and a change is seen by the next `list` once its write resolved.
 *   Changing the answer (or a record's `authKey` bytes) never changes what the registry holds.
 * - `registerFirst` creates a user's first device in one atomic step: it creates the device only
 *   when the user has never had one (live or removed), so of two concurrent first registrations
 *   of one user exactly one wins, and the id of a user whose devices were all removed is not
 *   handed to a newcomer (the removed devices stay as tombstones). Otherwise `userTaken: true`.
 * - `register` without `createdAt` stamps the implementation's clock.
 * - `setRegistrationId` rejects with ParleyError('NOT_FOUND') for an unknown or removed device.
 * - `remove` returns true only when it removed a live device.
 * - `appendDeviceList` is atomic: it stores version v only while the user's list holds exactly v - 1
 *   records, so of two appends of the same version exactly one succeeds; version 1 replaces the
 *   whole list (a new account identity). It checks nothing inside the record (the caller verifies).
 * - `deviceList` returns the stored records in version order, as stored (byte for byte).
 */
export interface DeviceRegistry {
  register(device: Omit<DeviceRecord, 'createdAt'> & { createdAt?: number }): Promise<RegisterResult>;
  registerFirst(device: Omit<DeviceRecord, 'createdAt'> & { createdAt?: number }): Promise<RegisterFirstResult>;
  get(userId: string, deviceId: number): Promise<DeviceRecord | undefined>;
  list(userId: string): Promise<readonly Readonly<DeviceRecord>[]>;
  /**
   * What `list(userId)` would resolve with now, when the registry has it without waiting (a cache,
   * or a synchronous database); undefined when only `list` can tell. Optional: the hot paths (every
   * send, every delivered receipt) take it to skip a promise and a turn, and fall back to `list`.
   */
  listNow?(userId: string): readonly Readonly<DeviceRecord>[] | undefined;
  setRegistrationId(userId: string, deviceId: number, registrationId: number): Promise<void>;
  remove(userId: string, deviceId: number): Promise<boolean>;
  /** Stores (or with null clears) a live device's push token; NOT_FOUND for an unknown device. Removing the device clears it. */
  setPushToken(userId: string, deviceId: number, token: PushToken | null): Promise<void>;
  pushToken(userId: string, deviceId: number): Promise<PushToken | undefined>;
  /** The user's signed device list: encoded DeviceListRecords, version 1 first (empty when none). */
  deviceList(userId: string): Promise<Uint8Array[]>;
  /** Stores `record` as `version` of the user's device list; false when the list is not at version - 1. */
  appendDeviceList(userId: string, version: number, record: Uint8Array): Promise<boolean>;
}
