import { ParleyError } from '@parley/core';
import type { GroupSnapshot } from '@parley/core/groups';
import type { ServerStores } from '../contracts/stores.js';

/** What the checks read: who has signed in, and each user's "who can add me to groups" setting. */
export type GroupAddCheckPorts = Pick<ServerStores, 'devices' | 'presence'>;

/** The users a change brings into the group: members after it who were not before, the actor aside. */
export function newcomers(actor: string, before: GroupSnapshot | undefined, after: GroupSnapshot): string[] {
  const had = new Set(before?.members.map((m) => m.userId) ?? []);
  return after.members.map((m) => m.userId).filter((u) => u !== actor && !had.has(u));
}

/**
 * Refuses a create or add that names users who may not be added, before anything is stored:
 * - UNKNOWN_RECIPIENT when a user never signed in (has no device), as a 1:1 send to them is;
 * - GROUP_ADD_REFUSED when a user's setting refuses the actor: `'nobody'`, or `'contacts'` while
 *   the actor is not in that user's contact list (the list the user set with `SetContacts`).
 *   Users in `consented` (who accepted an invitation to this group) pass whatever their setting.
 * Both name the users concerned in `details.userIds` (`Error.user_ids` on the wire).
 */
export async function checkNewcomers(
  ports: GroupAddCheckPorts,
  actor: string,
  userIds: readonly string[],
  consented: ReadonlySet<string> = new Set(),
): Promise<void> {
  if (userIds.length === 0) return;
  const devices = await Promise.all(userIds.map((u) => ports.devices.list(u)));
  const unknown = userIds.filter((_, i) => (devices[i]?.length ?? 0) === 0);
  if (unknown.length > 0) {
    throw new ParleyError('UNKNOWN_RECIPIENT', `never signed in: ${unknown.join(', ')}`, {
      details: { userIds: unknown },
    });
  }
  const presence = ports.presence;
  if (!presence) return;
  const allowed = await Promise.all(
    userIds.map(async (userId) => {
      if (consented.has(userId)) return true;
      const { groupAdd } = await presence.settings(userId);
      if (groupAdd === 'everyone') return true;
      return groupAdd === 'contacts' && (await presence.isContact(userId, actor));
    }),
  );
  const refused = userIds.filter((_, i) => !allowed[i]);
  if (refused.length > 0) {
    throw new ParleyError(
      'GROUP_ADD_REFUSED',
      `these users do not let ${actor} add them to groups (send an invitation): ${refused.join(', ')}`,
      { details: { userIds: refused } },
    );
  }
}
