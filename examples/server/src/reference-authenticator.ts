import { type Authenticator, keyAuthenticator } from '@parley/server-kit';

/** Appended when a name is in use: on a demo server the usual way out is not to link a device. */
export const DEMO_NAME_TAKEN_HINT =
  'on this demo server you may also reset it (stop it and delete its data folder) or start it with --demo-replace-devices';

/**
 * The reference server's logins: open registration with key authentication; with
 * `demoReplaceDevices`, a new unlinked device replaces the user's devices (see the README).
 */
export function referenceAuthenticator(options: { demoReplaceDevices?: boolean | undefined }): Authenticator {
  const inner = keyAuthenticator({
    registration: 'open',
    ...(options.demoReplaceDevices ? { replaceDevices: async () => true } : {}),
  });
  return {
    async authenticate(attempt, context) {
      const decision = await inner.authenticate(attempt, context);
      if (decision.ok || !decision.reason.includes('already has a device')) return decision;
      return { ...decision, reason: `${decision.reason}; ${DEMO_NAME_TAKEN_HINT}` };
    },
  };
}
