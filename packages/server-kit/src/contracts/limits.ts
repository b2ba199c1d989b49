import { DEFAULT_MAX_FRAME_BYTES } from '@parley/core';
import { DEFAULT_MAX_GROUP_MEMBERS } from '@parley/core/groups';
import type { RateLimit } from './rate-limiter.js';

/** Tunable limits of a gateway. Every field has a safe default. */
export interface ServerLimits {
  /** Largest frame accepted from a client (bytes). Default 512 KiB. */
  maxFrameBytes: number;
  /** Largest number of entries one device's queue may hold. Default 10,000. */
  maxQueuedPerDevice: number;
  /**
   * Most entries one sending user may have waiting in one device of another user (its share of that
   * queue, so one sender cannot fill it for everyone). Beyond it the send is refused with a
   * retryable QUEUE_FULL carrying `queueFullRetryAfterMs`. Default 2,500 (a quarter of `maxQueuedPerDevice`).
   */
  maxQueuedPerSender: number;
  /** The `retry_after_ms` of a send refused with QUEUE_FULL (device full or sender share used up). Default 30 s. */
  queueFullRetryAfterMs: number;
  /** A connection whose unsent bytes pass this is closed (BACKPRESSURE). Default 8 MiB. */
  maxBufferedBytes: number;
  /**
   * After the server closes a connection (Goodbye, then the close frame, behind any unsent bytes),
   * the socket is dropped once its unsent bytes have not shrunk for this long (ms): a peer still
   * reading gets to its Goodbye, one that stopped reading holds memory no longer. Default 2 s.
   */
  closeGraceMs: number;
  /** Maximum unacknowledged envelopes in flight per connection. Default 256. */
  deliveryWindow: number;
  /** Interval at which clients must send something. Default 20 s. */
  heartbeatIntervalMs: number;
  /** A connection silent for this long is closed (IDLE_TIMEOUT). Default 60 s. */
  idleTimeoutMs: number;
  /** Hello + Auth must complete within this. Default 10 s. */
  authTimeoutMs: number;
  /** Undecodable frames tolerated on an authenticated connection before it is closed. Default 8. */
  maxBadFrames: number;
  /** Requests being processed at once per connection; more wait (reads pause). Default 64. */
  maxConcurrentRequests: number;
  /**
   * How long the answer to a send with `ack_delivered` may wait, once its entries are stored, for a
   * recipient device connected to this gateway, which was sent the entry and has not acknowledged
   * it yet, to acknowledge it, so that the answer carries `delivered_at` (PROTOCOL 8.1; ms). A held
   * answer is no longer a request in progress: it counts neither against `maxPendingRequests` nor
   * against `maxConcurrentRequests`. 0 turns holding off; so does a `send` middleware
   * (`createServer({ routes })`), which then sees every SendAck as its route's reply. Default 100 ms.
   */
  answerHoldMs: number;
  /** Answers one connection may have held at once (`answerHoldMs`); a further one is answered at once. Default 16. */
  maxHeldAnswersPerConnection: number;
  /** Prekey bundle fetches (`KeysFetch`) allowed per requesting device per minute (burst and rate). Default 60. */
  keyFetchesPerMinute: number;
  /**
   * Prekey bundle fetches of one target user per hour, all requesters together (burst and rate), so
   * many requesters cannot drain a user's one-time prekeys. Beyond it: RATE_LIMITED. Default 600.
   */
  keyFetchesPerTargetPerHour: number;
  /** One-time prekeys one device may have stored; an upload that would pass it is INVALID_ARGUMENT. Default 1,000. */
  maxStoredPreKeys: number;
  /** Below this many one-time prekeys, a claim pushes `PreKeysLow` to the device. Default 20. */
  prekeyLowWater: number;
  /** One-time prekeys accepted per `KeysUpload`. Default 100, which is also the most a KeyDirectory takes. */
  maxPreKeysPerUpload: number;
  /** Presence changes are collected for this long and pushed together (ms). Default 1 s. */
  presenceCoalesceMs: number;
  /** A typing state ends this long after its last refresh (ms). Default 10 s. */
  typingExpiryMs: number;
  /** Most members a group may have; changes beyond it are refused with GROUP_FULL. Default 1,024. */
  maxGroupMembers: number;
  /**
   * Requests waiting or in progress over all connections of the gateway before it sheds load: past
   * it, a request from a connection that already has its fair share waiting (this limit divided by
   * the connections with requests waiting) is refused with OVERLOADED before any work is done.
   * The limit adapts below this to `overloadTargetDelayMs` (see gateway/admission.ts). Default 1,024.
   */
  maxPendingRequests: number;
  /**
   * The time from reading a request to answering it that load shedding aims at: while even the
   * quickest requests take longer, the pending limit shrinks (to 32 at least); while they are
   * quicker and the limit is reached, it grows back towards `maxPendingRequests`. Default 100 ms.
   */
  overloadTargetDelayMs: number;
  /** The `retry_after_ms` an OVERLOADED refusal carries. Default 250 ms. */
  overloadRetryAfterMs: number;
  /**
   * Frames (of any kind, acks and pings included) a connection may send per second, sustained.
   * Above it reading pauses (TCP pushes back); a debt of more than `frameBurst` frames closes the
   * connection with RATE_LIMITED (4011). Default 1,000.
   */
  framesPerSecond: number;
  /** Frames a connection may send at once before `framesPerSecond` applies. Default 2,000. */
  frameBurst: number;
  /**
   * Most ids (user ids, message ids, device ids, device copies) one request may list; more is
   * refused with INVALID_ARGUMENT. Default 1,000.
   */
  maxIdsPerRequest: number;
  /** Most users one connection may be subscribed to for presence (INVALID_ARGUMENT beyond). Default 1,000. */
  maxPresenceSubscriptionsPerConnection: number;
  /** Most presence subscriptions of one user's connections on one gateway together. Default 2,000. */
  maxPresenceSubscriptionsPerUser: number;
  /** Open sockets (HTTP and WebSocket) the server holds at once; a further one is answered 503 and closed. Default 20,000. */
  maxConnections: number;
  /**
   * Open sockets per client IP address; a further one is answered 503 (Retry-After) and closed.
   * Default 256. Addresses `exemptAddress` accepts (loopback by default) are not counted.
   */
  maxConnectionsPerAddress: number;
  /** WebSocket connections not yet authenticated; a further one is closed with RATE_LIMITED (4011). Default 1,000. */
  maxUnauthenticatedConnections: number;
  /** An HTTP request's headers must have arrived within this (ms), else the socket is closed. Default 10 s. */
  httpHeadersTimeoutMs: number;
  /** A whole HTTP request, body included, must have arrived within this (ms). Default 30 min (100 MiB over a slow link). */
  httpRequestTimeoutMs: number;
  /** A media upload that receives no bytes for this long (ms) is closed and its partial blob removed. Default 30 s. */
  uploadIdleTimeoutMs: number;
  /** Messages (1:1 and group) one user may send, all devices together. Default burst 2,000, 50/s. */
  sendRate: RateLimit;
  /** Messages one user may send to one user or group. Default burst 1,000, 10/s. */
  sendToRate: RateLimit;
  /** Read receipts one user may send. Default burst 2,000, 50/s. */
  receiptRate: RateLimit;
  /** Group creations and changes one user may make. Default burst 30, then 6 per minute. */
  groupChangeRate: RateLimit;
  /** Prekey bundle fetches one user may make, all devices together (on top of `keyFetchesPerMinute` per device). Default burst 120, 2/s. */
  keyFetchRate: RateLimit;
  /** Fetches of one user's prekey bundles, whoever asks (slows draining their one-time prekeys). Default burst 100, 1/s. */
  keyFetchTargetRate: RateLimit;
}

