import type { Pool } from 'pg';
import {
  type ClaimedBundle,
  checkUploadSize,
  type DeviceIdentity,
  type KeyDirectory,
  type PreKey,
} from '../contracts/key-directory.js';
import type { DeviceAddress } from '../contracts/types.js';
import type { PostgresSchemaOptions } from './migrations.js';
import { bytes, num, pgContext, statement } from './pg-db.js';
import type { PostgresTimeoutOptions } from './pg-timeouts.js';

/** Options of {@link postgresKeyDirectory}. */
export interface PostgresKeyDirectoryOptions extends PostgresSchemaOptions, PostgresTimeoutOptions {
  /** A pg Pool; the directory creates its tables in its schema and never ends the pool. */
  pool: Pool;
}

interface BundleRow {
  device_id: string;
  registration_id: string;
  identity_key: Uint8Array;
  signed_key_id: string;
  signed_public_key: Uint8Array;
  signed_signature: Uint8Array;
  last_resort_key_id: string | null;
  last_resort_public_key: Uint8Array | null;
  taken_key_id: string | null;
  taken_public_key: Uint8Array | null;
  /** One-time prekeys of the device in the statement's snapshot, the taken one included. */
  before: number;
}

/** Byte-wise equality of two keys. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.compare(a, b) === 0;
}

/**
 * A {@link KeyDirectory} in PostgreSQL, for many gateways sharing one database.
 *
 * A claim is one statement: for each device it locks the oldest one-time prekey with
 * `FOR UPDATE SKIP LOCKED` and deletes it, so concurrent claims (from any gateway) each take a
 * different key and never wait for each other; a claim that finds every remaining key taken by
 * a claim in flight hands out the last-resort key. Uploads run in one transaction that first
 * locks the device's row, so an identity change and the keys uploaded with it land together.
 */
