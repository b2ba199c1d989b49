import { authChallengePayload, bytesEqual, deviceLinkPayload, verifyWithAuthKey } from '@parley/core';
import type { AuthAttempt, AuthContext, AuthDecision, Authenticator } from '../contracts/authenticator.js';

export interface KeyAuthenticatorOptions {
  /**
   * Whether a connection may create a new user (its first device).
   * `'open'` (default, reference server), `'closed'`, or a function deciding per user id.
   */
  registration?: 'open' | 'closed' | ((userId: string) => Promise<boolean>);
}

const deny = (reason: string): AuthDecision => ({ ok: false, reason });

/**
 * The default authenticator: each device holds an Ed25519 key. Its first connection binds
 * (user, device) to the key; later connections must sign the server's fresh nonce with it.
 * A new device of an existing user is accepted only with a DeviceLink signed by one of the
 * user's registered devices, so nobody can add a device to someone else's account.
 */
export function keyAuthenticator(options: KeyAuthenticatorOptions = {}): Authenticator {
  const registration = options.registration ?? 'open';
  const mayRegister = async (userId: string) =>
    registration === 'open' ? true : registration === 'closed' ? false : registration(userId);

  return {
    async authenticate(attempt: AuthAttempt, { devices, clock }: AuthContext): Promise<AuthDecision> {
      const { userId, deviceId, authKey } = attempt;
      const payload = authChallengePayload(attempt.nonce, userId, deviceId, attempt.origin);
      if (!(await verifyWithAuthKey(authKey, payload, attempt.signature))) return deny('bad challenge signature');

      const existing = await devices.get(userId, deviceId);
      if (existing) return bytesEqual(existing.authKey, authKey) ? { ok: true, registered: false } : deny('wrong key');

      const others = await devices.list(userId);
      let approvedBy = 0;
      if (others.length === 0) {
        if (!(await mayRegister(userId))) return deny('registration is closed');
      } else {
        const link = attempt.link;
        if (!link) return deny('a new device must be approved by an existing device of the user');
        if (link.newDeviceId !== deviceId || !bytesEqual(link.newAuthKey, authKey))
          return deny('link is for another device');
        if (link.expiresAt < clock()) return deny('link expired');
        const approver = others.find((d) => d.deviceId === link.approverDeviceId);
        if (!approver) return deny('unknown approving device');
        const linkPayload = deviceLinkPayload(userId, deviceId, authKey, link.expiresAt);
        if (!(await verifyWithAuthKey(approver.authKey, linkPayload, link.signature)))
          return deny('bad link signature');
        approvedBy = approver.deviceId;
      }

      const result = await devices.register({ userId, deviceId, authKey, registrationId: 0, approvedBy });
      if (result.created) return { ok: true, registered: true };
      // Lost a registration race: fine only if the winner registered the same key.
      return bytesEqual(result.device.authKey, authKey) ? { ok: true, registered: false } : deny('device id taken');
    },
  };
}
