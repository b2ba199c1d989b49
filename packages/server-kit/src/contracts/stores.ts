import type { Bus } from './bus.js';
import type { DeviceRegistry } from './device-registry.js';
import type { GroupReceiptStore } from './group-receipt-store.js';
import type { GroupStore } from './group-store.js';
import type { KeyDirectory } from './key-directory.js';
import type { MediaStore } from './media-store.js';
import type { MediaTickets } from './media-tickets.js';
import type { OfflineQueue } from './offline-queue.js';
import type { PresenceStore } from './presence-store.js';
import type { RateLimiter } from './rate-limiter.js';
import type { SessionDirectory } from './session-directory.js';

/** The pluggable parts a server is built from. */
export interface ServerStores {
  devices: DeviceRegistry;
  queue: OfflineQueue;
  directory: SessionDirectory;
  bus: Bus;
  /** Public Signal keys of every device (prekey bundles). */
  keys: KeyDirectory;
  /** Group state and signed membership records. */
  groups: GroupStore;
  /** Buckets the gateway charges per requester (e.g. prekey bundle fetches). */
  rateLimiter: RateLimiter;
  /** Last seen, privacy settings and contacts. Without it, privacy settings are refused and read receipts always flow. */
  presence?: PresenceStore;
  /** Per-member receipt cursors of group messages ("delivered to all", "read by all"). */
  groupReceipts: GroupReceiptStore;
  /** Encrypted media blobs. With `mediaTickets`, enables media (tickets over the WebSocket, bytes over HTTP). */
  media?: MediaStore;
  /** Issued media tickets; shared by the gateways of a cluster. */
  mediaTickets?: MediaTickets;
  /** Releases what the factory opened (databases, connections). */
  close(): Promise<void>;
}
