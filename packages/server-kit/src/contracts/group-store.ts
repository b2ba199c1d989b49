import { ParleyError } from '@parley/core';
import type { GroupSnapshot } from '@parley/core/groups';

/**
 * Groups: the current state of each group and the signed records that led to it. The gateway
 * decides what may be stored (see `applyGroupRecord` in `@parley/core`); the store keeps it.
 *
 * Every implementation guarantees:
 * - `create` stores version 1 (state and its encoded record) atomically, and rejects with
 *   ParleyError('CONFLICT') when the group id is already stored, changing nothing.
 * - `create` with a `state.version` other than 1, or `update` with one below 2, rejects with
 *   ParleyError('INVALID_ARGUMENT').
 * - `update` is a compare-and-set on the version: it stores `state` and the record of
 *   `state.version` atomically only when the stored version is `state.version - 1`; otherwise
 *   (a concurrent update won, or the group is unknown) it rejects with ParleyError('CONFLICT') and
 *   changes nothing. Of concurrent updates to the same version exactly one succeeds.
 * - `get` returns the last stored state, or undefined for an unknown group. Members keep the
 *   order they were stored in.
 * - `listForUser` returns the current state of every group whose members include the user,
 *   ordered by group id; a user removed from a group no longer sees it there. With `page`, only
 *   the groups whose id sorts after `page.after` (UTF-16 code unit order; group ids are ASCII), at
 *   most `page.limit` of them: a caller can walk a user's groups without loading them all.
 * - `history` returns the encoded records of one group with version >= `fromVersion`, ascending,
 *   at most `limit` of them (empty for an unknown group). Record bytes are returned as stored.
 * - Once a call resolves its writes survive a restart (for durable implementations).
 * - Values are copies: mutating what was passed in or returned never changes what is stored.
 */
export interface GroupStore {
  /** Stores version 1. CONFLICT when the group id exists. */
  create(state: GroupSnapshot, record: Uint8Array): Promise<void>;
  /** Atomically stores version `state.version` (== current + 1) and its record; CONFLICT otherwise (lost race). */
  update(state: GroupSnapshot, record: Uint8Array): Promise<void>;
  get(groupId: string): Promise<GroupSnapshot | undefined>;
  /** Groups the user is a member of, by group id (a page of them with `page`). */
  listForUser(userId: string, page?: GroupListPage): Promise<GroupSnapshot[]>;
  /** Encoded records with version >= fromVersion, ascending, at most `limit`. */
  history(groupId: string, fromVersion: number, limit: number): Promise<Uint8Array[]>;
}

/** Refuses a create that is not version 1 (shared by the implementations). @internal */
export function checkCreate(state: GroupSnapshot): void {
  if (state.version !== 1) throw new ParleyError('INVALID_ARGUMENT', 'a group is created at version 1');
}

/** Refuses an update to a version that cannot follow another (shared by the implementations). @internal */
export function checkUpdate(state: GroupSnapshot): void {
  if (!Number.isSafeInteger(state.version) || state.version < 2) {
    throw new ParleyError('INVALID_ARGUMENT', 'an update stores version 2 or later');
  }
}

/** Which of a user's groups {@link GroupStore.listForUser} returns: those after `after`, at most `limit`. */
export interface GroupListPage {
  /** Only groups whose id sorts after this one (exclusive). Default: from the first. */
  after?: string;
  /** At most this many (a non-negative integer). Default: all. */
  limit?: number;
}
