import { TimeBase } from '../contracts/time-base.js';

/** What {@link FrameBudget.take} decides for one frame. */
export type FrameVerdict =
  /** Within budget. */
  | { kind: 'ok' }
  /** Over budget: stop reading for `resumeInMs`, then the budget is back to zero. */
  | { kind: 'throttle'; resumeInMs: number }
  /** Far over budget (a flood read in one go): close the connection. */
  | { kind: 'close' };

/**
 * One connection's bucket: the tokens it has and when they were counted (kept by the connection,
 * written only by its FrameBudget: `tokensAt` is an offset of the budget's TimeBase).
 */
export interface FrameBucket {
  tokens: number;
  tokensAt: number;
}

const OK: FrameVerdict = { kind: 'ok' };
const CLOSE: FrameVerdict = { kind: 'close' };

/**
 * The frame budget of a gateway's connections: a token bucket per connection over every frame it
 * sends (requests, acks, pings, pongs), so one flooding connection cannot take the event loop from
 * the others. A frame takes a token; below zero the connection is throttled (reading pauses until
 * the bucket is back to zero, and TCP pushes back on the client). Frames already read from the
 * socket when reading pauses still arrive, so the bucket can go into debt; a debt of more than a
 * whole burst means a flood, and the connection is closed. The decision is a few arithmetic
 * operations: cheaper than any frame. One budget serves every connection; each keeps only its two
 * numbers (a {@link FrameBucket}), which an idle connection would otherwise hold in an object more.
 */
export class FrameBudget {
  /** Buckets keep their times as offsets (see TimeBase: no heap number per connection). */
  private readonly times = new TimeBase();

  constructor(
    private readonly perSecond: number,
    readonly burst: number,
  ) {}

  /** Fills `bucket` (a new connection's). */
  fill(bucket: FrameBucket, now: number): void {
    bucket.tokens = this.burst;
    bucket.tokensAt = this.times.offset(now);
  }

  take(bucket: FrameBucket, now: number): FrameVerdict {
    const at = this.times.offset(now);
    if (at > bucket.tokensAt) {
      bucket.tokens = Math.min(this.burst, bucket.tokens + ((at - bucket.tokensAt) * this.perSecond) / 1000);
      bucket.tokensAt = at;
    }
    bucket.tokens -= 1;
    if (bucket.tokens >= 0) return OK;
    if (bucket.tokens < -this.burst) return CLOSE;
    return { kind: 'throttle', resumeInMs: Math.ceil((-bucket.tokens * 1000) / this.perSecond) };
  }
}
