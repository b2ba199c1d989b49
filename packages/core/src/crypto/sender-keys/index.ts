// Signal's Sender Keys for group messages, wire-compatible with the official library.
export { createSenderKeyDistribution, processSenderKeyDistribution } from './distribution.js';
export type { SenderKeyFailureReason } from './failures.js';
export { groupDecrypt, groupEncrypt, senderKeyMessageDistributionId } from './group-cipher.js';
export { SENDER_KEY_MAX_FORWARD_JUMPS, SENDER_KEY_MAX_SKIPPED_KEYS, SENDER_KEY_MAX_STATES } from './limits.js';
export type { SenderKeyRecord, SenderKeyState } from './record.js';
export { memorySenderKeyStore, type SenderKeyStore } from './store.js';
