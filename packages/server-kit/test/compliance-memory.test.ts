import { memoryBus } from '../src/memory/memory-bus.js';
import { memoryDeviceRegistry } from '../src/memory/memory-device-registry.js';
import { memoryDirectory } from '../src/memory/memory-directory.js';
import { memoryGroupReceiptStore } from '../src/memory/memory-group-receipt-store.js';
import { memoryGroupStore } from '../src/memory/memory-group-store.js';
import { memoryKeyDirectory } from '../src/memory/memory-key-directory.js';
import { memoryPresenceStore } from '../src/memory/memory-presence-store.js';
import { memoryQueue } from '../src/memory/memory-queue.js';
import { memoryRateLimiter } from '../src/memory/memory-rate-limiter.js';
import {
  busCompliance,
  deviceRegistryCompliance,
  groupReceiptStoreCompliance,
  groupStoreCompliance,
  keyDirectoryCompliance,
  offlineQueueCompliance,
  presenceStoreCompliance,
  rateLimiterCompliance,
  sessionDirectoryCompliance,
} from '../src/testing/index.js';

offlineQueueCompliance({ name: 'memoryQueue', create: async ({ clock, ttlMs }) => memoryQueue({ clock, ttlMs }) });
deviceRegistryCompliance({
  name: 'memoryDeviceRegistry',
  create: async ({ clock }) => memoryDeviceRegistry({ clock }),
});
sessionDirectoryCompliance({ name: 'memoryDirectory', create: async ({ clock }) => memoryDirectory({ clock }) });
busCompliance({ name: 'memoryBus', create: async () => memoryBus(), cleanup: (bus) => bus.close() });
keyDirectoryCompliance({ name: 'memoryKeyDirectory', create: async () => memoryKeyDirectory() });
rateLimiterCompliance({ name: 'memoryRateLimiter', create: async (ctx) => memoryRateLimiter(ctx) });
presenceStoreCompliance({ name: 'memoryPresenceStore', create: async () => memoryPresenceStore() });
groupReceiptStoreCompliance({ name: 'memoryGroupReceiptStore', create: async () => memoryGroupReceiptStore() });
groupStoreCompliance({ name: 'memoryGroupStore', create: async () => memoryGroupStore() });
