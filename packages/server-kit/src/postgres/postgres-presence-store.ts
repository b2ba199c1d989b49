import type { Pool } from 'pg';
import {
  checkLastSeen,
  DEFAULT_PRIVACY,
  type GroupAddPolicy,
  type LastSeenVisibility,
  mergeSettings,
  normalizeContacts,
  type PresenceStore,
  type PrivacySettings,
} from '../contracts/presence-store.js';
import type { PostgresSchemaOptions } from './migrations.js';
import { num, pgContext, statement } from './pg-db.js';
import type { PostgresTimeoutOptions } from './pg-timeouts.js';

/** Options of {@link postgresPresenceStore}. */
export interface PostgresPresenceStoreOptions extends PostgresSchemaOptions, PostgresTimeoutOptions {
  /** A pg Pool; the store creates its tables in its schema and never ends the pool. */
  pool: Pool;
}

interface SettingsRow {
  last_seen_visibility: string | null;
  read_receipts: boolean | null;
  group_add: string | null;
}

const toSettings = (row: SettingsRow | undefined): PrivacySettings => ({
  lastSeen: (row?.last_seen_visibility as LastSeenVisibility | null | undefined) ?? DEFAULT_PRIVACY.lastSeen,
  readReceipts: row?.read_receipts ?? DEFAULT_PRIVACY.readReceipts,
  groupAdd: (row?.group_add as GroupAddPolicy | null | undefined) ?? DEFAULT_PRIVACY.groupAdd,
});

/**
 * A {@link PresenceStore} in PostgreSQL. Last seen and settings patches are single upserts that
 * merge in the database (so concurrent writes from several gateways all land); a contact list is
 * replaced in one transaction that first locks the owner's row, so concurrent replacements leave
 * one whole list, never a mix.
 */
export function postgresPresenceStore(options: PostgresPresenceStoreOptions): PresenceStore {
  const db = pgContext(options.pool, options.schema, options.timeouts);
  const { s } = db;

  const sql = {
    lastSeen: statement(`SELECT last_seen FROM ${s}.presence_users WHERE user_id = $1::text`),
    // GREATEST ignores NULL (never seen): the stored time only moves forward.
    setLastSeen: statement(`
      INSERT INTO ${s}.presence_users AS p (user_id, last_seen) VALUES ($1::text, $2::bigint)
      ON CONFLICT (user_id) DO UPDATE SET last_seen = GREATEST(p.last_seen, excluded.last_seen)`),
    settings: statement(
      `SELECT last_seen_visibility, read_receipts, group_add FROM ${s}.presence_users WHERE user_id = $1::text`,
    ),
    // A NULL field of the patch keeps the stored value: the merge happens under the row lock.
    updateSettings: statement(`
      INSERT INTO ${s}.presence_users AS p (user_id, last_seen_visibility, read_receipts, group_add)
      VALUES ($1::text, $2::text, $3::boolean, $4::text)
      ON CONFLICT (user_id) DO UPDATE SET
        last_seen_visibility = COALESCE(excluded.last_seen_visibility, p.last_seen_visibility),
        read_receipts = COALESCE(excluded.read_receipts, p.read_receipts),
        group_add = COALESCE(excluded.group_add, p.group_add)
      RETURNING last_seen_visibility, read_receipts, group_add`),
    lockOwner: statement(`
      INSERT INTO ${s}.presence_users AS p (user_id) VALUES ($1::text)
      ON CONFLICT (user_id) DO UPDATE SET user_id = p.user_id`),
    dropContacts: statement(`DELETE FROM ${s}.presence_contacts WHERE owner_id = $1::text`),
    addContacts: statement(`
      INSERT INTO ${s}.presence_contacts (owner_id, contact_id)
      SELECT $1::text, c FROM unnest($2::text[]) AS t(c)`),
    contacts: statement(`SELECT contact_id FROM ${s}.presence_contacts WHERE owner_id = $1::text`),
    isContact: statement(`SELECT 1 FROM ${s}.presence_contacts WHERE owner_id = $1::text AND contact_id = $2::text`),
  };

  /** The last contact replacement per owner still running in this process. */
  const replacing = new Map<string, Promise<void>>();

  return {
    async lastSeen(userId) {
      const value = (await db.run<{ last_seen: string | null }>(sql.lastSeen, [userId])).rows[0]?.last_seen;
      return value === null || value === undefined ? undefined : num(value);
    },

    async setLastSeen(userId, at) {
      checkLastSeen(at);
      await db.run(sql.setLastSeen, [userId, at]);
    },

    async settings(userId) {
      return toSettings((await db.run<SettingsRow>(sql.settings, [userId])).rows[0]);
    },

    async updateSettings(userId, patch) {
      // Validates the patch (throws INVALID_ARGUMENT) before anything is written.
      mergeSettings(DEFAULT_PRIVACY, patch);
      const { rows } = await db.run<SettingsRow>(sql.updateSettings, [
        userId,
        patch.lastSeen ?? null,
        patch.readReceipts ?? null,
        patch.groupAdd ?? null,
      ]);
      return toSettings(rows[0]);
    },

    async setContacts(ownerId, contactIds) {
      const list = normalizeContacts(contactIds);
      // One owner's replacements from this process run in call order, so the last call wins;
      // the row lock orders them against other gateways'.
      const previous = replacing.get(ownerId) ?? Promise.resolve();
      const mine = previous.then(() =>
        db.transaction(async (tx) => {
          await tx.run(sql.lockOwner, [ownerId]);
          await tx.run(sql.dropContacts, [ownerId]);
          if (list.length > 0) await tx.run(sql.addContacts, [ownerId, list]);
        }),
      );
      const settled = mine.catch(() => {});
      replacing.set(ownerId, settled);
      void settled.then(() => {
        if (replacing.get(ownerId) === settled) replacing.delete(ownerId);
      });
      await mine;
    },

    async contacts(ownerId) {
      // Sorted here, as the other implementations sort (UTF-16 order, whatever the database collation).
      return (await db.run<{ contact_id: string }>(sql.contacts, [ownerId])).rows.map((r) => r.contact_id).sort();
    },

    async isContact(ownerId, otherId) {
      return ((await db.run(sql.isContact, [ownerId, otherId])).rowCount ?? 0) > 0;
    },
  };
}
