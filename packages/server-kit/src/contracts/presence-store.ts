import { ParleyError } from '@parley/core';

/** Who may see a user's last seen and online status. */
export type LastSeenVisibility = 'everyone' | 'contacts' | 'nobody';

/**
 * Who may add a user to groups: anyone, only the users in the user's own contact list
 * ({@link PresenceStore.setContacts}), or nobody. Refused adders can send an invitation instead.
 */
export type GroupAddPolicy = 'everyone' | 'contacts' | 'nobody';

/** The privacy settings the server enforces for one user. */
export interface PrivacySettings {
  /** Who sees the user's last seen and online status (see `presence-policy.ts`). Default `'everyone'`. */
  lastSeen: LastSeenVisibility;
  /** Whether the user sends and sees read receipts in 1:1 chats. Default `true`. */
  readReceipts: boolean;
  /** Who may name the user in a group create or add (see `groups/group-add-policy.ts`). Default `'everyone'`. */
  groupAdd: GroupAddPolicy;
}

/** The settings of a user who never changed them. */
export const DEFAULT_PRIVACY: Readonly<PrivacySettings> = Object.freeze({
  lastSeen: 'everyone',
  readReceipts: true,
  groupAdd: 'everyone',
});

/** Most contacts one {@link PresenceStore.setContacts} call takes. */
export const MAX_CONTACTS = 10_000;

/**
 * What presence needs to outlive a process: each user's last seen time, privacy settings and
 * contact list. Live state (who is online, who is typing) is kept in memory by the trackers and
 * never written here.
 *
 * Every implementation guarantees:
 * - `lastSeen` is undefined for a user never seen. `setLastSeen` keeps the latest time: a write
 *   older than the stored one changes nothing (so a late write from a slow gateway never moves
 *   last seen backwards). A time that is not a finite, non-negative number rejects with
 *   ParleyError('INVALID_ARGUMENT').
 * - `settings` returns {@link DEFAULT_PRIVACY} for a user who never changed them.
 *   `updateSettings` merges the given fields over the stored ones atomically and resolves with the
 *   result; a field with a value outside its type rejects with INVALID_ARGUMENT, storing nothing.
 * - `setContacts` replaces the owner's whole contact list (duplicates stored once; an empty list
 *   clears it). More than {@link MAX_CONTACTS} ids, or an id that is not a non-empty string,
 *   rejects with INVALID_ARGUMENT, storing nothing. `contacts` returns the list sorted.
 * - Contacts are one-directional: `isContact(owner, other)` is true when `other` is in `owner`'s
 *   list, whatever `other`'s list says.
 * - Users are isolated: nothing done to one user changes another's data. Returned objects and
 *   arrays are copies.
 */
export interface PresenceStore {
  lastSeen(userId: string): Promise<number | undefined>;
  setLastSeen(userId: string, at: number): Promise<void>;
  settings(userId: string): Promise<PrivacySettings>;
  updateSettings(userId: string, patch: Partial<PrivacySettings>): Promise<PrivacySettings>;
  setContacts(ownerId: string, contactIds: readonly string[]): Promise<void>;
  contacts(ownerId: string): Promise<string[]>;
  isContact(ownerId: string, otherId: string): Promise<boolean>;
}

const VISIBILITIES: ReadonlySet<string> = new Set<LastSeenVisibility>(['everyone', 'contacts', 'nobody']);

/** Validates a last seen time (shared by the implementations). @internal */
export function checkLastSeen(at: number): void {
  if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) {
    throw new ParleyError('INVALID_ARGUMENT', 'last seen must be a finite, non-negative time in ms');
  }
}

/** Validates a settings patch and merges it over `current` (shared by the implementations). @internal */
export function mergeSettings(current: PrivacySettings, patch: Partial<PrivacySettings>): PrivacySettings {
  const next: PrivacySettings = { ...current };
  if (patch.lastSeen !== undefined) {
    if (!VISIBILITIES.has(patch.lastSeen)) {
      throw new ParleyError('INVALID_ARGUMENT', `lastSeen must be 'everyone', 'contacts' or 'nobody'`);
    }
    next.lastSeen = patch.lastSeen;
  }
  if (patch.readReceipts !== undefined) {
    if (typeof patch.readReceipts !== 'boolean') {
      throw new ParleyError('INVALID_ARGUMENT', 'readReceipts must be a boolean');
    }
    next.readReceipts = patch.readReceipts;
  }
  if (patch.groupAdd !== undefined) {
    if (!VISIBILITIES.has(patch.groupAdd)) {
      throw new ParleyError('INVALID_ARGUMENT', `groupAdd must be 'everyone', 'contacts' or 'nobody'`);
    }
    next.groupAdd = patch.groupAdd;
  }
  return next;
}

/** Validates a contact list and returns it deduplicated and sorted (shared by the implementations). @internal */
export function normalizeContacts(contactIds: readonly string[]): string[] {
  if (!Array.isArray(contactIds)) throw new ParleyError('INVALID_ARGUMENT', 'contacts must be an array');
  if (contactIds.length > MAX_CONTACTS) {
    throw new ParleyError('INVALID_ARGUMENT', `at most ${MAX_CONTACTS} contacts (got ${contactIds.length})`);
  }
  for (const id of contactIds) {
    if (typeof id !== 'string' || id.length === 0) {
      throw new ParleyError('INVALID_ARGUMENT', 'a contact id must be a non-empty string');
    }
  }
  return [...new Set(contactIds)].sort();
}
