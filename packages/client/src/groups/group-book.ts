import type { GroupSnapshot } from '@parley/core/groups';
import type { StoreTx } from '../stores/client-store.js';
import { NS } from '../stores/namespaces.js';

/** Why a membership change from the server was refused (the group stays at its last verified version). */
export interface GroupFlag {
  version: number;
  /** The acting user the record names (who may not have made it). */
  actor: string;
  reason: string;
  at: number;
}

/** A group as this device verified it: the state from the signed record chain, never from the server's word. */
export interface LocalGroup {
  snapshot: GroupSnapshot;
  /** The encoded record of `snapshot.version`, to chain the next one to. */
  head: Uint8Array;
  /** Refused changes, newest last (bounded). */
  flags: GroupFlag[];
}

/** This device's own sender key for a group: which distribution, and which devices already have it. */
export interface OwnSenderKey {
  distributionId: string;
  /** Device keys (`user␟device`) that were sent this distribution. */
  distributedTo: string[];
}

const MAX_FLAGS = 20;

export const getGroup = (tx: StoreTx, groupId: string) => tx.get<LocalGroup>(NS.groups, groupId);
export const putGroup = (tx: StoreTx, group: LocalGroup) => tx.put(NS.groups, group.snapshot.groupId, group);
export const listGroups = async (tx: StoreTx) => (await tx.list<LocalGroup>(NS.groups)).map(([, g]) => g);

export async function addFlag(tx: StoreTx, group: LocalGroup, flag: GroupFlag): Promise<void> {
  await putGroup(tx, { ...group, flags: [...group.flags, flag].slice(-MAX_FLAGS) });
}

export const isMember = (group: LocalGroup | undefined, userId: string): group is LocalGroup =>
  !!group?.snapshot.members.some((m) => m.userId === userId);

export const getOwnSenderKey = (tx: StoreTx, groupId: string) => tx.get<OwnSenderKey>(NS.ownSenderKeys, groupId);
export const putOwnSenderKey = (tx: StoreTx, groupId: string, key: OwnSenderKey) =>
  tx.put(NS.ownSenderKeys, groupId, key);
