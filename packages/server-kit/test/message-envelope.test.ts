// A 1:1 message's envelope written by hand (issue 15 aim 1: every send makes one per device) is
// byte for byte what protobufjs encodes, also from payloads as the frame decoder makes them.
import { pb } from '@parley/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeEnvelope } from '../src/messages/envelope.js';
import { encodeMessageEnvelope, type MessageEnvelope } from '../src/messages/message-envelope.js';

const text = (maxLength: number) =>
  fc.oneof(fc.string({ maxLength }), fc.string({ unit: 'grapheme', maxLength }), fc.constant(''));

const envelope: fc.Arbitrary<MessageEnvelope> = fc.record(
  {
    id: text(90),
    messageId: text(64),
    sender: fc.record({
      userId: text(60),
      deviceId: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 0xffffffff })),
    }),
    serverTime: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300 }), fc.maxSafeNat()),
    message: fc.record(
      { type: fc.integer({ min: 0, max: 0x7fffffff }), data: fc.uint8Array({ maxLength: 400 }) },
      { requiredKeys: [] },
    ),
    conversationUserId: fc.option(text(40), { nil: undefined }),
  },
  { requiredKeys: ['id', 'messageId', 'sender', 'serverTime', 'message'] },
);

const bytes = (b: Uint8Array) => [...b];
const protobufjs = (e: MessageEnvelope) => {
  const { conversationUserId, ...rest } = e;
  return encodeEnvelope(conversationUserId === undefined ? rest : { ...rest, conversationUserId });
};

describe('encodeMessageEnvelope', () => {
  it('writes the bytes protobufjs writes', () => {
    fc.assert(
      fc.property(envelope, (e) => {
        expect(bytes(encodeMessageEnvelope(e))).toEqual(bytes(protobufjs(e)));
      }),
      { numRuns: 500 },
    );
  });

  it('writes a decoded payload (defaults on its prototype) and decodes back to the same envelope', () => {
    const payload = pb.Payload.decode(pb.Payload.encode({ type: 1, data: new Uint8Array([1, 2, 3]) }).finish());
    const e = {
      id: 'd\u0000alice\u00001\u0000m-1\u00000',
      messageId: 'm-1',
      sender: { userId: 'alice', deviceId: 1 },
      serverTime: 1_765_000_000_000,
      message: payload,
      conversationUserId: 'bob',
    };
    const ours = encodeMessageEnvelope(e);
    expect(bytes(ours)).toEqual(bytes(protobufjs(e)));
    expect(pb.Envelope.toObject(pb.Envelope.decode(new Uint8Array(ours)), { longs: Number })).toEqual(
      pb.Envelope.toObject(pb.Envelope.decode(new Uint8Array(protobufjs(e))), { longs: Number }),
    );
    const empty = pb.Payload.decode(new Uint8Array(0)); // type and data only on the prototype
    expect(bytes(encodeMessageEnvelope({ ...e, message: empty }))).toEqual(bytes(protobufjs({ ...e, message: empty })));
  });

  it('leaves what it does not write to protobufjs (a type past int32, a fractional time, unknown fields)', () => {
    // A payload carrying an unknown field 9 (varint 1), which protobufjs writes back.
    const unknown = { type: 1, data: new Uint8Array([7]), $unknowns: [new Uint8Array([0x48, 0x01])] } as never;
    const base = { id: 'q', messageId: 'm', sender: { userId: 'a', deviceId: 1 }, serverTime: 5 };
    for (const e of [
      { ...base, message: { type: -1, data: new Uint8Array([1]) } },
      { ...base, message: { type: 2 ** 31, data: new Uint8Array([1]) } }, // past int32: protobufjs wraps it
      { ...base, serverTime: 1.5, message: { type: 1, data: new Uint8Array([1]) } },
      { ...base, message: unknown },
    ]) {
      expect(bytes(encodeMessageEnvelope(e))).toEqual(bytes(protobufjs(e)));
    }
  });
});
