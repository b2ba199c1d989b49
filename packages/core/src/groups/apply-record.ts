import { bytesEqual } from '../bytes.js';
import { ParleyError } from '../errors.js';
import {
  decodeGroupRecord,
  encodeGroupRecord,
  type GroupAction,
  type GroupRecordInit,
  groupRecordAction,
  groupRecordHash,
} from './record-encoding.js';
import { DEFAULT_MAX_GROUP_MEMBERS, fromGroupRole, type GroupRoleName, type GroupSnapshot } from './snapshot.js';
import {
  checkGroupDescription,
  checkGroupName,
  checkUserIdList,
  isDisappearingTimer,
  isValidGroupId,
  isValidGroupUserId,
} from './validation.js';

/** Options of {@link applyGroupRecord}. */
export interface ApplyGroupRecordOptions {
  /**
   * Member limit (server policy): GROUP_FULL beyond it. Default: the state's `maxMembers`, or
   * {@link DEFAULT_MAX_GROUP_MEMBERS} for a create. The result carries the limit applied.
   */
  maxMembers?: number | undefined;
  /**
   * The record of `state.version` (any encoding of it; it is re-encoded canonically before hashing).
   * Required when `state` is given: the new record's `prev_hash` must be its hash.
   */
  prevEncoded?: Uint8Array | undefined;
}

type Members = Map<string, GroupRoleName>;

const fail = (code: 'INVALID_ARGUMENT' | 'FORBIDDEN' | 'BAD_SIGNATURE' | 'GROUP_FULL', message: string) =>
  new ParleyError(code, message);

/**
 * Applies one group record to the state it follows (`undefined` before version 1) and returns the
 * new state; the inputs are left unchanged. The same function runs on the server, before it stores
 * a change, and on clients, to verify what the server sends: both must reach the same verdict.
 * It does not check the signature (see `verifyGroupRecordSignature`, which is asynchronous).
 *
 * Throws ParleyError, checking in this order:
 * - INVALID_ARGUMENT: malformed record (group id, version, time, actor, not exactly one action).
 * - BAD_SIGNATURE: the record does not extend the chain: another group, a version other than
 *   `state.version + 1`, a `prev_hash` that is not the hash of the previous record; before version
 *   1, anything but a `create` at version 1 with an empty `prev_hash`.
 * - FORBIDDEN: the actor is not a member; a non-admin renames, describes, adds, removes, promotes,
 *   demotes or sets the disappearing timer; promoting or demoting a non-member; demoting the last admin; the last admin leaving
 *   members behind without promoting one; a create whose members do not include the creator as admin.
 * - INVALID_ARGUMENT: bad names (1-100 characters) or descriptions (up to 2048), empty, invalid or
 *   repeated user ids, adding a member, removing a non-member, removing oneself (leave instead),
 *   promoting an admin, demoting a non-admin, a create at a later version, a disappearing timer
 *   other than 0, 86400, 604800 or 7776000 seconds.
 * - GROUP_FULL: more members than the limit.
 */
export function applyGroupRecord(
  state: GroupSnapshot | undefined,
  record: GroupRecordInit,
  options: ApplyGroupRecordOptions = {},
): GroupSnapshot {
  const action = checkShape(record);
  const actor = record.actor?.userId as string;
  const version = record.version as number;
  const limit = options.maxMembers ?? state?.maxMembers ?? DEFAULT_MAX_GROUP_MEMBERS;
  if (!state) return applyCreate(record, action, limit);

  checkChain(state, record, options.prevEncoded);
  if (action === 'create') throw fail('INVALID_ARGUMENT', 'create only starts a group (version 1)');
  const members: Members = new Map(state.members.map((m) => [m.userId, m.role]));
  const actorRole = members.get(actor);
  if (!actorRole) throw fail('FORBIDDEN', `${actor} is not a member of the group`);
  if (action !== 'leave' && actorRole !== 'admin') throw fail('FORBIDDEN', `only admins may ${action}`);

  let { name, description } = state;
  let disappearingS = state.disappearingS ?? 0;
  switch (action) {
    case 'rename':
      name = checkGroupName(record.rename?.name);
      break;
    case 'describe':
      description = checkGroupDescription(record.describe?.description);
      break;
    case 'add':
      add(members, checkUserIdList(record.add?.userIds, 'add'), limit);
      break;
    case 'remove':
      remove(members, checkUserIdList(record.remove?.userIds, 'remove'), actor);
      break;
    case 'promote':
      promote(members, checkUserIdList(record.promote?.userIds, 'promote'));
      break;
    case 'demote':
      demote(members, checkUserIdList(record.demote?.userIds, 'demote'));
      break;
    case 'leave':
      leave(members, actor, actorRole, record.leave?.promote ?? []);
      break;
    case 'disappearing': {
      const seconds = record.disappearing?.seconds ?? 0;
      if (!isDisappearingTimer(seconds)) {
        throw fail('INVALID_ARGUMENT', 'disappearing: seconds must be 0, 86400, 604800 or 7776000');
      }
      disappearingS = seconds;
      break;
    }
  }
  return {
    groupId: state.groupId,
    name,
    description,
    version,
    members: [...members].map(([userId, role]) => ({ userId, role })),
    createdBy: state.createdBy,
    createdAt: state.createdAt,
    maxMembers: limit,
    ...(disappearingS ? { disappearingS } : {}),
  };
}

