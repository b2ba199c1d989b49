import { describe, expect, it } from 'vitest';
import { oneof, pb } from '../src/index.js';

describe('oneof', () => {
  it('returns the set case of a decoded frame with its value', () => {
    const bytes = pb.ClientFrame.encode({ requestId: 7, send: { messageId: 'm1' } }).finish();
    const got = oneof(pb.ClientFrame.decode(bytes), 'body');
    expect(got.case).toBe('send');
    if (got.case !== 'send') throw new Error('narrowing');
    // Narrowed: `value` is a Send here, no cast needed.
    expect(got.value.messageId).toBe('m1');
  });

  it('reads each case of a server frame', () => {
    const bytes = pb.ServerFrame.encode({ goodbye: { reason: 1 } }).finish();
    const got = oneof(pb.ServerFrame.decode(bytes), 'body');
    expect(got.case).toBe('goodbye');
  });

  it('returns no case when none is set, or when only the case name is', () => {
    expect(oneof(pb.ClientFrame.decode(pb.ClientFrame.encode({ requestId: 1 }).finish()), 'body')).toEqual({
      case: undefined,
      value: undefined,
    });
    const handBuilt = { body: 'send' } as unknown as pb_ClientFrame;
    expect(oneof(handBuilt, 'body').case).toBeUndefined();
  });
});

type pb_ClientFrame = InstanceType<typeof pb.ClientFrame>;
