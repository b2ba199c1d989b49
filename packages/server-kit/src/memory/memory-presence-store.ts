import {
  checkLastSeen,
  DEFAULT_PRIVACY,
  mergeSettings,
  normalizeContacts,
  type PresenceStore,
  type PrivacySettings,
} from '../contracts/presence-store.js';

/** An in-memory {@link PresenceStore} for tests and single-process development. */
export function memoryPresenceStore(): PresenceStore {
  const lastSeen = new Map<string, number>();
  const settings = new Map<string, PrivacySettings>();
  const contacts = new Map<string, Set<string>>();

  return {
    async lastSeen(userId) {
      return lastSeen.get(userId);
    },

    async setLastSeen(userId, at) {
      checkLastSeen(at);
      const stored = lastSeen.get(userId);
      if (stored === undefined || at > stored) lastSeen.set(userId, at);
    },

    async settings(userId) {
      return { ...(settings.get(userId) ?? DEFAULT_PRIVACY) };
    },

    async updateSettings(userId, patch) {
      const next = mergeSettings(settings.get(userId) ?? DEFAULT_PRIVACY, patch);
      settings.set(userId, next);
      return { ...next };
    },

    async setContacts(ownerId, contactIds) {
      const list = normalizeContacts(contactIds);
      if (list.length === 0) contacts.delete(ownerId);
      else contacts.set(ownerId, new Set(list));
    },

    async contacts(ownerId) {
      return [...(contacts.get(ownerId) ?? [])];
    },

    async isContact(ownerId, otherId) {
      return contacts.get(ownerId)?.has(otherId) ?? false;
    },
  };
}