/** Structure every record must have; returns its action. */
function checkShape(record: GroupRecordInit): GroupAction {
  if (!isValidGroupId(record.groupId)) throw fail('INVALID_ARGUMENT', 'group id must be 1-64 printable ASCII');
  const version = record.version;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    throw fail('INVALID_ARGUMENT', 'group record version must be a positive integer');
  }
  const at = record.at ?? 0;
  if (typeof at !== 'number' || !Number.isSafeInteger(at) || at < 0) {
    throw fail('INVALID_ARGUMENT', 'group record time must be a non-negative integer');
  }
  const deviceId = record.actor?.deviceId;
  if (
    !isValidGroupUserId(record.actor?.userId) ||
    typeof deviceId !== 'number' ||
    !Number.isInteger(deviceId) ||
    deviceId < 1 ||
    deviceId > 0xffffffff
  ) {
    throw fail('INVALID_ARGUMENT', 'group record needs an actor (user id and device id)');
  }
  return groupRecordAction(record);
}

function checkChain(state: GroupSnapshot, record: GroupRecordInit, prevEncoded: Uint8Array | undefined): void {
  if (record.groupId !== state.groupId) throw fail('BAD_SIGNATURE', 'record of another group');
  if (record.version !== state.version + 1) {
    throw fail('BAD_SIGNATURE', `record version ${record.version} does not follow version ${state.version}`);
  }
  if (!prevEncoded) throw fail('INVALID_ARGUMENT', 'the previous record is needed to check the chain');
  const prev = decodeGroupRecord(prevEncoded);
  if (prev.groupId !== state.groupId || prev.version !== state.version) {
    throw fail('INVALID_ARGUMENT', `the previous record given is not version ${state.version} of the group`);
  }
  const prevHash = record.prevHash ?? new Uint8Array();
  if (!bytesEqual(prevHash, groupRecordHash(encodeGroupRecord(prev)))) {
    throw fail('BAD_SIGNATURE', 'prev_hash is not the hash of the previous record');
  }
}

function applyCreate(record: GroupRecordInit, action: GroupAction, limit: number): GroupSnapshot {
  if (record.version !== 1 || action !== 'create' || (record.prevHash?.length ?? 0) > 0) {
    throw fail('BAD_SIGNATURE', 'a group starts with a create at version 1 without prev_hash');
  }
  const create = record.create ?? {};
  const name = checkGroupName(create.name);
  const description = checkGroupDescription(create.description);
  const members: Members = new Map();
  for (const m of create.members ?? []) {
    const role = fromGroupRole(m.role);
    if (!isValidGroupUserId(m.userId) || !role) throw fail('INVALID_ARGUMENT', 'create: invalid member');
    if (members.has(m.userId)) throw fail('INVALID_ARGUMENT', `create: user ${m.userId} is named twice`);
    members.set(m.userId, role);
  }
  const creator = record.actor?.userId as string;
  if (members.get(creator) !== 'admin') throw fail('FORBIDDEN', 'the creator must be an admin member');
  if (members.size > limit) throw fail('GROUP_FULL', `a group has at most ${limit} members`);
  return {
    groupId: record.groupId as string,
    name,
    description,
    version: 1,
    members: [...members].map(([userId, role]) => ({ userId, role })),
    createdBy: creator,
    createdAt: record.at ?? 0,
    maxMembers: limit,
  };
}

function add(members: Members, ids: string[], limit: number): void {
  for (const id of ids) if (members.has(id)) throw fail('INVALID_ARGUMENT', `${id} is already a member`);
  if (members.size + ids.length > limit) throw fail('GROUP_FULL', `a group has at most ${limit} members`);
  for (const id of ids) members.set(id, 'member');
}

function remove(members: Members, ids: string[], actor: string): void {
  for (const id of ids) {
    if (id === actor) throw fail('INVALID_ARGUMENT', 'remove cannot remove the actor: leave instead');
    if (!members.has(id)) throw fail('INVALID_ARGUMENT', `${id} is not a member`);
  }
  for (const id of ids) members.delete(id);
}

function promote(members: Members, ids: string[]): void {
  for (const id of ids) {
    const role = members.get(id);
    if (!role) throw fail('FORBIDDEN', `${id} is not a member and cannot be promoted`);
    if (role === 'admin') throw fail('INVALID_ARGUMENT', `${id} is already an admin`);
  }
  for (const id of ids) members.set(id, 'admin');
}

function demote(members: Members, ids: string[]): void {
  for (const id of ids) {
    const role = members.get(id);
    if (!role) throw fail('FORBIDDEN', `${id} is not a member and cannot be demoted`);
    if (role !== 'admin') throw fail('INVALID_ARGUMENT', `${id} is not an admin`);
  }
  for (const id of ids) members.set(id, 'member');
  if (!hasAdmin(members)) throw fail('FORBIDDEN', 'a group keeps at least one admin');
}

function leave(members: Members, actor: string, actorRole: GroupRoleName, promoted: readonly string[]): void {
  if (promoted.length > 0) {
    if (actorRole !== 'admin') throw fail('FORBIDDEN', 'only admins may promote');
    const ids = checkUserIdList(promoted, 'leave');
    if (ids.includes(actor)) throw fail('INVALID_ARGUMENT', 'a leaving member cannot promote itself');
    promote(members, ids);
  }
  members.delete(actor);
  if (members.size > 0 && !hasAdmin(members)) {
    throw fail('FORBIDDEN', 'the last admin must promote a member when leaving');
  }
}

const hasAdmin = (members: Members): boolean => [...members.values()].includes('admin');
