import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sqlitePresenceStore } from '../src/sqlite/index.js';

describe('sqlitePresenceStore on a database from before the group add setting', () => {
  it('adds the column on open and keeps the settings already stored', async () => {
    const db = new Database(':memory:');
    db.exec(`
      CREATE TABLE presence_users (
        user_id TEXT NOT NULL PRIMARY KEY, last_seen INTEGER, last_seen_visibility TEXT, read_receipts INTEGER
      ) WITHOUT ROWID;
      INSERT INTO presence_users VALUES ('alice', 5, 'nobody', 0);
    `);
    const store = sqlitePresenceStore({ db });
    expect(await store.settings('alice')).toEqual({ lastSeen: 'nobody', readReceipts: false, groupAdd: 'everyone' });
    await store.updateSettings('alice', { groupAdd: 'contacts' });
    // Opening again finds the column there and leaves it alone.
    expect(await sqlitePresenceStore({ db }).settings('alice')).toEqual({
      lastSeen: 'nobody',
      readReceipts: false,
      groupAdd: 'contacts',
    });
    db.close();
  });
});
