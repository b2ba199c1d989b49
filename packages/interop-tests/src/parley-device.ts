// A Parley device: keys made by Parley's crypto functions, kept in a memorySignalStore.
import {
  generateDeviceKeys,
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

export interface ParleyDevice {
  readonly address: SignalAddress;
  readonly store: SignalStore;
  readonly identity: LocalIdentity;
  readonly signedPreKey: SignedPreKeyRecord;
  /** One-time prekeys not handed out yet. */
  readonly unclaimed: PreKeyRecord[];
  /** A bundle as the key directory hands it out: the next one-time prekey, or none once they are used up. */
  bundle(): PreKeyBundle;
}

/** A Parley device with an identity, a signed prekey (id `signedPreKeyId`) and one-time prekeys. */
export async function createParleyDevice(
  userId: string,
  deviceId: number,
  options: { preKeys?: number; firstPreKeyId?: number; signedPreKeyId?: number } = {},
): Promise<ParleyDevice> {
  const identity = await generateDeviceKeys();
  const store = memorySignalStore(identity);
  const signedPreKey = await generateSignedPreKey(identity.identityKeyPair, options.signedPreKeyId ?? 1);
  await store.storeSignedPreKey(signedPreKey);
  const preKeys = await generatePreKeys(options.firstPreKeyId ?? 1, options.preKeys ?? 2);
  for (const record of preKeys) await store.storePreKey(record);
  const unclaimed = [...preKeys];
  return {
    address: { userId, deviceId },
    store,
    identity,
    signedPreKey,
    unclaimed,
    bundle() {
      const preKey = unclaimed.shift();
      return {
        registrationId: identity.registrationId,
        identityKey: identity.identityKeyPair.publicKey,
        signedPrekey: toSignedPublicPreKey(signedPreKey),
        ...(preKey ? { prekey: toPublicPreKey(preKey) } : {}),
      };
    },
  };
}
