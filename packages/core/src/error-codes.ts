import { type ErrorCode, isErrorCode, ParleyError } from './errors.js';
import { parley } from './gen/parley.js';

const Proto = parley.v1.ErrorCode;
const PREFIX = 'ERROR_CODE_';

// Code name -> proto value, read once from the generated enum (its names are PREFIX + code).
const TO_PROTO = new Map<string, parley.v1.ErrorCode>();
for (const [name, value] of Object.entries(Proto)) {
  if (typeof value === 'number' && name.startsWith(PREFIX)) TO_PROTO.set(name.slice(PREFIX.length), value);
}

/** The proto enum value for a code (every code has one: a test keeps the two in step). */
export function errorCodeToProto(code: ErrorCode): parley.v1.ErrorCode {
  return TO_PROTO.get(code) ?? Proto.ERROR_CODE_INTERNAL;
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
    details: error.devicesMismatch ?? (error.userIds?.length ? { userIds: [...error.userIds] } : undefined),
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
  if (error.code === 'DEVICES_MISMATCH' && typeof error.details === 'object' && error.details !== null) {
    out.devicesMismatch = parley.v1.DevicesMismatch.fromObject(error.details);
  }
  const userIds = errorUserIds(error);
  if (userIds.length > 0) out.userIds = userIds;
  return out;
}

/**
 * The users an error names (`details.userIds`): with UNKNOWN_RECIPIENT or GROUP_ADD_REFUSED
 * answering a group create or add, the users who never signed in or whose setting refused.
 */
export function errorUserIds(error: ParleyError): string[] {
  const details = error.details as { userIds?: unknown } | null | undefined;
  const ids = typeof details === 'object' && details !== null ? details.userIds : undefined;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}
