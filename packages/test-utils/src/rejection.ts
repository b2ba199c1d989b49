// What a refused call rejected with: the error itself, and the reason a ParleyError gives.
import { type ErrorCode, isParleyError } from '@parley/core';

/** The error a promise rejects with; throws (failing the test) when it resolves instead. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** What a promise rejected with, or undefined when it resolved: for calls where both outcomes are legitimate. */
export function errorIfRejected(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

/**
 * `details.reason` of a ParleyError (why a message could not be decrypted, why media failed its
 * integrity check), or undefined for anything else; with `code`, only of a ParleyError with that code.
 */
export function reasonOf(error: unknown, code?: ErrorCode): string | undefined {
  return isParleyError(error, code) ? (error.details as { reason?: string } | undefined)?.reason : undefined;
}
