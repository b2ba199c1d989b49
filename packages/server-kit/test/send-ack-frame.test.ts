// The hand-encoded SendAck frame must decode to exactly what the generated encoder's bytes decode to,
// for every field at its edges; anything it does not take goes the generated way.
import { decodeServerFrame, encodeServerFrame, pb } from '@parley/core';
import { describe, expect, it } from 'vitest';
import { encodeReply, encodeSendAckFrame } from '../src/messages/send-ack-frame.js';

type Ack = Parameters<typeof encodeSendAckFrame>[1];

const plain = (bytes: Uint8Array) =>
  pb.ServerFrame.toObject(decodeServerFrame(bytes) as never, { defaults: true, longs: Number, oneofs: true });
const generated = (requestId: number, sendAck: Ack) => encodeServerFrame({ requestId, sendAck });

describe('encodeSendAckFrame', () => {
  const cases: Array<[number, Ack]> = [
    [1, { messageId: 'm1', serverTime: 1_765_000_000_000, recipients: 2 }],
    [7, { messageId: 'm-2', serverTime: 1_765_000_000_000, recipients: 1, deliveredAt: 1_765_000_000_005 }],
    [2 ** 53 - 1, { messageId: 'x'.repeat(64), serverTime: 2 ** 53 - 1, recipients: 0xffffffff, deliveredAt: 127 }],
    [128, { messageId: 'a', serverTime: 0, recipients: 0, deliveredAt: 0 }],
    [300, { messageId: '', serverTime: 128, recipients: 16_384 }],
    [0, { messageId: 'no-request-id', serverTime: 5 }],
    [3, {}],
  ];
  it.each(cases)('request %d decodes as the generated encoding does', (requestId, ack) => {
    const mine = encodeSendAckFrame(requestId, ack);
    expect(mine).toBeDefined();
    expect(plain(mine as Uint8Array)).toEqual(plain(generated(requestId, ack)));
  });

  it('leaves what it does not take to the generated encoder', () => {
    expect(encodeSendAckFrame(1, { messageId: 'é', serverTime: 1 })).toBeUndefined();
    expect(encodeSendAckFrame(1, { messageId: 'm', serverTime: -1 })).toBeUndefined();
    expect(encodeSendAckFrame(1, { messageId: 'm', serverTime: 1.5 })).toBeUndefined();
    expect(encodeSendAckFrame(1, { messageId: 'm', recipients: 2 ** 32 })).toBeUndefined();
    expect(encodeSendAckFrame(-1, { messageId: 'm' })).toBeUndefined();
  });
});

describe('encodeReply', () => {
  it('answers a SendAck, and anything else, as the generated encoder does', () => {
    const replies = [
      { sendAck: { messageId: 'm1', serverTime: 9, recipients: 1, deliveredAt: 10 } },
      { sendAck: { messageId: 'é', serverTime: 9 } },
      { pong: { nonce: 42 } },
    ];
    for (const reply of replies) {
      expect(plain(encodeReply(11, reply))).toEqual(plain(encodeServerFrame({ ...reply, requestId: 11 })));
    }
  });
});
