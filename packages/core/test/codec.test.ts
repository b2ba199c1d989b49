import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_FRAME_BYTES,
  decodeClientFrame,
  decodeServerFrame,
  encodeClientFrame,
  isParleyError,
  ParleyError,
  pb,
} from '../src/index.js';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (!isParleyError(e)) throw new Error(`threw a non-Parley error: ${String(e)}`);
    return e.code;
  }
  return 'no error';
}

describe('frame codec', () => {
  it('round-trips a frame and keeps 64-bit fields as numbers', () => {
    const bytes = encodeClientFrame({ requestId: 2 ** 40, ping: { nonce: 1764300000000 } });
    const frame = decodeClientFrame(bytes);
    expect(frame.body).toBe('ping');
    expect(frame.requestId).toBe(2 ** 40);
    expect(frame.ping?.nonce).toBe(1764300000000);
  });

  it('refuses frames over the limit with FRAME_TOO_LARGE, in both directions', () => {
    const big = encodeClientFrame(
      { requestId: 1, send: { messageId: 'x', userId: 'b', shared: { type: 1, data: new Uint8Array(600 * 1024) } } },
      { maxFrameBytes: 1 << 20 },
    );
    expect(big.byteLength).toBeGreaterThan(DEFAULT_MAX_FRAME_BYTES);
    expect(codeOf(() => decodeClientFrame(big))).toBe('FRAME_TOO_LARGE');
    expect(codeOf(() => decodeClientFrame(big, { maxFrameBytes: 1 << 20 }))).toBe('no error');
    expect(
      codeOf(() => encodeClientFrame({ requestId: 1, send: { shared: { data: new Uint8Array(600 * 1024) } } })),
    ).toBe('FRAME_TOO_LARGE');
  });

  it('turns every malformed input into BAD_FRAME and nothing else', () => {
    const cases: Uint8Array[] = [
      new Uint8Array([0xff]),
      new Uint8Array([0x0a, 0x05, 0x01]), // truncated length-delimited field
      new Uint8Array([0x08]), // truncated varint
      new Uint8Array([0x08, 0x01]), // request id only: no body
      new Uint8Array([0x52, 0x02, 0x12, 0x02, 0xc3, 0x28]), // hello.user_id with invalid UTF-8
      new Uint8Array([0x0b, 0x0c]), // groups
      new Uint8Array([0x07]),
    ];
    for (const bytes of cases) {
      expect(
        codeOf(() => decodeClientFrame(bytes)),
        `bytes ${Array.from(bytes)}`,
      ).toBe('BAD_FRAME');
      expect(codeOf(() => decodeServerFrame(bytes))).toBe('BAD_FRAME');
    }
    expect(codeOf(() => decodeClientFrame('text' as unknown as Uint8Array))).toBe('BAD_FRAME');
  });

  it('never throws anything but a ParleyError on random bytes', () => {
    let seed = 1;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    for (let i = 0; i < 5000; i++) {
      const bytes = new Uint8Array(rand() % 64);
      for (let j = 0; j < bytes.length; j++) bytes[j] = rand() & 0xff;
      try {
        decodeClientFrame(bytes);
      } catch (e) {
        expect(e).toBeInstanceOf(ParleyError);
      }
    }
  });

  it('decodes a frame from a newer peer, ignoring fields it does not know', () => {
    const known = pb.ServerFrame.encode({ requestId: 5, ok: {} }).finish();
    const withUnknown = new Uint8Array([...known, 0xf8, 0x3e, 0x01]); // field 999 varint
    expect(decodeServerFrame(withUnknown).body).toBe('ok');
  });
});
