import { ParleyError } from '@parley/core';
import type { GroupRoleName, GroupSnapshot, GroupSnapshotMember } from '@parley/core/groups';
import type Database from 'better-sqlite3';
import { checkCreate, checkUpdate, type GroupStore } from '../contracts/group-store.js';
import { committerFor } from './group-commit.js';
import { migrate } from './migrations.js';

/** Options of {@link sqliteGroupStore}. */
export interface SqliteGroupStoreOptions {
  /** An open better-sqlite3 database; the store creates its tables in it (migration 5). */
  db: Database.Database;
}

interface StateRow {
  group_id: string;
  name: string;
  description: string;
  version: number;
  created_by: string;
  created_at: number;
  max_members: number;
}

interface MemberRow {
  user_id: string;
  role: GroupRoleName;
}

const sameMembers = (a: readonly GroupSnapshotMember[], b: readonly GroupSnapshotMember[]): boolean =>
  a.length === b.length && a.every((m, i) => m.userId === b[i]?.userId && m.role === b[i]?.role);

/**
 * A {@link GroupStore} in SQLite. `create` and `update` each run in one transaction (a savepoint in
 * a group-committed batch) and resolve once committed; `update` is a conditional UPDATE on the
 * version, so of concurrent updates, even from other processes on the same file, one wins. Member
 * rows are rewritten only when the membership changed (not for a rename). Reads run in a read
 * transaction, so a state and its members always match.
 */
export function sqliteGroupStore(options: SqliteGroupStoreOptions): GroupStore {
  const { db } = options;
  migrate(db);
  const { submit } = committerFor(db);

  const getState = db.prepare<[string], StateRow>(
    `SELECT group_id, name, description, version, created_by, created_at, max_members
     FROM group_states WHERE group_id = ?`,
  );
  const getMembers = db.prepare<[string], MemberRow>(
    'SELECT user_id, role FROM group_members WHERE group_id = ? ORDER BY position',
  );
  const insertState = db.prepare<[string, string, string, number, string, number, number]>(
    `INSERT INTO group_states (group_id, name, description, version, created_by, created_at, max_members)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (group_id) DO NOTHING`,
  );
  // The compare-and-set: only the row still at the previous version changes.
  const updateState = db.prepare<[string, string, number, number, string, number]>(
    `UPDATE group_states SET name = ?, description = ?, version = ?, max_members = ?
     WHERE group_id = ? AND version = ?`,
  );
  const deleteMembers = db.prepare<[string]>('DELETE FROM group_members WHERE group_id = ?');
  const insertMember = db.prepare<[string, string, number, string]>(
    'INSERT INTO group_members (group_id, user_id, position, role) VALUES (?, ?, ?, ?)',
  );
  const insertRecord = db.prepare<[string, number, Uint8Array]>(
    'INSERT INTO group_records (group_id, version, record) VALUES (?, ?, ?)',
  );
  const groupsOfUser = db
    .prepare<[string, string, number], string>(
      'SELECT group_id FROM group_members WHERE user_id = ? AND group_id > ? ORDER BY group_id LIMIT ?',
    )
    .pluck();
  const records = db
    .prepare<[string, number, number], Uint8Array>(
      'SELECT record FROM group_records WHERE group_id = ? AND version >= ? ORDER BY version LIMIT ?',
    )
    .pluck();

  const readMembers = (groupId: string): GroupSnapshotMember[] =>
    getMembers.all(groupId).map((m) => ({ userId: m.user_id, role: m.role }));

  const read = (groupId: string): GroupSnapshot | undefined => {
    const row = getState.get(groupId);
    if (!row) return undefined;
    return {
      groupId: row.group_id,
      name: row.name,
      description: row.description,
      version: row.version,
      members: readMembers(groupId),
      createdBy: row.created_by,
      createdAt: row.created_at,
      maxMembers: row.max_members,
    };
  };

  const writeMembers = (state: GroupSnapshot): void => {
    deleteMembers.run(state.groupId);
    state.members.forEach((m, i) => {
      insertMember.run(state.groupId, m.userId, i, m.role);
    });
  };

  const createTx = db.transaction((state: GroupSnapshot, record: Uint8Array): void => {
    const { groupId: id, name, description, version, createdBy, createdAt, maxMembers } = state;
    if (insertState.run(id, name, description, version, createdBy, createdAt, maxMembers).changes === 0) {
      throw new ParleyError('CONFLICT', `group ${id} exists`);
    }
    writeMembers(state);
    insertRecord.run(id, version, record);
  });

  const updateTx = db.transaction((state: GroupSnapshot, record: Uint8Array): void => {
    const { groupId: id, version } = state;
    const before = readMembers(id);
    if (updateState.run(state.name, state.description, version, state.maxMembers, id, version - 1).changes === 0) {
      throw new ParleyError('CONFLICT', `group ${id} is not at version ${version - 1}`);
    }
    if (!sameMembers(before, state.members)) writeMembers(state);
    insertRecord.run(id, version, record);
  });

  const getTx = db.transaction((groupId: string) => read(groupId));
  // LIMIT -1 is no limit in SQLite.
  const listTx = db.transaction((userId: string, after: string, limit: number) =>
    groupsOfUser.all(userId, after, limit).flatMap((id) => read(id) ?? []),
  );

  return {
    async create(state, record) {
      checkCreate(state);
      // Copies taken now: the caller may change its objects before the batch commits.
      const snapshot = structuredClone(state);
      const bytes = new Uint8Array(record);
      await submit(() => createTx(snapshot, bytes));
    },

    async update(state, record) {
      checkUpdate(state);
      const snapshot = structuredClone(state);
      const bytes = new Uint8Array(record);
      await submit(() => updateTx(snapshot, bytes));
    },

    async get(groupId) {
      return getTx(groupId);
    },

    async listForUser(userId, page = {}) {
      return listTx(userId, page.after ?? '', page.limit === undefined ? -1 : Math.max(0, Math.floor(page.limit)));
    },

    async history(groupId, fromVersion, limit) {
      if (limit <= 0) return [];
      return records
        .all(groupId, Math.max(1, Math.floor(fromVersion)), Math.floor(limit))
        .map((r) => new Uint8Array(r));
    },
  };
}
