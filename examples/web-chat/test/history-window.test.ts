import { describe, expect, it } from 'vitest';
import { MAX_RENDERED, overflow, placeOf } from '../src/views/history-window.js';

describe('history window', () => {
  it('drops what goes past the most bubbles kept', () => {
    expect(overflow(MAX_RENDERED)).toBe(0);
    expect(overflow(MAX_RENDERED + 100)).toBe(100);
    expect(overflow(5)).toBe(0);
  });

  it('shows a message inside the loaded range, and leaves one past an end with more beyond', () => {
    const loaded = { first: '10', last: '20' };
    expect(placeOf('15', loaded, { hasOlder: true, hasNewer: true })).toBe('inside');
    expect(placeOf('25', loaded, { hasOlder: false, hasNewer: false })).toBe('inside');
    expect(placeOf('25', loaded, { hasOlder: false, hasNewer: true })).toBe('beyond');
    expect(placeOf('05', loaded, { hasOlder: true, hasNewer: false })).toBe('beyond');
    expect(placeOf('05', loaded, { hasOlder: false, hasNewer: false })).toBe('inside');
    expect(placeOf('05', { first: undefined, last: undefined }, { hasOlder: true, hasNewer: true })).toBe('inside');
  });
});
