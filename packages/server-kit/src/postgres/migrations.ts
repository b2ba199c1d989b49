import { ParleyError } from '@parley/core';
import type { Pool } from 'pg';
import { fromPgError } from './pg-errors.js';
import { ackEnqueueBatchFunction } from './postgres-ack-enqueue-sql.js';
import { enqueueBatchFunction } from './postgres-enqueue-fast-sql.js';
import { forgetAckedStep, indexPlansStep } from './postgres-forget-acked-sql.js';

/**
 * Schema steps, applied in order inside the adapter's own schema (`s` is its quoted name); the
 * `schema_migrations` table records which ran. Append new steps, never edit a released one.
 *
 * Numbers the protocol allows up to 2^32 - 1 (device, key and registration ids) are `bigint`;
 * times are epoch milliseconds in `bigint`. Ciphertexts do not compress, so byte columns skip
 * compression (`STORAGE EXTERNAL`).
 */
const MIGRATIONS: ReadonlyArray<(s: string) => string> = [
  // 1: offline queue with shared payloads, device registry, key directory, presence.
  (s) => `
  CREATE TABLE ${s}.queue_devices (
    user_id text NOT NULL,
    device_id bigint NOT NULL,
    -- Highest seq handed out for the device; its row lock orders enqueues to the device.
    last_seq bigint NOT NULL,
    PRIMARY KEY (user_id, device_id)
  );

  CREATE TABLE ${s}.queue (
    user_id text NOT NULL,
    device_id bigint NOT NULL,
    seq bigint NOT NULL,
    id text NOT NULL,
    data bytea NOT NULL,
    shared_key text,
    stored_at bigint NOT NULL,
    expires_at bigint NOT NULL,
    PRIMARY KEY (user_id, device_id, seq)
  );
  ALTER TABLE ${s}.queue ALTER COLUMN data SET STORAGE EXTERNAL;
  CREATE UNIQUE INDEX queue_by_id ON ${s}.queue (user_id, device_id, id);
  CREATE INDEX queue_by_expiry ON ${s}.queue (expires_at);

  CREATE TABLE ${s}.queue_payloads (
    key text PRIMARY KEY,
    data bytea NOT NULL,
    -- Entries that reference the payload; the row is deleted when the last one goes.
    refs integer NOT NULL CHECK (refs > 0)
  );
  ALTER TABLE ${s}.queue_payloads ALTER COLUMN data SET STORAGE EXTERNAL;

  CREATE TABLE ${s}.queue_acked (
    user_id text NOT NULL,
    device_id bigint NOT NULL,
    id text NOT NULL,
    seq bigint NOT NULL,
    stored_at bigint NOT NULL,
    acked_at bigint NOT NULL,
    PRIMARY KEY (user_id, device_id, id)
  );
  CREATE INDEX queue_acked_by_time ON ${s}.queue_acked (acked_at);

  CREATE TABLE ${s}.devices (
    user_id text NOT NULL,
    device_id bigint NOT NULL,
    auth_key bytea NOT NULL,
    registration_id bigint NOT NULL,
    created_at bigint NOT NULL,
    approved_by bigint NOT NULL,
    removed boolean NOT NULL DEFAULT false,
    PRIMARY KEY (user_id, device_id)
  );

  CREATE TABLE ${s}.device_push_tokens (
    user_id text NOT NULL,
    device_id bigint NOT NULL,
    provider text NOT NULL,
    token text NOT NULL,
    PRIMARY KEY (user_id, device_id)
  );

  CREATE TABLE ${s}.key_devices (
    user_id text NOT NULL,
    device_id bigint NOT NULL,
    registration_id bigint NOT NULL,
    identity_key bytea NOT NULL,
    -- Signed and last-resort prekeys: NULL until uploaded.
    signed_key_id bigint,
    signed_public_key bytea,
    signed_signature bytea,
    last_resort_key_id bigint,
    last_resort_public_key bytea,
    PRIMARY KEY (user_id, device_id)
  );

  -- The identity column is upload order: claims take the oldest key first.
  CREATE TABLE ${s}.one_time_prekeys (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id text NOT NULL,
    device_id bigint NOT NULL,
    key_id bigint NOT NULL,
    public_key bytea NOT NULL
  );
  CREATE UNIQUE INDEX one_time_prekeys_by_key ON ${s}.one_time_prekeys (user_id, device_id, key_id);
  CREATE INDEX one_time_prekeys_by_age ON ${s}.one_time_prekeys (user_id, device_id, id);

  CREATE TABLE ${s}.presence_users (
    user_id text PRIMARY KEY,
    last_seen bigint,
    -- Settings: NULL means the default.
    last_seen_visibility text,
    read_receipts boolean
  );

  CREATE TABLE ${s}.presence_contacts (
    owner_id text NOT NULL,
    contact_id text NOT NULL,
    PRIMARY KEY (owner_id, contact_id)
  );
  `,
  // 2: groups (state, members in order, one signed record per version) and group receipt cursors.
  // Message ids and cursors compare bytewise (COLLATE "C"), as message ids order by time.
  (s) => `
  CREATE TABLE ${s}.group_states (
    group_id text PRIMARY KEY,
    name text NOT NULL,
    description text NOT NULL,
    version bigint NOT NULL,
    created_by text NOT NULL,
    created_at bigint NOT NULL,
    max_members bigint NOT NULL
  );

  CREATE TABLE ${s}.group_members (
    group_id text NOT NULL,
    user_id text NOT NULL,
    -- Index in the state's member list, which keeps its order.
    position integer NOT NULL,
    role text NOT NULL CHECK (role IN ('admin', 'member')),
    PRIMARY KEY (group_id, user_id)
  );
  CREATE INDEX group_members_by_user ON ${s}.group_members (user_id, group_id);

  CREATE TABLE ${s}.group_records (
    group_id text NOT NULL,
    version bigint NOT NULL,
    record bytea NOT NULL,
    PRIMARY KEY (group_id, version)
  );

  CREATE TABLE ${s}.group_receipt_heads (
    group_id text NOT NULL,
    sender_user text NOT NULL,
    sender_device bigint NOT NULL,
    members_version bigint NOT NULL,
    last text COLLATE "C" NOT NULL,
    announced_delivered text COLLATE "C" NOT NULL,
    announced_read text COLLATE "C" NOT NULL,
    PRIMARY KEY (group_id, sender_user, sender_device)
  );

  CREATE TABLE ${s}.group_receipt_cursors (
    group_id text NOT NULL,
    sender_user text NOT NULL,
    sender_device bigint NOT NULL,
    member text COLLATE "C" NOT NULL,
    since text COLLATE "C" NOT NULL,
    delivered text COLLATE "C" NOT NULL,
    read text COLLATE "C" NOT NULL,
    PRIMARY KEY (group_id, sender_user, sender_device, member)
  );
  `,
  // 3: media blobs in 256 KiB chunks (written under an upload id, made visible by one row in
  // media_blobs) and media tickets.
  (s) => `
  CREATE TABLE ${s}.media_chunks (
    upload_id text NOT NULL,
    n integer NOT NULL,
    bytes bytea NOT NULL,
    written_at bigint NOT NULL,
    PRIMARY KEY (upload_id, n)
  );
  ALTER TABLE ${s}.media_chunks ALTER COLUMN bytes SET STORAGE EXTERNAL;
  CREATE INDEX media_chunks_by_time ON ${s}.media_chunks (written_at) WHERE n = 0;

  CREATE TABLE ${s}.media_blobs (
    blob_id text PRIMARY KEY,
    upload_id text NOT NULL UNIQUE,
    size bigint NOT NULL,
    chunks integer NOT NULL,
    stored_at bigint NOT NULL
  );
  CREATE INDEX media_blobs_by_time ON ${s}.media_blobs (stored_at);

  CREATE TABLE ${s}.media_tickets (
    key text PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('upload', 'download')),
    blob_id text NOT NULL,
    size bigint NOT NULL,
    user_id text NOT NULL,
    expires_at bigint NOT NULL
  );
  CREATE INDEX media_tickets_by_expiry ON ${s}.media_tickets (expires_at);
  `,
  // 4: one row per user that ever registered a device, the arbiter of a first registration and a
  // tombstone once all devices are removed.
  (s) => `
  CREATE TABLE ${s}.users (user_id text PRIMARY KEY);
  INSERT INTO ${s}.users (user_id) SELECT DISTINCT user_id FROM ${s}.devices ON CONFLICT DO NOTHING;
  `,
  // 5: signed device lists, one encoded record per version.
  (s) => `
  CREATE TABLE ${s}.device_list_records (
    user_id text NOT NULL,
    version bigint NOT NULL,
    record bytea NOT NULL,
    PRIMARY KEY (user_id, version)
  );
  `,
  // 6: delete tickets (issued with an upload, so its user can delete the blob later).
  (s) => `
  ALTER TABLE ${s}.media_tickets DROP CONSTRAINT IF EXISTS media_tickets_kind_check;
  ALTER TABLE ${s}.media_tickets ADD CONSTRAINT media_tickets_kind_check CHECK (kind IN ('upload', 'download', 'delete'));
  `,
  // 7: who may add a user to groups (NULL means the default, everyone).
  (s) => `
  ALTER TABLE ${s}.presence_users ADD COLUMN group_add text;
  `,
  // 8: who each entry counts against for the per-sender share of a device's queue.
  (s) => `
  ALTER TABLE ${s}.queue ADD COLUMN sender text;
  CREATE INDEX queue_by_sender ON ${s}.queue (user_id, device_id, sender) WHERE sender IS NOT NULL;
  `,
  // 9: the whole of a plain enqueue batch in one statement (postgres-enqueue-fast.ts).
  enqueueBatchFunction,
  // 10: acks on generic plans, and a device's acks with the DELIVERED receipt they make in one statement
  // (postgres-ack-enqueue-sql.ts).
  ackEnqueueBatchFunction,
  // 11: EnqueueOptions.forgetAcked (no dedup mark at the ack of such an entry), and acks that run
  // their mark and payload-release statements only when they have rows (postgres-forget-acked-sql.ts).
  forgetAckedStep,
  // 12: the lookups of those functions planned on indexes, whatever the statistics of a new
  // schema's tables (postgres-index-plans-sql.ts).
  indexPlansStep,
];

