import { describe, expect, it } from 'vitest';
import {
  ERROR_CODES,
  errorCodeFromProto,
  errorCodeToProto,
  errorFromProto,
  errorToProto,
  isParleyError,
  ParleyError,
  pb,
} from '../src/index.js';

describe('ParleyError', () => {
  it('mirrors the proto ErrorCode enum one to one', () => {
    const protoNames = Object.keys(pb.ErrorCode)
      .filter((k) => k !== 'ERROR_CODE_UNSPECIFIED')
      .map((k) => k.replace(/^ERROR_CODE_/, ''));
    expect([...ERROR_CODES].sort()).toEqual([...new Set(protoNames)].sort());
    for (const code of ERROR_CODES) expect(errorCodeFromProto(errorCodeToProto(code))).toBe(code);
  });

  it('maps unknown wire codes to INTERNAL', () => {
    expect(errorCodeFromProto(9999)).toBe('INTERNAL');
    expect(errorCodeFromProto(0)).toBe('INTERNAL');
  });

  it('is recognised by brand, not instanceof, so duplicate installs still match', () => {
    const e = new ParleyError('RATE_LIMITED', 'slow down', { retryAfterMs: 300 });
    expect(isParleyError(e)).toBe(true);
    expect(isParleyError(e, 'RATE_LIMITED')).toBe(true);
    expect(isParleyError(e, 'BAD_FRAME')).toBe(false);
    expect(e.retryable).toBe(true);
    const foreign = Object.assign(Object.create(null), { [Symbol.for('parley.error')]: true, code: 'BAD_FRAME' });
    expect(isParleyError(foreign, 'BAD_FRAME')).toBe(true);
    expect(isParleyError(new Error('x'))).toBe(false);
    expect(isParleyError(null)).toBe(false);
  });

  it('round-trips through the wire form with details', () => {
    const details = { missing: [{ userId: 'bob', deviceId: 2 }], extra: [], stale: [] };
    const wire = errorToProto(new ParleyError('DEVICES_MISMATCH', 'stale', { details }));
    const back = errorFromProto(pb.Error.decode(pb.Error.encode(wire).finish()));
    expect(back.code).toBe('DEVICES_MISMATCH');
    expect(back.retryable).toBe(false);
    expect(back.details).toMatchObject({ missing: [{ userId: 'bob', deviceId: 2 }] });
  });

  it('wraps foreign errors with a cause', () => {
    const cause = new TypeError('boom');
    const e = ParleyError.from(cause, 'UNAVAILABLE');
    expect(e.code).toBe('UNAVAILABLE');
    expect(e.cause).toBe(cause);
    expect(ParleyError.from(e)).toBe(e);
  });
});
