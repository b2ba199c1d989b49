// An invitee's signed consent to be added to one group by one inviter: what lets an admin add a
// user whose "who can add me to groups" setting would refuse the admin, once the user accepted
// the admin's invitation. The server checks it against the identity key the invitee published.
import { concatBytes, uint32be, uint64be, utf8 } from '../bytes.js';
import { isPublicKey } from '../crypto/keys-format.js';
import { signXEdDSA, verifyXEdDSA } from '../crypto/library.js';
import { ParleyError } from '../errors.js';
import type { parley } from '../gen/parley.js';
import { isValidGroupId, isValidGroupUserId } from './validation.js';

/** A consent as the generated code takes it. */
export type GroupJoinConsentInit = parley.v1.GroupJoinConsent.$Properties;

const DOMAIN = 'parley-group-join-v1';

/**
 * The bytes a consent's signature covers (see `groups.proto`); INVALID_ARGUMENT when a field is
 * missing or malformed (ids that could contain the 0x00 separator never get this far).
 */
export function joinConsentSigningBytes(consent: GroupJoinConsentInit): Uint8Array {
  const { groupId, invitee, inviterUserId, expiresAt } = consent;
  const deviceId = invitee?.deviceId ?? 0;
  if (
    !isValidGroupId(groupId) ||
    !isValidGroupUserId(invitee?.userId) ||
    !isValidGroupUserId(inviterUserId) ||
    !Number.isInteger(deviceId) ||
    deviceId < 1 ||
    deviceId > 0xffffffff ||
    typeof expiresAt !== 'number' ||
    !Number.isSafeInteger(expiresAt) ||
    expiresAt < 1
  ) {
    throw new ParleyError(
      'INVALID_ARGUMENT',
      'a join consent needs a group, an invitee device, an inviter and an expiry',
    );
  }
  const zero = Uint8Array.of(0);
  return concatBytes(
    utf8(DOMAIN),
    zero,
    utf8(groupId),
    zero,
    utf8(invitee?.userId as string),
    zero,
    uint32be(deviceId),
    utf8(inviterUserId as string),
    zero,
    uint64be(expiresAt),
  );
}

/** Signs a consent with the invitee device's identity private key. */
export async function signJoinConsent(
  consent: Omit<GroupJoinConsentInit, 'signature'>,
  identityPrivateKey: Uint8Array,
): Promise<parley.v1.GroupJoinConsent.$Properties> {
  const signature = await signXEdDSA(identityPrivateKey, joinConsentSigningBytes(consent));
  return {
    groupId: consent.groupId ?? '',
    invitee: { userId: consent.invitee?.userId ?? '', deviceId: consent.invitee?.deviceId ?? 0 },
    inviterUserId: consent.inviterUserId ?? '',
    expiresAt: consent.expiresAt ?? 0,
    signature,
  };
}

/** Whether the consent is signed by `identityKey` (false for malformed consents and keys). */
export async function verifyJoinConsent(consent: GroupJoinConsentInit, identityKey: Uint8Array): Promise<boolean> {
  if (!isPublicKey(identityKey)) return false;
  let message: Uint8Array;
  try {
    message = joinConsentSigningBytes(consent);
  } catch {
    return false;
  }
  return verifyXEdDSA(identityKey, message, consent.signature ?? new Uint8Array());
}
