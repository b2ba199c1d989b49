import type { Clock } from '../clock.js';
import { type Logger, warnOnFailure } from '../logger.js';
import { eraseMessage } from '../messages/message-store.js';
import type { ClientStore } from '../stores/client-store.js';
import { nextExpiry, takeExpired } from './action-store.js';

/** Messages deleted per transaction, so one sweep of a large backlog never holds the store long. */
const BATCH = 200;
/** Longest wait between sweeps: a clock that jumps (sleep, a test's clock) is caught up within it. */
const MAX_WAIT_MS = 60 * 60 * 1000;

/**
 * Deletes disappearing messages from the store when their time comes: at start (which covers a
 * device that was off when the time ran out), after each received batch, and on a timer set to the
 * next expiry. Time comes from the injected clock; `sweep()` runs one pass at once.
 */
export class ExpirySweeper {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the timer fires (clock time). */
  private due = Number.POSITIVE_INFINITY;
  private stopped = false;

  constructor(
    private readonly o: {
      store: ClientStore;
      clock: Clock;
      logger: Logger;
      expired(event: { id: string; chatId: string }): void;
    },
  ) {}

  /** Deletes every message whose time has come; how many. Reschedules the timer. */
  async sweep(): Promise<number> {
    let total = 0;
    for (;;) {
      const now = this.o.clock.now();
      const gone = await this.o.store.transaction(async (tx) => {
        const out: Array<{ id: string; chatId: string }> = [];
        for (const id of await takeExpired(tx, now, BATCH)) {
          const m = await eraseMessage(tx, id);
          if (m) out.push({ id, chatId: m.chatId });
        }
        return out;
      });
      for (const e of gone) this.o.expired(e);
      total += gone.length;
      if (gone.length < BATCH) break;
    }
    await this.schedule();
    return total;
  }

  /** A message that goes at `expiresAt` was stored: sweep then, unless a sweep comes earlier. */
  wake(expiresAt: number): void {
    if (!this.stopped && expiresAt < this.due) this.setTimer(expiresAt);
  }

  private async schedule(): Promise<void> {
    if (this.stopped) return;
    const next = await this.o.store.transaction(nextExpiry);
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.due = Number.POSITIVE_INFINITY;
    if (next !== undefined) this.setTimer(next);
  }

  private setTimer(at: number): void {
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.min(Math.max(at - this.o.clock.now(), 0), MAX_WAIT_MS);
    this.due = this.o.clock.now() + wait;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.due = Number.POSITIVE_INFINITY;
      void this.sweep().catch(warnOnFailure(this.o.logger, 'deleting disappearing messages failed'));
    }, wait);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
