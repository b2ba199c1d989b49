// Signed group membership records: the rules server and clients both run.
export { type ApplyGroupRecordOptions, applyGroupRecord } from './apply-record.js';
export {
  type GroupJoinConsentInit,
  joinConsentSigningBytes,
  signJoinConsent,
  verifyJoinConsent,
} from './join-consent.js';
export {
  canonicalGroupRecord,
  decodeGroupRecord,
  encodeGroupRecord,
  encodeRecordForSigning,
  GROUP_ACTIONS,
  type GroupAction,
  type GroupRecordInit,
  groupRecordAction,
  groupRecordHash,
} from './record-encoding.js';
export { signGroupRecord, verifyGroupRecordSignature } from './record-signature.js';
export {
  copySnapshot,
  DEFAULT_MAX_GROUP_MEMBERS,
  fromGroupRole,
  fromGroupState,
  type GroupRoleName,
  type GroupSnapshot,
  type GroupSnapshotMember,
  toGroupRole,
  toGroupState,
} from './snapshot.js';
export {
  DISAPPEARING_TIMERS,
  type DisappearingTimer,
  isDisappearingTimer,
  isValidGroupId,
  isValidGroupUserId,
  MAX_GROUP_DESCRIPTION_LENGTH,
  MAX_GROUP_NAME_LENGTH,
} from './validation.js';
export { type VerifyGroupRecordsOptions, verifyGroupRecords } from './verify-records.js';
