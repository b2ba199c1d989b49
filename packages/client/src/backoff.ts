export interface BackoffOptions {
  /** Ceiling of the first delay (ms); the first retry waits 20–100 % of it. Default 500. */
  minDelayMs?: number;
  /** Largest delay (ms). Default 30,000. */
  maxDelayMs?: number;
}

/** The share of each ceiling that is always waited: the rest is jitter. */
const FLOOR = 0.2;

/**
 * Exponential backoff with jitter: the n-th retry waits a random time in
 * [ceiling / 5, ceiling] with ceiling = min(max, min * 2^n). The first retry is short (100–500 ms
 * by default), so a client is back soon after a server restart, and the jitter spreads clients cut
 * off together so they do not return together.
 */
export class Backoff {
  private attempt = 0;
  private readonly min: number;
  private readonly max: number;

  constructor(
    options: BackoffOptions = {},
    private readonly random: () => number = Math.random,
  ) {
    this.min = options.minDelayMs ?? 500;
    this.max = options.maxDelayMs ?? 30_000;
  }

  next(): number {
    const ceiling = Math.min(this.max, this.min * 2 ** Math.min(this.attempt, 30));
    this.attempt++;
    return Math.floor(ceiling * (FLOOR + (1 - FLOOR) * this.random()));
  }

  reset(): void {
    this.attempt = 0;
  }
}
