// Test helpers: devices with keys in an in-memory SignalStore, and a prekey "server".
import {
  type DecryptResult,
  decrypt,
  type EncryptedMessage,
  encrypt,
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
} from '../../src/crypto/index.js';

export interface Device {
  readonly address: SignalAddress;
  readonly store: SignalStore;
  readonly identity: LocalIdentity;
  readonly signedPreKey: SignedPreKeyRecord;
  readonly lastResortPreKey: PreKeyRecord;
  /** One-time prekeys the "server" still holds. */
  readonly unclaimed: PreKeyRecord[];
  /** Claims a bundle as the server would: a one-time prekey while any is left, then the last-resort one. */
  bundle(): PreKeyBundle;
}

export async function createDevice(
  userId: string,
  deviceId = 1,
  options: { preKeys?: number; store?: SignalStore } = {},
): Promise<Device> {
  const identity = await generateDeviceKeys();
  const store = options.store ?? memorySignalStore();
  await store.storeLocalIdentity(identity);
  const signedPreKey = await generateSignedPreKey(identity.identityKeyPair, 1);
  await store.storeSignedPreKey(signedPreKey);
  const preKeys = await generatePreKeys(1, options.preKeys ?? 2);
  for (const k of preKeys) await store.storePreKey(k);
  const lastResortPreKey = await generateLastResortPreKey(0xfffff0);
  await store.storePreKey(lastResortPreKey);
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
        prekey: toPublicPreKey(preKey),
      };
    },
  };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function seal(from: Device, to: Device, text: string): Promise<EncryptedMessage> {
  return encrypt(from.store, to.address, encoder.encode(text));
}

export async function open(to: Device, from: Device, message: EncryptedMessage): Promise<string> {
  const result = await openResult(to, from, message);
  return decoder.decode(result.plaintext);
}

export function openResult(to: Device, from: Device, message: EncryptedMessage): Promise<DecryptResult> {
  return decrypt(to.store, from.address, message.type, message.body);
}

/** Sends one message and returns what the recipient decrypted. */
export async function send(from: Device, to: Device, text: string): Promise<string> {
  return open(to, from, await seal(from, to, text));
}

/** The stored session record size in bytes (what the client's store would hold). */
export async function recordSize(device: Device, peer: Device): Promise<number> {
  const record = await device.store.loadSession(peer.address);
  return record === undefined ? 0 : encoder.encode(record).byteLength;
}
