import type { DeviceRegistry } from './device-registry.js';
import type { RateLimiter } from './rate-limiter.js';
import type { Clock } from './types.js';

/** What a connecting device presented (Hello + Auth). */
export interface AuthAttempt {
  userId: string;
  deviceId: number;
  /** Ed25519 public key from Hello (may be empty with token authentication). */
  authKey: Uint8Array;
  token: string;
  /** The server's challenge nonce and the device's signature over the challenge payload. */
  nonce: Uint8Array;
  /**
   * The server origin the device signed its login for (part of the signed payload). The gateway
   * has already checked that this server answers to it.
   */
  origin: string;
  signature: Uint8Array;
  link?: DeviceLinkProof;
}

export interface DeviceLinkProof {
  approverDeviceId: number;
  newDeviceId: number;
  newAuthKey: Uint8Array;
  expiresAt: number;
  signature: Uint8Array;
}

/**
 * A refusal with `retryAfterMs` is a rate limit: the client gets RATE_LIMITED (retryable) and a
 * RATE_LIMITED close instead of AUTH_FAILED.
 */
export type AuthDecision = { ok: true; registered: boolean } | { ok: false; reason: string; retryAfterMs?: number };

export interface AuthContext {
  devices: DeviceRegistry;
  clock: Clock;
  /** The server's token buckets (e.g. registrations per IP address). */
  rateLimiter?: RateLimiter;
  /** The peer's IP address as the socket saw it, when known. */
  remoteAddress?: string;
}

/**
 * Decides whether a connection may act as (userId, deviceId), registering the device when
 * it is new and the policy allows. Must never throw for bad input: return `{ ok: false }`.
 */
export interface Authenticator {
  authenticate(attempt: AuthAttempt, context: AuthContext): Promise<AuthDecision>;
}
