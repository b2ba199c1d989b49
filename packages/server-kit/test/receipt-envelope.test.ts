// A receipt's envelope written by hand (issue 15 aim 1: one is queued per message whose delivered
// receipt is not folded into its SendAck) is byte for byte what protobufjs encodes, and decodes to it.
import { decodeServerFrame, pb } from '@parley/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeDeliverFrame, encodeEnvelope, withSeq } from '../src/messages/envelope.js';
import { encodeReceiptEnvelope } from '../src/messages/receipt-envelope.js';

const text = (maxLength: number) =>
  fc.oneof(fc.string({ maxLength }), fc.string({ unit: 'grapheme', maxLength }), fc.constant(''));
const uint = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300 }), fc.maxSafeNat());

const event = fc.record(
  {
    messageIds: fc.array(text(70), { maxLength: 5 }),
    status: fc.constantFrom(0, 1, 2, 3),
    byUserId: text(60),
    at: uint,
    groupId: text(50),
    peerUserId: text(50),
    allMembers: fc.boolean(),
    senderDeviceId: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 0xffffffff })),
  },
  { requiredKeys: [] },
);

const bytes = (b: Uint8Array) => [...b];

describe('encodeReceiptEnvelope', () => {
  it('writes the bytes protobufjs writes for Envelope{ id, server_time, receipt }', () => {
    fc.assert(
      fc.property(text(80), uint, event, (id, serverTime, receipt) => {
        expect(bytes(encodeReceiptEnvelope(id, serverTime, receipt))).toEqual(
          bytes(encodeEnvelope({ id, serverTime, receipt })),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('decodes, once delivered with its seq, to the envelope protobufjs encodes', () => {
    const receipt = {
      messageIds: ['m-1', 'm-2'],
      status: pb.ReceiptStatus.RECEIPT_STATUS_DELIVERED,
      byUserId: 'bob-é-😀',
      at: 1_765_000_000_123,
    };
    const id = 'r\u0000bob\u0000delivered\u0000m-1';
    const frame = (data: Uint8Array) => decodeServerFrame(encodeDeliverFrame([withSeq(data, 42)])).deliver?.envelopes;
    const ours = frame(encodeReceiptEnvelope(id, 1_765_000_000_456, receipt));
    expect(ours).toEqual(frame(encodeEnvelope({ id, serverTime: 1_765_000_000_456, receipt })));
    expect(ours?.[0]?.receipt?.byUserId).toBe('bob-é-😀');
    expect(Number(ours?.[0]?.receipt?.at)).toBe(1_765_000_000_123);
  });

  it('leaves what it does not write to protobufjs (a negative status, a Long, unknown fields)', () => {
    const odd = [
      { status: -1, messageIds: ['m'] },
      { at: { low: 5, high: 1, unsigned: true } as never, messageIds: ['m'] },
      { senderDeviceId: 2 ** 33 },
      { $unknowns: [new Uint8Array([0x48, 0x01])] } as never,
    ];
    for (const receipt of odd) {
      expect(bytes(encodeReceiptEnvelope('q', 7, receipt))).toEqual(
        bytes(encodeEnvelope({ id: 'q', serverTime: 7, receipt })),
      );
    }
  });
});
