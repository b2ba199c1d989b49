import type { RateLimiter } from '../contracts/rate-limiter.js';
import type { ServerStores } from '../contracts/stores.js';
import type { Clock } from '../contracts/types.js';
import { memoryBus } from './memory-bus.js';
import { memoryDeviceRegistry } from './memory-device-registry.js';
import { memoryDirectory } from './memory-directory.js';
import { memoryGroupReceiptStore } from './memory-group-receipt-store.js';
import { memoryGroupStore } from './memory-group-store.js';
import { memoryKeyDirectory } from './memory-key-directory.js';
import { memoryMediaStore } from './memory-media-store.js';
import { memoryMediaTickets } from './memory-media-tickets.js';
import { memoryPresenceStore } from './memory-presence-store.js';
import { memoryQueue } from './memory-queue.js';
import { memoryRateLimiter } from './memory-rate-limiter.js';

/** Options of {@link memoryStores}. */
export interface MemoryStoresOptions {
  clock?: Clock;
  /** Offline queue entry lifetime; default 30 days. */
  queueTtlMs?: number;
}

/**
 * The rate limiter of the bundled stores: in memory, 60 per minute by default. The gateway passes
 * its own bucket shape per purpose (`ServerLimits.keyFetchesPerMinute`), so this default only
 * applies to callers that pass none. @internal
 */
export function defaultRateLimiter(withClock: { clock?: Clock }): RateLimiter {
  return memoryRateLimiter({ capacity: 60, refillPerSecond: 1, ...withClock });
}

/** Every server part in memory: for tests, examples and a single-process development server. */
export function memoryStores(options: MemoryStoresOptions = {}): ServerStores {
  const clock = options.clock;
  const withClock = clock ? { clock } : {};
  const bus = memoryBus();
  return {
    devices: memoryDeviceRegistry(withClock),
    queue: memoryQueue({ ...withClock, ...(options.queueTtlMs !== undefined ? { ttlMs: options.queueTtlMs } : {}) }),
    directory: memoryDirectory(withClock),
    bus,
    keys: memoryKeyDirectory(),
    groups: memoryGroupStore(),
    presence: memoryPresenceStore(),
    groupReceipts: memoryGroupReceiptStore(),
    media: memoryMediaStore(withClock),
    mediaTickets: memoryMediaTickets(withClock),
    rateLimiter: defaultRateLimiter(withClock),
    close: () => bus.close(),
  };
}
