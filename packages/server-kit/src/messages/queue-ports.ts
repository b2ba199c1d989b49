import { isParleyError, ParleyError } from '@parley/core';
import type { EnqueueResult, QueueItem, SharedPayload } from '../contracts/offline-queue.js';
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
  /** Most entries one sending user may have waiting in one device's queue (`ServerLimits.maxQueuedPerSender`). */
  maxQueuedPerSender: number;
  /** The `retry_after_ms` of a send refused with QUEUE_FULL (`ServerLimits.queueFullRetryAfterMs`). */
  queueFullRetryAfterMs: number;
}

/**
 * Stores a message's entries within the device cap and `from`'s share of every other user's
 * device queue, at `now` (the envelopes' `server_time`, so the SendAck reports the same time). A
 * refusal is QUEUE_FULL with `retry_after_ms`: the recipient has to read first, so the sender's
 * outbox waits rather than hammering.
 */
export async function enqueueMessage(
  ctx: QueuePorts,
  from: string,
  items: QueueItem[],
  now: number,
  shared?: SharedPayload[],
): Promise<EnqueueResult[]> {
  // Copies to the sender's own devices do not count against any share.
  const counted = items.map((item) => (item.device.userId === from ? item : { ...item, sender: from }));
  try {
    return await ctx.stores.queue.enqueue(counted, {
      maxPerDevice: ctx.maxQueuedPerDevice,
      maxPerSender: ctx.maxQueuedPerSender,
      now,
      ...(shared ? { shared } : {}),
    });
  } catch (error) {
    if (!isParleyError(error, 'QUEUE_FULL')) throw error;
    throw new ParleyError('QUEUE_FULL', error.message, {
      details: error.details,
      retryAfterMs: ctx.queueFullRetryAfterMs,
      cause: error,
    });
  }
}
