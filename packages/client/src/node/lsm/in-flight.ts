/** Counts operations in flight and tells when there are none, so background work can yield to them. @internal */
export class InFlight {
  private count = 0;
  private waiting: { promise: Promise<void>; resolve: () => void } | undefined;

  get busy(): boolean {
    return this.count > 0;
  }

  begin(): void {
    this.count++;
  }

  end(): void {
    if (--this.count > 0 || !this.waiting) return;
    this.waiting.resolve();
    this.waiting = undefined;
  }

  /** Resolves when nothing is in flight. */
  idle(): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    if (!this.waiting) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => {
        resolve = r;
      });
      this.waiting = { promise, resolve };
    }
    return this.waiting.promise;
  }
}
