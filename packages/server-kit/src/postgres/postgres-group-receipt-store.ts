import type { Pool } from 'pg';
import type { GroupMemberStatus, GroupReceiptStore } from '../contracts/group-receipt-store.js';
import type { DeviceAddress } from '../contracts/types.js';
import type { PostgresSchemaOptions } from './migrations.js';
import { num, pgContext, statement } from './pg-db.js';
import type { PostgresTimeoutOptions } from './pg-timeouts.js';

/** Options of {@link postgresGroupReceiptStore}. */
export interface PostgresGroupReceiptStoreOptions extends PostgresSchemaOptions, PostgresTimeoutOptions {
  /** A pg Pool; the store creates its tables in its schema and never ends the pool. */
  pool: Pool;
}

/**
 * A {@link GroupReceiptStore} in PostgreSQL: one row per (group, sending device) and one per
 * counted member, cursors compared bytewise. `sent` runs in a transaction under the head row's
 * lock (so two gateways fanning out the same sender's messages sync members once); `advance` and
 * `announce` are single conditional writes, so each cursor step and each announcement happens
 * once whichever gateway races.
 */
export function postgresGroupReceiptStore(options: PostgresGroupReceiptStoreOptions): GroupReceiptStore {
  const db = pgContext(options.pool, options.schema, options.timeouts);
  const { s } = db;
  const key = 'group_id = $1::text AND sender_user = $2::text AND sender_device = $3::bigint';
  const heads = `${s}.group_receipt_heads`;
  const cursors = `${s}.group_receipt_cursors`;

  const sql = {
    // Creates the head if missing and locks it either way, returning what was stored.
    lockHead: statement(`
      INSERT INTO ${heads} AS h (group_id, sender_user, sender_device, members_version, last, announced_delivered, announced_read)
      VALUES ($1::text, $2::text, $3::bigint, -1, '', '', '')
      ON CONFLICT (group_id, sender_user, sender_device) DO UPDATE SET members_version = h.members_version
      RETURNING members_version, last`),
    // New members count from the last message sent before; members no longer listed are dropped.
    syncMembers: statement(`
      WITH d AS (DELETE FROM ${cursors} WHERE ${key} AND member <> ALL($4::text[]))
      INSERT INTO ${cursors} (group_id, sender_user, sender_device, member, since, delivered, read)
      SELECT $1::text, $2::text, $3::bigint, m, $5::text, '', '' FROM unnest($4::text[]) AS t(m)
      ON CONFLICT (group_id, sender_user, sender_device, member) DO NOTHING`),
    putHead: statement(`
      UPDATE ${heads} SET members_version = $4::bigint, last = GREATEST(last, $5::text COLLATE "C") WHERE ${key}`),
    // One UPDATE moves both cursors: read implies delivered.
    advance: statement(`
      UPDATE ${cursors} SET delivered = GREATEST(delivered, $5::text COLLATE "C"),
        read = CASE WHEN $6::boolean THEN GREATEST(read, $5::text COLLATE "C") ELSE read END
      WHERE ${key} AND member = $4::text
        AND (delivered < $5::text COLLATE "C" OR ($6::boolean AND read < $5::text COLLATE "C"))`),
    aggregate: statement(`
      SELECT min(GREATEST(delivered, since)) AS delivered, min(GREATEST(read, since)) AS read
      FROM ${cursors} WHERE ${key}`),
    // A compare-and-set on a forward-only mark, creating the head when needed.
    announce: statement(`
      INSERT INTO ${heads} AS h (group_id, sender_user, sender_device, members_version, last, announced_delivered, announced_read)
      VALUES ($1::text, $2::text, $3::bigint, -1, '',
        CASE WHEN $4::boolean THEN '' ELSE $5::text END, CASE WHEN $4::boolean THEN $5::text ELSE '' END)
      ON CONFLICT (group_id, sender_user, sender_device) DO UPDATE SET
        announced_delivered = CASE WHEN $4::boolean THEN h.announced_delivered ELSE $5::text END,
        announced_read = CASE WHEN $4::boolean THEN $5::text ELSE h.announced_read END
      WHERE CASE WHEN $4::boolean THEN h.announced_read < $5::text COLLATE "C"
                 ELSE h.announced_delivered < $5::text COLLATE "C" END`),
    members: statement(`SELECT member, since, delivered, read FROM ${cursors} WHERE ${key} ORDER BY member`),
  };

  const keyOf = (groupId: string, sender: DeviceAddress) => [groupId, sender.userId, sender.deviceId];

  return {
    async sent(groupId, sender, messageId, members, membersVersion) {
      const k = keyOf(groupId, sender);
      const list = [...members];
      await db.transaction(async (tx) => {
        const head = (await tx.run<{ members_version: string; last: string }>(sql.lockHead, k)).rows[0];
        if (!head || num(head.members_version) !== membersVersion) {
          await tx.run(sql.syncMembers, [...k, list, head?.last ?? '']);
        }
        await tx.run(sql.putHead, [...k, membersVersion, messageId]);
      });
    },

    async advance(groupId, sender, member, status, messageId) {
      const { rowCount } = await db.run(sql.advance, [...keyOf(groupId, sender), member, messageId, status === 'read']);
      return (rowCount ?? 0) > 0;
    },

    async aggregate(groupId, sender) {
      const row = (
        await db.run<{ delivered: string | null; read: string | null }>(sql.aggregate, keyOf(groupId, sender))
      ).rows[0];
      return { ...(row?.delivered ? { delivered: row.delivered } : {}), ...(row?.read ? { read: row.read } : {}) };
    },

    async announce(groupId, sender, status, upTo) {
      const { rowCount } = await db.run(sql.announce, [...keyOf(groupId, sender), status === 'read', upTo]);
      return (rowCount ?? 0) > 0;
    },

    async members(groupId, sender, messageId): Promise<GroupMemberStatus[]> {
      const { rows } = await db.run<{ member: string; since: string; delivered: string; read: string }>(
        sql.members,
        keyOf(groupId, sender),
      );
      return rows
        .filter((row) => row.since < messageId)
        .map((row) => ({
          userId: row.member,
          status: row.read >= messageId ? 'read' : row.delivered >= messageId ? 'delivered' : 'sent',
        }));
    },
  };
}
