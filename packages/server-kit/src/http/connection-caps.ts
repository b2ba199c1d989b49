import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** Options of {@link capConnections}. */
export interface ConnectionCaps {
  /** Sockets held at once, all addresses together. */
  maxConnections: number;
  /** Sockets held at once per client IP address (exempt addresses not counted). */
  maxConnectionsPerAddress: number;
  /** Addresses not counted per address (still counted in the total). */
  exemptAddress: (address: string) => boolean;
  /** Seconds a refused client is told to wait (Retry-After). */
  retryAfterS: number;
}

/** What {@link capConnections} reports. */
export interface ConnectionCounts {
  readonly total: number;
  perAddress(address: string): number;
  /** Whether the socket was refused (its requests and upgrades must be ignored: it is closing). */
  refused(socket: Socket): boolean;
}

/*
 * Counted at the TCP level, before any byte is parsed, so HTTP requests and WebSocket upgrades
 * (which are the same sockets) share the caps and a refusal costs one small write. A refused
 * socket gets `503 Service Unavailable` with Retry-After and is closed: WebSocket clients see a
 * failed upgrade and retry with their backoff.
 */
const REFUSAL = (retryAfterS: number) =>
  `HTTP/1.1 503 Service Unavailable\r\nRetry-After: ${retryAfterS}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`;

/** Caps the sockets `server` holds, in total and per client address. */
export function capConnections(server: Server, caps: ConnectionCaps): ConnectionCounts {
  let total = 0;
  const byAddress = new Map<string, number>();
  const refusal = REFUSAL(caps.retryAfterS);

  const refusedSockets = new WeakSet<Socket>();
  const uncounted = () => {
    total--;
  };
  server.prependListener('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const counted = address !== '' && !caps.exemptAddress(address);
    const mine = counted ? (byAddress.get(address) ?? 0) : 0;
    if (total >= caps.maxConnections || (counted && mine >= caps.maxConnectionsPerAddress)) {
      // Answered and closed at once; the request and upgrade handlers skip it meanwhile.
      refusedSockets.add(socket);
      socket.on('error', () => {});
      socket.end(refusal);
      socket.destroySoon();
      return;
    }
    total++;
    // `on`, not `once` (a socket closes once): `once` wraps the listener in a bound function and a
    // state object that the socket would hold for its whole life. A socket counted in the total only
    // shares one listener; one counted per address has its own, which remembers the address.
    if (!counted) {
      socket.on('close', uncounted);
      return;
    }
    byAddress.set(address, mine + 1);
    socket.on('close', () => {
      total--;
      const left = (byAddress.get(address) ?? 1) - 1;
      if (left === 0) byAddress.delete(address);
      else byAddress.set(address, left);
    });
  });

  return {
    get total() {
      return total;
    },
    perAddress: (address) => byAddress.get(address) ?? 0,
    refused: (socket) => refusedSockets.has(socket),
  };
}
