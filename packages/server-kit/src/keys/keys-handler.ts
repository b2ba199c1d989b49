import type { parley } from '@parley/core';
import { ParleyError } from '@parley/core';
import {
  type ClaimedBundle,
  type KeyUpload,
  MAX_PREKEYS_PER_UPLOAD,
  type PreKey,
  type SignedPreKey,
} from '../contracts/key-directory.js';
import type { ServerLimits } from '../contracts/limits.js';
import type { ServerStores } from '../contracts/stores.js';
import type { DeviceAddress } from '../contracts/types.js';
import type { Routes } from '../router/routes.js';

/** What the key routes use: the key directory, devices and the fetch rate limit. */
export interface KeysPorts {
  stores: Pick<ServerStores, 'keys' | 'devices' | 'rateLimiter'>;
  limits: Pick<
    ServerLimits,
    'keyFetchesPerMinute' | 'keyFetchesPerTargetPerHour' | 'maxStoredPreKeys' | 'prekeyLowWater' | 'maxPreKeysPerUpload'
  >;
  /** Tells the device, when it is connected to this gateway, that its one-time prekeys run low. Best effort. */
  notifyPreKeysLow(device: DeviceAddress, oneTimeRemaining: number): void;
}

type UploadResult = parley.v1.KeysUploadResult.$Properties;

/**
 * Largest key or signature accepted. Keys stay opaque (the server never parses or verifies them),
 * but a Signal public key is 33 bytes and a signature 64, so anything past this is not a key.
 */
const MAX_KEY_BYTES = 256;

function keyBytes(value: Uint8Array | null | undefined, what: string): Uint8Array {
  if (!value || value.byteLength === 0 || value.byteLength > MAX_KEY_BYTES) {
    throw new ParleyError('INVALID_ARGUMENT', `${what} must be 1-${MAX_KEY_BYTES} bytes`);
  }
  return value;
}

function preKey(k: parley.v1.PreKey.$Properties, what: string): PreKey {
  return { keyId: k.keyId ?? 0, publicKey: keyBytes(k.publicKey, `${what} public_key`) };
}

function signedPreKey(k: parley.v1.SignedPreKey.$Properties): SignedPreKey {
  return { ...preKey(k, 'signed_prekey'), signature: keyBytes(k.signature, 'signed_prekey signature') };
}

/**
 * Stores the uploading device's keys and records its registration id in the device registry.
 * The device is always the authenticated one: nobody can publish keys for another device.
 */
export async function handleKeysUpload(
  ctx: KeysPorts,
  device: DeviceAddress,
  upload: parley.v1.KeysUpload.$Properties,
): Promise<UploadResult> {
  const oneTime = upload.oneTimePrekeys ?? [];
  const max = Math.min(ctx.limits.maxPreKeysPerUpload, MAX_PREKEYS_PER_UPLOAD);
  if (oneTime.length > max) {
    throw new ParleyError('INVALID_ARGUMENT', `at most ${max} one-time prekeys per upload (got ${oneTime.length})`);
  }
  // 0 means "no keys uploaded yet" in the device registry.
  const registrationId = upload.registrationId ?? 0;
  if (registrationId === 0) throw new ParleyError('INVALID_ARGUMENT', 'registration_id must not be 0');
  const keys: KeyUpload = {
    registrationId,
    identityKey: keyBytes(upload.identityKey, 'identity_key'),
    oneTimePreKeys: oneTime.map((k) => preKey(k, 'one-time prekey')),
    ...(upload.signedPrekey ? { signedPreKey: signedPreKey(upload.signedPrekey) } : {}),
    ...(upload.lastResortPrekey ? { lastResortPreKey: preKey(upload.lastResortPrekey, 'last_resort_prekey') } : {}),
  };
  // Keys first: a failure after this leaves the registry one upload behind, and the client's
  // retry (uploads are idempotent) brings it in step.
  // Bounded per device: one device cannot grow the key store without limit. A device uploads at most
  // one batch at a time (its requests are handled in order), so the check cannot be raced past.
  if (keys.oneTimePreKeys.length > 0) {
    const stored = await ctx.stores.keys.count(device);
    if (stored + keys.oneTimePreKeys.length > ctx.limits.maxStoredPreKeys) {
      throw new ParleyError(
        'INVALID_ARGUMENT',
        `a device may store at most ${ctx.limits.maxStoredPreKeys} one-time prekeys (has ${stored})`,
      );
    }
  }
  const oneTimeRemaining = await ctx.stores.keys.upload(device, keys);
  await ctx.stores.devices.setRegistrationId(device.userId, device.deviceId, registrationId);
  return { oneTimeRemaining };
}

