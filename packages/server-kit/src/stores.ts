import type { Bus } from './bus.js';
import type { DeviceRegistry } from './device-registry.js';
import type { OfflineQueue } from './offline-queue.js';
import type { SessionDirectory } from './session-directory.js';

/** The pluggable parts a server is built from. */
export interface ServerStores {
  devices: DeviceRegistry;
  queue: OfflineQueue;
  directory: SessionDirectory;
  bus: Bus;
  /** Releases what the factory opened (databases, connections). */
  close(): Promise<void>;
}
