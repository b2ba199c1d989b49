export type { AuthAttempt, AuthContext, AuthDecision, Authenticator, DeviceLinkProof } from './authenticator.js';
export type { Bus } from './bus.js';
export { closeCode } from './connection.js';
export type { DeviceRecord, DeviceRegistry, RegisterResult } from './device-registry.js';
export type { GroupMemberStatus, GroupReceiptStatus, GroupReceiptStore } from './group-receipt-store.js';
export type { GroupStore } from './group-store.js';
export { type KeyAuthenticatorOptions, keyAuthenticator } from './key-authenticator.js';
export {
  type ClaimedBundle,
  type DeviceIdentity,
  type KeyDirectory,
  type KeyUpload,
  MAX_PREKEYS_PER_UPLOAD,
  type PreKey,
  type SignedPreKey,
} from './key-directory.js';
export { DEFAULT_LIMITS, type ServerLimits } from './limits.js';
export { type Logger, silentLogger } from './logger.js';
export { memoryBus } from './memory/memory-bus.js';
export { memoryDeviceRegistry } from './memory/memory-device-registry.js';
export { memoryDirectory } from './memory/memory-directory.js';
export { memoryGroupReceiptStore } from './memory/memory-group-receipt-store.js';
export { memoryGroupStore } from './memory/memory-group-store.js';
export { memoryKeyDirectory } from './memory/memory-key-directory.js';
export { memoryPresenceStore } from './memory/memory-presence-store.js';
export { type MemoryPushSink, memoryPushSink, type RecordedPush } from './memory/memory-push-sink.js';
export { memoryQueue } from './memory/memory-queue.js';
export { type MemoryRateLimiterOptions, memoryRateLimiter } from './memory/memory-rate-limiter.js';
export { type MemoryStoresOptions, memoryStores } from './memory/memory-stores.js';
export {
  DEFAULT_QUEUE_TTL_MS,
  type EnqueueOptions,
  type EnqueueResult,
  type OfflineQueue,
  type QueueEntry,
  type QueueItem,
  type QueueOptions,
  type SharedPayload,
} from './offline-queue.js';
export { canSeePresence, canSeeReadReceipts, type PresencePolicyDeps, sharesPresenceWith } from './presence-policy.js';
export {
  DEFAULT_PRIVACY,
  type LastSeenVisibility,
  MAX_CONTACTS,
  type PresenceStore,
  type PrivacySettings,
} from './presence-store.js';
export {
  DEFAULT_PRESENCE_COALESCE_MS,
  type DeviceGoneOptions,
  type PresenceState,
  type PresenceTracker,
  type PresenceTrackerOptions,
  presenceTracker,
} from './presence-tracker.js';
export {
  DEFAULT_PUSH_INTERVAL_MS,
  type PushCoalescer,
  type PushCoalescerOptions,
  pushCoalescer,
} from './push-coalescer.js';
export type { PushNotice, PushSink } from './push-sink.js';
export type { RateDecision, RateLimit, RateLimiter } from './rate-limiter.js';
export { type CreateServerOptions, createServer, type ParleyServer } from './server.js';
export type { DeviceLocation, SessionDirectory } from './session-directory.js';
export type { ServerStores } from './stores.js';
export { type SetTimer, systemTimer } from './timer.js';
export { type TokenAuthenticatorOptions, tokenAuthenticator } from './token-authenticator.js';
export { type Clock, type DeviceAddress, systemClock } from './types.js';
export {
  TYPING_EXPIRY_MS,
  type TypingChange,
  type TypingTracker,
  type TypingTrackerOptions,
  typingTracker,
} from './typing-tracker.js';
export {
  type WebhookPushSink,
  type WebhookPushSinkOptions,
  type WebhookPushStats,
  webhookPushSink,
} from './webhook-push-sink.js';