/**
 * Claims one prekey bundle for each current device of a user (or the asked ones), rate-limited
 * per requesting device. The requester's own device is never included. Devices that are not
 * current (unknown, removed) or have not uploaded a signed prekey are left out; an unknown user
 * is UNKNOWN_RECIPIENT.
 */
export async function handleKeysFetch(
  ctx: KeysPorts,
  requester: DeviceAddress,
  fetch: parley.v1.KeysFetch.$Properties,
): Promise<parley.v1.KeysBundles.$Properties> {
  const perMinute = ctx.limits.keyFetchesPerMinute;
  const decision = await ctx.stores.rateLimiter.consume(
    `keys-fetch\u0000${requester.userId}\u0000${requester.deviceId}`,
    1,
    { capacity: perMinute, refillPerSecond: perMinute / 60 },
  );
  if (!decision.allowed) {
    throw new ParleyError('RATE_LIMITED', 'too many prekey bundle fetches', { retryAfterMs: decision.retryAfterMs });
  }
  const userId = fetch.userId;
  if (!userId) throw new ParleyError('INVALID_ARGUMENT', 'keys_fetch needs a user_id');
  // Also per target, all requesters together: many requesting devices cannot drain one user's keys.
  const perHour = ctx.limits.keyFetchesPerTargetPerHour;
  const target = await ctx.stores.rateLimiter.consume(`keys-target\u0000${userId}`, 1, {
    capacity: perHour,
    refillPerSecond: perHour / 3600,
  });
  if (!target.allowed) {
    throw new ParleyError('RATE_LIMITED', `too many prekey bundle fetches of ${userId}`, {
      retryAfterMs: target.retryAfterMs,
    });
  }
  const current = await ctx.stores.devices.list(userId);
  if (current.length === 0) throw new ParleyError('UNKNOWN_RECIPIENT', `user ${userId} has no registered device`);
  const asked = fetch.deviceIds?.length ? new Set(fetch.deviceIds) : undefined;
  const ids = current
    .map((d) => d.deviceId)
    .filter((id) => (!asked || asked.has(id)) && !(userId === requester.userId && id === requester.deviceId));
  const bundles = ids.length ? await ctx.stores.keys.claimBundles(userId, ids) : [];
  for (const b of bundles) {
    // Only a claim that took a one-time key changes the count; the device checks on connect too.
    if (b.prekey && !b.lastResort && b.oneTimeRemaining < ctx.limits.prekeyLowWater) {
      ctx.notifyPreKeysLow({ userId, deviceId: b.deviceId }, b.oneTimeRemaining);
    }
  }
  return { bundles: bundles.map((b) => toBundle(userId, b)) };
}

/** How many one-time prekeys the server holds for the requesting device. */
export async function handleKeysCount(ctx: KeysPorts, device: DeviceAddress): Promise<UploadResult> {
  return { oneTimeRemaining: await ctx.stores.keys.count(device) };
}

function toBundle(userId: string, b: ClaimedBundle): parley.v1.PreKeyBundle.$Properties {
  return {
    address: { userId, deviceId: b.deviceId },
    registrationId: b.registrationId,
    identityKey: b.identityKey,
    signedPrekey: {
      keyId: b.signedPreKey.keyId,
      publicKey: b.signedPreKey.publicKey,
      signature: b.signedPreKey.signature,
    },
    ...(b.prekey ? { prekey: { keyId: b.prekey.keyId, publicKey: b.prekey.publicKey } } : {}),
  };
}

/** The key routes: upload, fetch (claims one-time prekeys) and count. */
export function keysRoutes(ports: KeysPorts): Pick<Routes, 'keysUpload' | 'keysFetch' | 'keysCount'> {
  return {
    keysUpload: async (request, { device }) => ({ keysUploadResult: await handleKeysUpload(ports, device, request) }),
    keysFetch: async (request, { device }) => ({ keysBundles: await handleKeysFetch(ports, device, request) }),
    keysCount: async (_request, { device }) => ({ keysUploadResult: await handleKeysCount(ports, device) }),
  };
}