export function postgresKeyDirectory(options: PostgresKeyDirectoryOptions): KeyDirectory {
  const db = pgContext(options.pool, options.schema, options.timeouts);
  const { s } = db;
  const where = 'user_id = $1::text AND device_id = $2::bigint';

  const sql = {
    create: statement(`
      INSERT INTO ${s}.key_devices (user_id, device_id, registration_id, identity_key)
      VALUES ($1::text, $2::bigint, $3::bigint, $4::bytea) ON CONFLICT (user_id, device_id) DO NOTHING`),
    lockIdentity: statement(`SELECT identity_key FROM ${s}.key_devices WHERE ${where} FOR UPDATE`),
    dropOneTime: statement(`DELETE FROM ${s}.one_time_prekeys WHERE ${where}`),
    // A signed or last-resort key is replaced when given, dropped on an identity change ($10), else kept.
    update: statement(`
      UPDATE ${s}.key_devices SET registration_id = $3::bigint, identity_key = $4::bytea,
        signed_key_id = CASE WHEN $5::bigint IS NOT NULL THEN $5::bigint WHEN $10::boolean THEN NULL ELSE signed_key_id END,
        signed_public_key = CASE WHEN $5::bigint IS NOT NULL THEN $6::bytea WHEN $10::boolean THEN NULL ELSE signed_public_key END,
        signed_signature = CASE WHEN $5::bigint IS NOT NULL THEN $7::bytea WHEN $10::boolean THEN NULL ELSE signed_signature END,
        last_resort_key_id = CASE WHEN $8::bigint IS NOT NULL THEN $8::bigint WHEN $10::boolean THEN NULL ELSE last_resort_key_id END,
        last_resort_public_key = CASE WHEN $8::bigint IS NOT NULL THEN $9::bytea WHEN $10::boolean THEN NULL ELSE last_resort_public_key END
      WHERE ${where}`),
    // Inserted in upload order (claims take the oldest first); a stored key id is left as it is.
    // The count is the snapshot's plus what this statement inserted.
    addOneTime: statement(`
      WITH ins AS (
        INSERT INTO ${s}.one_time_prekeys (user_id, device_id, key_id, public_key)
        SELECT $1::text, $2::bigint, k, p FROM unnest($3::bigint[], $4::bytea[]) WITH ORDINALITY AS t(k, p, i) ORDER BY i
        ON CONFLICT (user_id, device_id, key_id) DO NOTHING RETURNING 1)
      SELECT ((SELECT count(*) FROM ${s}.one_time_prekeys WHERE ${where}) + (SELECT count(*) FROM ins))::int AS n`),
    claim: statement(`
      WITH devs AS (
        SELECT device_id, registration_id, identity_key, signed_key_id, signed_public_key, signed_signature,
          last_resort_key_id, last_resort_public_key
        FROM ${s}.key_devices
        WHERE user_id = $1::text AND ($2::bigint[] IS NULL OR device_id = ANY($2::bigint[]))
          AND signed_key_id IS NOT NULL),
      pick AS (
        SELECT k.id FROM devs CROSS JOIN LATERAL (
          SELECT o.id FROM ${s}.one_time_prekeys o WHERE o.user_id = $1::text AND o.device_id = devs.device_id
          ORDER BY o.id LIMIT 1 FOR UPDATE SKIP LOCKED) k),
      taken AS (
        DELETE FROM ${s}.one_time_prekeys o USING pick WHERE o.id = pick.id
        RETURNING o.device_id, o.key_id, o.public_key)
      SELECT devs.*, taken.key_id AS taken_key_id, taken.public_key AS taken_public_key,
        (SELECT count(*)::int FROM ${s}.one_time_prekeys c
         WHERE c.user_id = $1::text AND c.device_id = devs.device_id) AS before
      FROM devs LEFT JOIN taken ON taken.device_id = devs.device_id
      ORDER BY devs.device_id`),
    count: statement(`SELECT count(*)::int AS n FROM ${s}.one_time_prekeys WHERE ${where}`),
    identity: statement(`SELECT identity_key, registration_id FROM ${s}.key_devices WHERE ${where}`),
    remove: statement(`
      WITH k AS (DELETE FROM ${s}.one_time_prekeys WHERE ${where})
      DELETE FROM ${s}.key_devices WHERE ${where}`),
  };

  const toBundle = (row: BundleRow): ClaimedBundle => {
    let prekey: PreKey | undefined;
    if (row.taken_key_id !== null && row.taken_public_key !== null) {
      prekey = { keyId: num(row.taken_key_id), publicKey: bytes(row.taken_public_key) };
    } else if (row.last_resort_key_id !== null && row.last_resort_public_key !== null) {
      prekey = { keyId: num(row.last_resort_key_id), publicKey: bytes(row.last_resort_public_key) };
    }
    const taken = row.taken_key_id !== null;
    return {
      deviceId: num(row.device_id),
      registrationId: num(row.registration_id),
      identityKey: bytes(row.identity_key),
      signedPreKey: {
        keyId: num(row.signed_key_id),
        publicKey: bytes(row.signed_public_key),
        signature: bytes(row.signed_signature),
      },
      ...(prekey ? { prekey } : {}),
      lastResort: !taken && prekey !== undefined,
      oneTimeRemaining: Math.max(0, row.before - (taken ? 1 : 0)),
    };
  };

  return {
    async upload(device, keys) {
      checkUploadSize(keys);
      const { userId, deviceId } = device;
      // Parameters are built now, as copies: the caller may reuse its buffers meanwhile.
      const identityKey = new Uint8Array(keys.identityKey);
      const signed = keys.signedPreKey;
      const last = keys.lastResortPreKey;
      const fields = [
        keys.registrationId,
        identityKey,
        signed ? signed.keyId : null,
        signed ? new Uint8Array(signed.publicKey) : null,
        signed ? new Uint8Array(signed.signature) : null,
        last ? last.keyId : null,
        last ? new Uint8Array(last.publicKey) : null,
      ];
      const oneTimeIds = keys.oneTimePreKeys.map((k) => k.keyId);
      const oneTimeKeys = keys.oneTimePreKeys.map((k) => new Uint8Array(k.publicKey));
      return db.transaction(async (tx) => {
        const created = await tx.run(sql.create, [userId, deviceId, keys.registrationId, identityKey]);
        let reinstalled = false;
        if (!created.rowCount) {
          const stored = (await tx.run<{ identity_key: Uint8Array }>(sql.lockIdentity, [userId, deviceId])).rows[0];
          // A new installation: whatever was stored belongs to lost private keys.
          if (stored && !sameBytes(stored.identity_key, identityKey)) {
            reinstalled = true;
            await tx.run(sql.dropOneTime, [userId, deviceId]);
          }
        }
        await tx.run(sql.update, [userId, deviceId, ...fields, reinstalled]);
        const { rows } = await tx.run<{ n: number }>(sql.addOneTime, [userId, deviceId, oneTimeIds, oneTimeKeys]);
        return rows[0]?.n ?? 0;
      });
    },

    async claimBundles(userId, deviceIds) {
      if (deviceIds !== 'all' && deviceIds.length === 0) return [];
      const ids = deviceIds === 'all' ? null : [...deviceIds];
      const { rows } = await db.run<BundleRow>(sql.claim, [userId, ids]);
      return rows.map(toBundle);
    },

    async count(device) {
      const { rows } = await db.run<{ n: number }>(sql.count, [device.userId, device.deviceId]);
      return rows[0]?.n ?? 0;
    },

    async identity(device: DeviceAddress): Promise<DeviceIdentity | undefined> {
      const { rows } = await db.run<{ identity_key: Uint8Array; registration_id: string }>(sql.identity, [
        device.userId,
        device.deviceId,
      ]);
      const row = rows[0];
      return row ? { identityKey: bytes(row.identity_key), registrationId: num(row.registration_id) } : undefined;
    },

    async remove(device) {
      await db.run(sql.remove, [device.userId, device.deviceId]);
    },
  };
}
