import { authChallengePayload, bytesEqual, deviceLinkPayload, verifyWithAuthKey } from '@parley/core';
import type { AuthAttempt, AuthContext, AuthDecision, Authenticator } from '../contracts/authenticator.js';
import type { DeviceRecord } from '../contracts/device-registry.js';
import { VerifiedKeyCache } from './verified-key-cache.js';

export interface KeyAuthenticatorOptions {
  /**
   * Whether a connection may create a new user (its first device).
   * `'open'` (default, reference server), `'closed'`, or a function deciding per user id.
   */
  registration?: 'open' | 'closed' | ((userId: string) => Promise<boolean>);
  /**
   * While the device registry is unavailable (the database is down), a device whose key the
   * registry confirmed recently on this gateway may still log in (see verified-key-cache.ts);
   * anything else is refused retryably until the registry is back. Default: a cache of 10,000
   * devices for 10 minutes. Pass your own to call `forget` when you remove a device, or `false`
   * to refuse every login during an outage.
   */
  outageCache?: VerifiedKeyCache | false;
}

const deny = (reason: string): AuthDecision => ({ ok: false, reason });

/**
 * The default authenticator: each device holds an Ed25519 key. Its first connection binds
 * (user, device) to the key; later connections must sign the server's fresh nonce with it.
 * A new device of an existing user is accepted only with a DeviceLink signed by one of the
 * user's registered devices, so nobody can add a device to someone else's account. While the
 * registry is down, only a (user, device, key) it confirmed recently gets in (`outageCache`).
 */
export function keyAuthenticator(options: KeyAuthenticatorOptions = {}): Authenticator {
  const registration = options.registration ?? 'open';
  const mayRegister = async (userId: string) =>
    registration === 'open' ? true : registration === 'closed' ? false : registration(userId);
  const cache = options.outageCache === false ? undefined : (options.outageCache ?? new VerifiedKeyCache());

  return {
    async authenticate(attempt: AuthAttempt, { devices, clock }: AuthContext): Promise<AuthDecision> {
      const { userId, deviceId, authKey } = attempt;
      const payload = authChallengePayload(attempt.nonce, userId, deviceId);
      if (!(await verifyWithAuthKey(authKey, payload, attempt.signature))) return deny('bad challenge signature');

      let existing: DeviceRecord | undefined;
      try {
        existing = await devices.get(userId, deviceId);
      } catch (error) {
        // The registry is down (the signature above is checked already): a key it confirmed
        // recently stands in for it; anything else must wait for it (the failure is retryable).
        if (cache?.vouches(userId, deviceId, authKey)) return { ok: true, registered: false };
        throw error;
      }
      if (existing && bytesEqual(existing.authKey, authKey)) {
        cache?.remember(userId, deviceId, authKey);
        return { ok: true, registered: false };
      }
      cache?.forget(userId, deviceId);
      if (existing) return deny('wrong key');

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
      // Lost a registration race: fine only if the winner registered the same key.
      if (!result.created && !bytesEqual(result.device.authKey, authKey)) return deny('device id taken');
      cache?.remember(userId, deviceId, authKey);
      return { ok: true, registered: result.created };
    },
  };
}
