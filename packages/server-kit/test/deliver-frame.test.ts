// A Deliver frame written straight from the queue's envelope parts (issue 15 aim 4: one copy per
// member envelope) is byte for byte the frame built from whole envelopes, and decodes to them.
import { decodeServerFrame } from '@parley/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeDeliverFrame, encodeDeliverFrameOf, encodeEnvelope, withSeq } from '../src/messages/envelope.js';

const parts = fc.record({
  id: fc.string({ minLength: 1, maxLength: 40 }),
  seq: fc.oneof(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })),
  shared: fc.option(fc.uint8Array({ minLength: 0, maxLength: 300 }), { nil: undefined }),
});

describe('encodeDeliverFrameOf', () => {
  it('writes the frame encodeDeliverFrame writes from withSeq envelopes', () => {
    fc.assert(
      fc.property(fc.array(parts, { minLength: 1, maxLength: 20 }), (list) => {
        const envelopes = list.map((p) => ({ data: encodeEnvelope({ id: p.id }), seq: p.seq, shared: p.shared }));
        const expected = encodeDeliverFrame(envelopes.map((e) => withSeq(e.data, e.seq, e.shared)));
        expect([...encodeDeliverFrameOf(envelopes)]).toEqual([...expected]);
      }),
    );
  });

  it('decodes to the merged envelope with its seq (a group member entry after its shared part)', () => {
    const shared = encodeEnvelope({ messageId: 'm1', groupId: 'g', serverTime: 5 });
    const frame = decodeServerFrame(
      encodeDeliverFrameOf([
        { data: encodeEnvelope({ id: 'q1' }), seq: 2 ** 40 + 3, shared },
        { data: encodeEnvelope({ id: 'q2' }), seq: 7 },
      ]),
    );
    const [first, second] = frame.deliver?.envelopes ?? [];
    expect([first?.id, first?.messageId, first?.groupId, Number(first?.seq)]).toEqual(['q1', 'm1', 'g', 2 ** 40 + 3]);
    expect([second?.id, second?.messageId, Number(second?.seq)]).toEqual(['q2', '', 7]);
  });
});
