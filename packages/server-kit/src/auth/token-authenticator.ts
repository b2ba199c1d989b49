import { authChallengePayload, bytesEqual, verifyWithAuthKey } from '@parley/core';
import type { AuthAttempt, AuthContext, AuthDecision, Authenticator } from '../contracts/authenticator.js';

export interface TokenAuthenticatorOptions {
  /**
   * Verifies a token the app's own backend issued. Resolve true when the token proves the
   * bearer is `userId` and may use `deviceId`; false (or throw) otherwise.
   */
  verify(token: string, claim: { userId: string; deviceId: number }): Promise<boolean>;
}

/**
 * For apps with their own accounts: the app's token vouches for the user and device, so no
 * device approval is needed. The device's auth key, when presented, is recorded on first use.
 */
export function tokenAuthenticator(options: TokenAuthenticatorOptions): Authenticator {
  return {
    async authenticate(attempt: AuthAttempt, { devices }: AuthContext): Promise<AuthDecision> {
      const { userId, deviceId, token, authKey } = attempt;
      if (!token) return { ok: false, reason: 'token required' };
      let valid = false;
      try {
        valid = await options.verify(token, { userId, deviceId });
      } catch {
        valid = false;
      }
      if (!valid) return { ok: false, reason: 'token rejected' };
      // A presented device key is recorded, so it must be proven like with key authentication.
      if (authKey.byteLength > 0) {
        const payload = authChallengePayload(attempt.nonce, userId, deviceId, attempt.origin);
        if (!(await verifyWithAuthKey(authKey, payload, attempt.signature)))
          return { ok: false, reason: 'bad signature' };
      }
      const existing = await devices.get(userId, deviceId);
      if (existing) {
        const sameKey = existing.authKey.byteLength === 0 || bytesEqual(existing.authKey, authKey);
        return sameKey ? { ok: true, registered: false } : { ok: false, reason: 'device id taken by another key' };
      }
      const result = await devices.register({ userId, deviceId, authKey, registrationId: 0, approvedBy: 0 });
      if (result.created) return { ok: true, registered: true };
      // Lost a race, or the id belongs to a removed device (tombstone with an empty key).
      const same = result.device.authKey.byteLength > 0 && bytesEqual(result.device.authKey, authKey);
      return same ? { ok: true, registered: false } : { ok: false, reason: 'device id taken' };
    },
  };
}
