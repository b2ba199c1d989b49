import { ParleyError } from '@parley/core';
import type { Pool } from 'pg';
import type {
  DeviceRecord,
  DeviceRegistry,
  RegisterFirstResult,
  RegisterResult,
} from '../contracts/device-registry.js';
import { type Clock, systemClock } from '../contracts/types.js';
import type { PostgresSchemaOptions } from './migrations.js';
import { bytes, num, pgContext, statement } from './pg-db.js';
import type { PostgresTimeoutOptions } from './pg-timeouts.js';
import { batchedReads } from './read-batches.js';

/** Options of {@link postgresDeviceRegistry}. */
export interface PostgresDeviceRegistryOptions extends PostgresSchemaOptions, PostgresTimeoutOptions {
  /** A pg Pool; the registry creates its tables in its schema and never ends the pool. */
  pool: Pool;
  clock?: Clock;
}

interface Row {
  user_id: string;
  device_id: string;
  auth_key: Uint8Array;
  registration_id: string;
  created_at: string;
  approved_by: string;
}

const toRecord = (row: Row): DeviceRecord => ({
  userId: row.user_id,
  deviceId: num(row.device_id),
  authKey: bytes(row.auth_key),
  registrationId: num(row.registration_id),
  createdAt: num(row.created_at),
  approvedBy: num(row.approved_by),
});

const COLUMNS = 'user_id, device_id, auth_key, registration_id, created_at, approved_by';

const notFound = (userId: string, deviceId: number) => new ParleyError('NOT_FOUND', `no device ${userId}/${deviceId}`);

/**
 * A {@link DeviceRegistry} in PostgreSQL; removed devices stay as tombstones with an empty key.
 * Nothing is cached: every gateway of a cluster sees a new or removed device at once.
 */