/** The schema version this code writes. */
export const PG_SCHEMA_VERSION = MIGRATIONS.length;

/** The schema the adapters use when none is given. */
export const DEFAULT_PG_SCHEMA = 'parley';

/** Options every PostgreSQL adapter takes. */
export interface PostgresSchemaOptions {
  /**
   * The PostgreSQL schema holding Parley's tables, created when missing; default `'parley'`.
   * Letters, digits and underscores. Gateways of one cluster must use the same one; tests use a
   * fresh one each to stay apart.
   */
  schema?: string;
}

/** First half of the advisory lock key of migrations ("par" in ASCII); the second is the schema's hash. */
const LOCK_CLASS = 0x706172;

/** Checks a schema name and returns it quoted for SQL. @internal */
export function quoteSchema(schema: string = DEFAULT_PG_SCHEMA): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new ParleyError('INVALID_ARGUMENT', `schema must be 1-63 letters, digits or underscores (got ${schema})`);
  }
  return `"${schema}"`;
}

/**
 * Creates or upgrades Parley's tables in the schema; idempotent, and cheap when they are up to
 * date (one read). Safe when several gateways start at once: the upgrade runs in one transaction
 * under a transaction-scoped advisory lock, so one of them applies each step and the others then
 * find it applied. Rejects with ParleyError('UNSUPPORTED_VERSION') when the schema was written by
 * a newer `@parley/server-kit`, and with UNAVAILABLE when PostgreSQL cannot be reached.
 *
 * The adapters call it themselves before their first query; call it at startup to fail fast.
 */
