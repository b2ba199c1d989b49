// What a refused call rejected with, for the interop tests.
import { isParleyError } from '@parley/core';

/** `details.reason` of a ParleyError (why a message could not be decrypted), if any. */
export const reasonOf = (error: unknown): string | undefined =>
  isParleyError(error) ? (error.details as { reason?: string } | undefined)?.reason : undefined;

/** The error a promise rejects with; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
