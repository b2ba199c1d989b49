import { ParleyError } from '@parley/core';
import type { Clock } from '../contracts/types.js';

/** How often the pending limit adapts to the delays seen, ms. */
export const ADAPT_INTERVAL_MS = 200;
/** The pending limit never adapts below this. */
export const MIN_PENDING_LIMIT = 32;

export interface AdmissionOptions {
  /** The most requests waiting or in progress (`ServerLimits.maxPendingRequests`). */
  maxPending: number;
  /** The delay a request may see from read to answer before the limit shrinks (`overloadTargetDelayMs`). */
  targetDelayMs: number;
  /** The `retry_after_ms` of a refusal. */
  retryAfterMs: number;
  clock: Clock;
}

/**
 * Load shedding for the whole gateway. Counts the requests waiting or in progress over every
 * connection; while that count is at or past the limit, a connection may add one more only if it
 * has fewer waiting than its fair share (the limit over the connections that have requests
 * waiting), and at twice the limit nobody may. So a heavy sender is refused first: the senders
 * over their share hold about the limit at most, and one with nothing waiting is served until
 * the count reaches twice the limit, which only many light senders together can make it do (then
 * they are refused alike, and the wait stays bounded). Refusing costs a peek at the frame and one
 * small error frame: no store is touched.
 *
 * The limit adapts to the time requests take, so what is accepted waits about `targetDelayMs`
 * however fast the stores are: every `ADAPT_INTERVAL_MS`, if even the quickest request of the
 * interval took longer than the target (a standing backlog, not one slow request), the limit
 * shrinks by a third, down to `MIN_PENDING_LIMIT`; if the quickest was within the target and the
 * limit was reached, it grows by a tenth, up to `maxPending`. (The minimum, as in CoDel: a burst
 * that drains is not a backlog.)
 */
export class Admission {
  private pending = 0;
  private busy = 0;
  private limit: number;
  private intervalStart: number;
  private quickest = Number.POSITIVE_INFINITY;
  private reached = false;
  /** One immutable error for every refusal: refusing must stay cheap. */
  readonly error: ParleyError;

  constructor(private readonly o: AdmissionOptions) {
    this.limit = o.maxPending;
    this.intervalStart = o.clock();
    this.error = new ParleyError('OVERLOADED', 'the server is overloaded, retry later', {
      retryable: true,
      retryAfterMs: o.retryAfterMs,
    });
  }

  /** The pending limit now (between MIN_PENDING_LIMIT and maxPending). */
  get currentLimit(): number {
    return this.limit;
  }

  /** Whether a connection with `waiting` requests waiting may queue one more. */
  admits(waiting: number): boolean {
    if (this.pending < this.limit) return true;
    this.reached = true;
    if (this.pending >= 2 * this.limit) return false;
    return waiting < Math.max(1, Math.floor(this.limit / Math.max(1, this.busy)));
  }

  /** A connection that had `waiting` requests waiting queued one more. */
  queued(waiting: number): void {
    if (++this.pending >= this.limit) this.reached = true;
    if (waiting === 0) this.busy++;
  }

  /** A connection finished a request read at `readAt` (the clock's time); `waiting` are still waiting. */
  finished(waiting: number, readAt: number): void {
    this.pending--;
    if (waiting === 0) this.busy--;
    const now = this.o.clock();
    const took = now - readAt;
    if (took < this.quickest) this.quickest = took;
    if (now - this.intervalStart >= ADAPT_INTERVAL_MS) this.adapt(now);
  }

  private adapt(now: number): void {
    const { maxPending, targetDelayMs } = this.o;
    if (this.quickest > targetDelayMs) {
      this.limit = Math.max(Math.min(MIN_PENDING_LIMIT, maxPending), Math.floor((this.limit * 2) / 3));
    } else if (this.reached) {
      this.limit = Math.min(maxPending, this.limit + Math.max(1, Math.ceil(this.limit / 10)));
    }
    this.intervalStart = now;
    this.quickest = Number.POSITIVE_INFINITY;
    this.reached = this.pending >= this.limit;
  }
}
