import type Database from 'better-sqlite3';
import {
  type ClaimedBundle,
  checkUploadSize,
  type DeviceIdentity,
  type KeyDirectory,
  type KeyUpload,
  type PreKey,
} from '../contracts/key-directory.js';
import type { DeviceAddress } from '../contracts/types.js';
import { committerFor } from './group-commit.js';
import { migrate } from './migrations.js';

/** Options of {@link sqliteKeyDirectory}. */
export interface SqliteKeyDirectoryOptions {
  /** An open better-sqlite3 database; the directory creates its tables in it. */
  db: Database.Database;
}

type Key = [userId: string, deviceId: number];

interface DeviceRow {
  device_id: number;
  registration_id: number;
  identity_key: Uint8Array;
  signed_key_id: number | null;
  signed_public_key: Uint8Array | null;
  signed_signature: Uint8Array | null;
  last_resort_key_id: number | null;
  last_resort_public_key: Uint8Array | null;
}

/** Copies out of the driver's Buffer: callers get a plain Uint8Array they cannot alias. */
const bytes = (b: Uint8Array): Uint8Array => new Uint8Array(b);

const DEVICE_COLUMNS = `device_id, registration_id, identity_key, signed_key_id, signed_public_key, signed_signature,
  last_resort_key_id, last_resort_public_key`;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.compare(a, b) === 0;
}

/**
 * A {@link KeyDirectory} in SQLite. Uploads, claims and removals each run in one transaction
 * (a savepoint in a group-committed batch) and resolve once committed; a claim deletes the key
 * it hands out within its transaction, so concurrent claims, even from other processes on the
 * same file, never share a key. Statements are prepared once.
 */
