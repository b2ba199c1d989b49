import { TimeBase } from '../contracts/time-base.js';
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

/**
 * One remembered key, kept small: every device that logged in recently has one (aim 5 of issue 15).
 * The key's bytes as a one-byte string (48 bytes for 32 key bytes, where a Uint8Array copy with its
 * ArrayBuffer cost about 230), the time as an offset (see TimeBase).
 */
class Entry {
  constructor(
    readonly authKey: string,
    readonly verifiedAt: number,
  ) {}
}

const keyOf = (userId: string, deviceId: number) => `${deviceId}:${userId}`;

/**
 * The bytes as a string of char codes 0-255, which V8 stores one byte per char: made in one call
 * (a flat string; appending char by char would make a rope), in slices for a very long key.
 */
function byteString(bytes: Uint8Array): string {
  let s = '';
  for (let at = 0; at < bytes.length; at += 4096) s += String.fromCharCode(...bytes.subarray(at, at + 4096));
  return s;
}

/** Auth keys the device registry confirmed recently, per (user, device); bounded, with expiry. */
export class VerifiedKeyCache {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly clock: Clock;
  private readonly times = new TimeBase();

  constructor(options: VerifiedKeyCacheOptions = {}) {
    this.maxEntries = Math.max(1, options.maxEntries ?? 10_000);
    this.ttlMs = options.ttlMs ?? 10 * 60_000;
    this.clock = options.clock ?? Date.now;
  }

  /** The registry confirmed this key for the device just now. */
  remember(userId: string, deviceId: number, authKey: Uint8Array): void {
    const key = keyOf(userId, deviceId);
    this.entries.delete(key); // re-inserted last: the Map's order is the eviction order
    this.entries.set(key, new Entry(byteString(authKey), this.times.offset(this.clock())));
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
    if (this.clock() - this.times.at(entry.verifiedAt) > this.ttlMs) {
      this.entries.delete(key);
      return false;
    }
    return authKey.length > 0 && entry.authKey === byteString(authKey);
  }

  get size(): number {
    return this.entries.size;
  }
}
