import type { DeviceLocation, SessionDirectory } from '../contracts/session-directory.js';
import { TimeBase } from '../contracts/time-base.js';
import { type Clock, deviceKey, systemClock } from '../contracts/types.js';

/**
 * One device's claim, flat (no location object inside) and with its expiry as an offset (see
 * TimeBase): every connected device has one (aim 5 of issue 15).
 */
class Claim {
  constructor(
    readonly gatewayId: string,
    readonly connectionId: string,
    /** Offset of the directory's TimeBase. */
    readonly expiresAt: number,
  ) {}
}

const copy = (l: DeviceLocation): DeviceLocation => ({ gatewayId: l.gatewayId, connectionId: l.connectionId });

/**
 * An in-memory {@link SessionDirectory}: enough for gateways that share one process (or a
 * single-machine server). Expired entries are swept lazily, amortised over claims.
 */
export function memoryDirectory(options: { clock?: Clock } = {}): SessionDirectory {
  const clock = options.clock ?? systemClock;
  const claims = new Map<string, Claim>();
  const times = new TimeBase();
  let claimsSinceSweep = 0;

  /** `now` is an offset of `times`, as every time here. */
  const current = (key: string, now: number): Claim | undefined => {
    const claim = claims.get(key);
    if (claim && claim.expiresAt <= now) {
      claims.delete(key);
      return undefined;
    }
    return claim;
  };

  // A device that disconnects without release (crashed gateway) is never looked up again, so
  // sweep once per map-size claims: O(1) amortised and the map stays bounded by live devices.
  const maybeSweep = (now: number): void => {
    if (++claimsSinceSweep < Math.max(64, claims.size)) return;
    claimsSinceSweep = 0;
    for (const [key, claim] of claims) if (claim.expiresAt <= now) claims.delete(key);
  };

  return {
    async claim(device, location, ttlMs) {
      const now = times.offset(clock());
      maybeSweep(now);
      const key = deviceKey(device);
      const previous = current(key, now);
      claims.set(key, new Claim(location.gatewayId, location.connectionId, now + ttlMs));
      const same =
        previous && previous.gatewayId === location.gatewayId && previous.connectionId === location.connectionId;
      return previous && !same ? copy(previous) : undefined;
    },

    async release(device, connectionId) {
      const key = deviceKey(device);
      if (claims.get(key)?.connectionId === connectionId) claims.delete(key);
    },

    async lookup(devices) {
      const now = times.offset(clock());
      return devices.map((device) => {
        const claim = current(deviceKey(device), now);
        return claim ? copy(claim) : undefined;
      });
    },
  };
}
