/**
 * Compliance suites for every pluggable part (subpath `@parley/server-kit/testing`). Each
 * registers vitest tests (vitest is an optional peer dependency); run one per implementation.
 *
 * @example
 * offlineQueueCompliance({ name: 'memory', create: async ({ clock, ttlMs }) => memoryQueue({ clock, ttlMs }) });
 */
export { busCompliance } from './bus-compliance.js';
export { deviceRegistryCompliance } from './device-registry-compliance.js';
export {
  type ComplianceContext,
  type ComplianceOptions,
  type FakeClock,
  fakeClock,
} from './fixture.js';
export { groupReceiptStoreCompliance } from './group-receipt-store-compliance.js';
export { type GroupStoreComplianceOptions, groupStoreCompliance } from './group-store-compliance.js';
export { keyDirectoryCompliance } from './key-directory-compliance.js';
export { type ManualTimers, manualTimers } from './manual-timers.js';
export { type OfflineQueueComplianceContext, offlineQueueCompliance } from './offline-queue-compliance.js';
export { presenceStoreCompliance } from './presence-store-compliance.js';
export { type RateLimiterComplianceContext, rateLimiterCompliance } from './rate-limiter-compliance.js';
export { sessionDirectoryCompliance } from './session-directory-compliance.js';
