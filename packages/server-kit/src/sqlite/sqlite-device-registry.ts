import { ParleyError } from '@parley/core';
import type Database from 'better-sqlite3';
import type {
  DeviceRecord,
  DeviceRegistry,
  PushToken,
  RegisterFirstResult,
  RegisterResult,
} from '../contracts/device-registry.js';
import { sharedDeviceList } from '../contracts/shared-device-list.js';
import { type Clock, systemClock } from '../contracts/types.js';
import { migrate } from './migrations.js';

/** Options of {@link sqliteDeviceRegistry}. */
export interface SqliteDeviceRegistryOptions {
  /** An open better-sqlite3 database; the registry creates its table in it. */
  db: Database.Database;
  clock?: Clock;
}

interface Row {
  user_id: string;
  device_id: number;
  auth_key: Uint8Array;
  registration_id: number;
  created_at: number;
  approved_by: number;
}

const toRecord = (row: Row): DeviceRecord => ({
  userId: row.user_id,
  deviceId: row.device_id,
  authKey: new Uint8Array(row.auth_key),
  registrationId: row.registration_id,
  createdAt: row.created_at,
  approvedBy: row.approved_by,
});

const COLUMNS = 'user_id, device_id, auth_key, registration_id, created_at, approved_by';

/**
 * A {@link DeviceRegistry} in SQLite; removed devices stay as tombstones with an empty key.
 * Device lists are cached in memory (every send reads two) and dropped on this registry's own
 * writes, so one process must own the database file, as with the rest of the SQLite stores. A
 * cached list is frozen and handed to every reader as is (`sharedDeviceList`): a read allocates nothing.
 */
