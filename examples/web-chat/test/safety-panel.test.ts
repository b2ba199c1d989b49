import { describe, expect, it } from 'vitest';
import { identityNoticeText, safetyRows } from '../src/views/safety-panel.js';

describe('safety panel', () => {
  it('shows the 60 digits as 3 rows of 4 groups of 5', () => {
    const digits = Array.from({ length: 60 }, (_, i) => String(i % 10)).join('');
    expect(safetyRows(digits)).toEqual([
      '01234 56789 01234 56789',
      '01234 56789 01234 56789',
      '01234 56789 01234 56789',
    ]);
  });

  it('words each identity notice', () => {
    expect(identityNoticeText({ kind: 'identity', userId: 'bob', deviceId: 0 })).toContain("bob's account key changed");
    expect(identityNoticeText({ kind: 'identity', userId: 'bob', deviceId: 3 })).toContain('device 3 has a new key');
    expect(identityNoticeText({ kind: 'devices', userId: 'bob', added: [7], removed: [] })).toContain('added device 7');
    expect(identityNoticeText({ kind: 'flagged', userId: 'bob', deviceId: 9, reason: 'x' })).toContain('never added');
  });
});
