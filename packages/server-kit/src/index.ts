export type { AuthAttempt, AuthContext, AuthDecision, Authenticator, DeviceLinkProof } from './authenticator.js';
export type { Bus } from './bus.js';
export { closeCode } from './connection.js';
export type { DeviceRecord, DeviceRegistry, RegisterResult } from './device-registry.js';
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
export { memoryKeyDirectory } from './memory/memory-key-directory.js';
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
} from './offline-queue.js';
export type { RateDecision, RateLimit, RateLimiter } from './rate-limiter.js';
export { type CreateServerOptions, createServer, type ParleyServer } from './server.js';
export type { DeviceLocation, SessionDirectory } from './session-directory.js';
export type { ServerStores } from './stores.js';
export { type TokenAuthenticatorOptions, tokenAuthenticator } from './token-authenticator.js';
export { type Clock, type DeviceAddress, systemClock } from './types.js';
