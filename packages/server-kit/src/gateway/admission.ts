import { ParleyError } from '@parley/core';

/**
 * Load shedding for the whole gateway. Counts the requests waiting or in progress over every
 * connection; while that count is at or past `maxPending`, a connection may add one more only if it
 * has fewer waiting than its fair share (`maxPending` over the connections that have requests
 * waiting). So a heavy sender is refused first and a light one (nothing waiting) is always served,
 * and the work waiting stays under about twice `maxPending`, which bounds the wait of what is
 * accepted. Refusing costs a peek at the frame and one small error frame: no store is touched.
 */
export class Admission {
  private pending = 0;
  private busy = 0;
  /** One immutable error for every refusal: refusing must stay cheap. */
  readonly error: ParleyError;

  constructor(
    private readonly maxPending: number,
    retryAfterMs: number,
  ) {
    this.error = new ParleyError('OVERLOADED', 'the server is overloaded, retry later', {
      retryable: true,
      retryAfterMs,
    });
  }

  /** Whether a connection with `waiting` requests waiting may queue one more. */
  admits(waiting: number): boolean {
    if (this.pending < this.maxPending) return true;
    return waiting < Math.max(1, Math.floor(this.maxPending / Math.max(1, this.busy)));
  }

  /** A connection that had `waiting` requests waiting queued one more. */
  queued(waiting: number): void {
    this.pending++;
    if (waiting === 0) this.busy++;
  }

  /** A connection finished a request; `waiting` are still waiting. */
  finished(waiting: number): void {
    this.pending--;
    if (waiting === 0) this.busy--;
  }
}
