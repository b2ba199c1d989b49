// A measured optimisation (issue 15): the frames a connection is sent during one tick leave in one
// write. Every `ws.send` is otherwise its own `writev` syscall (10% of the server's CPU in the
// delivery bench), and a group commit releases many SendAcks, deliveries and receipts in one tick.
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';

/** Sockets corked until the end of the current tick. */
const corked = new WeakSet<Duplex>();
/** The same sockets, in cork order: one tick callback uncorks them all (a group message's fan-out corks one per member). */
let toUncork: Duplex[] = [];

function uncorkAll(): void {
  const sockets = toUncork;
  toUncork = [];
  for (const socket of sockets) {
    corked.delete(socket);
    socket.uncork();
  }
}

/**
 * Corks the socket under `ws` until the current tick's callbacks and promise jobs are done, so
 * every frame sent meanwhile goes out in one write, in send order. `ws` keeps its socket private;
 * without one (not connected yet, or another implementation) frames are written as before.
 */
export function corkUntilTickEnd(ws: WebSocket): void {
  const socket = (ws as unknown as { _socket?: Duplex | null })._socket;
  if (!socket || corked.has(socket) || typeof socket.cork !== 'function') return;
  corked.add(socket);
  socket.cork();
  // A tick queued from a promise job runs once the job queue is drained: the end of this tick.
  if (toUncork.push(socket) === 1) process.nextTick(uncorkAll);
}