export const DEFAULT_LIMITS: ServerLimits = {
  maxFrameBytes: DEFAULT_MAX_FRAME_BYTES,
  maxQueuedPerDevice: 10_000,
  maxQueuedPerSender: 2_500,
  queueFullRetryAfterMs: 30_000,
  maxBufferedBytes: 8 * 1024 * 1024,
  closeGraceMs: 2_000,
  deliveryWindow: 256,
  heartbeatIntervalMs: 20_000,
  idleTimeoutMs: 60_000,
  authTimeoutMs: 10_000,
  maxBadFrames: 8,
  maxConcurrentRequests: 64,
  answerHoldMs: 100,
  maxHeldAnswersPerConnection: 16,
  keyFetchesPerMinute: 60,
  keyFetchesPerTargetPerHour: 600,
  maxStoredPreKeys: 1_000,
  prekeyLowWater: 20,
  maxPreKeysPerUpload: 100,
  presenceCoalesceMs: 1_000,
  typingExpiryMs: 10_000,
  maxGroupMembers: DEFAULT_MAX_GROUP_MEMBERS,
  maxPendingRequests: 1_024,
  overloadRetryAfterMs: 250,
  overloadTargetDelayMs: 100,
  framesPerSecond: 1_000,
  frameBurst: 2_000,
  maxIdsPerRequest: 1_000,
  maxPresenceSubscriptionsPerConnection: 1_000,
  maxPresenceSubscriptionsPerUser: 2_000,
  maxConnections: 20_000,
  maxConnectionsPerAddress: 256,
  maxUnauthenticatedConnections: 1_000,
  httpHeadersTimeoutMs: 10_000,
  httpRequestTimeoutMs: 30 * 60_000,
  uploadIdleTimeoutMs: 30_000,
  sendRate: { capacity: 2_000, refillPerSecond: 50 },
  sendToRate: { capacity: 1_000, refillPerSecond: 10 },
  receiptRate: { capacity: 2_000, refillPerSecond: 50 },
  groupChangeRate: { capacity: 30, refillPerSecond: 0.1 },
  keyFetchRate: { capacity: 120, refillPerSecond: 2 },
  keyFetchTargetRate: { capacity: 100, refillPerSecond: 1 },
};

export function resolveLimits(limits: Partial<ServerLimits> | undefined): ServerLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}