export function sqliteDeviceRegistry(options: SqliteDeviceRegistryOptions): DeviceRegistry {
  const { db } = options;
  const clock = options.clock ?? systemClock;
  migrate(db);

  // ON CONFLICT DO NOTHING makes the insert the arbiter: of two registrations exactly one changes a row.
  const insert = db.prepare<[string, number, Uint8Array, number, number, number]>(
    `INSERT INTO devices (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, device_id) DO NOTHING`,
  );
  const select = db.prepare<[string, number], Row>(
    `SELECT ${COLUMNS} FROM devices WHERE user_id = ? AND device_id = ?`,
  );
  const selectLive = db.prepare<[string, number], Row>(
    `SELECT ${COLUMNS} FROM devices WHERE user_id = ? AND device_id = ? AND removed = 0`,
  );
  const selectUser = db.prepare<[string], Row>(
    `SELECT ${COLUMNS} FROM devices WHERE user_id = ? AND removed = 0 ORDER BY device_id`,
  );
  const updateRegistrationId = db.prepare<[number, string, number]>(
    'UPDATE devices SET registration_id = ? WHERE user_id = ? AND device_id = ? AND removed = 0',
  );
  const tombstone = db.prepare<[string, number]>(
    `UPDATE devices SET removed = 1, auth_key = X'' WHERE user_id = ? AND device_id = ? AND removed = 0`,
  );

  // Any row, tombstones included: a user who ever had a device is taken.
  const selectAnyOfUser = db.prepare<[string], { one: number }>(
    'SELECT 1 AS one FROM devices WHERE user_id = ? LIMIT 1',
  );
  const registerTx = db.transaction((device: Parameters<DeviceRegistry['register']>[0]): RegisterResult => {
    const createdAt = device.createdAt ?? clock();
    const { userId, deviceId } = device;
    const changes = insert.run(
      userId,
      deviceId,
      device.authKey,
      device.registrationId,
      createdAt,
      device.approvedBy,
    ).changes;
    const row = select.get(userId, deviceId);
    if (!row) throw new ParleyError('INTERNAL', `device ${userId}/${deviceId} vanished during register`);
    return changes === 1 ? { created: true, device: toRecord(row) } : { created: false, device: toRecord(row) };
  });

  // Check and insert in one IMMEDIATE transaction, so no other writer slips in between.
  const registerFirstTx = db.transaction(
    (device: Parameters<DeviceRegistry['registerFirst']>[0]): RegisterFirstResult => {
      if (selectAnyOfUser.get(device.userId)) return { created: false, userTaken: true };
      const result = registerTx(device);
      return result.created ? result : { created: false, userTaken: true };
    },
  );

  const upsertToken = db.prepare<[string, number, string, string]>(
    `INSERT INTO device_push_tokens (user_id, device_id, provider, token) VALUES (?, ?, ?, ?)
     ON CONFLICT (user_id, device_id) DO UPDATE SET provider = excluded.provider, token = excluded.token`,
  );
  const deleteToken = db.prepare<[string, number]>(
    'DELETE FROM device_push_tokens WHERE user_id = ? AND device_id = ?',
  );
  const selectToken = db.prepare<[string, number], PushToken>(
    'SELECT provider, token FROM device_push_tokens WHERE user_id = ? AND device_id = ?',
  );
  const selectDeviceList = db.prepare<[string], { record: Uint8Array }>(
    'SELECT record FROM device_list_records WHERE user_id = ? ORDER BY version',
  );
  const countDeviceList = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM device_list_records WHERE user_id = ?',
  );
  const clearDeviceList = db.prepare<[string]>('DELETE FROM device_list_records WHERE user_id = ?');
  const insertDeviceRecord = db.prepare<[string, number, Uint8Array]>(
    'INSERT INTO device_list_records (user_id, version, record) VALUES (?, ?, ?)',
  );
  const appendTx = db.transaction((userId: string, version: number, record: Uint8Array): boolean => {
    if (version === 1) clearDeviceList.run(userId);
    else if ((countDeviceList.get(userId)?.n ?? 0) !== version - 1) return false;
    insertDeviceRecord.run(userId, version, record);
    return true;
  });
  const lists = new Map<string, readonly Readonly<DeviceRecord>[]>();
  // better-sqlite3 answers synchronously: `list` and `listNow` are one read.
  const listNow = (userId: string): readonly Readonly<DeviceRecord>[] => {
    let cached = lists.get(userId);
    if (!cached) {
      cached = sharedDeviceList(selectUser.all(userId).map(toRecord));
      if (lists.size >= 10_000) lists.clear();
      lists.set(userId, cached);
    }
    return cached;
  };

  return {
    async register(device) {
      lists.delete(device.userId);
      return registerTx.immediate(device);
    },

    async registerFirst(device) {
      lists.delete(device.userId);
      return registerFirstTx.immediate(device);
    },

    async get(userId, deviceId) {
      const row = selectLive.get(userId, deviceId);
      return row ? toRecord(row) : undefined;
    },

    async list(userId) {
      return listNow(userId);
    },

    listNow,

    async setRegistrationId(userId, deviceId, registrationId) {
      lists.delete(userId);
      if (updateRegistrationId.run(registrationId, userId, deviceId).changes === 0) {
        throw new ParleyError('NOT_FOUND', `no device ${userId}/${deviceId}`);
      }
    },

    async setPushToken(userId, deviceId, token) {
      if (!selectLive.get(userId, deviceId)) throw new ParleyError('NOT_FOUND', `no device ${userId}/${deviceId}`);
      if (token) upsertToken.run(userId, deviceId, token.provider, token.token);
      else deleteToken.run(userId, deviceId);
    },

    async pushToken(userId, deviceId) {
      if (!selectLive.get(userId, deviceId)) return undefined;
      const row = selectToken.get(userId, deviceId);
      return row ? { provider: row.provider, token: row.token } : undefined;
    },

    async deviceList(userId) {
      return selectDeviceList.all(userId).map((row) => new Uint8Array(row.record));
    },

    async appendDeviceList(userId, version, record) {
      return appendTx.immediate(userId, version, record);
    },

    async remove(userId, deviceId) {
      lists.delete(userId);
      deleteToken.run(userId, deviceId);
      return tombstone.run(userId, deviceId).changes > 0;
    },
  };
}
