import type Database from 'better-sqlite3';
import type { GroupMemberStatus, GroupReceiptStore } from '../contracts/group-receipt-store.js';
import { committerFor } from './group-commit.js';
import { GroupReceiptCursors } from './group-receipt-cursors.js';
import { GroupReceiptHeads } from './group-receipt-heads.js';
import { migrate } from './migrations.js';

/** Options of {@link sqliteGroupReceiptStore}. */
export interface SqliteGroupReceiptStoreOptions {
  db: Database.Database;
}

type Sender = [groupId: string, senderUser: string, senderDevice: number];

/** One cursor batch and one head batch per database, whatever number of stores share them. */
const leadsByDb = new WeakMap<Database.Database, { cursors: GroupReceiptCursors; heads: GroupReceiptHeads }>();

/** A {@link GroupReceiptStore} in SQLite: one row per (group, sending device) and one per counted member. */
export function sqliteGroupReceiptStore(options: SqliteGroupReceiptStoreOptions): GroupReceiptStore {
  const { db } = options;
  migrate(db);
  const committer = committerFor(db);
  const { submit } = committer;
  const where = 'group_id = ? AND sender_user = ? AND sender_device = ?';
  const getHead = db.prepare<Sender, { members_version: number; last: string }>(
    `SELECT members_version, last FROM group_receipt_heads WHERE ${where}`,
  );
  const putHead = db.prepare<[...Sender, number, string]>(
    `INSERT INTO group_receipt_heads (group_id, sender_user, sender_device, members_version, last, announced_delivered, announced_read)
     VALUES (?, ?, ?, ?, ?, '', '')
     ON CONFLICT (group_id, sender_user, sender_device) DO UPDATE SET members_version = excluded.members_version, last = max(last, excluded.last)`,
  );
  const listMembers = db.prepare<Sender, string>(`SELECT member FROM group_receipt_cursors WHERE ${where}`).pluck();
  const addMember = db.prepare<[...Sender, string, string]>(
    `INSERT OR IGNORE INTO group_receipt_cursors (group_id, sender_user, sender_device, member, since, delivered, read)
     VALUES (?, ?, ?, ?, ?, '', '')`,
  );
  const dropMember = db.prepare<[...Sender, string]>(`DELETE FROM group_receipt_cursors WHERE ${where} AND member = ?`);
  const aggregate = db.prepare<Sender, { delivered: string | null; read: string | null }>(
    `SELECT min(max(delivered, since)) AS delivered, min(max(read, since)) AS read
     FROM group_receipt_cursors WHERE ${where}`,
  );
  const announceDelivered = db.prepare<[string, ...Sender, string]>(
    `UPDATE group_receipt_heads SET announced_delivered = ? WHERE ${where} AND announced_delivered < ?`,
  );
  const announceRead = db.prepare<[string, ...Sender, string]>(
    `UPDATE group_receipt_heads SET announced_read = ? WHERE ${where} AND announced_read < ?`,
  );
  const ensureHead = db.prepare<Sender>(
    `INSERT OR IGNORE INTO group_receipt_heads (group_id, sender_user, sender_device, members_version, last, announced_delivered, announced_read)
     VALUES (?, ?, ?, -1, '', '', '')`,
  );
  const memberRows = db.prepare<Sender, { member: string; since: string; delivered: string; read: string }>(
    `SELECT member, since, delivered, read FROM group_receipt_cursors WHERE ${where} ORDER BY member`,
  );

  const syncHead = (key: Sender, messageId: string, members: readonly string[], version: number) => {
    const head = getHead.get(...key);
    if (!head || head.members_version !== version) {
      const since = head?.last ?? '';
      const listed = new Set(members);
      for (const member of listMembers.all(...key)) if (!listed.has(member)) dropMember.run(...key, member);
      for (const member of listed) addMember.run(...key, member, since);
    }
    putHead.run(...key, version, messageId);
  };
  const sentTx = db.transaction(syncHead);
  let leads = leadsByDb.get(db);
  if (!leads) {
    // Heads first: a head that (against expectation) syncs members does so before cursors move.
    leads = {
      heads: new GroupReceiptHeads(syncHead, committer.touch),
      cursors: new GroupReceiptCursors(db, committer.touch),
    };
    committer.addLead(leads.heads);
    committer.addLead(leads.cursors);
    leadsByDb.set(db, leads);
  }
  const { heads, cursors: batch } = leads;

  const announceTx = db.transaction((key: Sender, read: boolean, upTo: string): boolean => {
    ensureHead.run(...key);
    return (read ? announceRead : announceDelivered).run(upTo, ...key, upTo).changes > 0;
  });

  const keyOf = (groupId: string, sender: { userId: string; deviceId: number }): Sender => [
    groupId,
    sender.userId,
    sender.deviceId,
  ];

  return {
    sharedCommit: committer,
    async sent(groupId, sender, messageId, members, membersVersion) {
      const key = keyOf(groupId, sender);
      const list = [...members];
      // Members counted at this version already: the head joins the send's own batch (no job, which
      // would end the previous group message's fan-out hold, see group-receipt-heads.ts).
      if (heads.inBatch(key, messageId, list, membersVersion)) return;
      await submit(() => sentTx(key, messageId, list, membersVersion));
      heads.counted(key, membersVersion);
    },
    // Batched: one statement per message id and batch for all its members (group-receipt-cursors.ts).
    advance(groupId, sender, member, status, messageId) {
      return batch.advance(keyOf(groupId, sender), member, status === 'read', messageId);
    },
    // A fan-out's member acks: one shared promise per message and batch, no tuple per call.
    advanceInBatch(groupId, sender, member, status, messageId) {
      return batch.advanceInBatch(groupId, sender.userId, sender.deviceId, member, status === 'read', messageId);
    },
    async aggregate(groupId, sender) {
      const row = aggregate.get(...keyOf(groupId, sender));
      return { ...(row?.delivered ? { delivered: row.delivered } : {}), ...(row?.read ? { read: row.read } : {}) };
    },
    async announce(groupId, sender, status, upTo) {
      const key = keyOf(groupId, sender);
      return submit(() => announceTx(key, status === 'read', upTo));
    },
    async members(groupId, sender, messageId): Promise<GroupMemberStatus[]> {
      return memberRows
        .all(...keyOf(groupId, sender))
        .filter((row) => row.since < messageId)
        .map((row) => ({
          userId: row.member,
          status: row.read >= messageId ? 'read' : row.delivered >= messageId ? 'delivered' : 'sent',
        }));
    },
  };
}
