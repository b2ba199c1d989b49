import { ParleyError } from '@parley/core';
import type Database from 'better-sqlite3';

/**
 * Schema steps, applied in order; `PRAGMA user_version` records how many ran. Append new steps,
 * never edit a released one.
 */
const MIGRATIONS: readonly string[] = [
  // 1: offline queue, dedup marks, device registry.
  `
  CREATE TABLE queue_devices (
    user_id TEXT NOT NULL,
    device_id INTEGER NOT NULL,
    next_seq INTEGER NOT NULL,
    -- Rows in queue for the device (expired ones included until purged): O(1) QUEUE_FULL checks.
    size INTEGER NOT NULL,
    PRIMARY KEY (user_id, device_id)
  ) WITHOUT ROWID;

  CREATE TABLE queue (
    user_id TEXT NOT NULL,
    device_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    data BLOB NOT NULL,
    stored_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, device_id, seq)
  );
  CREATE UNIQUE INDEX queue_by_id ON queue (user_id, device_id, id);
  CREATE INDEX queue_by_expiry ON queue (expires_at);

  CREATE TABLE queue_acked (
    user_id TEXT NOT NULL,
    device_id INTEGER NOT NULL,
    id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    stored_at INTEGER NOT NULL,
    acked_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, device_id, id)
  ) WITHOUT ROWID;
  CREATE INDEX queue_acked_by_time ON queue_acked (acked_at);

  CREATE TABLE devices (
    user_id TEXT NOT NULL,
    device_id INTEGER NOT NULL,
    auth_key BLOB NOT NULL,
    registration_id INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    approved_by INTEGER NOT NULL,
    removed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, device_id)
  ) WITHOUT ROWID;
  `,
  // 2: key directory. IF NOT EXISTS so a half-applied copy of this step cannot block it.
  `
  CREATE TABLE IF NOT EXISTS key_devices (
    user_id TEXT NOT NULL,
    device_id INTEGER NOT NULL,
    registration_id INTEGER NOT NULL,
    identity_key BLOB NOT NULL,
    -- Signed and last-resort prekeys: all NULL until uploaded.
    signed_key_id INTEGER,
    signed_public_key BLOB,
    signed_signature BLOB,
    last_resort_key_id INTEGER,
    last_resort_public_key BLOB,
    PRIMARY KEY (user_id, device_id)
  ) WITHOUT ROWID;

  -- Rowid order is upload order: claims take the oldest key first.
  CREATE TABLE IF NOT EXISTS one_time_prekeys (
    id INTEGER PRIMARY KEY,
    user_id TEXT NOT NULL,
    device_id INTEGER NOT NULL,
    key_id INTEGER NOT NULL,
    public_key BLOB NOT NULL
  );
  CREATE UNIQUE INDEX IF NOT EXISTS one_time_prekeys_by_key ON one_time_prekeys (user_id, device_id, key_id);
  CREATE INDEX IF NOT EXISTS one_time_prekeys_by_age ON one_time_prekeys (user_id, device_id, id);
  `,
  // 3: the queue keyed by its primary key alone (WITHOUT ROWID): one b-tree less to write per
  // enqueue and per ack. The steps run in one transaction, so a crash leaves v2 or v3.
  `
  CREATE TABLE queue_v3 (
    user_id TEXT NOT NULL,
    device_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    data BLOB NOT NULL,
    stored_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, device_id, seq)
  ) WITHOUT ROWID;
  INSERT INTO queue_v3 (user_id, device_id, seq, id, data, stored_at, expires_at)
    SELECT user_id, device_id, seq, id, data, stored_at, expires_at FROM queue;
  DROP TABLE queue;
  ALTER TABLE queue_v3 RENAME TO queue;
  CREATE UNIQUE INDEX queue_by_id ON queue (user_id, device_id, id);
  CREATE INDEX queue_by_expiry ON queue (expires_at);
  `,
  // 4: push tokens of devices.
  `
  CREATE TABLE IF NOT EXISTS device_push_tokens (
    user_id TEXT NOT NULL,
    device_id INTEGER NOT NULL,
    provider TEXT NOT NULL,
    token TEXT NOT NULL,
    PRIMARY KEY (user_id, device_id)
  ) WITHOUT ROWID;
  `,
  // 5: groups: the current state, its members (indexed by user for listForUser) and the signed
  // records, one per version. ("groups" itself is an SQL keyword, hence the prefixes.)
  `
  CREATE TABLE IF NOT EXISTS group_states (
    group_id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    max_members INTEGER NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE IF NOT EXISTS group_members (
    group_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    -- Index in the state's member list, which keeps its order.
    position INTEGER NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'member')),
    PRIMARY KEY (group_id, user_id)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS group_members_by_user ON group_members (user_id, group_id);

  CREATE TABLE IF NOT EXISTS group_records (
    group_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    record BLOB NOT NULL,
    PRIMARY KEY (group_id, version)
  ) WITHOUT ROWID;
  `,
  // 6: payloads stored once for many queue entries (group messages), and group receipt cursors.
  `
  ALTER TABLE queue ADD COLUMN shared TEXT;
  CREATE TABLE IF NOT EXISTS queue_shared (
    key TEXT NOT NULL PRIMARY KEY,
    data BLOB NOT NULL,
    refs INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS group_receipt_heads (
    group_id TEXT NOT NULL,
    sender_user TEXT NOT NULL,
    sender_device INTEGER NOT NULL,
    members_version INTEGER NOT NULL,
    last TEXT NOT NULL,
    announced_delivered TEXT NOT NULL,
    announced_read TEXT NOT NULL,
    PRIMARY KEY (group_id, sender_user, sender_device)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS group_receipt_cursors (
    group_id TEXT NOT NULL,
    sender_user TEXT NOT NULL,
    sender_device INTEGER NOT NULL,
    member TEXT NOT NULL,
    since TEXT NOT NULL,
    delivered TEXT NOT NULL,
    read TEXT NOT NULL,
    PRIMARY KEY (group_id, sender_user, sender_device, member)
  ) WITHOUT ROWID;
  `,
  // 7: media tickets (see sqlite-media-tickets.ts), keyed by the SHA-256 of the token.
  `
  CREATE TABLE IF NOT EXISTS media_tickets (
    key TEXT NOT NULL PRIMARY KEY,
    kind TEXT NOT NULL,
    blob_id TEXT NOT NULL,
    size INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS media_tickets_by_expiry ON media_tickets (expires_at);
  `,
  // 8: signed device lists, one encoded record per version.
  `
  CREATE TABLE IF NOT EXISTS device_list_records (
    user_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    record BLOB NOT NULL,
    PRIMARY KEY (user_id, version)
  ) WITHOUT ROWID;
  `,
  // 9: who each entry counts against for the per-sender share of a device's queue.
  `
  ALTER TABLE queue ADD COLUMN sender TEXT;
  CREATE INDEX queue_by_sender ON queue (user_id, device_id, sender) WHERE sender IS NOT NULL;
  `,
  // 10: entries whose ack leaves no dedup mark (forget = 1: EnqueueOptions.forgetAcked, the delivered
  // receipts, and fan-out calls; NULL, as in every row written before, means the ack marks the id),
  // and fan-out calls (EnqueueOptions.fanOut) deduplicated by their shared payload's key, which is
  // remembered (bytes dropped) until forget_at.
  `
  ALTER TABLE queue ADD COLUMN forget INTEGER;
  ALTER TABLE queue_shared ADD COLUMN stored_at INTEGER;
  ALTER TABLE queue_shared ADD COLUMN forget_at INTEGER;
  CREATE INDEX queue_shared_by_forget ON queue_shared (forget_at) WHERE forget_at IS NOT NULL;
  -- Marks written before this step may belong to fan-out ids: fan-out entries are checked against
  -- marks until the newest of them is past its dedup window (see sqliteQueue).
  CREATE TABLE IF NOT EXISTS queue_meta (key TEXT NOT NULL PRIMARY KEY, value INTEGER) WITHOUT ROWID;
  INSERT OR IGNORE INTO queue_meta (key, value)
    SELECT 'legacy_marks_acked_at', max(acked_at) FROM queue_acked HAVING count(*) > 0;
  `,
  // 11: dedup marks keyed by message id first. Ids are UUIDv7 by default (core `newMessageId`, time
  // first), so a commit's marks go to the newest leaves of the key order, not to a leaf per mark
  // spread over every device's range (a WAL frame of 4 KiB per mark: issue 15 aim 1). Marks are only
  // looked up by all three columns and purged by acked_at: nothing reads them by device.
  `
  CREATE TABLE queue_acked_by_id (
    id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    device_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    stored_at INTEGER NOT NULL,
    acked_at INTEGER NOT NULL,
    PRIMARY KEY (id, user_id, device_id)
  ) WITHOUT ROWID;
  INSERT INTO queue_acked_by_id (id, user_id, device_id, seq, stored_at, acked_at)
    SELECT id, user_id, device_id, seq, stored_at, acked_at FROM queue_acked;
  DROP TABLE queue_acked;
  ALTER TABLE queue_acked_by_id RENAME TO queue_acked;
  CREATE INDEX queue_acked_by_time ON queue_acked (acked_at);
  `,
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the schema up to date (or, for upgrade tests, to `target`); idempotent and cheap when it
 * already is.
 */
export function migrate(db: Database.Database, target = SCHEMA_VERSION): void {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  if (version() === target) return;
  // IMMEDIATE takes the write lock first, so two processes opening one file migrate once.
  db.transaction(() => {
    const from = version();
    if (from > SCHEMA_VERSION) {
      throw new ParleyError(
        'UNSUPPORTED_VERSION',
        `database schema v${from} is newer than this @parley/server-kit (v${SCHEMA_VERSION})`,
      );
    }
    for (let v = from; v < target; v++) db.exec(MIGRATIONS[v]!);
    db.pragma(`user_version = ${Math.max(from, target)}`);
  }).immediate();
}
