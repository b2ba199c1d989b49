import type Database from 'better-sqlite3';
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
import { committerFor } from './group-commit.js';

/** Options of {@link sqlitePresenceStore}. */
export interface SqlitePresenceStoreOptions {
  /** An open better-sqlite3 database; the store creates its tables in it. */
  db: Database.Database;
}

/**
 * The store's own tables. They are created with IF NOT EXISTS here rather than as a step of
 * `migrations.ts` (whose `user_version` numbering is owned by the other stores): the tables are
 * independent of every other one, so creating them on open is idempotent and safe on any
 * schema version. Fold them into a numbered migration when that file next changes.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS presence_users (
    user_id TEXT NOT NULL PRIMARY KEY,
    last_seen INTEGER,
    -- Settings: NULL means the default.
    last_seen_visibility TEXT,
    read_receipts INTEGER
  ) WITHOUT ROWID;

  CREATE TABLE IF NOT EXISTS presence_contacts (
    owner_id TEXT NOT NULL,
    contact_id TEXT NOT NULL,
    PRIMARY KEY (owner_id, contact_id)
  ) WITHOUT ROWID;
`;

/** Columns added after the table first shipped: added on open when missing (NULL means the default). */
const ADDED_COLUMNS = [{ name: 'group_add', type: 'TEXT' }];

interface SettingsRow {
  last_seen_visibility: string | null;
  read_receipts: number | null;
  group_add: string | null;
}

/**
 * A {@link PresenceStore} in SQLite. Writes run in the database's group-committed batches and
 * resolve once committed; `setContacts` replaces the list in one transaction. Reads are direct.
 */
export function sqlitePresenceStore(options: SqlitePresenceStoreOptions): PresenceStore {
  const { db } = options;
  db.exec(SCHEMA);
  const columns = new Set(
    db
      .prepare<[], { name: string }>('PRAGMA table_info(presence_users)')
      .all()
      .map((c) => c.name),
  );
  for (const column of ADDED_COLUMNS) {
    if (!columns.has(column.name)) db.exec(`ALTER TABLE presence_users ADD COLUMN ${column.name} ${column.type}`);
  }
  const { submit } = committerFor(db);

  const getLastSeen = db
    .prepare<[string], number | null>('SELECT last_seen FROM presence_users WHERE user_id = ?')
    .pluck();
  // MAX keeps the latest time; a NULL (never seen) loses to any time.
  const putLastSeen = db.prepare<[string, number]>(
    `INSERT INTO presence_users (user_id, last_seen) VALUES (?, ?)
     ON CONFLICT (user_id) DO UPDATE SET last_seen = max(coalesce(last_seen, excluded.last_seen), excluded.last_seen)`,
  );
  const getSettings = db.prepare<[string], SettingsRow>(
    'SELECT last_seen_visibility, read_receipts, group_add FROM presence_users WHERE user_id = ?',
  );
  const putSettings = db.prepare<[string, string, number, string]>(
    `INSERT INTO presence_users (user_id, last_seen_visibility, read_receipts, group_add) VALUES (?, ?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET last_seen_visibility = excluded.last_seen_visibility,
       read_receipts = excluded.read_receipts, group_add = excluded.group_add`,
  );
  const deleteContacts = db.prepare<[string]>('DELETE FROM presence_contacts WHERE owner_id = ?');
  const addContact = db.prepare<[string, string]>(
    'INSERT INTO presence_contacts (owner_id, contact_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
  );
  const listContacts = db
    .prepare<[string], string>('SELECT contact_id FROM presence_contacts WHERE owner_id = ? ORDER BY contact_id')
    .pluck();
  const hasContact = db
    .prepare<[string, string], number>('SELECT 1 FROM presence_contacts WHERE owner_id = ? AND contact_id = ?')
    .pluck();

  const readSettings = (userId: string): PrivacySettings => {
    const row = getSettings.get(userId);
    return {
      lastSeen: (row?.last_seen_visibility as LastSeenVisibility | null) ?? DEFAULT_PRIVACY.lastSeen,
      readReceipts: row?.read_receipts == null ? DEFAULT_PRIVACY.readReceipts : row.read_receipts !== 0,
      groupAdd: (row?.group_add as GroupAddPolicy | null) ?? DEFAULT_PRIVACY.groupAdd,
    };
  };

  // Read, merge and write in one transaction, so concurrent patches of different fields both land.
  const updateTx = db.transaction((userId: string, patch: Partial<PrivacySettings>): PrivacySettings => {
    const next = mergeSettings(readSettings(userId), patch);
    putSettings.run(userId, next.lastSeen, next.readReceipts ? 1 : 0, next.groupAdd);
    return next;
  });

  const setContactsTx = db.transaction((ownerId: string, list: string[]): void => {
    deleteContacts.run(ownerId);
    for (const id of list) addContact.run(ownerId, id);
  });

  return {
    async lastSeen(userId) {
      return getLastSeen.get(userId) ?? undefined;
    },

    async setLastSeen(userId, at) {
      checkLastSeen(at);
      await submit(() => putLastSeen.run(userId, at));
    },

    async settings(userId) {
      return readSettings(userId);
    },

    async updateSettings(userId, patch) {
      // Validate now, so a bad patch rejects without queueing a write.
      mergeSettings(DEFAULT_PRIVACY, patch);
      const snapshot = { ...patch };
      return submit(() => updateTx(userId, snapshot));
    },

    async setContacts(ownerId, contactIds) {
      const list = normalizeContacts(contactIds);
      await submit(() => setContactsTx(ownerId, list));
    },

    async contacts(ownerId) {
      return listContacts.all(ownerId);
    },

    async isContact(ownerId, otherId) {
      return hasContact.get(ownerId, otherId) !== undefined;
    },
  };
}
