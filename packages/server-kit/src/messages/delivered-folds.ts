/**
 * Delivered receipts folded into SendAcks (`Send.ack_delivered`, PROTOCOL 8.1 and 12.1). A send that
 * asks for it opens a slot under its queue id until its answer is made; an acknowledgement of that
 * entry by the recipient arriving meanwhile marks the slot instead of queueing a DELIVERED receipt
 * for the sending device, which learns it from `SendAck.delivered_at`: one queue entry and two
 * frames fewer per message. With entries delivered before their commit and the commit waiting a
 * little for their acks (`commitHoldMs`), most 1:1 messages are acknowledged before their answer.
 *
 * An answer may also be held after the commit for the ack (held-answers.ts): the slot then stays
 * open, and the ack's fold writes the answer at once.
 *
 * Per gateway and in memory: an ack arriving at another gateway, or after the answer was made,
 * queues the receipt as before. A slot lives only while its send waits for its commit or its
 * answer is held, so the map is bounded by the requests in progress (the gateway's admission
 * limit) and the held answers (`maxHeldAnswersPerConnection` per connection).
 */
export class DeliveredFolds {
  private readonly slots = new Map<string, FoldSlot>();

  /** Opens (or joins: a resend racing its first attempt) the slot of the send of entry `queueId`. */
  open(queueId: string): FoldSlot {
    const slot = this.slots.get(queueId);
    if (slot) {
      slot.holders++;
      return slot;
    }
    const made: FoldSlot = { queueId, holders: 1, deliveredAt: 0 };
    this.slots.set(queueId, made);
    return made;
  }

  /**
   * The recipient acknowledged entry `queueId` at `at`: true when its send is still unanswered, so
   * the answer carries it and no receipt is queued for the sending device.
   */
  fold(queueId: string, at: number): boolean {
    const slot = this.slots.get(queueId);
    if (!slot) return false;
    // A held answer is written now; if its connection is gone, the receipt is queued instead.
    if (slot.release) return slot.release(at);
    if (slot.deliveredAt === 0) slot.deliveredAt = at;
    return true;
  }

  /** The send's answer is being made (or it failed): when its entry was acknowledged, 0 if not. */
  close(slot: FoldSlot): number {
    if (--slot.holders === 0 && this.slots.get(slot.queueId) === slot) this.slots.delete(slot.queueId);
    return slot.deliveredAt;
  }

  /** Open slots (for tests and leak checks). */
  get size(): number {
    return this.slots.size;
  }
}

/** One send waiting for its answer. */
export interface FoldSlot {
  readonly queueId: string;
  holders: number;
  /** When the recipient acknowledged the entry (ms), 0 while it has not. */
  deliveredAt: number;
  /** While the send's answer is held after its commit: writes it (see HeldAnswers.hold). */
  release?: ((at: number) => boolean) | undefined;
}
