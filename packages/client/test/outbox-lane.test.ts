import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeLane, type Lane, parseLane } from '../src/outbox/lane.js';

// Ids as the server accepts them: 1 to 128 characters, no control characters. Biased towards the
// strings a lane's tags are made of, so near-collisions are actually tried.
const isControl = (c: string) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f;
const id = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 128, unit: 'grapheme' }),
    fc.constantFrom('receipts', 'resend', 'chat', 'receipts\u0020x', 'resend 1', '1'),
    fc.tuple(fc.constantFrom('receipts', 'resend'), fc.string({ maxLength: 8 })).map(([a, b]) => `${a}${b}`),
  )
  .filter((s) => s.length > 0 && s.length <= 128 && ![...s].some(isControl));

const lane: fc.Arbitrary<Lane> = fc.oneof(
  id.map((chatId) => ({ kind: 'chat' as const, chatId })),
  id.map((chatId) => ({ kind: 'receipts' as const, chatId })),
  fc
    .record({ userId: id, deviceId: fc.integer({ min: 0, max: 0x7fffffff }) })
    .map((to) => ({ kind: 'resend' as const, to })),
);

describe('outbox lanes', () => {
  it('every lane round-trips through its string form', () => {
    fc.assert(
      fc.property(lane, (l) => {
        expect(parseLane(encodeLane(l))).toEqual(l);
      }),
    );
  });

  it('no two different lanes share a string, whatever their kinds', () => {
    fc.assert(
      fc.property(lane, lane, (a, b) => {
        if (encodeLane(a) === encodeLane(b)) expect(a).toEqual(b);
      }),
    );
    // The tags themselves, as chat ids, stay chat lanes.
    for (const chatId of ['receipts', 'resend']) {
      expect(parseLane(encodeLane({ kind: 'chat', chatId }))).toEqual({ kind: 'chat', chatId });
    }
  });

  it('keeps the string form records were stored with', () => {
    expect(encodeLane({ kind: 'chat', chatId: 'bob' })).toBe('bob');
    expect(encodeLane({ kind: 'receipts', chatId: 'bob' })).toBe('receipts\u001fbob');
    expect(encodeLane({ kind: 'resend', to: { userId: 'bob', deviceId: 7 } })).toBe('resend\u001fbob\u001f7');
  });

  it('reads no lane from a string encodeLane never makes', () => {
    for (const text of [
      '',
      'a\u001fb',
      'receipts\u001f',
      'resend\u001fbob',
      'resend\u001fbob\u001fx',
      'resend\u001f\u001f1',
    ]) {
      expect(parseLane(text)).toBeUndefined();
    }
  });
});
