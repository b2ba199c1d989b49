import { ParleyError } from '@parley/core';
import type { Clock, DeviceAddress } from './types.js';

/** One item to put into a device's queue. */
export interface QueueItem {
  device: DeviceAddress;
  /** Unique within the device's queue (the message id for messages); the ack key. */
  id: string;
  /** Opaque bytes (the gateway stores an encoded Envelope). */
  data: Uint8Array;
  /**
   * Key of a shared payload passed in the same `enqueue` call (`EnqueueOptions.shared`). The payload is
   * stored once however many entries name it: a group message costs one payload plus a small entry
   * per member device. Readers get it back as `QueueEntry.shared`.
   */
  shared?: string;
  /**
   * Who the entry counts against for `EnqueueOptions.maxPerSender` (the gateway puts the sending
   * user id here, for other users' devices only). Entries without a sender are not counted.
   */
  sender?: string;
}

/** Bytes stored once and referenced by many entries of one enqueue. */
export interface SharedPayload {
  /** Unique among live shared payloads (the gateway uses the message's queue id). */
  key: string;
  data: Uint8Array;
}

export interface EnqueueResult {
  device: DeviceAddress;
  id: string;
  /** Position in the device's queue; strictly increasing per device. */
  seq: number;
  /** When the entry was first stored (unchanged when the enqueue was a duplicate). */
  storedAt: number;
  /** True when (device, id) was already queued (or already acknowledged recently) and nothing was written. */
  duplicate: boolean;
}

export interface QueueEntry {
  id: string;
  seq: number;
  data: Uint8Array;
  storedAt: number;
  /** The shared payload the entry references, if any (the gateway delivers `shared ++ data`). */
  shared?: Uint8Array;
}

export interface EnqueueOptions {
  /** Refuse with ParleyError('QUEUE_FULL') when a device's queue already holds this many entries. */
  maxPerDevice?: number;
  /**
   * Payloads the items reference by key. Stored with the items, atomically; a payload lives while
   * an entry references it and is deleted with the last one (ack, expiry or clear). Enqueueing a
   * key that is already stored keeps the stored bytes. Every key must be named by at least one item,
   * and every item's `shared` must be in this list (INVALID_ARGUMENT otherwise).
   */
  shared?: SharedPayload[];
  /**
   * Refuse with ParleyError('QUEUE_FULL') (details `{ device, sender }`) when a device already holds
   * this many unexpired entries with the item's `sender`: one sender's share of a recipient's queue,
   * so one sender cannot fill it for everyone.
   */
  maxPerSender?: number;
  /**
   * The time to store the entries at (`storedAt`, and the start of their lifetime); default the
   * queue's clock. The gateway passes the `server_time` it wrote into the envelopes, so a SendAck
   * (which reports `storedAt`) and the delivered envelope carry the same time.
   */
  now?: number;
  /**
   * Early delivery. An implementation that commits in batches may call this once, synchronously
   * inside `enqueue`, with the call's results (seqs handed out, duplicates decided) before they
   * are durable: from then on the entries are read, counted and acknowledged as if stored, so the
   * gateway can deliver them at once. Returning the results that went out (or true: all of them)
   * says so: the implementation may then wait a little (its hold time) for their acks before it
   * commits, and an entry acknowledged
   * before its commit need not be written at all (its dedup mark is). If the commit fails,
   * `enqueue` rejects and the entries vanish; their seqs are never handed out again. The sender
   * hears nothing until `enqueue` resolves, so it sends again; receivers dedup by id. A staged
   * entry may repeat an id stored or acknowledged earlier (a resend) until the commit finds it: the
   * call then resolves with the duplicate's earlier seq and time and stores nothing, but what went
   * out early was a duplicate on the wire.
   * Implementations that do not stage never call it.
   */
  onStaged?: (results: EnqueueResult[]) => boolean | EnqueueResult[];
  /**
   * The call is one message fanned out to many devices (a group message): `shared` holds exactly one
   * payload and every item names it (INVALID_ARGUMENT otherwise). Such a call is deduplicated as a
   * whole by that payload's key: while the key is remembered (its entries are queued, or it was
   * stored within twice the entry lifetime), a call with the same key stores nothing and reports
   * every item a duplicate, with the first call's `storedAt` (and `seq` 0 where the entry is gone,
   * also for a device the first call did not include: a resend never reaches a later member).
   * In exchange its entries need no dedup marks of their own, which an implementation may then skip:
   * an entry acknowledged before its commit writes nothing, a later ack only deletes it.
   * Implementations that do not remember keys keep per-entry marks (each item is then deduplicated
   * on its own, as without the flag).
   */
  fanOut?: boolean;
}

