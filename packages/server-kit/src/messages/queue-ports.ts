import { isParleyError, ParleyError } from '@parley/core';
import type { EnqueueOptions, EnqueueResult, QueueItem, SharedPayload } from '../contracts/offline-queue.js';
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
  /**
   * Entries staged but not durable yet (`EnqueueOptions.onStaged`): devices connected here get them
   * at once. Returns the entries it did not take, which go to `stored` once durable (a push or
   * another gateway must never hear of an entry that may still vanish).
   */
  staged?(entries: StoredEntry[]): StoredEntry[];
}

/** An enqueue whose entries may be delivered (staged) before they are durable. */
export interface PendingWrite {
  /** True when the queue staged every entry inside the call: they are readable and acknowledgeable now. */
  staged: boolean;
  /** Settles once the entries are durable (or failed). */
  durable: Promise<EnqueueResult[]>;
}

/**
 * Enqueues and hands the new entries to their devices: to devices connected here as soon as the
 * queue staged them (before the commit), to the others once stored. `entryOf` makes the entry to
 * deliver from a result (not called for duplicates). The enqueue call is made before this returns.
 */
export function enqueueAndDeliver(
  ctx: Deliveries & { stores: Pick<ServerStores, 'queue'> },
  items: QueueItem[],
  options: EnqueueOptions,
  entryOf: (result: EnqueueResult) => StoredEntry,
): PendingWrite {
  let rest: StoredEntry[] | undefined;
  const staged = ctx.staged?.bind(ctx);
  const fresh = (results: EnqueueResult[]) => results.filter((r) => !r.duplicate).map(entryOf);
  const durable = ctx.stores.queue
    .enqueue(items, {
      ...options,
      ...(staged
        ? {
            onStaged: (results: EnqueueResult[]) => {
              const news = results.filter((r) => !r.duplicate);
              const entries = news.map(entryOf);
              rest = staged(entries);
              if (rest.length === 0) return news;
              // The queue may wait for the acks of those that went out (not of those still to be pushed).
              const left = new Set(rest);
              return news.filter((_, i) => !left.has(entries[i] as StoredEntry));
            },
          }
        : {}),
    })
    .then((results) => {
      ctx.stored(rest ?? fresh(results));
      return results;
    });
  return { staged: rest !== undefined, durable };
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
  entryOf: (result: EnqueueResult) => StoredEntry,
  shared?: SharedPayload[],
): Promise<EnqueueResult[]> {
  // Copies to the sender's own devices do not count against any share.
  const counted = items.map((item) => (item.device.userId === from ? item : { ...item, sender: from }));
  const options = {
    maxPerDevice: ctx.maxQueuedPerDevice,
    maxPerSender: ctx.maxQueuedPerSender,
    now,
    ...(shared ? { shared } : {}),
  };
  try {
    return await enqueueAndDeliver(ctx, counted, options, entryOf).durable;
  } catch (error) {
    if (!isParleyError(error, 'QUEUE_FULL')) throw error;
    throw new ParleyError('QUEUE_FULL', error.message, {
      details: error.details,
      retryAfterMs: ctx.queueFullRetryAfterMs,
      cause: error,
    });
  }
}
