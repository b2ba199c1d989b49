import type { DeviceRegistry } from './device-registry.js';
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

export type AuthDecision = { ok: true; registered: boolean } | { ok: false; reason: string };

export interface AuthContext {
  devices: DeviceRegistry;
  clock: Clock;
}

/**
 * Decides whether a connection may act as (userId, deviceId), registering the device when
 * it is new and the policy allows. Must never throw for bad input: return `{ ok: false }`.
 */
export interface Authenticator {
  authenticate(attempt: AuthAttempt, context: AuthContext): Promise<AuthDecision>;
}
