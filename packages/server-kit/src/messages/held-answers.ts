import type { SetTimer } from '../contracts/timer.js';
import type { Clock } from '../contracts/types.js';
import type { DeliveredFolds, FoldSlot } from './delivered-folds.js';

export interface HeldAnswersOptions {
  /** How long an answer may be held after its commit (`ServerLimits.answerHoldMs`); 0 holds none. */
  holdMs: number;
  /** Answers one connection may have held at once (`ServerLimits.maxHeldAnswersPerConnection`). */
  maxPerConnection: number;
  folds: DeliveredFolds;
  clock: Clock;
  setTimer: SetTimer;
}

/**
 * Writes a held answer: with `deliveredAt` when the recipient's ack released it, 0 at its deadline.
 * False when it could not be written (its connection is gone): then the ack is not folded and the
 * sending device gets a queued receipt as usual.
 */
export type WriteAnswer = (deliveredAt: number) => boolean;

/** One answer waiting for its entry's ack. */
interface Held {
  readonly slot: FoldSlot;
  readonly connectionId: string;
  readonly deadline: number;
  readonly write: WriteAnswer;
}

/**
 * SendAcks held after their commit for the recipient's ack (Send.ack_delivered, PROTOCOL 8.1). Past
 * saturation a commit's flush runs late and the acks come tens of ms after it, so a fold that ends
 * at the commit rarely catches them; holding the answer a little longer does, which spares the
 * sending device a queued receipt (one entry, a Deliver frame and an ack). The caller holds only an
 * answer whose entry went out to a recipient connected here and is not acknowledged yet, and
 * answers at once otherwise.
 *
 * A held answer is not a request in progress: its request finished when its commit did, so it holds
 * no place in the gateway's admission count nor in its connection's concurrency budget. The hold is
 * bounded in time (`holdMs`, one timer for all: the deadlines come in hold order) and in number
 * (`maxPerConnection`, so at most that many per connection, and the map is bounded by the
 * connections). The ack's fold writes the answer at once, before the ack's removal commits: a gateway
 * dying in between leaves the entry queued, so it comes again and its next ack queues the receipt.
 */
export class HeldAnswers {
  /** In hold order, so in deadline order. */
  private readonly held = new Map<FoldSlot, Held>();
  private readonly perConnection = new Map<string, number>();
  private cancelTimer: (() => void) | undefined;
  /** The deadline the timer is set for. */
  private timerDue = 0;

  constructor(private readonly o: HeldAnswersOptions) {}

  /**
   * Holds the answer of the send that opened `slot` (its commit done, its entry not acknowledged
   * yet) until the ack or the deadline. False when it may not be held: holding is off, the
   * connection has its most held already, or a resend shares the slot; the caller answers at once.
   */
  hold(slot: FoldSlot, connectionId: string, write: WriteAnswer): boolean {
    const { holdMs, maxPerConnection } = this.o;
    if (holdMs <= 0 || slot.holders !== 1 || slot.deliveredAt !== 0 || slot.release) return false;
    const count = this.perConnection.get(connectionId) ?? 0;
    if (count >= maxPerConnection) return false;
    this.perConnection.set(connectionId, count + 1);
    const now = this.o.clock();
    const held: Held = { slot, connectionId, deadline: now + holdMs, write };
    this.held.set(slot, held);
    slot.release = (at) => this.release(held, at);
    if (!this.cancelTimer) this.schedule(held.deadline, now);
    return true;
  }

  /** Answers held now (for tests and leak checks). */
  get size(): number {
    return this.held.size;
  }

  /** Writes `held`'s answer (`at` the ack's time, 0 at the deadline) and closes its slot. */
  private release(held: Held, at: number): boolean {
    const { slot, connectionId } = held;
    this.held.delete(slot);
    slot.release = undefined;
    const count = (this.perConnection.get(connectionId) ?? 1) - 1;
    if (count === 0) this.perConnection.delete(connectionId);
    else this.perConnection.set(connectionId, count);
    this.o.folds.close(slot);
    return held.write(at);
  }

  /** Sets the one timer for `deadline` (the clock's time now `now`). */
  private schedule(deadline: number, now: number): void {
    this.timerDue = deadline;
    this.cancelTimer = this.o.setTimer(() => this.expire(), Math.max(0, deadline - now));
  }

  /**
   * Answers every hold whose deadline passed, then waits for the next one. What the timer was set
   * for counts as passed even if the clock says otherwise (an injected clock that stands still
   * must not keep answers held for ever).
   */
  private expire(): void {
    this.cancelTimer = undefined;
    const now = this.o.clock();
    const due = Math.max(now, this.timerDue);
    for (const held of this.held.values()) {
      if (held.deadline > due) {
        this.schedule(held.deadline, now);
        return;
      }
      this.release(held, 0);
    }
  }
}
