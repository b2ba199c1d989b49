import { ParleyError } from '@parley/core';
import type { GroupRoleName, GroupSnapshot, GroupSnapshotMember } from '@parley/core/groups';
import type { Pool } from 'pg';
import { checkCreate, checkUpdate, type GroupStore } from '../contracts/group-store.js';
import type { PostgresSchemaOptions } from './migrations.js';
import { bytes, num, pgContext, statement } from './pg-db.js';
import type { PostgresTimeoutOptions } from './pg-timeouts.js';

/** Options of {@link postgresGroupStore}. */
export interface PostgresGroupStoreOptions extends PostgresSchemaOptions, PostgresTimeoutOptions {
  /** A pg Pool; the store creates its tables in its schema and never ends the pool. */
  pool: Pool;
}

interface StateRow {
  group_id: string;
  name: string;
  description: string;
  version: string;
  created_by: string;
  created_at: string;
  max_members: string;
  users: string[];
  roles: GroupRoleName[];
}

const toSnapshot = (row: StateRow): GroupSnapshot => ({
  groupId: row.group_id,
  name: row.name,
  description: row.description,
  version: num(row.version),
  members: row.users.map((userId, i) => ({ userId, role: row.roles[i] as GroupRoleName })),
  createdBy: row.created_by,
  createdAt: num(row.created_at),
  maxMembers: num(row.max_members),
});

const sameMembers = (a: readonly GroupSnapshotMember[], b: readonly GroupSnapshotMember[]): boolean =>
  a.length === b.length && a.every((m, i) => m.userId === b[i]?.userId && m.role === b[i]?.role);

/**
 * A {@link GroupStore} in PostgreSQL. `create` is one statement (the state row's insert decides,
 * and members and record are written only with it); `update` is a transaction around a
 * conditional UPDATE on the version, so of concurrent updates from any gateway one wins and the
 * others get CONFLICT. Members are rewritten only when they changed. A read is one statement, so
 * a state and its members always match.
 */
export function postgresGroupStore(options: PostgresGroupStoreOptions): GroupStore {
  const db = pgContext(options.pool, options.schema, options.timeouts);
  const { s } = db;
  const select = `
    SELECT g.group_id, g.name, g.description, g.version, g.created_by, g.created_at, g.max_members,
      coalesce(array_agg(m.user_id ORDER BY m.position) FILTER (WHERE m.user_id IS NOT NULL), '{}') AS users,
      coalesce(array_agg(m.role ORDER BY m.position) FILTER (WHERE m.user_id IS NOT NULL), '{}') AS roles
    FROM ${s}.group_states g LEFT JOIN ${s}.group_members m ON m.group_id = g.group_id`;

  const sql = {
    create: statement(`
      WITH g AS (
        INSERT INTO ${s}.group_states (group_id, name, description, version, created_by, created_at, max_members)
        VALUES ($1::text, $2::text, $3::text, 1, $4::text, $5::bigint, $6::bigint)
        ON CONFLICT (group_id) DO NOTHING RETURNING group_id),
      m AS (
        INSERT INTO ${s}.group_members (group_id, user_id, position, role)
        SELECT g.group_id, u, i, r FROM g, unnest($7::text[], $8::text[]) WITH ORDINALITY AS t(u, r, i)),
      r AS (INSERT INTO ${s}.group_records (group_id, version, record) SELECT g.group_id, 1, $9::bytea FROM g)
      SELECT count(*)::int AS n FROM g`),
    // The compare-and-set: only the row still at the previous version changes.
    update: statement(`
      UPDATE ${s}.group_states SET name = $2::text, description = $3::text, version = $4::bigint, max_members = $5::bigint
      WHERE group_id = $1::text AND version = $4::bigint - 1`),
    members: statement(`SELECT user_id, role FROM ${s}.group_members WHERE group_id = $1::text ORDER BY position`),
    dropMembers: statement(`DELETE FROM ${s}.group_members WHERE group_id = $1::text`),
    addMembers: statement(`
      INSERT INTO ${s}.group_members (group_id, user_id, position, role)
      SELECT $1::text, u, i, r FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS t(u, r, i)`),
    addRecord: statement(
      `INSERT INTO ${s}.group_records (group_id, version, record) VALUES ($1::text, $2::bigint, $3::bytea)`,
    ),
    get: statement(`${select} WHERE g.group_id = $1::text GROUP BY g.group_id`),
    // COLLATE "C": byte order, which for ASCII group ids is the UTF-16 order the other stores use.
    listForUser: statement(`${select}
      WHERE g.group_id IN (SELECT group_id FROM ${s}.group_members WHERE user_id = $1::text)
        AND g.group_id COLLATE "C" > $2::text
      GROUP BY g.group_id ORDER BY g.group_id COLLATE "C" LIMIT $3::bigint`),
    history: statement(`
      SELECT record FROM ${s}.group_records WHERE group_id = $1::text AND version >= $2::bigint
      ORDER BY version LIMIT $3::bigint`),
  };

  return {
    async create(state, record) {
      checkCreate(state);
      // Parameters are built now, so they are copies of the caller's objects.
      const { rows } = await db.run<{ n: number }>(sql.create, [
        state.groupId,
        state.name,
        state.description,
        state.createdBy,
        state.createdAt,
        state.maxMembers,
        state.members.map((m) => m.userId),
        state.members.map((m) => m.role),
        new Uint8Array(record),
      ]);
      if (!rows[0]?.n) throw new ParleyError('CONFLICT', `group ${state.groupId} exists`);
    },

    async update(state, record) {
      checkUpdate(state);
      const { groupId: id, version } = state;
      const fields = [id, state.name, state.description, version, state.maxMembers];
      const members = state.members.map((m) => ({ userId: m.userId, role: m.role }));
      const recordCopy = new Uint8Array(record);
      await db.transaction(async (tx) => {
        if (!(await tx.run(sql.update, fields)).rowCount) {
          throw new ParleyError('CONFLICT', `group ${id} is not at version ${version - 1}`);
        }
        // The state row is now locked by this transaction: no other update changes the members.
        const before = (await tx.run<{ user_id: string; role: GroupRoleName }>(sql.members, [id])).rows;
        const stored = before.map((m) => ({ userId: m.user_id, role: m.role }));
        if (!sameMembers(stored, members)) {
          await tx.run(sql.dropMembers, [id]);
          await tx.run(sql.addMembers, [id, members.map((m) => m.userId), members.map((m) => m.role)]);
        }
        await tx.run(sql.addRecord, [id, version, recordCopy]);
      });
    },

    async get(groupId) {
      const row = (await db.run<StateRow>(sql.get, [groupId])).rows[0];
      return row ? toSnapshot(row) : undefined;
    },

    async listForUser(userId, page = {}) {
      const limit = page.limit === undefined ? null : Math.max(0, Math.floor(page.limit));
      const { rows } = await db.run<StateRow>(sql.listForUser, [userId, page.after ?? '', limit]);
      // Ordered here as the other implementations order (UTF-16), whatever the database collation.
      return rows.map(toSnapshot).sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0));
    },

    async history(groupId, fromVersion, limit) {
      if (limit <= 0) return [];
      const { rows } = await db.run<{ record: Uint8Array }>(sql.history, [
        groupId,
        Math.max(1, Math.floor(fromVersion)),
        Math.floor(limit),
      ]);
      return rows.map((r) => bytes(r.record));
    },
  };
}
