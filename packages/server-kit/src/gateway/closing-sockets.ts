import type { WebSocket } from 'ws';

/**
 * The sockets this gateway closed whose closing handshake is not over yet: what a stopping server
 * waits for, then cuts. ws can keep a list of every client for that (`clientTracking`), but it costs
 * each idle connection a set entry and a close listener of its own, about 160 bytes (aim 5 of
 * issue 15); this holds a socket only from the moment it is closed until its peer is gone.
 */
export class ClosingSockets {
  private readonly sockets = new Set<WebSocket>();

  /** `ws` is closing (its close frame sent or on its way). */
  add(ws: WebSocket): void {
    if (ws.readyState === ws.CLOSED || this.sockets.has(ws)) return;
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
  }

  get size(): number {
    return this.sockets.size;
  }

  /** Cuts every socket still closing (a stopping server's last step). */
  terminateAll(): void {
    for (const ws of [...this.sockets]) ws.terminate();
    this.sockets.clear();
  }
}
