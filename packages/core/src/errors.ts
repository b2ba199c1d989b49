/**
 * The closed set of Parley error codes. Mirrored 1:1 by the proto enum
 * `parley.v1.ErrorCode` (`ERROR_CODE_BAD_FRAME` <-> `'BAD_FRAME'`); a test keeps them in step.
 */
export const ERROR_CODES = [
  'BAD_FRAME',
  'FRAME_TOO_LARGE',
  'UNAUTHENTICATED',
  'AUTH_FAILED',
  'FORBIDDEN',
  'UNKNOWN_RECIPIENT',
  'DEVICES_MISMATCH',
  'RATE_LIMITED',
  'QUEUE_FULL',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_ARGUMENT',
  'UNAVAILABLE',
  'INTERNAL',
  'TIMEOUT',
  'CONNECTION_CLOSED',
  'UNSUPPORTED_VERSION',
  'MEDIA_INTEGRITY',
  'MEDIA_TOO_LARGE',
  'TICKET_INVALID',
  'DECRYPTION_FAILED',
  'UNTRUSTED_IDENTITY',
  'GROUP_FULL',
  'NOT_GROUP_MEMBER',
  'BAD_SIGNATURE',
  'STORE_FAILED',
  'CLOSED',
  'OVERLOADED',
  'GROUP_ADD_REFUSED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes for which the same request may succeed later unchanged. */
const RETRYABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'RATE_LIMITED',
  'UNAVAILABLE',
  'TIMEOUT',
  'CONNECTION_CLOSED',
  'QUEUE_FULL',
  'OVERLOADED',
]);

export interface ParleyErrorOptions {
  retryable?: boolean;
  cause?: unknown;
  /** Extra machine-readable detail, e.g. the devices of a DEVICES_MISMATCH. */
  details?: unknown;
  retryAfterMs?: number;
}

const BRAND = Symbol.for('parley.error');

/** The one error type of Parley. Check with {@link isParleyError}, not `instanceof`. */
export class ParleyError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly details: unknown;
  readonly retryAfterMs: number;
  readonly [BRAND] = true;

  constructor(code: ErrorCode, message?: string, options: ParleyErrorOptions = {}) {
    super(message ?? code, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ParleyError';
    this.code = code;
    this.retryable = options.retryable ?? RETRYABLE.has(code);
    this.details = options.details;
    this.retryAfterMs = options.retryAfterMs ?? 0;
  }

  /** Wraps anything thrown into a ParleyError, keeping ParleyErrors as they are. */
  static from(error: unknown, fallback: ErrorCode = 'INTERNAL'): ParleyError {
    if (isParleyError(error)) return error;
    const message = error instanceof Error ? error.message : String(error);
    return new ParleyError(fallback, message, { cause: error });
  }
}

/** True when `e` is a ParleyError (from any copy of this package), optionally with the given code. */
export function isParleyError(e: unknown, code?: ErrorCode): e is ParleyError {
  if (typeof e !== 'object' || e === null || !(e as Record<symbol, unknown>)[BRAND]) return false;
  return code === undefined || (e as ParleyError).code === code;
}

export function isErrorCode(value: string): value is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(value);
}
