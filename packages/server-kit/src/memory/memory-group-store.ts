import { ParleyError } from '@parley/core';
import { copySnapshot, type GroupSnapshot } from '@parley/core/groups';
import { checkCreate, checkUpdate, type GroupStore } from '../contracts/group-store.js';

interface StoredGroup {
  state: GroupSnapshot;
  /** records[i] is the record of version i + 1. */
  records: Uint8Array[];
}

/** An in-memory {@link GroupStore} for tests and single-process development. */
export function memoryGroupStore(): GroupStore {
  const groups = new Map<string, StoredGroup>();
  /** user id -> ids of the groups the user is a member of. */
  const byUser = new Map<string, Set<string>>();

  const index = (state: GroupSnapshot, present: boolean) => {
    for (const { userId } of state.members) {
      const ids = byUser.get(userId);
      if (present) {
        if (ids) ids.add(state.groupId);
        else byUser.set(userId, new Set([state.groupId]));
      } else if (ids) {
        ids.delete(state.groupId);
        if (ids.size === 0) byUser.delete(userId);
      }
    }
  };

  return {
    async create(state, record) {
      checkCreate(state);
      if (groups.has(state.groupId)) throw new ParleyError('CONFLICT', `group ${state.groupId} exists`);
      groups.set(state.groupId, { state: copySnapshot(state), records: [new Uint8Array(record)] });
      index(state, true);
    },

    async update(state, record) {
      checkUpdate(state);
      const stored = groups.get(state.groupId);
      if (!stored || stored.state.version !== state.version - 1) {
        throw new ParleyError('CONFLICT', `group ${state.groupId} is not at version ${state.version - 1}`);
      }
      index(stored.state, false);
      stored.state = copySnapshot(state);
      stored.records.push(new Uint8Array(record));
      index(state, true);
    },

    async get(groupId) {
      const stored = groups.get(groupId);
      return stored ? copySnapshot(stored.state) : undefined;
    },

    async listForUser(userId, page = {}) {
      const after = page.after ?? '';
      const ids = [...(byUser.get(userId) ?? [])].filter((id) => id > after).sort();
      const limited = page.limit === undefined ? ids : ids.slice(0, Math.max(0, Math.floor(page.limit)));
      return limited.map((id) => copySnapshot((groups.get(id) as StoredGroup).state));
    },

    async history(groupId, fromVersion, limit) {
      const records = groups.get(groupId)?.records ?? [];
      const from = Math.max(1, Math.floor(fromVersion));
      return records.slice(from - 1, from - 1 + Math.max(0, limit)).map((r) => new Uint8Array(r));
    },
  };
}
