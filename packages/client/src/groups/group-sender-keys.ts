import { newMessageId } from '@parley/core';
import type { SenderKeyStore } from '@parley/core/crypto';
import { addressKey } from '../e2ee/tx-signal-store.js';
import type { StoreTx } from '../stores/client-store.js';
import { NS } from '../stores/namespaces.js';
import { getOwnSenderKey, type OwnSenderKey, putOwnSenderKey } from './group-book.js';

/** Sender key records (ours and the members') inside one client-store transaction. */
export function txSenderKeyStore(tx: StoreTx): SenderKeyStore {
  const key = (sender: { userId: string; deviceId: number }, distributionId: string) =>
    `${addressKey(sender)}\u001f${distributionId}`;
  return {
    loadSenderKey: (sender, distributionId) => tx.get(NS.senderKeys, key(sender, distributionId)),
    storeSenderKey: (sender, distributionId, record) => tx.put(NS.senderKeys, key(sender, distributionId), record),
  };
}

/** Our sender key (distribution) for a group, chosen on first use. */
export async function ownSenderKey(tx: StoreTx, groupId: string): Promise<OwnSenderKey> {
  const existing = await getOwnSenderKey(tx, groupId);
  if (existing) return existing;
  const fresh = { distributionId: newMessageId(), distributedTo: [] };
  await putOwnSenderKey(tx, groupId, fresh);
  return fresh;
}

/** A member left or was removed: our next message uses a new key that only the remaining members get. */
export async function rotateOwnSenderKey(tx: StoreTx, groupId: string): Promise<void> {
  if (!(await getOwnSenderKey(tx, groupId))) return; // nothing sent yet: the first key is new anyway
  await putOwnSenderKey(tx, groupId, { distributionId: newMessageId(), distributedTo: [] });
}

/** A device lost our key (it asked for a resend): the next message carries the distribution to it again. */
export async function redistributeTo(tx: StoreTx, groupId: string, device: { userId: string; deviceId: number }) {
  const own = await getOwnSenderKey(tx, groupId);
  if (!own) return;
  const key = addressKey(device);
  await putOwnSenderKey(tx, groupId, { ...own, distributedTo: own.distributedTo.filter((d) => d !== key) });
}
