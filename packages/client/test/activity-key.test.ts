import { describe, expect, it } from 'vitest';
import { decodeActivityKey, encodeActivityKey } from '../src/history/activity-key.js';

describe('activity key codec', () => {
  it('round-trips any chat id and whole-ms time, and sorts by time then chat id', () => {
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alphabet = ['a', 'Z', '0', '\u001f', '\u0000', 'é', '😀', '/', ' '];
    const keys = Array.from({ length: 500 }, () => ({
      at: random(4) === 0 ? random(10) : random(2_000_000_000) * 1000 + random(1000),
      chatId: Array.from({ length: random(8) }, () => alphabet[random(alphabet.length)]).join(''),
    }));
    for (const key of keys) expect(decodeActivityKey(encodeActivityKey(key))).toEqual(key);
    const byKey = [...keys].sort((a, b) => (encodeActivityKey(a) < encodeActivityKey(b) ? -1 : 1));
    for (let i = 1; i < byKey.length; i++) {
      const [a, b] = [byKey[i - 1]!, byKey[i]!];
      expect(a.at < b.at || (a.at === b.at && a.chatId <= b.chatId)).toBe(true);
    }
  });

  it('clamps times outside its range and rejects what it did not make', () => {
    expect(decodeActivityKey(encodeActivityKey({ at: -5, chatId: 'x' }))).toEqual({ at: 0, chatId: 'x' });
    expect(decodeActivityKey(encodeActivityKey({ at: Number.NaN, chatId: 'x' }))).toEqual({ at: 0, chatId: 'x' });
    expect(decodeActivityKey(encodeActivityKey({ at: 1e20, chatId: 'x' }))?.at).toBe(Number.MAX_SAFE_INTEGER);
    for (const bad of ['', 'garbage', '000000000000000', '00000000000000001x', `abcdefghijklmnop\u001fx`]) {
      expect(decodeActivityKey(bad)).toBeUndefined();
    }
  });
});