export function postgresDeviceRegistry(options: PostgresDeviceRegistryOptions): DeviceRegistry {
  const db = pgContext(options.pool, options.schema, options.timeouts);
  const { s } = db;
  const clock = options.clock ?? systemClock;

  const sql = {
    // ON CONFLICT DO NOTHING makes the insert the arbiter: of two registrations exactly one returns a row.
    // Every registration also claims the user's row in `users` (kept forever, a tombstone once the
    // devices are removed).
    insert: statement(`
      WITH claim AS (INSERT INTO ${s}.users (user_id) VALUES ($1::text) ON CONFLICT (user_id) DO NOTHING)
      INSERT INTO ${s}.devices (${COLUMNS})
      VALUES ($1::text, $2::bigint, $3::bytea, $4::bigint, $5::bigint, $6::bigint)
      ON CONFLICT (user_id, device_id) DO NOTHING RETURNING ${COLUMNS}`),
    // The first device is inserted only when this statement created the user's row: the primary key
    // of `users` is the arbiter, so of two concurrent first registrations exactly one inserts.
    insertFirst: statement(`
      WITH claim AS (
        INSERT INTO ${s}.users (user_id) VALUES ($1::text) ON CONFLICT (user_id) DO NOTHING RETURNING user_id)
      INSERT INTO ${s}.devices (${COLUMNS})
      SELECT user_id, $2::bigint, $3::bytea, $4::bigint, $5::bigint, $6::bigint FROM claim
      ON CONFLICT (user_id, device_id) DO NOTHING RETURNING ${COLUMNS}`),
    select: statement(`SELECT ${COLUMNS} FROM ${s}.devices WHERE user_id = $1::text AND device_id = $2::bigint`),
    selectLive: statement(
      `SELECT ${COLUMNS} FROM ${s}.devices WHERE user_id = $1::text AND device_id = $2::bigint AND NOT removed`,
    ),
    // Several users' lists in one round trip (read-batches.ts); the same user may be named twice.
    selectUsers: statement(
      `SELECT ${COLUMNS} FROM ${s}.devices WHERE user_id = ANY($1::text[]) AND NOT removed ORDER BY user_id, device_id`,
    ),
    setRegistrationId: statement(`
      UPDATE ${s}.devices SET registration_id = $3::bigint
      WHERE user_id = $1::text AND device_id = $2::bigint AND NOT removed`),
    remove: statement(`
      WITH t AS (
        DELETE FROM ${s}.device_push_tokens WHERE user_id = $1::text AND device_id = $2::bigint)
      UPDATE ${s}.devices SET removed = true, auth_key = '\\x'::bytea
      WHERE user_id = $1::text AND device_id = $2::bigint AND NOT removed`),
    // Stores the token only while the device is live, in one statement.
    setToken: statement(`
      INSERT INTO ${s}.device_push_tokens (user_id, device_id, provider, token)
      SELECT user_id, device_id, $3::text, $4::text FROM ${s}.devices
      WHERE user_id = $1::text AND device_id = $2::bigint AND NOT removed
      ON CONFLICT (user_id, device_id) DO UPDATE SET provider = excluded.provider, token = excluded.token`),
    clearToken: statement(`
      WITH live AS (
        SELECT 1 FROM ${s}.devices WHERE user_id = $1::text AND device_id = $2::bigint AND NOT removed),
      t AS (DELETE FROM ${s}.device_push_tokens WHERE user_id = $1::text AND device_id = $2::bigint)
      SELECT count(*)::int AS n FROM live`),
    token: statement(`
      SELECT t.provider, t.token FROM ${s}.device_push_tokens t
      JOIN ${s}.devices d ON d.user_id = t.user_id AND d.device_id = t.device_id AND NOT d.removed
      WHERE t.user_id = $1::text AND t.device_id = $2::bigint`),
    deviceList: statement(`SELECT record FROM ${s}.device_list_records WHERE user_id = $1::text ORDER BY version`),
    clearDeviceList: statement(`DELETE FROM ${s}.device_list_records WHERE user_id = $1::text`),
    // Inserts only on top of version - 1; the primary key makes one of two racing appends a no-op.
    appendDeviceList: statement(`
      INSERT INTO ${s}.device_list_records (user_id, version, record)
      SELECT $1::text, $2::bigint, $3::bytea
      WHERE (SELECT count(*) FROM ${s}.device_list_records WHERE user_id = $1::text) = $2::bigint - 1
      ON CONFLICT (user_id, version) DO NOTHING`),
  };

  const list = batchedReads(async (userIds: string[]) => {
    const byUser = new Map<string, DeviceRecord[]>(userIds.map((u) => [u, []]));
    const { rows } = await db.run<Row>(sql.selectUsers, [userIds]);
    for (const row of rows) byUser.get(row.user_id)?.push(toRecord(row));
    // A user named twice gets a list of its own each time: callers may keep what they are given.
    const given = new Set<string>();
    return userIds.map((u) => {
      const devices = byUser.get(u) as DeviceRecord[];
      if (given.has(u)) return [...devices];
      given.add(u);
      return devices;
    });
  });

  return {
    async register(device): Promise<RegisterResult> {
      const { userId, deviceId } = device;
      const created = await db.run<Row>(sql.insert, [
        userId,
        deviceId,
        new Uint8Array(device.authKey),
        device.registrationId,
        device.createdAt ?? clock(),
        device.approvedBy,
      ]);
      const row = created.rows[0];
      if (row) return { created: true, device: toRecord(row) };
      // A second statement, so its snapshot sees the row a concurrent registration just committed.
      const stored = (await db.run<Row>(sql.select, [userId, deviceId])).rows[0];
      if (!stored) throw new ParleyError('INTERNAL', `device ${userId}/${deviceId} vanished during register`);
      return { created: false, device: toRecord(stored) };
    },

    async registerFirst(device): Promise<RegisterFirstResult> {
      const created = await db.run<Row>(sql.insertFirst, [
        device.userId,
        device.deviceId,
        new Uint8Array(device.authKey),
        device.registrationId,
        device.createdAt ?? clock(),
        device.approvedBy,
      ]);
      const row = created.rows[0];
      return row ? { created: true, device: toRecord(row) } : { created: false, userTaken: true };
    },

    async get(userId, deviceId) {
      const row = (await db.run<Row>(sql.selectLive, [userId, deviceId])).rows[0];
      return row ? toRecord(row) : undefined;
    },

    list,

    async setRegistrationId(userId, deviceId, registrationId) {
      const { rowCount } = await db.run(sql.setRegistrationId, [userId, deviceId, registrationId]);
      if (!rowCount) throw notFound(userId, deviceId);
    },

    async remove(userId, deviceId) {
      const { rowCount } = await db.run(sql.remove, [userId, deviceId]);
      return (rowCount ?? 0) > 0;
    },

    async setPushToken(userId, deviceId, token) {
      if (token) {
        const { rowCount } = await db.run(sql.setToken, [userId, deviceId, token.provider, token.token]);
        if (!rowCount) throw notFound(userId, deviceId);
        return;
      }
      const { rows } = await db.run<{ n: number }>(sql.clearToken, [userId, deviceId]);
      if (!rows[0]?.n) throw notFound(userId, deviceId);
    },

    async deviceList(userId) {
      const { rows } = await db.run<{ record: Uint8Array }>(sql.deviceList, [userId]);
      return rows.map((row) => bytes(row.record));
    },

    async appendDeviceList(userId, version, record) {
      if (version !== 1) {
        const { rowCount } = await db.run(sql.appendDeviceList, [userId, version, new Uint8Array(record)]);
        return (rowCount ?? 0) > 0;
      }
      return db.transaction(async (tx) => {
        await tx.run(sql.clearDeviceList, [userId]);
        const { rowCount } = await tx.run(sql.appendDeviceList, [userId, 1, new Uint8Array(record)]);
        return (rowCount ?? 0) > 0;
      });
    },

    async pushToken(userId, deviceId) {
      const row = (await db.run<{ provider: string; token: string }>(sql.token, [userId, deviceId])).rows[0];
      return row ? { provider: row.provider, token: row.token } : undefined;
    },
  };
}
