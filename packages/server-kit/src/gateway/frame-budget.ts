/** What {@link FrameBudget.take} decides for one frame. */
export type FrameVerdict =
  /** Within budget. */
  | { kind: 'ok' }
  /** Over budget: stop reading for `resumeInMs`, then the budget is back to zero. */
  | { kind: 'throttle'; resumeInMs: number }
  /** Far over budget (a flood read in one go): close the connection. */
  | { kind: 'close' };

/**
 * A connection's frame budget: a token bucket over every frame it sends (requests, acks, pings,
 * pongs), so one flooding connection cannot take the event loop from the others. A frame takes a
 * token; below zero the connection is throttled (reading pauses until the bucket is back to zero,
 * and TCP pushes back on the client). Frames already read from the socket when reading pauses still
 * arrive, so the bucket can go into debt; a debt of more than a whole burst means a flood, and the
 * connection is closed. The decision is a few arithmetic operations: cheaper than any frame.
 */
export class FrameBudget {
  private tokens: number;
  private at: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.at = now;
  }

  take(now: number): FrameVerdict {
    if (now > this.at) {
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) * this.perSecond) / 1000);
      this.at = now;
    }
    this.tokens -= 1;
    if (this.tokens >= 0) return { kind: 'ok' };
    if (this.tokens < -this.burst) return { kind: 'close' };
    return { kind: 'throttle', resumeInMs: Math.ceil((-this.tokens * 1000) / this.perSecond) };
  }
}
