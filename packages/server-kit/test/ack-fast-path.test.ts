import { decodeClientFrame, encodeClientFrame } from '@parley/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainAckIds, sniffDeliverAck } from '../src/gateway/ack-fast-path.js';

const MAX = 512 * 1024;
/** Ids as clients send them (queue ids: ASCII with NUL separators), and some that are not ASCII. */
const asciiId = fc.string({
  unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
  maxLength: 300,
});
const anyId = fc.oneof(asciiId, fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 10 }));

/** What the general decoder says the sniffer should answer. */
function expected(bytes: Uint8Array): string[] | undefined {
  try {
    const frame = decodeClientFrame(bytes, { maxFrameBytes: MAX });
    return frame.body === 'deliverAck' && frame.requestId === 0 ? [...(frame.deliverAck?.ids ?? [])] : undefined;
  } catch {
    return undefined;
  }
}

describe('sniffDeliverAck', () => {
  it('reads every encoded DeliverAck as the general decoder does, the plain ones without it', () => {
    fc.assert(
      fc.property(fc.array(anyId, { maxLength: 40 }), (ids) => {
        const bytes = encodeClientFrame({ deliverAck: { ids } });
        const frame = sniffDeliverAck(bytes, MAX);
        expect(frame?.body).toBe('deliverAck');
        expect(frame?.requestId).toBe(0);
        expect(frame?.deliverAck?.ids ?? []).toEqual(ids);
        // The hand reader takes exactly the all-ASCII acks with at least one id.
        const plain = ids.length > 0 && ids.every((id) => [...id].every((c) => c.charCodeAt(0) < 0x80));
        expect(plainAckIds(bytes)).toEqual(plain ? ids : undefined);
      }),
    );
  });

  it('leaves acks with a request id, other frames and oversized frames to the ordered path', () => {
    expect(sniffDeliverAck(encodeClientFrame({ requestId: 5, deliverAck: { ids: ['a'] } }), MAX)).toBeUndefined();
    expect(
      sniffDeliverAck(encodeClientFrame({ requestId: 5, send: { messageId: 'm', userId: 'u' } }), MAX),
    ).toBeUndefined();
    const big = encodeClientFrame({ deliverAck: { ids: ['x'.repeat(200)] } });
    expect(sniffDeliverAck(big, big.length - 1)).toBeUndefined();
    expect(sniffDeliverAck(big, big.length)?.deliverAck?.ids).toEqual(['x'.repeat(200)]);
    // A request id after the ack (fields in any order are valid protobuf): not a fast-path ack.
    const ack = encodeClientFrame({ deliverAck: { ids: ['a'] } });
    const withId = new Uint8Array([...ack, 0x08, 0x07]);
    expect(plainAckIds(withId)).toBeUndefined();
    expect(sniffDeliverAck(withId, MAX)).toBeUndefined();
  });

  it('refuses an id whose length runs past the end of the frame, even by one byte', () => {
    const ack = encodeClientFrame({ deliverAck: { ids: ['ab', 'cd'] } });
    const longer = ack.slice();
    const lastLength = ack.length - 3; // [IDS_TAG, 2, 'c', 'd']: the last id's length byte
    longer[lastLength] = 3;
    expect(expected(longer)).toBeUndefined();
    expect(plainAckIds(longer)).toBeUndefined();
    expect(sniffDeliverAck(longer, MAX)).toBeUndefined();
  });

  it('never answers differently from the general decoder, whatever the bytes', () => {
    const ack = encodeClientFrame({ deliverAck: { ids: ['g\u0000grp\u0000u\u00001\u0000m-1', 'r\u0000x'] } });
    // Every cut and every single-byte change of a real ack, then random bytes behind the ack's tag.
    const variants: Uint8Array[] = [];
    for (let cut = 0; cut <= ack.length; cut++) variants.push(ack.subarray(0, cut));
    for (let i = 0; i < ack.length; i++) {
      for (const b of [0x00, 0x01, 0x0a, 0x12, 0x7f, 0x80, 0xff]) {
        const changed = new Uint8Array(ack);
        changed[i] = b;
        variants.push(changed);
      }
    }
    // An id one byte longer than the frame, inside an ack whose own length fits it.
    variants.push(new Uint8Array([0xaa, 0x01, 0x04, 0x0a, 0x03, 0x61, 0x62]));
    // Lengths in a longer varint form than needed (valid protobuf, read the general way).
    variants.push(new Uint8Array([0xaa, 0x01, 0x83, 0x00, 0x0a, 0x01, 0x61]));
    variants.push(new Uint8Array([0xaa, 0x01, 0x04, 0x0a, 0x81, 0x00, 0x61]));
    variants.push(new Uint8Array([0xaa, 0x01, 0x05, 0x0a, 0x82, 0x00, 0x0a, 0x00]));
    // ... where reading the long form as one byte shorter would still parse, into other ids.
    const b9 = new Array(9).fill(0x62);
    variants.push(new Uint8Array([0xaa, 0x01, 0x10, 0x0a, 0x82, 0x00, 0x61, 0x0a, 0x0a, 0x09, ...b9]));
    for (const bytes of variants) expect(sniffDeliverAck(bytes, MAX)?.deliverAck?.ids).toEqual(expected(bytes));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (tail) => {
        const bytes = new Uint8Array([0xaa, 0x01, ...tail]);
        const ids = plainAckIds(bytes);
        if (ids) expect(ids).toEqual(expected(bytes));
        expect(sniffDeliverAck(bytes, MAX)?.deliverAck?.ids).toEqual(expected(bytes));
      }),
    );
  });
});
