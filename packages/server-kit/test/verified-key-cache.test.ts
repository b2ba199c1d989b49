import { describe, expect, it } from 'vitest';
import { VerifiedKeyCache } from '../src/index.js';

// The cache keeps each key as a byte string and its time relative to the cache's first entry (to
// stay small per device): both must still vouch for exactly the bytes and the window remembered.

const key = (length: number, fill: (i: number) => number) => Uint8Array.from({ length }, (_, i) => fill(i) & 0xff);

describe('VerifiedKeyCache', () => {
  it('vouches for exactly the bytes remembered, whatever their values and length', () => {
    const cache = new VerifiedKeyCache();
    const high = key(32, (i) => 200 + i); // bytes >= 128 too
    const long = key(5_000, (i) => i * 7); // longer than one conversion slice
    cache.remember('alice', 1, high);
    cache.remember('bob', 2, long);
    expect(cache.vouches('alice', 1, high)).toBe(true);
    expect(cache.vouches('alice', 1, Uint8Array.from(high))).toBe(true);
    expect(cache.vouches('bob', 2, long)).toBe(true);

    const lastByte = Uint8Array.from(high);
    lastByte[31] = (lastByte[31] as number) ^ 1;
    expect(cache.vouches('alice', 1, lastByte)).toBe(false);
    const highBit = Uint8Array.from(high);
    highBit[0] = (highBit[0] as number) ^ 0x80; // a char code above 127 must not fold onto another
    expect(cache.vouches('alice', 1, highBit)).toBe(false);
    const beyondSlice = Uint8Array.from(long);
    beyondSlice[4_500] = (beyondSlice[4_500] as number) ^ 1;
    expect(cache.vouches('bob', 2, beyondSlice)).toBe(false);
    expect(cache.vouches('alice', 1, high.subarray(0, 31))).toBe(false);
    expect(cache.vouches('alice', 1, new Uint8Array())).toBe(false);
    expect(cache.vouches('alice', 2, high)).toBe(false);
  });

  it('never vouches for an empty key, even one remembered', () => {
    const cache = new VerifiedKeyCache();
    cache.remember('alice', 1, new Uint8Array());
    expect(cache.vouches('alice', 1, new Uint8Array())).toBe(false);
  });

  it("counts each entry's TTL from its own verification, at wall-clock times", () => {
    let now = 1_780_000_000_000; // a Date.now() of 2026
    const cache = new VerifiedKeyCache({ ttlMs: 60_000, clock: () => now });
    const a = key(32, (i) => i);
    const b = key(32, (i) => 255 - i);
    cache.remember('a', 1, a);
    now += 50_000;
    cache.remember('b', 1, b);
    now += 10_000; // a verified exactly ttlMs ago: still vouched for
    expect(cache.vouches('a', 1, a)).toBe(true);
    now += 1;
    expect(cache.vouches('a', 1, a)).toBe(false);
    expect(cache.vouches('b', 1, b)).toBe(true);
    // A new verification restarts the window.
    cache.remember('a', 1, a);
    now += 60_000;
    expect(cache.vouches('a', 1, a)).toBe(true);
    expect(cache.vouches('b', 1, b)).toBe(false);
  });
});
