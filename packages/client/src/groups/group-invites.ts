// Group invitations: when a user's "who can add me to groups" setting refuses an admin
// (GROUP_ADD_REFUSED), the admin sends an invitation instead, as an encrypted 1:1 content. The
// invitee accepts by answering with a consent signed by its device's identity key; the admin
// device that issued the invitation checks the answer against what it issued and only then adds
// the invitee, handing the consent to the server in place of the setting. This module owns the
// two namespaces of invitations issued and received.
import { isValidMessageId, ParleyError } from '@parley/core';
import { isValidGroupId, isValidGroupUserId, MAX_GROUP_NAME_LENGTH } from '@parley/core/groups';
import type { StoreTx } from '../stores/client-store.js';
import { NS } from '../stores/namespaces.js';

/** A sending device (the shape of `PeerAddress` in events.ts, which imports this module). */
type PeerAddress = { userId: string; deviceId: number };

/** How long an invitation can be accepted (the server takes consents up to 7 days ahead). */
export const INVITE_TTL_MS = 3 * 24 * 60 * 60 * 1000;

/** Most invitations kept as received: past it, the expired ones and then the oldest make room (anyone can send one). */
export const MAX_RECEIVED_INVITES = 200;

/** An invitee's signed consent to be added to one group by one inviter (`GroupJoinConsent`). */
export interface JoinConsent {
  groupId: string;
  invitee: { userId: string; deviceId: number };
  inviterUserId: string;
  expiresAt: number;
  signature: Uint8Array;
}

/** The body of an invitation content: the offer (inviter to invitee), or the answer accepting it. */
export type InviteBody =
  | { kind: 'offer'; groupId: string; groupName: string; inviteId: string; expiresAt: number }
  | { kind: 'accept'; inviteId: string; consent: JoinConsent };

/** An invitation this user received (`group:invited`); accept it with `groups.acceptInvite(inviteId)`. */
export interface GroupInvitation {
  inviteId: string;
  groupId: string;
  /** The group's name when the invitation was made. */
  groupName: string;
  /** Who invited (an admin of the group when inviting). */
  from: string;
  expiresAt: number;
}

/** An invitation this device issued, kept until answered or expired. */
interface IssuedInvite {
  groupId: string;
  invitee: string;
  expiresAt: number;
  accepted: boolean;
}

/** What filing an invitation content asks the client to do after commit. */
export type InviteFiled =
  | { kind: 'invited'; invitation: GroupInvitation }
  | { kind: 'inviteAccepted'; inviteId: string; groupId: string; userId: string; consent: JoinConsent }
  | { kind: 'refused'; id: string; from: PeerAddress; targetId: string; action: string; reason: string };

const bad = (message: string) => new ParleyError('BAD_FRAME', message);

/** Checks a decoded offer or accept (BAD_FRAME for one outside the rules). */
export function checkInviteBody(body: InviteBody): InviteBody {
  if (!isValidMessageId(body.inviteId)) throw bad('invitation without a valid invite id');
  if (body.kind === 'offer') {
    if (!isValidGroupId(body.groupId)) throw bad('invitation without a valid group id');
    if (body.groupName.length > MAX_GROUP_NAME_LENGTH) throw bad('invitation with a group name too long');
    if (!Number.isSafeInteger(body.expiresAt) || body.expiresAt < 1) throw bad('invitation without an expiry');
    return body;
  }
  const c = body.consent;
  if (
    !isValidGroupId(c.groupId) ||
    !isValidGroupUserId(c.invitee.userId) ||
    !isValidGroupUserId(c.inviterUserId) ||
    !Number.isSafeInteger(c.expiresAt) ||
    c.signature.byteLength !== 64
  ) {
    throw bad('invitation answer without a valid consent');
  }
  return body;
}

