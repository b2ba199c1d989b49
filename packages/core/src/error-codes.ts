import { type ErrorCode, isErrorCode, ParleyError } from './errors.js';
import { parley } from './gen/parley.js';

const Proto = parley.v1.ErrorCode;
const PREFIX = 'ERROR_CODE_';

/** The proto enum value for a code. */
export function errorCodeToProto(code: ErrorCode): parley.v1.ErrorCode {
  return Proto[`${PREFIX}${code}` as keyof typeof Proto] as parley.v1.ErrorCode;
}

/** The code for a proto enum value; unknown values (a newer peer) map to INTERNAL. */
export function errorCodeFromProto(value: number): ErrorCode {
  const name = (Proto as unknown as Record<number, string>)[value];
  const code = name?.startsWith(PREFIX) ? name.slice(PREFIX.length) : '';
  return isErrorCode(code) ? code : 'INTERNAL';
}

/** Turns a wire Error into a ParleyError. */
export function errorFromProto(error: parley.v1.Error.$Properties): ParleyError {
  const code = errorCodeFromProto(error.code ?? 0);
  return new ParleyError(code, error.message || code, {
    retryable: error.retryable ?? false,
    retryAfterMs: error.retryAfterMs ?? 0,
    details: error.devicesMismatch ?? undefined,
  });
}

/** Turns a ParleyError into a wire Error. */
export function errorToProto(error: ParleyError): parley.v1.Error.$Properties {
  const out: parley.v1.Error.$Properties = {
    code: errorCodeToProto(error.code),
    message: error.message,
    retryable: error.retryable,
    retryAfterMs: error.retryAfterMs,
  };
  if (error.code === 'DEVICES_MISMATCH' && error.details) {
    out.devicesMismatch = error.details as parley.v1.DevicesMismatch.$Properties;
  }
  return out;
}
