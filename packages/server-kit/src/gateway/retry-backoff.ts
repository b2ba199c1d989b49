/**
 * Delays between attempts of store work that failed because a store is unavailable (PostgreSQL
 * restarting): doubling from `firstMs` up to `maxMs`, so an outage costs a few attempts a second at
 * first and one every `maxMs` after, and the work resumes within `maxMs` of the store's return.
 */
export class RetryBackoff {
  private attempt = 0;

  constructor(
    private readonly firstMs = 50,
    private readonly maxMs = 1_000,
  ) {}

  /** The delay before the next attempt. */
  next(): number {
    const delay = Math.min(this.maxMs, this.firstMs * 2 ** this.attempt);
    if (delay < this.maxMs) this.attempt++;
    return delay;
  }

  /** The work succeeded: the next failure starts from the first delay again. */
  reset(): void {
    this.attempt = 0;
  }
}
