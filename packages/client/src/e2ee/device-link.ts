import { deviceLinkPayload, fromBase64, ParleyError, type parley, signWithAuthKey, toBase64 } from '@parley/core';
import type { DeviceIdentity } from '../device-identity.js';

// Linking a new device: the new device shows a link code; an existing device of the same user
// adds it to the user's signed device list and turns the code into a signed approval; the new device
// presents the approval on its first connection.

interface LinkCode {
  u: string;
  d: number;
  /** Auth key (Ed25519), for the server's approval. */
  k: string;
  /** Signal identity key, for the signed device list. */
  i: string;
}

interface Approval {
  a: number;
  d: number;
  k: string;
  e: number;
  s: string;
}

const encode = (value: object) => btoa(JSON.stringify(value));

function decode<T>(text: string): T {
  try {
    return JSON.parse(atob(text.trim())) as T;
  } catch (cause) {
    throw new ParleyError('INVALID_ARGUMENT', 'not a Parley device link string', { cause });
  }
}

export function linkCodeOf(identity: DeviceIdentity, signalIdentityKey: Uint8Array): string {
  return encode({
    u: identity.userId,
    d: identity.deviceId,
    k: toBase64(identity.authPublicKey),
    i: toBase64(signalIdentityKey),
  } satisfies LinkCode);
}

/**
 * Signs an approval for the device behind `code`; only for a device of the same user. `addToList`
 * first appends the device to the user's signed device list (so peers will trust it).
 */
export async function approveLinkCode(
  approver: DeviceIdentity,
  code: string,
  ttlMs: number,
  now: number,
  addToList: (deviceId: number, identityKey: Uint8Array) => Promise<void>,
): Promise<string> {
  const request = decode<LinkCode>(code);
  if (request.u !== approver.userId)
    throw new ParleyError('FORBIDDEN', 'a device can only approve devices of its own user');
  if (!Number.isInteger(request.d) || request.d <= 0)
    throw new ParleyError('INVALID_ARGUMENT', 'bad device id in link code');
  if (typeof request.k !== 'string' || typeof request.i !== 'string') {
    throw new ParleyError('INVALID_ARGUMENT', 'link code without keys (from an older client?)');
  }
  const key = fromBase64(request.k);
  await addToList(request.d, fromBase64(request.i));
  const expiresAt = now + ttlMs;
  const signature = await signWithAuthKey(
    approver.authPrivateKey,
    deviceLinkPayload(request.u, request.d, key, expiresAt),
  );
  return encode({
    a: approver.deviceId,
    d: request.d,
    k: request.k,
    e: expiresAt,
    s: toBase64(signature),
  } satisfies Approval);
}

export function parseApproval(approval: string): parley.v1.DeviceLink.$Properties {
  const a = decode<Approval>(approval);
  return {
    approverDeviceId: a.a,
    newDeviceId: a.d,
    newAuthKey: fromBase64(a.k),
    expiresAt: a.e,
    signature: fromBase64(a.s),
  };
}
