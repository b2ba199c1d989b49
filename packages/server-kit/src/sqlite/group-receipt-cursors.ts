import type Database from 'better-sqlite3';
import type { LeadWriter } from './group-commit.js';

/** A (group, sending device) whose members' cursors move. */
export type CursorSender = [groupId: string, senderUser: string, senderDevice: number];

/** The cursor moves of one batch to one message id: members, each with the calls waiting on it. */
interface Move {
  sender: CursorSender;
  read: boolean;
  messageId: string;
  members: Map<string, Array<{ resolve: (moved: boolean) => void; reject: (error: unknown) => void }>>;
  /** The members whose cursor the batch's write moved. */
  moved?: Set<string>;
}

/**
 * Group receipt cursor moves, written once per batch as a lead write of the group commit (after the
 * queue's staged entries, outside any savepoint): every member that acknowledged a message in the
 * batch moves with one statement, instead of a savepoint and an update per member ack. Being a lead
 * write, a move commits with the acks made in the same turn or fails the whole batch with them, so
 * the gateway need not wait for the cursor before it acknowledges (see `deliverAck`).
 */
export class GroupReceiptCursors implements LeadWriter {
  private moves = new Map<string, Move>();
  private readonly moveDelivered: Database.Statement<[string, ...CursorSender, string, string], string>;
  private readonly moveRead: Database.Statement<[string, string, ...CursorSender, string, string], string>;

  constructor(
    db: Database.Database,
    /** The committer must flush: this has work. */
    private readonly touch: () => void,
  ) {
    const where =
      'group_id = ? AND sender_user = ? AND sender_device = ? AND member IN (SELECT value FROM json_each(?))';
    this.moveDelivered = db
      .prepare<[string, ...CursorSender, string, string], string>(
        `UPDATE group_receipt_cursors SET delivered = ? WHERE ${where} AND delivered < ? RETURNING member`,
      )
      .pluck();
    // `read` implies `delivered` (never above it), so a read cursor below the id is all that says it moves.
    this.moveRead = db
      .prepare<[string, string, ...CursorSender, string, string], string>(
        `UPDATE group_receipt_cursors SET read = ?, delivered = max(delivered, ?) WHERE ${where} AND read < ? RETURNING member`,
      )
      .pluck();
  }

  /** Moves `member`'s cursor to `messageId` in the coming batch; resolves once committed, with whether it moved. */
  advance(sender: CursorSender, member: string, read: boolean, messageId: string): Promise<boolean> {
    const key = `${sender[0]}\u0000${sender[1]}\u0000${sender[2]}\u0000${read ? 'r' : 'd'}\u0000${messageId}`;
    let move = this.moves.get(key);
    if (!move) {
      move = { sender, read, messageId, members: new Map() };
      this.moves.set(key, move);
      this.touch();
    }
    const { members } = move;
    return new Promise<boolean>((resolve, reject) => {
      const waiting = members.get(member);
      if (waiting) waiting.push({ resolve, reject });
      else members.set(member, [{ resolve, reject }]);
    });
  }

  hasWork(): boolean {
    return this.moves.size > 0;
  }

  /** One statement per (sender, status, message id) of the batch. */
  write(): void {
    for (const move of this.moves.values()) {
      const { messageId: id, sender } = move;
      const names = JSON.stringify([...move.members.keys()]);
      const moved = move.read
        ? this.moveRead.all(id, id, ...sender, names, id)
        : this.moveDelivered.all(id, ...sender, names, id);
      move.moved = new Set(moved);
    }
  }

  done(error: unknown): void {
    const moves = this.moves;
    this.moves = new Map();
    for (const move of moves.values()) {
      for (const [member, waiting] of move.members) {
        // A member named twice in one batch moved once: its first call hears it.
        let moved = move.moved?.has(member) ?? false;
        for (const call of waiting) {
          if (error !== undefined) call.reject(error);
          else call.resolve(moved);
          moved = false;
        }
      }
    }
  }
}
