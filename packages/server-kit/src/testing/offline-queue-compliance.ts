import { describe } from 'vitest';
import type { OfflineQueue } from '../contracts/offline-queue.js';
import { type ComplianceContext, type ComplianceOptions, useFixture } from './fixture.js';
import { ackTests } from './offline-queue/ack.js';
import { callOrderTests } from './offline-queue/call-order.js';
import { capacityAndAtomicityTests } from './offline-queue/capacity-and-atomicity.js';
import { enqueueAndReadTests } from './offline-queue/enqueue-and-read.js';
import { expiryTests } from './offline-queue/expiry.js';
import { fanOutCallsTests } from './offline-queue/fan-out-calls.js';
import { idempotencyTests } from './offline-queue/idempotency.js';
import { isolationAndClearTests } from './offline-queue/isolation-and-clear.js';
import { perSenderShareTests } from './offline-queue/per-sender-share.js';
import { sharedPayloadsTests } from './offline-queue/shared-payloads.js';
import { storageTimeTests } from './offline-queue/storage-time.js';
import { TTL_MS } from './offline-queue/suite-helpers.js';

/** What the offline queue suite hands to `create`. */
export interface OfflineQueueComplianceContext extends ComplianceContext {
  /** The entry lifetime the queue must use (not the 30-day default, to catch an ignored option). */
  ttlMs: number;
}

/**
 * Runs the {@link OfflineQueue} guarantees against an implementation. One block per file in
 * `offline-queue/`, each run with the same fixture (a fresh queue and clock per test).
 */
export function offlineQueueCompliance(options: ComplianceOptions<OfflineQueue, OfflineQueueComplianceContext>): void {
  describe(`OfflineQueue compliance: ${options.name}`, () => {
    const fx = useFixture(options, { ttlMs: TTL_MS });
    enqueueAndReadTests(fx);
    idempotencyTests(fx);
    ackTests(fx);
    expiryTests(fx);
    perSenderShareTests(fx);
    storageTimeTests(fx);
    capacityAndAtomicityTests(fx);
    sharedPayloadsTests(fx);
    fanOutCallsTests(fx);
    callOrderTests(fx);
    isolationAndClearTests(fx);
  });
}
