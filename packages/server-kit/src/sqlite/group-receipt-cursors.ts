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
  /** Members whose callers share one answer (`advanceInBatch`), and that answer. */
  shared?: { members: Set<string>; outcome: Outcome; movedAny?: boolean };
  /** The members whose cursor the batch's write moved. */
  moved?: Set<string>;
}

/** A promise settled from outside, once per batch and message: every member's caller shares it. */
interface Outcome {
  promise: Promise<boolean>;
  resolve: (moved: boolean) => void;
  reject: (error: unknown) => void;
}

function outcome(): Outcome {
  let resolve!: (moved: boolean) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<boolean>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
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
  /** The move `advanceInBatch` used last (in this batch). */
  private last: Move | undefined;
  private readonly moveDelivered: Database.Statement<[string, ...CursorSender, string, string], string>;
  private readonly moveRead: Database.Statement<[string, string, ...CursorSender, string, string], string>;
  /** The same moves without naming the members moved: a fan-out's acks only ask whether any moved. */
  private readonly moveDeliveredAny: Database.Statement<[string, ...CursorSender, string, string]>;
  private readonly moveReadAny: Database.Statement<[string, string, ...CursorSender, string, string]>;

  constructor(
    db: Database.Database,
    /** The committer must flush: this has work. */
    private readonly touch: () => void,
  ) {
    const where =
      'group_id = ? AND sender_user = ? AND sender_device = ? AND member IN (SELECT value FROM json_each(?))';
    const delivered = `UPDATE group_receipt_cursors SET delivered = ? WHERE ${where} AND delivered < ?`;
    // `read` implies `delivered` (never above it), so a read cursor below the id is all that says it moves.
    const read = `UPDATE group_receipt_cursors SET read = ?, delivered = max(delivered, ?) WHERE ${where} AND read < ?`;
    this.moveDelivered = db
      .prepare<[string, ...CursorSender, string, string], string>(`${delivered} RETURNING member`)
      .pluck();
    this.moveRead = db
      .prepare<[string, string, ...CursorSender, string, string], string>(`${read} RETURNING member`)
      .pluck();
    this.moveDeliveredAny = db.prepare<[string, ...CursorSender, string, string]>(delivered);
    this.moveReadAny = db.prepare<[string, string, ...CursorSender, string, string]>(read);
  }

  /** Moves `member`'s cursor to `messageId` in the coming batch; resolves once committed, with whether it moved. */
  advance(sender: CursorSender, member: string, read: boolean, messageId: string): Promise<boolean> {
    const { members } = this.moveOf(sender[0], sender[1], sender[2], read, messageId);
    return new Promise<boolean>((resolve, reject) => {
      const waiting = members.get(member);
      if (waiting) waiting.push({ resolve, reject });
      else members.set(member, [{ resolve, reject }]);
    });
  }

  /**
   * {@link advance} without an answer per member: every caller for this message in the batch gets
   * the same promise, resolved with whether the batch moved any of the message's cursors. The
   * members of a fan-out ack one after another, so the last move is kept and compared field by
   * field: a member's ack then builds no key, tuple or promise.
   */
  advanceInBatch(
    groupId: string,
    senderUser: string,
    senderDevice: number,
    member: string,
    read: boolean,
    messageId: string,
  ): Promise<boolean> {
    const last = this.last;
    const move =
      last &&
      last.messageId === messageId &&
      last.read === read &&
      last.sender[0] === groupId &&
      last.sender[1] === senderUser &&
      last.sender[2] === senderDevice
        ? last
        : this.moveOf(groupId, senderUser, senderDevice, read, messageId);
    this.last = move;
    move.shared ??= { members: new Set(), outcome: outcome() };
    move.shared.members.add(member);
    return move.shared.outcome.promise;
  }

  /** The batch's move of these cursors to `messageId`, made (and a flush asked for) by its first caller. */
  private moveOf(groupId: string, senderUser: string, senderDevice: number, read: boolean, messageId: string): Move {
    const key = `${groupId}\u0000${senderUser}\u0000${senderDevice}\u0000${read ? 'r' : 'd'}\u0000${messageId}`;
    let move = this.moves.get(key);
    if (!move) {
      move = { sender: [groupId, senderUser, senderDevice], read, messageId, members: new Map() };
      this.moves.set(key, move);
      this.touch();
    }
    return move;
  }

  hasWork(): boolean {
    return this.moves.size > 0;
  }

  /** One statement per (sender, status, message id) of the batch. */
  write(): void {
    for (const move of this.moves.values()) {
      const { messageId: id, sender } = move;
      const shared = move.shared;
      if (shared && move.members.size === 0) {
        // Only shared callers (a fan-out's member acks): whether any cursor moved is all they hear,
        // so the statement returns no member names (a string each) and no set of them is made.
        const names = JSON.stringify([...shared.members]);
        const { changes } = move.read
          ? this.moveReadAny.run(id, id, ...sender, names, id)
          : this.moveDeliveredAny.run(id, ...sender, names, id);
        shared.movedAny = changes > 0;
        continue;
      }
      const names = JSON.stringify(
        shared ? [...new Set([...move.members.keys(), ...shared.members])] : [...move.members.keys()],
      );
      const moved = move.read
        ? this.moveRead.all(id, id, ...sender, names, id)
        : this.moveDelivered.all(id, ...sender, names, id);
      move.moved = new Set(moved);
    }
  }

  done(error: unknown): void {
    const moves = this.moves;
    this.moves = new Map();
    this.last = undefined;
    for (const move of moves.values()) {
      const shared = move.shared;
      if (shared) {
        if (error !== undefined) shared.outcome.reject(error);
        else shared.outcome.resolve(shared.movedAny ?? (move.moved?.size ?? 0) > 0);
      }
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
