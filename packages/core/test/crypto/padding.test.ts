import { describe, expect, it } from 'vitest';
import { PADDING_BLOCK_SIZE, padContent, unpadContent } from '../../src/crypto/index.js';
import { isParleyError } from '../../src/errors.js';

describe('content padding', () => {
  it('round-trips every length and pads to multiples of 160 bytes', () => {
    for (let length = 0; length <= 500; length++) {
      const content = globalThis.crypto.getRandomValues(new Uint8Array(length));
      const padded = padContent(content);
      expect(padded.byteLength % PADDING_BLOCK_SIZE).toBe(0);
      expect(padded.byteLength).toBeGreaterThan(length);
      expect(padded.byteLength - length).toBeLessThanOrEqual(PADDING_BLOCK_SIZE);
      expect(unpadContent(padded)).toEqual(content);
    }
  });

  it('hides the exact length: contents of 0..159 bytes all pad to 160', () => {
    expect(padContent(new Uint8Array(0)).byteLength).toBe(160);
    expect(padContent(new Uint8Array(159)).byteLength).toBe(160);
    expect(padContent(new Uint8Array(160)).byteLength).toBe(320);
    expect(padContent(new Uint8Array(10), 64).byteLength).toBe(64);
  });

  it('keeps trailing zeros and 0x80 bytes of the content itself', () => {
    const content = Uint8Array.of(1, 0x80, 0, 0);
    const padded = padContent(content);
    expect(Array.from(padded.subarray(0, 6))).toEqual([1, 0x80, 0, 0, 0x80, 0]);
    expect(unpadContent(padded)).toEqual(content);
  });

  it('rejects malformed padding', () => {
    for (const bad of [new Uint8Array(0), new Uint8Array(160), Uint8Array.of(1, 2, 3), Uint8Array.of(0x80, 0, 1)]) {
      let error: unknown;
      try {
        unpadContent(bad);
      } catch (e) {
        error = e;
      }
      expect(isParleyError(error, 'INVALID_ARGUMENT')).toBe(true);
    }
  });
});
