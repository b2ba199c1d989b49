/** Messages between the bench and its server children (Node IPC channel). */
export type ParentMessage =
  | { type: 'stop' }
  | { type: 'profile-start' }
  | { type: 'profile-stop'; path: string }
  /** Parley child: a sampling heap profile of the measured window (heap-profile.ts). */
  | { type: 'heap-profile-start' }
  | { type: 'heap-profile-stop'; path: string }
  /** Every child: its own CPU time (process.cpuUsage, µs resolution). */
  | { type: 'cpu' }
  /** Every child: V8 heap plus external (ArrayBuffer) bytes after a full GC (needs --expose-gc). */
  | { type: 'heap' }
  /** Parley child: open WebSocket connections. */
  | { type: 'connections' }
  /** Parley child: stores a group (version 1) straight into the server's GroupStore (bench setup). */
  | { type: 'create-group'; groupId: string; createdBy: string; members: string[] }
  /** Parley child with SQLite stores: bytes in use per table and index, after a WAL checkpoint. */
  | { type: 'storage' }
  /** Cluster gateway child: its PostgreSQL round trips and Redis commands so far (store-counts.ts). */
  | { type: 'store-counts' }
  | { type: 'warm-young'; mb: number };

export type ChildMessage =
  | { type: 'ready'; port: number }
  | { type: 'stopped' }
  | { type: 'profile-started' }
  | { type: 'profile-written'; path: string }
  | { type: 'heap-profile-started' }
  | { type: 'heap-profile-written'; path: string }
  | { type: 'failed'; error: string }
  | { type: 'cpu'; user: number; system: number }
  | { type: 'heap'; bytes: number }
  | { type: 'connections'; count: number }
  | { type: 'group-created' }
  | { type: 'storage'; usedBytes: number; fileBytes: number; tables: Record<string, number> }
  | { type: 'store-counts'; pg: Record<string, number>; redis: Record<string, number>; proc: Record<string, number> }
  | { type: 'young-warmed' };

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
    else if (message.type === 'cpu') toParent({ type: 'cpu', ...process.cpuUsage() });
    else if (message.type === 'heap') toParent(heapAfterGc());
    else if (message.type === 'warm-young') toParent(warmYoungGeneration(message.mb));
    else
      void Promise.resolve(onMessage(message)).catch((error: unknown) =>
        toParent({ type: 'failed', error: String(error) }),
      );
  });
  process.on('disconnect', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGINT', () => void stop(0));
}

/** Live heap and external bytes after full collections; a failure when the child lacks --expose-gc. */
function heapAfterGc(): ChildMessage {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return { type: 'failed', error: 'heap: start the child with --expose-gc' };
  // Twice: the first collection can leave garbage that finalizers of the first made unreachable.
  gc();
  gc();
  const m = process.memoryUsage();
  return { type: 'heap', bytes: m.heapUsed + m.external };
}

/**
 * Allocates `mb` MB of short-lived garbage, then collects: every page of the young generation's
 * semi-spaces has then been touched once, so the resident memory they add is paid before a
 * measurement, not charged to the connections made during it.
 */
function warmYoungGeneration(mb: number): ChildMessage {
  let keep: number[] | undefined;
  for (let i = 0; i < mb * 1024; i++) keep = new Array<number>(120).fill(i); // ~1 KB each
  if (keep?.length !== 120) return { type: 'failed', error: 'warm-young: nothing allocated' };
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return { type: 'young-warmed' };
}
