import type { PrivacySettings } from '../contracts/presence-store.js';

/**
 * What the policy needs to know about users: typically a {@link PresenceStore}'s `settings` and
 * `isContact`, or a hook of the embedding app that knows contacts its own way.
 */
export interface PresencePolicyDeps {
  /** The privacy settings of a user (defaults for a user who never set them). */
  settingsOf(userId: string): Promise<PrivacySettings>;
  /** True when `otherId` is in `ownerId`'s contact list (one-directional). */
  isContact(ownerId: string, otherId: string): Promise<boolean>;
}

/**
 * Whether a user with `settings` shares their last seen and online status with another user,
 * leaving reciprocity aside: `'everyone'` shares with all, `'contacts'` with those in the
 * owner's own contact list (`otherIsContact`: the other user is in the owner's list, not the
 * reverse), `'nobody'` with none.
 */
export function sharesPresenceWith(settings: PrivacySettings, otherIsContact: boolean): boolean {
  switch (settings.lastSeen) {
    case 'everyone':
      return true;
    case 'contacts':
      return otherIsContact;
    case 'nobody':
      return false;
  }
}

/**
 * Whether `viewer` may receive `subject`'s presence: online status and last seen, which are
 * always shown or withheld together. A viewer without permission receives nothing about the
 * subject, not even online: the server sends no snapshot and no live change, so the viewer
 * cannot tell "hidden" from "never online".
 *
 * The rule, as in WhatsApp, is symmetric: presence is visible when each of the two shares with
 * the other.
 * 1. A user always sees their own presence.
 * 2. The subject must share with the viewer: subject's `'everyone'`, or `'contacts'` with the
 *    viewer in the subject's contact list; never with `'nobody'`.
 * 3. Reciprocity: the viewer must share with the subject in the same sense. A viewer with
 *    `'nobody'` sees nobody's presence; a viewer with `'contacts'` sees only users in their own
 *    contact list (who also share with them). This follows WhatsApp's "if you don't share your
 *    last seen with someone, you can't see theirs".
 *
 * So with A = subject's setting and B = viewer's setting, visible iff
 * `shares(A, viewer ∈ subject.contacts) && shares(B, subject ∈ viewer.contacts)`.
 */
export async function canSeePresence(viewerId: string, subjectId: string, deps: PresencePolicyDeps): Promise<boolean> {
  if (viewerId === subjectId) return true;
  const subject = await deps.settingsOf(subjectId);
  if (subject.lastSeen === 'nobody') return false;
  if (subject.lastSeen === 'contacts' && !(await deps.isContact(subjectId, viewerId))) return false;
  const viewer = await deps.settingsOf(viewerId);
  if (viewer.lastSeen === 'nobody') return false;
  return viewer.lastSeen === 'everyone' || (await deps.isContact(viewerId, subjectId));
}

/**
 * Whether a read receipt from `readerId` (who read the message) reaches `senderId` (who sent it)
 * in a 1:1 chat. As in WhatsApp, a user with read receipts off neither sends nor sees them: the
 * receipt flows only when both have them on. A user's own devices always learn that the user
 * read a message (`readerId === senderId`), so unread counts clear everywhere. Delivered receipts
 * are not affected by this setting and always flow; group chats are not covered by this rule.
 */
export async function canSeeReadReceipts(
  readerId: string,
  senderId: string,
  deps: Pick<PresencePolicyDeps, 'settingsOf'>,
): Promise<boolean> {
  if (readerId === senderId) return true;
  const [reader, sender] = await Promise.all([deps.settingsOf(readerId), deps.settingsOf(senderId)]);
  return reader.readReceipts && sender.readReceipts;
}
