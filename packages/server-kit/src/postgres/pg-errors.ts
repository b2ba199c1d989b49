import { isParleyError, ParleyError } from '@parley/core';

/**
 * SQLSTATEs of the transaction bounds (pg-timeouts.ts): 55P03 a lock not granted within
 * lock_timeout, 57014 a statement cancelled by statement_timeout, 25P03 a session ended for idling
 * in a transaction. The same request may succeed a moment later, so they are retryable too.
 */
const TIMEOUT_STATES = ['55P03', '57014', '25P03'];

/**
 * SQLSTATEs that mean "the server is not there right now": the 08 class (connection exceptions)
 * is matched by prefix; these are the others. 57P01-57P03: admin shutdown, crash shutdown, cannot
 * connect now (starting up or shutting down); 53300: too many connections; 25006: read-only
 * transaction (a standby during a failover).
 */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '25006', ...TIMEOUT_STATES]);

/** Socket errors of the driver's connection. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
]);

/** The driver's own errors for a connection that broke, timed out or was never made (pg and pg-pool). */
const DRIVER_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|not queryable|Cannot use a pool after calling end/i;

/** SQLSTATEs after which the same transaction may simply run again: serialization failure, deadlock. */
const RETRY_STATES = new Set(['40001', '40P01']);

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/** True when `error` says PostgreSQL cannot be reached or is restarting (so the request may succeed later). */
export function isPgUnavailable(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return false;
  const code = codeOf(error);
  if (code !== undefined && (code.startsWith('08') || UNAVAILABLE_STATES.has(code) || SOCKET_CODES.has(code))) {
    return true;
  }
  if (error instanceof Error && DRIVER_MESSAGES.test(error.message)) return true;
  // Node reports a failed connect to a name with several addresses as an AggregateError.
  const inner = (error as { errors?: unknown }).errors;
  return Array.isArray(inner) && inner.some(isPgUnavailable);
}

/** True for a transaction that lost a race and may run again unchanged. */
export const isPgRetryable = (error: unknown): boolean => RETRY_STATES.has(codeOf(error) ?? '');

/**
 * What the adapters throw for a driver error: ParleyErrors as they are, connection trouble as a
 * retryable ParleyError('UNAVAILABLE') (clients retry from their outboxes), anything else unchanged
 * (the gateway reports it as UNAVAILABLE too, but logs it as unexpected).
 */
export function fromPgError(error: unknown): unknown {
  if (isParleyError(error) || !isPgUnavailable(error)) return error;
  return new ParleyError('UNAVAILABLE', 'PostgreSQL is unavailable', { cause: error });
}
