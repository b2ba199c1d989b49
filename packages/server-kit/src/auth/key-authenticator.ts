import { authChallengePayload, bytesEqual, deviceLinkPayload, verifyWithAuthKey } from '@parley/core';
import { isLoopbackAddress } from '../contracts/addresses.js';
import type { AuthAttempt, AuthContext, AuthDecision, Authenticator } from '../contracts/authenticator.js';
import type { DeviceRecord } from '../contracts/device-registry.js';
import type { RateLimit } from '../contracts/rate-limiter.js';
import { VerifiedKeyCache } from './verified-key-cache.js';

export interface KeyAuthenticatorOptions {
  /**
   * Whether a connection may create a new user (its first device).
   * `'open'` (default, reference server), `'closed'`, or a function deciding per user id.
   */
  registration?: 'open' | 'closed' | ((userId: string) => Promise<boolean>);
  /** Live devices one user may have; a further device is refused. Default 10. */
  maxDevicesPerUser?: number;
  /**
   * New users registered per IP address (token bucket in the server's RateLimiter). Default: a burst
   * of 10, then 10 per hour. A refusal is RATE_LIMITED with a retry-after.
   */
  registrationsPerAddress?: RateLimit;
  /** Addresses not charged for registrations. Default: loopback (local tools, tests, benches). */
  exemptAddress?: (address: string) => boolean;
  /**
   * While the device registry is unavailable (the database is down), a device whose key the
   * registry confirmed recently on this gateway may still log in (see verified-key-cache.ts);
   * anything else is refused retryably until the registry is back. Default: a cache of 10,000
   * devices for 10 minutes. Pass your own to call `forget` when you remove a device, or `false`
   * to refuse every login during an outage.
   */
  outageCache?: VerifiedKeyCache | false;
  /**
   * Whether a user whose devices were all removed may start again with a new device (a new account
   * key: contacts see `identity:changed`). Default: never, so a removed user's id is not silently
   * taken over. An app answers yes after it re-verified the person (a phone number, an email).
   */
  mayReclaim?: (userId: string) => Promise<boolean>;
  /**
   * Demos and tests only: when it answers yes, a new device that signs in to an existing user without
   * a link replaces every device of that user (they are removed; the newcomer starts the user anew
   * with a new account key, and contacts see `identity:changed`). Anyone who knows the user id can
   * take the account over, so never set this where people's accounts matter. Default: never.
   */
  replaceDevices?: (userId: string) => Promise<boolean>;
}

/** Defaults of {@link KeyAuthenticatorOptions}. */
export const DEFAULT_MAX_DEVICES_PER_USER = 10;
export const DEFAULT_REGISTRATIONS_PER_ADDRESS: RateLimit = { capacity: 10, refillPerSecond: 10 / 3600 };

const deny = (reason: string): AuthDecision => ({ ok: false, reason });

/**
 * The default authenticator: each device holds an Ed25519 key. Its first connection binds
 * (user, device) to the key; later connections must sign the server's fresh nonce with it.
 * A new device of an existing user is accepted only with a DeviceLink signed by one of the
 * user's registered devices, so nobody can add a device to someone else's account. A user's
 * first device is registered in one atomic step, and a user whose devices were all removed stays
 * taken, so nobody can race or take over a user id. While the registry is down, only a (user,
 * device, key) it confirmed recently gets in (`outageCache`).
 */
