import { bytesEqual } from '@parley/core';
import type { Clock } from '../contracts/types.js';

// Lets a device that authenticated recently reconnect while the device registry (the database)
// is down, instead of being refused until it is back. The cache is a fallback only: whenever the
// registry answers, its answer decides and refreshes or clears the entry, so the cache can never
// admit a device the registry refuses. While the registry is down it admits only an exact
// (user, device, auth key) that the registry confirmed within `ttlMs`, on this gateway. The
// signature over the server's fresh nonce is always checked first, so a cached key admits only
// the holder of its private key. Removing a device through `forgetOnRemove` clears it here at once;
// a removal made elsewhere is seen at the device's next lookup, and the TTL bounds the rest.

export interface VerifiedKeyCacheOptions {
  /** Most devices remembered; the least recently verified go first. Default 10,000. */
  maxEntries?: number;
  /** How long after the registry last confirmed a key it may stand in for it. Default 10 minutes. */
  ttlMs?: number;
  clock?: Clock;
}

interface Entry {
  authKey: Uint8Array;
  verifiedAt: number;
}

const keyOf = (userId: string, deviceId: number) => `${deviceId}:${userId}`;

/** Auth keys the device registry confirmed recently, per (user, device); bounded, with expiry. */
export class VerifiedKeyCache {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly clock: Clock;

  constructor(options: VerifiedKeyCacheOptions = {}) {
    this.maxEntries = Math.max(1, options.maxEntries ?? 10_000);
    this.ttlMs = options.ttlMs ?? 10 * 60_000;
    this.clock = options.clock ?? Date.now;
  }

  /** The registry confirmed this key for the device just now. */
  remember(userId: string, deviceId: number, authKey: Uint8Array): void {
    const key = keyOf(userId, deviceId);
    this.entries.delete(key); // re-inserted last: the Map's order is the eviction order
    this.entries.set(key, { authKey: new Uint8Array(authKey), verifiedAt: this.clock() });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  /** The registry does not have this device (or it was removed): never admit it from here. */
  forget(userId: string, deviceId: number): void {
    this.entries.delete(keyOf(userId, deviceId));
  }

  /** Whether `authKey` is the device's key as the registry confirmed it within the TTL. */
  vouches(userId: string, deviceId: number, authKey: Uint8Array): boolean {
    const key = keyOf(userId, deviceId);
    const entry = this.entries.get(key);
    if (!entry) return false;
    if (this.clock() - entry.verifiedAt > this.ttlMs) {
      this.entries.delete(key);
      return false;
    }
    return authKey.length > 0 && bytesEqual(entry.authKey, authKey);
  }

  get size(): number {
    return this.entries.size;
  }
}
