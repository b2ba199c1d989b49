import { isParleyError, ParleyError } from '@parley/core';
import type { EnqueueOptions, EnqueueResult, QueueItem, SharedPayload } from '../contracts/offline-queue.js';
import type { ServerStores } from '../contracts/stores.js';
import type { Clock, DeviceAddress } from '../contracts/types.js';
import type { DeliveredFolds } from './delivered-folds.js';

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
  /** True when `durable` also removes the acknowledged entries the receipts came from, in the same commit. */
  acked?: boolean;
}

/**
 * Enqueues and hands the new entries to their devices: to devices connected here as soon as the
 * queue staged them (before the commit), to the others once stored. `entryOf` makes the entry to
 * deliver from a result (not called for duplicates). The enqueue call is made before this returns.
 * `options` is made for this call: its `onStaged` is set here (not a copy per call).
 */
export function enqueueAndDeliver(
  ctx: Deliveries & { stores: Pick<ServerStores, 'queue'> },
  items: QueueItem[],
  options: EnqueueOptions,
  entryOf: (result: EnqueueResult) => StoredEntry,
  /** How to enqueue (default the queue's `enqueue`): a receipt's enqueue may carry its ack. */
  enqueue?: (items: QueueItem[], options: EnqueueOptions) => Promise<EnqueueResult[]>,
): PendingWrite {
  let rest: StoredEntry[] | undefined;
  const onStaged = ctx.staged
    ? (results: EnqueueResult[]) => {
        const news = results.some(isDuplicate) ? results.filter(isFresh) : results;
        const entries = news.map(entryOf);
        rest = ctx.staged?.(entries) ?? entries;
        if (rest.length === 0) return true; // every new entry went out (duplicates are never held)
        // The queue may wait for the acks of those that went out (not of those still to be pushed).
        const left = new Set(rest);
        return news.filter((_, i) => !left.has(entries[i] as StoredEntry));
      }
    : undefined;
  if (onStaged) options.onStaged = onStaged;
  // No default parameter: it would make a closure per call.
  const call = enqueue ? enqueue(items, options) : ctx.stores.queue.enqueue(items, options);
  const durable = call.then((results) => {
    ctx.stored(rest ?? results.filter(isFresh).map(entryOf));
    return results;
  });
  return { staged: rest !== undefined, durable };
}

const isDuplicate = (r: EnqueueResult) => r.duplicate;
const isFresh = (r: EnqueueResult) => !r.duplicate;

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
  /** Delivered receipts folded into unanswered SendAcks (Send.ack_delivered); none without. */
  folds?: DeliveredFolds | undefined;
}

/**
 * Stores a message's entries within the device cap and `from`'s share of every other user's
 * device queue, at `now` (the envelopes' `server_time`, so the SendAck reports the same time). A
 * refusal is QUEUE_FULL with `retry_after_ms`: the recipient has to read first, so the sender's
 * outbox waits rather than hammering.
 */
export function enqueueMessage(...args: Parameters<typeof startMessage>): Promise<EnqueueResult[]> {
  const ctx = args[0];
  // Not async: the queue's own promise, with a rejection handler, is the answer (one promise step
  // per send fewer than an async frame awaiting it, issue 15 aim 1). A throw is still a rejection.
  const retryable = (error: unknown) => {
    throw retryableQueueFull(error, ctx.queueFullRetryAfterMs);
  };
  try {
    return startMessage(...args).then(undefined, retryable);
  } catch (error) {
    return Promise.reject(retryableQueueFull(error, ctx.queueFullRetryAfterMs));
  }
}

/**
 * {@link enqueueMessage} without its rejection handler: may throw, and a refusal comes as the
 * queue made it (the caller passes it through {@link retryableQueueFull} in its own handler, one
 * promise per send fewer).
 */
export function startMessage(
  ctx: QueuePorts,
  from: string,
  items: QueueItem[],
  now: number,
  entryOf: (result: EnqueueResult) => StoredEntry,
  /** One message fanned out: its one payload, deduplicated as a whole (EnqueueOptions.fanOut). */
  fanOut?: SharedPayload,
): Promise<EnqueueResult[]> {
  // Copies to the sender's own devices do not count against any share. Items that already name
  // their sender (handleSend makes them so) are not copied, nor is the list when none needs it.
  const counted = items.every((item) => countedFor(item, from))
    ? items
    : items.map((item) => (countedFor(item, from) ? item : { ...item, sender: from }));
  const options: EnqueueOptions = fanOut
    ? {
        maxPerDevice: ctx.maxQueuedPerDevice,
        maxPerSender: ctx.maxQueuedPerSender,
        now,
        shared: [fanOut],
        fanOut: true,
      }
    : { maxPerDevice: ctx.maxQueuedPerDevice, maxPerSender: ctx.maxQueuedPerSender, now };
  return enqueueAndDeliver(ctx, counted, options, entryOf).durable;
}

/** Whether `item` is counted as it is against `from`'s share: a copy to its own device, or one naming it. */
const countedFor = (item: QueueItem, from: string) => item.device.userId === from || item.sender === from;

/** QUEUE_FULL with the gateway's `retry_after_ms` (the recipient has to read first); anything else as it is. */
export function retryableQueueFull(error: unknown, retryAfterMs: number): unknown {
  if (!isParleyError(error, 'QUEUE_FULL')) return error;
  return new ParleyError('QUEUE_FULL', error.message, { details: error.details, retryAfterMs, cause: error });
}