export function keyAuthenticator(options: KeyAuthenticatorOptions = {}): Authenticator {
  const registration = options.registration ?? 'open';
  const maxDevices = options.maxDevicesPerUser ?? DEFAULT_MAX_DEVICES_PER_USER;
  const perAddress = options.registrationsPerAddress ?? DEFAULT_REGISTRATIONS_PER_ADDRESS;
  const exempt = options.exemptAddress ?? isLoopbackAddress;
  const mayRegister = async (userId: string) =>
    registration === 'open' ? true : registration === 'closed' ? false : registration(userId);
  const cache = options.outageCache === false ? undefined : (options.outageCache ?? new VerifiedKeyCache());

  /** Charges a new user to the caller's address; undefined when allowed. */
  const chargeAddress = async ({ rateLimiter, remoteAddress }: AuthContext): Promise<AuthDecision | undefined> => {
    if (!rateLimiter || !remoteAddress || exempt(remoteAddress)) return undefined;
    const decision = await rateLimiter.consume(`register:${remoteAddress}`, 1, perAddress);
    if (decision.allowed) return undefined;
    return { ok: false, reason: 'too many registrations from this address', retryAfterMs: decision.retryAfterMs };
  };

  return {
    async authenticate(attempt: AuthAttempt, context: AuthContext): Promise<AuthDecision> {
      const { devices, clock } = context;
      const { userId, deviceId, authKey } = attempt;
      const payload = authChallengePayload(attempt.nonce, userId, deviceId, attempt.origin);
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
      if (others.length === 0) {
        if (!(await mayRegister(userId))) return deny('registration is closed');
        const limited = await chargeAddress(context);
        if (limited) return limited;
        // One atomic step: of two racing first devices one wins, and a removed user stays taken.
        const first = await devices.registerFirst({ userId, deviceId, authKey, registrationId: 0, approvedBy: 0 });
        if (first.created) {
          cache?.remember(userId, deviceId, authKey);
          return { ok: true, registered: true };
        }
        if (first.userTaken && options.mayReclaim && (await options.mayReclaim(userId))) {
          // No live device (checked above) and the app vouches for the person: a new start under a
          // device id never used before (removed ids stay tombstones).
          const again = await devices.register({ userId, deviceId, authKey, registrationId: 0, approvedBy: 0 });
          if (again.created) {
            cache?.remember(userId, deviceId, authKey);
            return { ok: true, registered: true };
          }
        }
        // The same device racing itself (two sockets, one key) won the other attempt: fine.
        const winner = await devices.get(userId, deviceId);
        return winner && bytesEqual(winner.authKey, authKey)
          ? { ok: true, registered: false }
          : deny('user id is taken');
      }

      const link = attempt.link;
      if (!link && options.replaceDevices && (await options.replaceDevices(userId))) {
        const replaced = await replaceAllDevices(context, attempt, others);
        for (const d of others) cache?.forget(userId, d.deviceId);
        if (replaced) {
          cache?.remember(userId, deviceId, authKey);
          return replaced;
        }
      }
      if (others.length >= maxDevices) return deny(`a user may have at most ${maxDevices} devices`);
      if (!link) {
        return deny(
          `user ${userId} already has a device: a new device must be approved by an existing device of the user (link it), or sign in under another user id`,
        );
      }
      if (link.newDeviceId !== deviceId || !bytesEqual(link.newAuthKey, authKey))
        return deny('link is for another device');
      if (link.expiresAt < clock()) return deny('link expired');
      const approver = others.find((d) => d.deviceId === link.approverDeviceId);
      if (!approver) return deny('unknown approving device');
      const linkPayload = deviceLinkPayload(userId, deviceId, authKey, link.expiresAt);
      if (!(await verifyWithAuthKey(approver.authKey, linkPayload, link.signature))) return deny('bad link signature');

      const result = await devices.register({
        userId,
        deviceId,
        authKey,
        registrationId: 0,
        approvedBy: approver.deviceId,
      });
      // Lost a registration race: fine only if the winner registered the same key.
      if (!result.created && !bytesEqual(result.device.authKey, authKey)) return deny('device id taken');
      cache?.remember(userId, deviceId, authKey);
      return { ok: true, registered: result.created };
    },
  };
}

/** {@link KeyAuthenticatorOptions.replaceDevices}: removes the user's devices, then registers this one. */
async function replaceAllDevices(
  { devices }: AuthContext,
  { userId, deviceId, authKey }: AuthAttempt,
  others: readonly DeviceRecord[],
): Promise<AuthDecision | undefined> {
  for (const d of others) await devices.remove(userId, d.deviceId);
  const created = await devices.register({ userId, deviceId, authKey, registrationId: 0, approvedBy: 0 });
  return created.created ? { ok: true, registered: true } : undefined;
}
