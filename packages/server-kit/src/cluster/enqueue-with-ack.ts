// A device's DeliverAck of 1:1 messages makes a DELIVERED receipt for their sender: on PostgreSQL
// the receipt's enqueue and the ack were two statements, each its own round trip and commit, one
// after the other. A queue that can commit both in one offers this port (postgresQueue does).
import type { EnqueueOptions, EnqueueResult, OfflineQueue, QueueItem } from '../contracts/offline-queue.js';
import type { DeviceAddress } from '../contracts/types.js';

/** The entries a device acknowledges along with an enqueue. */
export interface AckAlong {
  device: DeviceAddress;
  ids: readonly string[];
}

/** What a queue that commits an enqueue and an ack together offers the gateway. */
export interface EnqueueWithAckPort {
  /**
   * `enqueue(items, options)`, and `ack.device` acknowledges `ack.ids` in the same commit: when it
   * resolves both are durable, when it rejects neither is (as far as the caller knows: a lost
   * answer to a commit leaves both done, never one). An enqueue that fails alone (QUEUE_FULL)
   * acknowledges nothing.
   */
  enqueueWithAck(items: QueueItem[], options: EnqueueOptions, ack: AckAlong): Promise<EnqueueResult[]>;
}

/** The queue's {@link EnqueueWithAckPort}, when it has one (it is not part of the public OfflineQueue). */
export function enqueueWithAckOf(queue: OfflineQueue): EnqueueWithAckPort | undefined {
  const port = queue as Partial<EnqueueWithAckPort>;
  return typeof port.enqueueWithAck === 'function' ? (port as EnqueueWithAckPort) : undefined;
}
