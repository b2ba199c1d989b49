import { type GroupMemberStatus, type GroupReceiptStore, reached } from '../contracts/group-receipt-store.js';
import { type DeviceAddress, deviceKey } from '../contracts/types.js';

interface Cursor {
  since: string;
  delivered: string;
  read: string;
}

interface Head {
  membersVersion: number;
  last: string;
  announced: { delivered: string; read: string };
  cursors: Map<string, Cursor>;
}

/** An in-memory {@link GroupReceiptStore}: for tests and single-process development. */
export function memoryGroupReceiptStore(): GroupReceiptStore {
  const heads = new Map<string, Head>();
  const keyOf = (groupId: string, sender: DeviceAddress) => `${groupId}\u0000${deviceKey(sender)}`;
  const headOf = (groupId: string, sender: DeviceAddress): Head => {
    const key = keyOf(groupId, sender);
    let head = heads.get(key);
    if (!head) {
      head = { membersVersion: -1, last: '', announced: { delivered: '', read: '' }, cursors: new Map() };
      heads.set(key, head);
    }
    return head;
  };

  return {
    async sent(groupId, sender, messageId, members, membersVersion) {
      const head = headOf(groupId, sender);
      if (head.membersVersion !== membersVersion) {
        const listed = new Set(members);
        for (const member of head.cursors.keys()) if (!listed.has(member)) head.cursors.delete(member);
        for (const member of listed) {
          if (!head.cursors.has(member)) head.cursors.set(member, { since: head.last, delivered: '', read: '' });
        }
        head.membersVersion = membersVersion;
      }
      if (messageId > head.last) head.last = messageId;
    },

    async advance(groupId, sender, member, status, messageId) {
      const cursor = heads.get(keyOf(groupId, sender))?.cursors.get(member);
      if (!cursor) return false;
      let moved = false;
      if (messageId > cursor.delivered) {
        cursor.delivered = messageId;
        moved = true;
      }
      if (status === 'read' && messageId > cursor.read) {
        cursor.read = messageId;
        moved = true;
      }
      return moved;
    },

    async aggregate(groupId, sender) {
      const head = heads.get(keyOf(groupId, sender));
      if (!head || head.cursors.size === 0) return {};
      let delivered: string | undefined;
      let read: string | undefined;
      for (const c of head.cursors.values()) {
        const d = reached(c.delivered, c.since);
        const r = reached(c.read, c.since);
        if (delivered === undefined || d < delivered) delivered = d;
        if (read === undefined || r < read) read = r;
      }
      return { ...(delivered ? { delivered } : {}), ...(read ? { read } : {}) };
    },

    async announce(groupId, sender, status, upTo) {
      const head = headOf(groupId, sender);
      if (upTo <= head.announced[status]) return false;
      head.announced[status] = upTo;
      return true;
    },

    async members(groupId, sender, messageId): Promise<GroupMemberStatus[]> {
      const head = heads.get(keyOf(groupId, sender));
      if (!head) return [];
      const out: GroupMemberStatus[] = [];
      for (const [userId, c] of head.cursors) {
        if (c.since >= messageId) continue; // joined after it was sent
        const status = c.read >= messageId ? 'read' : c.delivered >= messageId ? 'delivered' : 'sent';
        out.push({ userId, status });
      }
      return out.sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
    },
  };
}
