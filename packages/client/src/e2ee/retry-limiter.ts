import { systemClock } from '../clock.js';

/** At most `max` retry requests per peer device per hour, so a broken peer cannot cause a storm. */
export class RetryLimiter {
  private readonly sent = new Map<string, number[]>();

  constructor(
    private readonly max = 5,
    private readonly windowMs = 60 * 60 * 1000,
    private readonly clock: () => number = () => systemClock.now(),
  ) {}

  allow(peer: string): boolean {
    const now = this.clock();
    const recent = (this.sent.get(peer) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.max) {
      this.sent.set(peer, recent);
      return false;
    }
    recent.push(now);
    this.sent.set(peer, recent);
    return true;
  }
}
