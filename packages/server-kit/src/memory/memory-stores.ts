import type { ServerStores } from '../stores.js';
import type { Clock } from '../types.js';
import { memoryBus } from './memory-bus.js';
import { memoryDeviceRegistry } from './memory-device-registry.js';
import { memoryDirectory } from './memory-directory.js';
import { memoryQueue } from './memory-queue.js';

/** Options of {@link memoryStores}. */
export interface MemoryStoresOptions {
  clock?: Clock;
  /** Offline queue entry lifetime; default 30 days. */
  queueTtlMs?: number;
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
    close: () => bus.close(),
  };
}
