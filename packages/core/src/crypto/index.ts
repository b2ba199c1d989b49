// Parley's end-to-end encryption: Signal-protocol pairwise sessions behind Parley's own interface.

export {
  generateDeviceKeys,
  generateLastResortPreKey,
  generatePreKeys,
  generateRegistrationId,
  generateSignedPreKey,
  type KeysUpload,
  keysUpload,
  MAX_PREKEY_ID,
  type PreKeyBundle,
  type PublicPreKey,
  preKeyBundleFromProto,
  type SignedPublicPreKey,
  toPublicPreKey,
  toSignedPublicPreKey,
  verifySignedPreKey,
} from './keys.js';
export { type CurveBackend, getCurveBackend, setCurveBackend, signXEdDSA, verifyXEdDSA } from './library.js';
export { memorySignalStore } from './memory-signal-store.js';
export { fromPayloadType, PAYLOAD_TYPES, type SignalMessageType, toPayloadType } from './message-type.js';
export type { IdentityChange } from './operation.js';
export { PADDING_BLOCK_SIZE, padContent, unpadContent } from './padding.js';
export { SAFETY_NUMBER_ITERATIONS, safetyNumber } from './safety-number.js';
export {
  createSenderKeyDistribution,
  groupDecrypt,
  groupEncrypt,
  memorySenderKeyStore,
  processSenderKeyDistribution,
  SENDER_KEY_MAX_FORWARD_JUMPS,
  SENDER_KEY_MAX_SKIPPED_KEYS,
  SENDER_KEY_MAX_STATES,
  type SenderKeyFailureReason,
  type SenderKeyRecord,
  type SenderKeyState,
  type SenderKeyStore,
  senderKeyMessageDistributionId,
} from './sender-keys/index.js';
export {
  type DecryptFailureReason,
  type DecryptResult,
  decrypt,
  deleteSession,
  type EncryptedMessage,
  encrypt,
  hasSession,
  type StartSessionResult,
  startSession,
} from './sessions.js';
export type {
  KeyPair,
  LocalIdentity,
  PreKeyRecord,
  SignalAddress,
  SignalStore,
  SignedPreKeyRecord,
} from './signal-store.js';
