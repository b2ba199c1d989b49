import { encodeClientFrame } from '@parley/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { peekClientFrame } from '../src/gateway/frame-peek.js';

describe('peekClientFrame', () => {
  it('reads the request id and body field of any encoded frame', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.string({ maxLength: 40 }), (requestId, text) => {
        const send = encodeClientFrame({ requestId, send: { messageId: 'm', userId: text || 'u' } });
        expect(peekClientFrame(send)).toEqual({ requestId, body: 20 });
        const ack = encodeClientFrame({ requestId: 0, deliverAck: { ids: [text] } });
        expect(peekClientFrame(ack)).toEqual({ requestId: 0, body: 21 });
      }),
    );
  });

  it('gives up on bytes that do not parse, whatever they are', () => {
    const frame = encodeClientFrame({ requestId: 7, send: { messageId: 'm', userId: 'bob' } });
    for (let cut = 1; cut < frame.length; cut++) {
      const peek = peekClientFrame(frame.subarray(0, cut));
      // A prefix either fails to parse or is a shorter well-formed frame; it never reads past the end.
      if (peek) expect(peek.requestId === 7 || peek.requestId === 0).toBe(true);
    }
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const peek = peekClientFrame(bytes);
        if (peek) expect(Number.isSafeInteger(peek.requestId)).toBe(true);
      }),
    );
    expect(peekClientFrame(new Uint8Array([0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]))).toBe(
      undefined,
    );
  });
});
