import { DEFAULT_MAX_FRAME_BYTES } from '@parley/core';
import { DEFAULT_MAX_GROUP_MEMBERS } from '@parley/core/groups';

/** Tunable limits of a gateway. Every field has a safe default. */
export interface ServerLimits {
  /** Largest frame accepted from a client (bytes). Default 512 KiB. */
  maxFrameBytes: number;
  /** Largest number of entries one device's queue may hold. Default 10,000. */
  maxQueuedPerDevice: number;
  /** A connection whose unsent bytes pass this is closed (BACKPRESSURE). Default 8 MiB. */
  maxBufferedBytes: number;
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
  /** Prekey bundle fetches (`KeysFetch`) allowed per requesting device per minute (burst and rate). Default 60. */
  keyFetchesPerMinute: number;
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
   * Bounds the time an accepted request waits. Default 1,024.
   */
  maxPendingRequests: number;
  /** The `retry_after_ms` an OVERLOADED refusal carries. Default 250 ms. */
  overloadRetryAfterMs: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  maxFrameBytes: DEFAULT_MAX_FRAME_BYTES,
  maxQueuedPerDevice: 10_000,
  maxBufferedBytes: 8 * 1024 * 1024,
  deliveryWindow: 256,
  heartbeatIntervalMs: 20_000,
  idleTimeoutMs: 60_000,
  authTimeoutMs: 10_000,
  maxBadFrames: 8,
  maxConcurrentRequests: 64,
  keyFetchesPerMinute: 60,
  prekeyLowWater: 20,
  maxPreKeysPerUpload: 100,
  presenceCoalesceMs: 1_000,
  typingExpiryMs: 10_000,
  maxGroupMembers: DEFAULT_MAX_GROUP_MEMBERS,
  maxPendingRequests: 1_024,
  overloadRetryAfterMs: 250,
};

export function resolveLimits(limits: Partial<ServerLimits> | undefined): ServerLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}
