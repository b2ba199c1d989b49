import type { ParleyClient } from '@parley/client';

/** How a group is written after `#`: its name in lowercase, spaces as dashes ("Dinner crew" → dinner-crew). */
export const groupSlug = (name: string): string => name.trim().toLowerCase().replace(/\s+/g, '-');

/** The shortest id prefix `#` accepts, so a short word is read as a name, not an id. */
const MIN_ID_PREFIX = 6;

/** The groups this device is in, by id and by the `#name` the user types. Reads the client's local state only. */
export class GroupDirectory {
  constructor(private readonly client: ParleyClient) {}

  /** The group's name when `chatId` is a group this device knows, else undefined (a 1:1 chat). */
  async nameOf(chatId: string): Promise<string | undefined> {
    return (await this.client.groups.get(chatId))?.name;
  }

  /** The one group `#ref` names among the groups this user is a member of. */
  async resolve(ref: string): Promise<{ id: string; name: string } | { message: string }> {
    const groups = (await this.client.groups.list()).filter((g) => g.isMember);
    const bySlug = groups.filter((g) => groupSlug(g.name) === ref);
    const matches =
      bySlug.length > 0 ? bySlug : groups.filter((g) => ref.length >= MIN_ID_PREFIX && g.id.startsWith(ref));
    if (matches.length === 1) return { id: matches[0]!.id, name: matches[0]!.name };
    if (matches.length === 0) return { message: `you are in no group #${ref} (/groups lists yours)` };
    return { message: `#${ref} names ${matches.length} groups: use an id prefix (/groups shows ids)` };
  }
}
