import { describe, expect, it } from 'vitest';
import { PendingSends } from '../src/pending-sends.js';

describe('PendingSends', () => {
  it('matches confirmations to the oldest send of their chat, by text', () => {
    const pending = new PendingSends();
    const a = pending.add('bob', 'one', 1);
    const b = pending.add('bob', 'two', 2);
    const c = pending.add('carol', 'one', 3);
    expect(new Set([a.tempId, b.tempId, c.tempId]).size).toBe(3);
    // A message an earlier visit left in the outbox: not ours, nothing taken.
    expect(pending.confirm('bob', 'left over')).toBeUndefined();
    expect(pending.confirm('bob', 'one')).toBe(a);
    expect(pending.of('bob')).toEqual([b]);
    expect(pending.confirm('carol', 'one')).toBe(c);
    expect(pending.confirm('carol', 'one')).toBeUndefined();
  });

  it('removes a send the outbox never took, once', () => {
    const pending = new PendingSends();
    const a = pending.add('bob', 'one', 1);
    expect(pending.remove(a)).toBe(true);
    expect(pending.remove(a)).toBe(false);
    const b = pending.add('bob', 'two', 2);
    expect(pending.confirm('bob', 'two')).toBe(b);
    expect(pending.remove(b)).toBe(false);
  });
});
