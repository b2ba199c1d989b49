import type { ServerStores } from '../contracts/stores.js';
import type { Clock, DeviceAddress } from '../contracts/types.js';

/** A queue entry just stored, as the gateway holding its device delivers it. */
export interface StoredEntry {
  device: DeviceAddress;
  id: string;
  seq: number;
  data: Uint8Array;
  /** The shared payload the entry references (group messages). */
  shared?: Uint8Array | undefined;
}

/** Where newly stored entries go: the gateway holding each device delivers it or is nudged. */
export interface Deliveries {
  stored(entries: StoredEntry[]): void;
}

/** What a handler that queues entries for devices needs: the devices, the queue and a clock. */
export interface QueuePorts extends Deliveries {
  stores: Pick<ServerStores, 'devices' | 'queue'>;
  clock: Clock;
  /** Most entries one device's queue may hold before sends to it are refused. */
  maxQueuedPerDevice: number;
}
