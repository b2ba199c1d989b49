import { ParleyError, type parley } from '@parley/core';
import { verifyJoinConsent } from '@parley/core/groups';
import type { ServerStores } from '../contracts/stores.js';

/** Longest a join consent may still be valid for when it is used (its signer chose the expiry). */
export const MAX_JOIN_CONSENT_MS = 7 * 24 * 60 * 60 * 1000;

/** What checking consents reads: the identity keys devices published. */
export type JoinConsentPorts = Pick<ServerStores, 'keys'>;

/**
 * The users among `newcomers` whose signed consent (given by accepting an invitation) lets `actor`
 * add them to `groupId` whatever their setting. A consent must name this group and this actor,
 * be unexpired and expire within {@link MAX_JOIN_CONSENT_MS}, name a user the change brings in,
 * and verify under the identity key the invitee device published: otherwise the change is refused
 * (INVALID_ARGUMENT, or BAD_SIGNATURE for a signature that does not verify).
 */
export async function consentedUsers(
  ports: JoinConsentPorts,
  consents: readonly parley.v1.GroupJoinConsent.$Properties[],
  context: { groupId: string; actor: string; newcomers: readonly string[]; now: number },
): Promise<Set<string>> {
  const users = new Set<string>();
  for (const consent of consents) {
    const userId = consent.invitee?.userId ?? '';
    const expiresAt = consent.expiresAt ?? 0;
    if (consent.groupId !== context.groupId || consent.inviterUserId !== context.actor) {
      throw new ParleyError('INVALID_ARGUMENT', 'a join consent is for another group or another inviter');
    }
    if (expiresAt <= context.now || expiresAt > context.now + MAX_JOIN_CONSENT_MS) {
      throw new ParleyError('INVALID_ARGUMENT', `the join consent of ${userId} has expired or expires too late`);
    }
    if (!context.newcomers.includes(userId) || users.has(userId)) {
      throw new ParleyError('INVALID_ARGUMENT', `a join consent of ${userId}, whom this change does not add (once)`);
    }
    const identity = await ports.keys.identity({ userId, deviceId: consent.invitee?.deviceId ?? 0 });
    if (!identity || !(await verifyJoinConsent(consent, identity.identityKey))) {
      throw new ParleyError('BAD_SIGNATURE', `the join consent of ${userId} is not signed by a device of theirs`);
    }
    users.add(userId);
  }
  return users;
}
