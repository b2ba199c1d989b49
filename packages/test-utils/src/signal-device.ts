// A Parley device for crypto tests: keys made by Parley's own functions, kept in a SignalStore, and a
// bundle() that hands them out as the key directory would.
import {
  generateDeviceKeys,
  generateLastResortPreKey,
  generatePreKeys,
  generateSignedPreKey,
  type LocalIdentity,
  memorySignalStore,
  type PreKeyBundle,
  type PreKeyRecord,
  type SignalAddress,
  type SignalStore,
  type SignedPreKeyRecord,
  toPublicPreKey,
  toSignedPublicPreKey,
} from '@parley/core/crypto';

/** The key id of the last-resort prekey {@link createDevice} makes. */
export const LAST_RESORT_PREKEY_ID = 0xfffff0;

/** A device with keys in a store, and the prekeys a key directory would still hold for it. */
export interface Device {
  readonly address: SignalAddress;
  readonly store: SignalStore;
  readonly identity: LocalIdentity;
  readonly signedPreKey: SignedPreKeyRecord;
  /** The prekey handed out once the one-time ones are gone; undefined with `lastResort: false`. */
  readonly lastResortPreKey: PreKeyRecord | undefined;
  /** One-time prekeys the "server" still holds. */
  readonly unclaimed: PreKeyRecord[];
  /** Claims a bundle as the server would: a one-time prekey while any is left, then the last-resort one (or none). */
  bundle(): PreKeyBundle;
}

/** How {@link createDevice} makes a device's keys. */
export interface DeviceOptions {
  /** One-time prekeys to make (default 2). */
  preKeys?: number;
  /** Key id of the first one-time prekey (default 1). */
  firstPreKeyId?: number;
  /** Key id of the signed prekey (default 1). */
  signedPreKeyId?: number;
  /** Whether to make a last-resort prekey (default true); without it a bundle has no prekey once they run out. */
  lastResort?: boolean;
  /** Where the keys go (default a fresh memorySignalStore). */
  store?: SignalStore;
}

/** A device `userId`/`deviceId` with a new identity, a signed prekey and one-time prekeys, all in its store. */
export async function createDevice(userId: string, deviceId = 1, options: DeviceOptions = {}): Promise<Device> {
  const identity = await generateDeviceKeys();
  const store = options.store ?? memorySignalStore();
  await store.storeLocalIdentity(identity);
  const signedPreKey = await generateSignedPreKey(identity.identityKeyPair, options.signedPreKeyId ?? 1);
  await store.storeSignedPreKey(signedPreKey);
  const preKeys = await generatePreKeys(options.firstPreKeyId ?? 1, options.preKeys ?? 2);
  for (const k of preKeys) await store.storePreKey(k);
  const lastResortPreKey =
    options.lastResort === false ? undefined : await generateLastResortPreKey(LAST_RESORT_PREKEY_ID);
  if (lastResortPreKey) await store.storePreKey(lastResortPreKey);
  const unclaimed = [...preKeys];
  return {
    address: { userId, deviceId },
    store,
    identity,
    signedPreKey,
    lastResortPreKey,
    unclaimed,
    bundle() {
      const preKey = unclaimed.shift() ?? lastResortPreKey;
      return {
        registrationId: identity.registrationId,
        identityKey: identity.identityKeyPair.publicKey,
        signedPrekey: toSignedPublicPreKey(signedPreKey),
        ...(preKey ? { prekey: toPublicPreKey(preKey) } : {}),
      };
    },
  };
}
