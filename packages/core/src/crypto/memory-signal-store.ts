import { bytesEqual } from '../bytes.js';
import { copyBytes } from './buffers.js';
import type {
  KeyPair,
  LocalIdentity,
  PreKeyRecord,
  SignalAddress,
  SignalStore,
  SignedPreKeyRecord,
} from './signal-store.js';

const copyKeyPair = (k: KeyPair): KeyPair => ({
  publicKey: copyBytes(k.publicKey),
  privateKey: copyBytes(k.privateKey),
});
const addressKey = (a: SignalAddress): string => `${a.deviceId}:${a.userId}`;

/**
 * A {@link SignalStore} in memory, for tests, examples and short-lived tools. Returns copies, so
 * callers can never alter what is stored.
 */
export function memorySignalStore(identity?: LocalIdentity): SignalStore {
  let local: LocalIdentity | undefined = identity && {
    identityKeyPair: copyKeyPair(identity.identityKeyPair),
    registrationId: identity.registrationId,
  };
  const identities = new Map<string, Uint8Array>();
  const preKeys = new Map<number, PreKeyRecord>();
  const signedPreKeys = new Map<number, SignedPreKeyRecord>();
  const sessions = new Map<string, string>();

  return {
    async getLocalIdentity() {
      return local && { identityKeyPair: copyKeyPair(local.identityKeyPair), registrationId: local.registrationId };
    },
    async storeLocalIdentity(value) {
      local = { identityKeyPair: copyKeyPair(value.identityKeyPair), registrationId: value.registrationId };
    },
    async loadIdentity(address) {
      const key = identities.get(addressKey(address));
      return key && copyBytes(key);
    },
    async saveIdentity(address, identityKey) {
      const key = addressKey(address);
      const previous = identities.get(key);
      identities.set(key, copyBytes(identityKey));
      return previous !== undefined && !bytesEqual(previous, identityKey);
    },
    async loadPreKey(keyId) {
      const r = preKeys.get(keyId);
      return r && { ...r, keyPair: copyKeyPair(r.keyPair) };
    },
    async storePreKey(record) {
      preKeys.set(record.keyId, { ...record, keyPair: copyKeyPair(record.keyPair) });
    },
    async removePreKey(keyId) {
      preKeys.delete(keyId);
    },
    async loadSignedPreKey(keyId) {
      const r = signedPreKeys.get(keyId);
      return r && { ...r, keyPair: copyKeyPair(r.keyPair), signature: copyBytes(r.signature) };
    },
    async storeSignedPreKey(record) {
      signedPreKeys.set(record.keyId, {
        ...record,
        keyPair: copyKeyPair(record.keyPair),
        signature: copyBytes(record.signature),
      });
    },
    async removeSignedPreKey(keyId) {
      signedPreKeys.delete(keyId);
    },
    async loadSession(address) {
      return sessions.get(addressKey(address));
    },
    async storeSession(address, record) {
      sessions.set(addressKey(address), record);
    },
    async removeSession(address) {
      sessions.delete(addressKey(address));
    },
  };
}
