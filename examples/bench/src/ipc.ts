/** Messages between the bench and its server children (Node IPC channel). */
export type ParentMessage = { type: 'stop' } | { type: 'profile-start' } | { type: 'profile-stop'; path: string };

export type ChildMessage =
  | { type: 'ready'; port: number }
  | { type: 'stopped' }
  | { type: 'profile-started' }
  | { type: 'profile-written'; path: string }
  | { type: 'failed'; error: string };

/** Sends to the parent if there is one (a child started without IPC just runs). */
export function toParent(message: ChildMessage): void {
  process.send?.(message);
}

/**
 * Wires a server child: `stop` from the parent (or the parent going away) runs `close` and exits,
 * so a crashed bench never leaves servers behind.
 */
export function serveChild(
  close: () => Promise<void>,
  onMessage: (message: ParentMessage) => void | Promise<void> = () => {},
): void {
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(code), 5_000);
    force.unref();
    try {
      await close();
    } finally {
      toParent({ type: 'stopped' });
      clearTimeout(force);
      // Let the IPC message flush, then exit.
      setTimeout(() => process.exit(code), 20);
    }
  };
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'stop') void stop(0);
    else
      void Promise.resolve(onMessage(message)).catch((error: unknown) =>
        toParent({ type: 'failed', error: String(error) }),
      );
  });
  process.on('disconnect', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGINT', () => void stop(0));
}
