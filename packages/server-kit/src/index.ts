export {
  DEFAULT_MAX_DEVICES_PER_USER,
  DEFAULT_REGISTRATIONS_PER_ADDRESS,
  type KeyAuthenticatorOptions,
  keyAuthenticator,
} from './auth/key-authenticator.js';
export { type TokenAuthenticatorOptions, tokenAuthenticator } from './auth/token-authenticator.js';
export { VerifiedKeyCache, type VerifiedKeyCacheOptions } from './auth/verified-key-cache.js';
export { isLoopbackAddress } from './contracts/addresses.js';
export type {
  AuthAttempt,
  AuthContext,
  AuthDecision,
  Authenticator,
  DeviceLinkProof,
} from './contracts/authenticator.js';
export type { Bus } from './contracts/bus.js';
export type {
  DeviceRecord,
  DeviceRegistry,
  RegisterFirstResult,
  RegisterResult,
} from './contracts/device-registry.js';
export type { GroupMemberStatus, GroupReceiptStatus, GroupReceiptStore } from './contracts/group-receipt-store.js';
export type { GroupListPage, GroupStore } from './contracts/group-store.js';
export {
  type ClaimedBundle,
  type DeviceIdentity,
  type KeyDirectory,
  type KeyUpload,
  MAX_PREKEYS_PER_UPLOAD,
  type PreKey,
  type SignedPreKey,
} from './contracts/key-directory.js';
export { DEFAULT_LIMITS, type ServerLimits } from './contracts/limits.js';
export { type Logger, silentLogger } from './contracts/logger.js';
export {
  DEFAULT_MAX_MEDIA_BYTES,
  DEFAULT_MEDIA_TTL_MS,
  isBlobId,
  type MediaBlob,
  type MediaBlobInfo,
  type MediaStore,
} from './contracts/media-store.js';
export { DEFAULT_MEDIA_TICKET_TTL_MS, type MediaTicket, type MediaTickets } from './contracts/media-tickets.js';
export {
  DEFAULT_QUEUE_TTL_MS,
  type EnqueueOptions,
  type EnqueueResult,
  type OfflineQueue,
  type QueueEntry,
  type QueueItem,
  type QueueOptions,
  type SharedPayload,
} from './contracts/offline-queue.js';
export {
  DEFAULT_PRIVACY,
  type GroupAddPolicy,
  type LastSeenVisibility,
  MAX_CONTACTS,
  type PresenceStore,
  type PrivacySettings,
} from './contracts/presence-store.js';
export type { PushNotice, PushSink } from './contracts/push-sink.js';
export type { RateDecision, RateLimit, RateLimiter, RateRequest } from './contracts/rate-limiter.js';
export type { DeviceLocation, SessionDirectory } from './contracts/session-directory.js';
export type { ServerStores } from './contracts/stores.js';
export { type SetTimer, systemTimer } from './contracts/timer.js';
export { type Clock, type DeviceAddress, systemClock } from './contracts/types.js';
export { closeCode } from './gateway/connection.js';
export { type FsMediaStoreOptions, fsMediaStore } from './media/fs-media-store.js';
export { DEFAULT_MEDIA_SETTINGS, type MediaSettings } from './media/media-requests.js';
export { memoryBus } from './memory/memory-bus.js';
export { memoryDeviceRegistry } from './memory/memory-device-registry.js';
export { memoryDirectory } from './memory/memory-directory.js';
export { memoryGroupReceiptStore } from './memory/memory-group-receipt-store.js';
export { memoryGroupStore } from './memory/memory-group-store.js';
export { memoryKeyDirectory } from './memory/memory-key-directory.js';
export { memoryMediaStore } from './memory/memory-media-store.js';
export { memoryMediaTickets } from './memory/memory-media-tickets.js';
export { memoryPresenceStore } from './memory/memory-presence-store.js';
export { type MemoryPushSink, memoryPushSink, type RecordedPush } from './memory/memory-push-sink.js';
export { memoryQueue } from './memory/memory-queue.js';
export { type MemoryRateLimiterOptions, memoryRateLimiter } from './memory/memory-rate-limiter.js';
export { type MemoryStoresOptions, memoryStores } from './memory/memory-stores.js';
export {
  canSeePresence,
  canSeeReadReceipts,
  type PresencePolicyDeps,
  sharesPresenceWith,
} from './presence/presence-policy.js';
export {
  DEFAULT_PRESENCE_COALESCE_MS,
  type DeviceGoneOptions,
  type PresenceState,
  type PresenceTracker,
  type PresenceTrackerOptions,
  presenceTracker,
} from './presence/presence-tracker.js';
export {
  TYPING_EXPIRY_MS,
  type TypingChange,
  type TypingTracker,
  type TypingTrackerOptions,
  typingTracker,
} from './presence/typing-tracker.js';
export {
  DEFAULT_PUSH_INTERVAL_MS,
  type PushCoalescer,
  type PushCoalescerOptions,
  pushCoalescer,
} from './push/push-coalescer.js';
export {
  type WebhookPushSink,
  type WebhookPushSinkOptions,
  type WebhookPushStats,
  webhookPushSink,
} from './push/webhook-push-sink.js';
export type {
  ClientBodyCase,
  ConnectionBodyCase,
  Handler,
  Middleware,
  Reply,
  RequestCase,
  RequestContext,
  RequestOf,
  RouteMiddleware,
  Routes,
} from './router/routes.js';
export { type CreateServerOptions, createServer, type ParleyServer } from './server.js';
