import { bytesEqual } from '@parley/core';
import type { LocalIdentity, PreKeyRecord, SignalAddress, SignalStore, SignedPreKeyRecord } from '@parley/core/crypto';
import type { StoreTx } from '../stores/client-store.js';
import { NS } from '../stores/namespaces.js';

export const addressKey = (a: SignalAddress): string => `${a.userId}\u001f${a.deviceId}`;
const idKey = (id: number) => id.toString().padStart(10, '0');

/**
 * The Signal state of this device, read and written through one client-store transaction, so a
 * ratchet step commits together with the inbox or outbox record it belongs to.
 */
export function txSignalStore(tx: StoreTx): SignalStore {
  return {
    getLocalIdentity: () => tx.get<LocalIdentity>(NS.signalLocal, 'identity'),
    storeLocalIdentity: (identity) => tx.put(NS.signalLocal, 'identity', identity),
    loadIdentity: (address) => tx.get<Uint8Array>(NS.signalIdentities, addressKey(address)),
    async saveIdentity(address, identityKey) {
      const previous = await tx.get<Uint8Array>(NS.signalIdentities, addressKey(address));
      await tx.put(NS.signalIdentities, addressKey(address), identityKey);
      return previous !== undefined && !bytesEqual(previous, identityKey);
    },
    loadPreKey: (keyId) => tx.get<PreKeyRecord>(NS.signalPreKeys, idKey(keyId)),
    storePreKey: (record) => tx.put(NS.signalPreKeys, idKey(record.keyId), record),
    removePreKey: (keyId) => tx.delete(NS.signalPreKeys, idKey(keyId)),
    loadSignedPreKey: (keyId) => tx.get<SignedPreKeyRecord>(NS.signalSignedPreKeys, idKey(keyId)),
    storeSignedPreKey: (record) => tx.put(NS.signalSignedPreKeys, idKey(record.keyId), record),
    removeSignedPreKey: (keyId) => tx.delete(NS.signalSignedPreKeys, idKey(keyId)),
    loadSession: (address) => tx.get<string>(NS.signalSessions, addressKey(address)),
    storeSession: (address, record) => tx.put(NS.signalSessions, addressKey(address), record),
    removeSession: (address) => tx.delete(NS.signalSessions, addressKey(address)),
  };
}

export async function listSignedPreKeys(tx: StoreTx): Promise<SignedPreKeyRecord[]> {
  return (await tx.list<SignedPreKeyRecord>(NS.signalSignedPreKeys)).map(([, r]) => r);
}