/**
 * Durable per-device queue: the truth of what a device has yet to receive.
 *
 * Every implementation guarantees:
 * - `enqueue` is atomic across all its items: either every item is durably stored or none is
 *   (and it throws). Once it resolves, the entries survive a process crash or restart.
 * - Idempotent on (device, id): enqueueing an id that is queued returns the existing seq and
 *   storedAt with `duplicate: true` (also for a repeated id within one call). An id acknowledged
 *   within the dedup window (at least the expiry time) is also reported as duplicate, with its
 *   original seq and storedAt, and not stored again, so a sender's late resend cannot deliver a
 *   message twice. An expired entry counts as gone: enqueueing its id again stores a new entry.
 * - `seq` is strictly increasing per device and never reused, not even after `ack` or `clear`.
 * - `read` returns entries of one device in seq order, after `afterSeq`, skipping expired ones.
 * - An entry leaves the queue only through `ack` (by that device) or expiry (`ttlMs`, default
 *   30 days): an entry is expired once `clock() >= storedAt + ttlMs`.
 * - With `maxPerDevice`, a full device queue makes the whole enqueue fail with QUEUE_FULL
 *   (duplicates and expired entries never count). With `maxPerSender`, so does a device that would
 *   hold more than that many unexpired entries of one item's `sender` (details `{ device, sender }`).
 * - Shared payloads (`EnqueueOptions.shared`) are stored once and returned with every entry that
 *   references them; one is deleted when no unexpired entry references it any more.
 * - Stored bytes are copies: mutating `data` after `enqueue`, or an entry returned by `read`,
 *   never changes what is stored.
 */
export interface OfflineQueue {
  /**
   * True when `enqueue` promises resolve in commit order, which per device is seq order (single-
   * process implementations). The gateway then hands a freshly stored entry straight to a connection
   * that is caught up, instead of reading it back. Leave unset when unsure: only speed depends on it.
   */
  readonly commitOrdered?: boolean;
  /**
   * True when each device's seqs are handed out in the order `enqueue` calls are made, even while
   * earlier calls are still pending: the order is fixed inside the call (a call that cannot be
   * decided at once waits in line, and later calls to its devices wait behind it; on several
   * database connections, a later batch reserves its seqs only after the earlier one has). The
   * gateway may then start on a connection's next send as soon as a send's enqueue call is made,
   * instead of after its commit, and one sender's messages still land in order. A call that fails
   * gets no seqs, so later calls are never behind it. Leave unset when unsure (for example when
   * calls run on several database connections in no set order): only speed depends on it.
   */
  readonly seqsInCallOrder?: boolean;
  /**
   * Set by stores that commit together (the SQLite stores over one database): writes of stores with
   * the same `sharedCommit` object, started in one event-loop turn, are stored in one transaction or
   * none is. The gateway then acknowledges a group entry in the same turn as it moves the member's
   * group receipt cursor, instead of waiting for the cursor first. Leave unset when unsure.
   */
  readonly sharedCommit?: object;
  enqueue(items: QueueItem[], options?: EnqueueOptions): Promise<EnqueueResult[]>;
  read(device: DeviceAddress, options: { afterSeq?: number; limit: number }): Promise<QueueEntry[]>;
  /** Removes the entries; unknown ids are ignored. Returns how many were removed. */
  ack(device: DeviceAddress, ids: string[]): Promise<number>;
  /** How many unexpired entries the device has (what paging through `read` would return). */
  count(device: DeviceAddress): Promise<number>;
  /** Deletes expired entries and old dedup marks; returns how many entries were removed. */
  purgeExpired(): Promise<number>;
  /** Drops every entry of a device (device removed); dedup marks stay until they expire. */
  clear(device: DeviceAddress): Promise<void>;
}

export interface QueueOptions {
  clock?: Clock;
  /** Entry lifetime; default 30 days. */
  ttlMs?: number;
}

export const DEFAULT_QUEUE_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** The error of an enqueue refused because one sender's share of a device's queue is used up. @internal */
export function senderShareFull(device: DeviceAddress, sender: string, max: number): ParleyError {
  return new ParleyError(
    'QUEUE_FULL',
    `${sender} already has ${max} entries waiting in the queue of device ${device.userId}/${device.deviceId}`,
    { details: { device, sender } },
  );
}

/** The error of an enqueue refused because a device's queue is full (shared by the queue implementations). @internal */
export function queueFull(device: DeviceAddress, max: number): ParleyError {
  return new ParleyError('QUEUE_FULL', `queue of device ${device.userId}/${device.deviceId} is full (${max})`, {
    details: { device },
  });
}