export function sqliteKeyDirectory(options: SqliteKeyDirectoryOptions): KeyDirectory {
  const { db } = options;
  migrate(db);
  const { submit } = committerFor(db);

  const getDevice = db.prepare<Key, DeviceRow>(
    `SELECT ${DEVICE_COLUMNS} FROM key_devices WHERE user_id = ? AND device_id = ?`,
  );
  const userDevices = db.prepare<[string], DeviceRow>(
    `SELECT ${DEVICE_COLUMNS} FROM key_devices WHERE user_id = ? ORDER BY device_id`,
  );
  const putDevice = db.prepare<[string, number, number, Uint8Array]>(
    `INSERT INTO key_devices (user_id, device_id, registration_id, identity_key) VALUES (?, ?, ?, ?)
     ON CONFLICT (user_id, device_id) DO UPDATE SET registration_id = excluded.registration_id,
       identity_key = excluded.identity_key`,
  );
  const resetDevice = db.prepare<Key>(
    `UPDATE key_devices SET signed_key_id = NULL, signed_public_key = NULL, signed_signature = NULL,
       last_resort_key_id = NULL, last_resort_public_key = NULL WHERE user_id = ? AND device_id = ?`,
  );
  const setSigned = db.prepare<[number, Uint8Array, Uint8Array, string, number]>(
    `UPDATE key_devices SET signed_key_id = ?, signed_public_key = ?, signed_signature = ?
     WHERE user_id = ? AND device_id = ?`,
  );
  const setLastResort = db.prepare<[number, Uint8Array, string, number]>(
    'UPDATE key_devices SET last_resort_key_id = ?, last_resort_public_key = ? WHERE user_id = ? AND device_id = ?',
  );
  // The unique index on (user, device, key id) makes a stored id a no-op, never a duplicate.
  const addOneTime = db.prepare<[string, number, number, Uint8Array]>(
    `INSERT INTO one_time_prekeys (user_id, device_id, key_id, public_key) VALUES (?, ?, ?, ?)
     ON CONFLICT (user_id, device_id, key_id) DO NOTHING`,
  );
  const takeOldest = db.prepare<Key, { key_id: number; public_key: Uint8Array }>(
    `DELETE FROM one_time_prekeys WHERE id = (
       SELECT id FROM one_time_prekeys WHERE user_id = ? AND device_id = ? ORDER BY id LIMIT 1
     ) RETURNING key_id, public_key`,
  );
  const countOneTime = db
    .prepare<Key, number>('SELECT count(*) FROM one_time_prekeys WHERE user_id = ? AND device_id = ?')
    .pluck();
  const deleteOneTime = db.prepare<Key>('DELETE FROM one_time_prekeys WHERE user_id = ? AND device_id = ?');
  const deleteDevice = db.prepare<Key>('DELETE FROM key_devices WHERE user_id = ? AND device_id = ?');

  const uploadTx = db.transaction((userId: string, deviceId: number, keys: KeyUpload): number => {
    const stored = getDevice.get(userId, deviceId);
    if (stored && !sameBytes(stored.identity_key, keys.identityKey)) {
      // A new installation: whatever was stored belongs to lost private keys.
      deleteOneTime.run(userId, deviceId);
      resetDevice.run(userId, deviceId);
    }
    putDevice.run(userId, deviceId, keys.registrationId, keys.identityKey);
    const signed = keys.signedPreKey;
    if (signed) setSigned.run(signed.keyId, signed.publicKey, signed.signature, userId, deviceId);
    const last = keys.lastResortPreKey;
    if (last) setLastResort.run(last.keyId, last.publicKey, userId, deviceId);
    for (const k of keys.oneTimePreKeys) addOneTime.run(userId, deviceId, k.keyId, k.publicKey);
    return countOneTime.get(userId, deviceId) ?? 0;
  });

  const claimTx = db.transaction((userId: string, deviceIds: number[] | 'all'): ClaimedBundle[] => {
    const rows =
      deviceIds === 'all'
        ? userDevices.all(userId)
        : [...new Set(deviceIds)]
            .sort((a, b) => a - b)
            .flatMap((deviceId) => {
              const row = getDevice.get(userId, deviceId);
              return row ? [row] : [];
            });
    const out: ClaimedBundle[] = [];
    for (const row of rows) {
      if (row.signed_key_id === null || row.signed_public_key === null || row.signed_signature === null) continue;
      const taken = takeOldest.get(userId, row.device_id);
      let prekey: PreKey | undefined;
      if (taken) prekey = { keyId: taken.key_id, publicKey: bytes(taken.public_key) };
      else if (row.last_resort_key_id !== null && row.last_resort_public_key !== null) {
        prekey = { keyId: row.last_resort_key_id, publicKey: bytes(row.last_resort_public_key) };
      }
      out.push({
        deviceId: row.device_id,
        registrationId: row.registration_id,
        identityKey: bytes(row.identity_key),
        signedPreKey: {
          keyId: row.signed_key_id,
          publicKey: bytes(row.signed_public_key),
          signature: bytes(row.signed_signature),
        },
        ...(prekey ? { prekey } : {}),
        lastResort: !taken && prekey !== undefined,
        oneTimeRemaining: countOneTime.get(userId, row.device_id) ?? 0,
      });
    }
    return out;
  });

  const removeTx = db.transaction((userId: string, deviceId: number): void => {
    deleteOneTime.run(userId, deviceId);
    deleteDevice.run(userId, deviceId);
  });

  return {
    async upload(device, keys) {
      checkUploadSize(keys);
      // Snapshot now: the write runs later in the batch, and the caller may reuse its buffers.
      const snapshot: KeyUpload = {
        registrationId: keys.registrationId,
        identityKey: bytes(keys.identityKey),
        oneTimePreKeys: keys.oneTimePreKeys.map((k) => ({ keyId: k.keyId, publicKey: bytes(k.publicKey) })),
        ...(keys.signedPreKey
          ? {
              signedPreKey: {
                keyId: keys.signedPreKey.keyId,
                publicKey: bytes(keys.signedPreKey.publicKey),
                signature: bytes(keys.signedPreKey.signature),
              },
            }
          : {}),
        ...(keys.lastResortPreKey
          ? {
              lastResortPreKey: {
                keyId: keys.lastResortPreKey.keyId,
                publicKey: bytes(keys.lastResortPreKey.publicKey),
              },
            }
          : {}),
      };
      const { userId, deviceId } = device;
      return submit(() => uploadTx(userId, deviceId, snapshot));
    },

    async claimBundles(userId, deviceIds) {
      const ids = deviceIds === 'all' ? 'all' : [...deviceIds];
      if (ids !== 'all' && ids.length === 0) return [];
      return submit(() => claimTx(userId, ids));
    },

    async count(device) {
      return countOneTime.get(device.userId, device.deviceId) ?? 0;
    },

    async identity(device: DeviceAddress): Promise<DeviceIdentity | undefined> {
      const row = getDevice.get(device.userId, device.deviceId);
      return row ? { identityKey: bytes(row.identity_key), registrationId: row.registration_id } : undefined;
    },

    async remove(device) {
      const { userId, deviceId } = device;
      await submit(() => removeTx(userId, deviceId));
    },
  };
}
