import { ParleyError } from '../errors.js';
import { parley } from '../gen/parley.js';

const GroupRole = parley.v1.GroupRole;

/** Member limit of a group when the server configures none. */
export const DEFAULT_MAX_GROUP_MEMBERS = 1024;

/** A member's role: admins change the group, members only read it (and may leave). */
export type GroupRoleName = 'admin' | 'member';

/** One member of a group. */
export interface GroupSnapshotMember {
  userId: string;
  role: GroupRoleName;
}

/**
 * A group as of one version: what applying its records from version 1 on yields. Members keep the
 * order the records gave them (create order, then each `add` appended), so every party that applies
 * the same records holds an identical snapshot.
 */
export interface GroupSnapshot {
  groupId: string;
  name: string;
  description: string;
  /** Version of the last record applied; 1 after `create`. */
  version: number;
  members: GroupSnapshotMember[];
  /** User id of the creator (the actor of version 1). */
  createdBy: string;
  /** `at` of the create record (ms, as the creator signed it). */
  createdAt: number;
  /** Size limit applied to the group (server policy, not part of the signed chain). */
  maxMembers: number;
  /**
   * The disappearing-messages timer (seconds) the last `disappearing` record set; absent when off.
   * Part of the signed chain: only an admin changes it, and every member verifies that.
   */
  disappearingS?: number;
}

/** Wire form of a role. */
export function toGroupRole(role: GroupRoleName): parley.v1.GroupRole {
  return role === 'admin' ? GroupRole.GROUP_ROLE_ADMIN : GroupRole.GROUP_ROLE_MEMBER;
}

/** Role of a wire role; undefined for UNSPECIFIED or a value this version does not know. */
export function fromGroupRole(role: parley.v1.GroupRole | null | undefined): GroupRoleName | undefined {
  if (role === GroupRole.GROUP_ROLE_ADMIN) return 'admin';
  if (role === GroupRole.GROUP_ROLE_MEMBER) return 'member';
  return undefined;
}

/** A deep copy, so callers never share arrays with a store or with each other. */
export function copySnapshot(snapshot: GroupSnapshot): GroupSnapshot {
  return { ...snapshot, members: snapshot.members.map((m) => ({ userId: m.userId, role: m.role })) };
}

/** The `parley.v1.GroupState` of a snapshot, as the server sends it. */
export function toGroupState(snapshot: GroupSnapshot): parley.v1.GroupState.$Properties {
  return {
    groupId: snapshot.groupId,
    name: snapshot.name,
    description: snapshot.description,
    version: snapshot.version,
    members: snapshot.members.map((m) => ({ userId: m.userId, role: toGroupRole(m.role) })),
    createdBy: snapshot.createdBy,
    createdAt: snapshot.createdAt,
    maxMembers: snapshot.maxMembers,
  };
}

/**
 * A snapshot from a received `parley.v1.GroupState`. Rejects with INVALID_ARGUMENT when a member
 * has no known role or no user id. The state is the server's word: only records verify it.
 */
export function fromGroupState(state: parley.v1.GroupState.$Properties): GroupSnapshot {
  const members = (state.members ?? []).map((m) => {
    const role = fromGroupRole(m.role);
    if (!m.userId || !role) throw new ParleyError('INVALID_ARGUMENT', 'group state member without user id or role');
    return { userId: m.userId, role };
  });
  return {
    groupId: state.groupId ?? '',
    name: state.name ?? '',
    description: state.description ?? '',
    version: state.version ?? 0,
    members,
    createdBy: state.createdBy ?? '',
    createdAt: state.createdAt ?? 0,
    maxMembers: state.maxMembers || DEFAULT_MAX_GROUP_MEMBERS,
  };
}
