import { bytesEqual, isParleyError, type parley } from '@parley/core';
import { applyGroupRecord, decodeGroupRecord, verifyGroupRecordSignature } from '@parley/core/groups';
import type { StoreTx } from '../stores/client-store.js';
import type { LocalGroup } from './group-book.js';

/** What checking one record against the verified state gave. */
export type RecordOutcome =
  | { kind: 'applied'; group: LocalGroup; record: parley.v1.GroupRecord; removed: string[]; added: string[] }
  /** A version this device already has. */
  | { kind: 'old' }
  /** A version beyond the next one: the records in between must be fetched first. */
  | { kind: 'gap' }
  | { kind: 'refused'; reason: string; version: number; actor: string };

// The member limit is the server's policy, enforced there; clients verify signatures and rules only.
const NO_LIMIT = Number.MAX_SAFE_INTEGER;

/** The identity key the actor's verified (signed) device list gives for a device; undefined when none. */
export type VerifiedKey = (
  tx: StoreTx,
  device: { userId: string; deviceId: number },
) => Promise<Uint8Array | undefined>;

/**
 * Checks one encoded membership record as a client must, trusting nothing the server says: the
 * record extends the verified chain, is signed by the actor's identity key, the actor device is in
 * the actor's verified signed device list under that very key (a device the server made up is not),
 * and the actor was allowed to make the change at that version.
 */
export async function checkRecord(
  tx: StoreTx,
  local: LocalGroup | undefined,
  encoded: Uint8Array,
  verifiedKey: VerifiedKey,
): Promise<RecordOutcome> {
  let record: parley.v1.GroupRecord;
  try {
    record = decodeGroupRecord(encoded);
  } catch {
    return { kind: 'refused', reason: 'malformed record', version: 0, actor: '' };
  }
  const version = record.version;
  const actor = record.actor?.userId ?? '';
  const refused = (reason: string): RecordOutcome => ({ kind: 'refused', reason, version, actor });
  if (local && version <= local.snapshot.version) return { kind: 'old' };
  if ((!local && version !== 1) || (local && version > local.snapshot.version + 1)) return { kind: 'gap' };
  if (!(await verifyGroupRecordSignature(record))) return refused('the signature does not verify');
  const actorDevice = { userId: actor, deviceId: record.actor?.deviceId ?? 0 };
  const listed = await verifiedKey(tx, actorDevice);
  if (!listed) return refused(`${actor}.${actorDevice.deviceId} is not in the signed device list of ${actor}`);
  if (!bytesEqual(listed, record.actorIdentityKey)) {
    return refused(`signed with a key that is not the identity key of ${actor}.${actorDevice.deviceId}`);
  }
  let snapshot: LocalGroup['snapshot'];
  try {
    snapshot = applyGroupRecord(local?.snapshot, record, { prevEncoded: local?.head, maxMembers: NO_LIMIT });
  } catch (error) {
    if (!isParleyError(error)) throw error;
    return refused(error.message);
  }
  const before = new Set(local?.snapshot.members.map((m) => m.userId) ?? []);
  const after = new Set(snapshot.members.map((m) => m.userId));
  return {
    kind: 'applied',
    group: { snapshot, head: encoded, flags: local?.flags ?? [] },
    record,
    removed: [...before].filter((u) => !after.has(u)),
    added: [...after].filter((u) => !before.has(u)),
  };
}
