import type { LocalIdentity, PreKeyRecord, SignalAddress, SignalStore, SignedPreKeyRecord } from '@parley/core';
import { bytesEqual } from '@parley/core';
import type { StoreTx } from '../stores/client-store.js';

// Namespaces of the Signal state inside the client store.
const NS = {
  local: 'signal.local',
  identities: 'signal.identities',
  preKeys: 'signal.prekeys',
  signedPreKeys: 'signal.signed-prekeys',
  sessions: 'signal.sessions',
} as const;

export const addressKey = (a: SignalAddress): string => `${a.userId}\u001f${a.deviceId}`;
const idKey = (id: number) => id.toString().padStart(10, '0');

/**
 * The Signal state of this device, read and written through one client-store transaction, so a
 * ratchet step commits together with the inbox or outbox record it belongs to.
 */
export function txSignalStore(tx: StoreTx): SignalStore {
  return {
    getLocalIdentity: () => tx.get<LocalIdentity>(NS.local, 'identity'),
    storeLocalIdentity: (identity) => tx.put(NS.local, 'identity', identity),
    loadIdentity: (address) => tx.get<Uint8Array>(NS.identities, addressKey(address)),
    async saveIdentity(address, identityKey) {
      const previous = await tx.get<Uint8Array>(NS.identities, addressKey(address));
      await tx.put(NS.identities, addressKey(address), identityKey);
      return previous !== undefined && !bytesEqual(previous, identityKey);
    },
    loadPreKey: (keyId) => tx.get<PreKeyRecord>(NS.preKeys, idKey(keyId)),
    storePreKey: (record) => tx.put(NS.preKeys, idKey(record.keyId), record),
    removePreKey: (keyId) => tx.delete(NS.preKeys, idKey(keyId)),
    loadSignedPreKey: (keyId) => tx.get<SignedPreKeyRecord>(NS.signedPreKeys, idKey(keyId)),
    storeSignedPreKey: (record) => tx.put(NS.signedPreKeys, idKey(record.keyId), record),
    removeSignedPreKey: (keyId) => tx.delete(NS.signedPreKeys, idKey(keyId)),
    loadSession: (address) => tx.get<string>(NS.sessions, addressKey(address)),
    storeSession: (address, record) => tx.put(NS.sessions, addressKey(address), record),
    removeSession: (address) => tx.delete(NS.sessions, addressKey(address)),
  };
}

/** Identity keys this device has seen for the devices of a user (for safety numbers). */
export async function knownIdentityKeys(tx: StoreTx, userId: string): Promise<Uint8Array[]> {
  const rows = await tx.list<Uint8Array>(NS.identities, { prefix: `${userId}\u001f` });
  return rows.map(([, key]) => key);
}

export async function listSignedPreKeys(tx: StoreTx): Promise<SignedPreKeyRecord[]> {
  return (await tx.list<SignedPreKeyRecord>(NS.signedPreKeys)).map(([, r]) => r);
}

export const SIGNAL_NAMESPACES = NS;