export async function migrate(pool: Pool, options: PostgresSchemaOptions = {}): Promise<void> {
  const name = options.schema ?? DEFAULT_PG_SCHEMA;
  const s = quoteSchema(name);
  try {
    if ((await currentVersion(pool, s)) === PG_SCHEMA_VERSION) return;
    const client = await pool.connect();
    let broken = false;
    // A dropped connection is also an 'error' event on a checked-out client: heard here, not fatal.
    const onError = (): void => {
      broken = true;
    };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_CLASS, name]);
      // Checked first: CREATE SCHEMA IF NOT EXISTS needs the CREATE privilege even when it exists.
      const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [name]);
      if (exists.rowCount === 0) await client.query(`CREATE SCHEMA ${s}`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${s}.schema_migrations (
           version integer PRIMARY KEY,
           applied_at timestamptz NOT NULL DEFAULT now()
         )`,
      );
      const from = await versionIn(client, s);
      if (from > PG_SCHEMA_VERSION) {
        throw new ParleyError(
          'UNSUPPORTED_VERSION',
          `PostgreSQL schema ${name} is at v${from}, newer than this @parley/server-kit (v${PG_SCHEMA_VERSION})`,
        );
      }
      for (let v = from; v < PG_SCHEMA_VERSION; v++) {
        await client.query((MIGRATIONS[v] as (s: string) => string)(s));
        await client.query(`INSERT INTO ${s}.schema_migrations (version) VALUES ($1)`, [v + 1]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  } catch (error) {
    throw fromPgError(error);
  }
}

type Queryable = Pick<Pool, 'query'>;

async function versionIn(client: Queryable, s: string): Promise<number> {
  const { rows } = await client.query<{ v: number }>(
    `SELECT coalesce(max(version), 0)::int AS v FROM ${s}.schema_migrations`,
  );
  return rows[0]?.v ?? 0;
}

/** The applied version, or 0 when the schema or its migrations table does not exist yet. */
async function currentVersion(pool: Pool, s: string): Promise<number> {
  try {
    return await versionIn(pool, s);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === '42P01' || code === '3F000') return 0; // undefined table, undefined schema
    throw error;
  }
}

const ready = new WeakMap<Pool, Map<string, Promise<void>>>();

/**
 * `migrate` once per pool and schema, shared by every adapter made from them. A failed attempt
 * (PostgreSQL down at startup) is forgotten, so the next call tries again. @internal
 */
export function ensureMigrated(pool: Pool, schema: string): Promise<void> {
  let bySchema = ready.get(pool);
  if (!bySchema) {
    bySchema = new Map();
    ready.set(pool, bySchema);
  }
  let done = bySchema.get(schema);
  if (!done) {
    const attempt = migrate(pool, { schema });
    bySchema.set(schema, attempt);
    attempt.catch(() => {
      if (bySchema.get(schema) === attempt) bySchema.delete(schema);
    });
    done = attempt;
  }
  return done;
}
