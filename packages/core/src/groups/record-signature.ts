import { isPublicKey } from '../crypto/keys-format.js';
import { signXEdDSA, verifyXEdDSA } from '../crypto/library.js';
import { ParleyError } from '../errors.js';
import { parley } from '../gen/parley.js';
import { canonicalGroupRecord, encodeRecordForSigning, type GroupRecordInit } from './record-encoding.js';

/**
 * Signs a record with the actor device's identity private key (XEdDSA, as Signal signs prekeys) over
 * {@link encodeRecordForSigning}. The record must already carry everything else, including
 * `actor_identity_key` (the public half). Resolves with the record in canonical form, signed.
 */
export async function signGroupRecord(
  record: GroupRecordInit,
  identityPrivateKey: Uint8Array,
): Promise<parley.v1.GroupRecord.$Properties> {
  if (!isPublicKey(record.actorIdentityKey)) {
    throw new ParleyError('INVALID_ARGUMENT', 'set actor_identity_key (33-byte identity public key) before signing');
  }
  const unsigned = canonicalGroupRecord(record, false);
  const signature = await signXEdDSA(identityPrivateKey, parley.v1.GroupRecord.encode(unsigned).finish());
  return { ...unsigned, signature };
}

/**
 * Whether `signature` is a valid XEdDSA signature by `actor_identity_key` over the record's signing
 * encoding. False for malformed records and keys. Whether that key really belongs to the actor
 * device is for the caller to check against the identity keys it trusts.
 */
export async function verifyGroupRecordSignature(record: GroupRecordInit): Promise<boolean> {
  let message: Uint8Array;
  try {
    message = encodeRecordForSigning(record);
  } catch {
    return false;
  }
  return verifyXEdDSA(record.actorIdentityKey ?? new Uint8Array(), message, record.signature ?? new Uint8Array());
}
