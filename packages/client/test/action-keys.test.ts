import { describe, expect, it } from 'vitest';
import { actionKey, actionPrefix, expiryKey, parseActionKey, parseExpiryKey } from '../src/actions/action-keys.js';

const ids = ['m1', '0192f0c4-7d2a-7c3e-9a51-2b8e4f1d6a01', 'x'.repeat(128), 'ü😀', ''];

describe('action store keys', () => {
  it('round-trip, list a target’s actions under its prefix, and refuse the separator', () => {
    for (const targetId of ids) {
      for (const actionId of ids) {
        const key = actionKey(targetId, actionId);
        expect(parseActionKey(key)).toEqual({ targetId, actionId });
        expect(key.startsWith(actionPrefix(targetId))).toBe(true);
      }
    }
    expect(actionKey('m1', 'a').startsWith(actionPrefix('m'))).toBe(false);
    expect(() => actionKey('a\u001fb', 'c')).toThrow(RangeError);
  });

  it('round-trip expiry keys, which sort by time', () => {
    const times = [0, 1, 999, 1_764_300_000_000, Number.MAX_SAFE_INTEGER];
    for (const t of times)
      for (const id of ids) expect(parseExpiryKey(expiryKey(t, id))).toEqual({ expiresAt: t, messageId: id });
    const keys = times.map((t) => expiryKey(t, 'z'));
    expect([...keys].sort()).toEqual(keys);
    expect(() => expiryKey(-1, 'a')).toThrow(RangeError);
  });
});
