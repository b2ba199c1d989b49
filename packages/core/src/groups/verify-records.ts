import { ParleyError } from '../errors.js';
import { type ApplyGroupRecordOptions, applyGroupRecord } from './apply-record.js';
import { decodeGroupRecord } from './record-encoding.js';
import { verifyGroupRecordSignature } from './record-signature.js';
import type { GroupSnapshot } from './snapshot.js';

/** Where {@link verifyGroupRecords} starts. */
export interface VerifyGroupRecordsOptions extends ApplyGroupRecordOptions {
  /** The verified state the records follow; none when they start at version 1. */
  state?: GroupSnapshot | undefined;
}

/**
 * Verifies a run of encoded records (as `GroupHistory` or queued envelopes bring them) and applies
 * them in order: each signature must verify (BAD_SIGNATURE) and each record must pass
 * {@link applyGroupRecord} on the state before it. Resolves with the state after the last record.
 * The caller still checks that each `actor_identity_key` is the identity key it trusts for the actor.
 */
export async function verifyGroupRecords(
  records: readonly Uint8Array[],
  options: VerifyGroupRecordsOptions = {},
): Promise<GroupSnapshot | undefined> {
  let state = options.state;
  let prevEncoded = options.prevEncoded;
  for (const encoded of records) {
    const record = decodeGroupRecord(encoded);
    if (!(await verifyGroupRecordSignature(record))) {
      throw new ParleyError('BAD_SIGNATURE', `group record version ${record.version} is not validly signed`);
    }
    state = applyGroupRecord(state, record, { maxMembers: options.maxMembers, prevEncoded });
    prevEncoded = encoded;
  }
  return state;
}
