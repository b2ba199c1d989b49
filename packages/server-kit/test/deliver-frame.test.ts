// A Deliver frame written straight from the queue's envelope parts (issue 15 aim 4: one copy per
// member envelope) is byte for byte the frame built from whole envelopes, and decodes to them.
import { decodeServerFrame } from '@parley/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as wsModule from 'ws';
import { wsBinaryFrameLead } from '../src/gateway/ws-direct-write.js';
import {
  deliverFrameChunks,
  encodeDeliverFrame,
  encodeDeliverFrameOf,
  encodeEnvelope,
  withSeq,
} from '../src/messages/envelope.js';

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

const concat = (chunks: Uint8Array[]) => [...Buffer.concat(chunks)];
/** The header `ws` itself puts in front of a server's binary message of `length` bytes. */
const wsHeader = (length: number) => [...(wsSender.frame(Buffer.alloc(length), wsOptions)[0] as Buffer)];
/** `ws`'s own framing (exported, though its types leave it out). */
const wsSender = (wsModule as unknown as { Sender: { frame(data: Buffer, options: never): Buffer[] } }).Sender;
const wsOptions = { fin: true, opcode: 2, mask: false, readOnly: false, rsv1: false } as never;

describe('deliverFrameChunks', () => {
  // Shared parts on both sides of the length from which they are referenced, not copied.
  const big = fc.record({
    id: fc.string({ minLength: 1, maxLength: 40 }),
    seq: fc.oneof(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })),
    shared: fc.option(fc.uint8Array({ minLength: 200, maxLength: 2000 }), { nil: undefined }),
    long: fc.boolean(),
  });

  it('writes, chunk after chunk, the frame encodeDeliverFrameOf writes, after the WebSocket header ws writes', () => {
    fc.assert(
      fc.property(fc.array(big, { minLength: 1, maxLength: 6 }), (list) => {
        const envelopes = list.map((p) => ({
          data: encodeEnvelope(p.long ? { id: p.id, messageId: 'x'.repeat(300) } : { id: p.id }),
          seq: p.seq,
          shared: p.shared,
        }));
        const expected = [...encodeDeliverFrameOf(envelopes)];
        const plain = deliverFrameChunks(envelopes);
        expect(concat(plain.chunks)).toEqual(expected);
        expect(plain.length).toBe(expected.length);
        const framed = deliverFrameChunks(envelopes, wsBinaryFrameLead);
        expect(concat(framed.chunks)).toEqual([...wsHeader(expected.length), ...expected]);
      }),
      { numRuns: 300 },
    );
  });

  it('writes the header ws writes at every length class (7-bit, 16-bit and 64-bit lengths)', () => {
    for (const length of [0, 1, 125, 126, 127, 65_535, 65_536, 70_000, 16_777_216]) {
      const out = new Uint8Array(wsBinaryFrameLead.size(length));
      wsBinaryFrameLead.write(out, length);
      expect([...out]).toEqual(wsHeader(length));
    }
  });

  it('writes every member of one group message the same head: the shared part is copied once, not per member', () => {
    const shared = encodeEnvelope({ messageId: 'm1', groupId: 'g', message: { type: 4, data: new Uint8Array(1000) } });
    const plain = encodeEnvelope({ id: 'q1' });
    const frames = [5, 9, 127, 128, 300, 2 ** 40].map((seq) =>
      deliverFrameChunks([{ data: plain, seq, shared }], wsBinaryFrameLead),
    );
    const heads = frames.map((f) => f.chunks[0]);
    // Seqs of one varint size share the head; the tail (the entry and its seq) is the member's own.
    expect(heads[1]).toBe(heads[0]);
    expect(heads[2]).toBe(heads[0]);
    expect(heads[4]).toBe(heads[3]);
    expect(heads[3]).not.toBe(heads[0]);
    for (const f of frames) expect(f.chunks).toHaveLength(2);
    // A member whose entry differs (a key distribution) gets a frame of its own, still decoding right.
    const withKey = encodeEnvelope({ id: 'q1', senderKeyDistribution: { type: 3, data: new Uint8Array([7]) } });
    const decoded = decodeServerFrame(Buffer.concat(deliverFrameChunks([{ data: withKey, seq: 6, shared }]).chunks))
      .deliver?.envelopes?.[0];
    expect([
      decoded?.id,
      decoded?.messageId,
      Number(decoded?.seq),
      [...(decoded?.senderKeyDistribution?.data ?? [])],
    ]).toEqual(['q1', 'm1', 6, [7]]);
    // Several envelopes in one frame reference each long shared part itself.
    const batch = deliverFrameChunks([
      { data: plain, seq: 1, shared },
      { data: plain, seq: 2, shared },
    ]);
    expect(batch.chunks.filter((c) => c === shared)).toHaveLength(2);
  });
});