/** Records an invitation this device issues, dropping the expired ones it issued before. */
export async function putIssuedInvite(tx: StoreTx, inviteId: string, invite: IssuedInvite, now: number): Promise<void> {
  for (const [id, issued] of await tx.list<IssuedInvite>(NS.invitesIssued)) {
    if (issued.expiresAt <= now) await tx.delete(NS.invitesIssued, id);
  }
  await tx.put(NS.invitesIssued, inviteId, invite);
}

/** Keeps received invitations under {@link MAX_RECEIVED_INVITES}: expired ones go first, then the soonest to expire. */
async function makeRoom(tx: StoreTx, now: number): Promise<void> {
  const all = await tx.list<GroupInvitation>(NS.invitesReceived);
  if (all.length < MAX_RECEIVED_INVITES) return;
  const byExpiry = all.sort(([, a], [, b]) => a.expiresAt - b.expiresAt);
  const expired = byExpiry.filter(([, i]) => i.expiresAt <= now).length;
  const drop = Math.max(expired, all.length - MAX_RECEIVED_INVITES + 1);
  for (const [id] of byExpiry.slice(0, drop)) await tx.delete(NS.invitesReceived, id);
}

export const getReceivedInvite = (tx: StoreTx, inviteId: string) =>
  tx.get<GroupInvitation>(NS.invitesReceived, inviteId);

/** Invitations this user received that have not expired, oldest first. */
export async function listReceivedInvites(tx: StoreTx, now: number): Promise<GroupInvitation[]> {
  const all = (await tx.list<GroupInvitation>(NS.invitesReceived)).map(([, i]) => i);
  return all.filter((i) => i.expiresAt > now).sort((a, b) => a.expiresAt - b.expiresAt);
}

/**
 * Files an invitation content received in a 1:1 chat, inside the inbox transaction. An offer is kept
 * (the first with an id wins) and reported; an answer counts only on the device that issued the
 * invitation, for that invitee's device, that group and this user, before the invitation expires,
 * once: then it is reported for the add. Answers for invitations this device did not issue are
 * ignored (another device of this user issued them).
 */
export async function fileInvite(
  tx: StoreTx,
  body: InviteBody,
  o: { id: string; from: PeerAddress; selfUserId: string; now: number },
): Promise<InviteFiled[]> {
  const { from } = o;
  if (body.kind === 'offer') {
    // This user's own offer, copied to its other devices: nothing to accept.
    if (from.userId === o.selfUserId) return [];
    if (await getReceivedInvite(tx, body.inviteId)) return [];
    const invitation: GroupInvitation = {
      inviteId: body.inviteId,
      groupId: body.groupId,
      groupName: body.groupName,
      from: from.userId,
      expiresAt: body.expiresAt,
    };
    await makeRoom(tx, o.now);
    await tx.put(NS.invitesReceived, body.inviteId, invitation);
    return [{ kind: 'invited', invitation }];
  }
  const issued = await tx.get<IssuedInvite>(NS.invitesIssued, body.inviteId);
  if (!issued) return [];
  const refuse = (reason: string): InviteFiled[] => [
    { kind: 'refused', id: o.id, from, targetId: body.inviteId, action: 'invite', reason },
  ];
  const c = body.consent;
  if (issued.invitee !== from.userId) return refuse('the answer does not come from the invitee');
  if (c.invitee.userId !== from.userId || c.invitee.deviceId !== from.deviceId) {
    return refuse('the consent is not signed by the answering device');
  }
  if (c.groupId !== issued.groupId || c.inviterUserId !== o.selfUserId || c.expiresAt > issued.expiresAt) {
    return refuse('the consent is not for the invitation issued');
  }
  if (issued.expiresAt <= o.now) return refuse('the invitation expired');
  if (issued.accepted) return refuse('the invitation was accepted already');
  await tx.put(NS.invitesIssued, body.inviteId, { ...issued, accepted: true });
  return [
    { kind: 'inviteAccepted', inviteId: body.inviteId, groupId: issued.groupId, userId: from.userId, consent: c },
  ];
}
