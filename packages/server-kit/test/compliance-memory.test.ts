import { memoryBus } from '../src/memory/memory-bus.js';
import { memoryDeviceRegistry } from '../src/memory/memory-device-registry.js';
import { memoryDirectory } from '../src/memory/memory-directory.js';
import { memoryQueue } from '../src/memory/memory-queue.js';
import {
  busCompliance,
  deviceRegistryCompliance,
  offlineQueueCompliance,
  sessionDirectoryCompliance,
} from '../src/testing/index.js';

offlineQueueCompliance({ name: 'memoryQueue', create: async ({ clock, ttlMs }) => memoryQueue({ clock, ttlMs }) });
deviceRegistryCompliance({
  name: 'memoryDeviceRegistry',
  create: async ({ clock }) => memoryDeviceRegistry({ clock }),
});
sessionDirectoryCompliance({ name: 'memoryDirectory', create: async ({ clock }) => memoryDirectory({ clock }) });
busCompliance({ name: 'memoryBus', create: async () => memoryBus(), cleanup: (bus) => bus.close() });
