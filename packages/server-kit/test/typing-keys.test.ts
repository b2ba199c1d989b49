import { describe, expect, it } from 'vitest';
import { groupOfTypingKey, groupTypingKey } from '../src/presence/typing-handler.js';

describe('typing chat keys', () => {
  it('round-trips group ids and never reads a user id as a group', () => {
    for (const id of ['g', '0192f0c4-7d2a-7c3e-9a51-2b8e4f1d6a01', 'a'.repeat(64), 'group', ' x ']) {
      expect(groupOfTypingKey(groupTypingKey(id))).toBe(id);
    }
    for (const userId of ['alice', 'group', 'group\u001fx', '']) expect(groupOfTypingKey(userId)).toBeUndefined();
  });
});
