/** What a stop signal leads to: the first one shuts down cleanly, a later one gives up waiting. */
export interface ShutdownSignalOptions {
  /** Starts the clean shutdown; called once. */
  shutdown(signal: NodeJS.Signals): void;
  /** Exits without waiting for the clean shutdown (the user pressed Ctrl+C again). */
  force(signal: NodeJS.Signals): void;
  /** Repeats closer together than this are the same keypress. Default 1,000 ms. */
  repeatMs?: number;
  now?: () => number;
}

/**
 * Turns SIGINT/SIGTERM into one clean shutdown. One Ctrl+C can reach the server twice within
 * milliseconds (from the terminal's process group and again forwarded by pnpm), so a repeat inside
 * `repeatMs` counts as the same keypress; only a later one forces the exit.
 */
export function shutdownSignalHandler(options: ShutdownSignalOptions): (signal: NodeJS.Signals) => void {
  const repeatMs = options.repeatMs ?? 1_000;
  const now = options.now ?? Date.now;
  let firstAt: number | undefined;
  return (signal) => {
    const at = now();
    if (firstAt === undefined) {
      firstAt = at;
      options.shutdown(signal);
    } else if (at - firstAt >= repeatMs) {
      options.force(signal);
    }
  };
}
