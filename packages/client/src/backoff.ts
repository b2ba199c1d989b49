export interface BackoffOptions {
  /** First delay ceiling (ms). Default 250. */
  minDelayMs?: number;
  /** Largest delay (ms). Default 30,000. */
  maxDelayMs?: number;
}

/**
 * Exponential backoff with full jitter: the n-th retry waits a random time in
 * [0, min(max, min * 2^n)], so many clients cut off together do not return together.
 */
export class Backoff {
  private attempt = 0;
  private readonly min: number;
  private readonly max: number;

  constructor(
    options: BackoffOptions = {},
    private readonly random: () => number = Math.random,
  ) {
    this.min = options.minDelayMs ?? 250;
    this.max = options.maxDelayMs ?? 30_000;
  }

  next(): number {
    const ceiling = Math.min(this.max, this.min * 2 ** Math.min(this.attempt, 30));
    this.attempt++;
    return Math.floor(this.random() * ceiling);
  }

  reset(): void {
    this.attempt = 0;
  }
}
