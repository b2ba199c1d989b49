import { connect, createServer, type Server } from 'node:net';
import { type ProxyClock, realProxyClock } from './fault-proxy-clock.js';
import { Lane, type LaneFaults } from './fault-proxy-lane.js';

/**
 * A TCP fault proxy on loopback, between clients and a gateway: every connection it accepts is
 * forwarded to the current target port, through faults set at run time, for all connections
 * (`setFaults`) or one (`connection.setFaults`, which wins field by field):
 * - `latencyMs`: each chunk is held this long, per direction;
 * - `bytesPerSecond`: a bandwidth limit, per connection and direction;
 * - `halt`: a direction stops forwarding without closing (a half-open link: bytes are held, the
 *   sender sees backpressure, the socket stays open until one side gives up on it);
 * - `connection.resetMidFrame(direction)`: forwards part of the next chunk (half, or a given byte
 *   count), then resets both sockets (RST), so the receiver sees a frame cut short.
 * The target can change (`setTarget`): a gateway restarted on a new port is found by new connections.
 * Loopback only; time comes from an injectable clock (fault-proxy-clock.ts).
 */

export type Direction = 'up' | 'down';

/** Faults of a connection; `up` is client to target, `down` target to client. */
export interface LinkFaults {
  latencyMs?: number;
  bytesPerSecond?: number;
  halt?: { up?: boolean; down?: boolean };
}

/** One proxied connection. */
export interface ProxyConnection {
  readonly id: number;
  /** True once both sockets are closed. */
  readonly closed: boolean;
  /** Faults of this connection over the global ones (field by field); undefined: the global ones only. */
  setFaults(faults: LinkFaults | undefined): void;
  /** Forwards `bytes` more bytes in `direction` (default: half of the next chunk), then resets both sockets. */
  resetMidFrame(direction: Direction, bytes?: number): void;
  /** Resets both sockets now. */
  reset(): void;
  /** Bytes read from each side, and written to the other. */
  stats(): { received: Record<Direction, number>; forwarded: Record<Direction, number> };
}

export interface FaultProxy {
  readonly port: number;
  /** `ws://127.0.0.1:<port>`. */
  readonly url: string;
  setTarget(port: number): void;
  setFaults(faults: LinkFaults): void;
  /** Open connections, oldest first. */
  connections(): ProxyConnection[];
  /** Connections accepted so far. */
  readonly accepted: number;
  /** Resets every open connection. */
  resetAll(): void;
  close(): Promise<void>;
}

export interface FaultProxyOptions {
  targetPort: number;
  clock?: ProxyClock;
}

/** How long one side of a connection may stay open after the other closed. */
const CLOSE_GRACE_MS = 5_000;

function laneFaults(global: LinkFaults, own: LinkFaults | undefined, direction: Direction): LaneFaults {
  const pick = <K extends keyof LinkFaults>(k: K): LinkFaults[K] => own?.[k] ?? global[k];
  return {
    latencyMs: pick('latencyMs') ?? 0,
    bytesPerSecond: pick('bytesPerSecond') ?? 0,
    halted: own?.halt?.[direction] ?? global.halt?.[direction] ?? false,
  };
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const clock = options.clock ?? realProxyClock;
  let target = options.targetPort;
  let global: LinkFaults = {};
  let accepted = 0;
  const open = new Map<number, { connection: ProxyConnection; refresh(): void }>();

  const server: Server = createServer({ allowHalfOpen: true }, (client) => {
    const id = accepted++;
    const upstream = connect({ port: target, host: '127.0.0.1', allowHalfOpen: true });
    let own: LinkFaults | undefined;
    let closed = false;
    const resetBoth = () => {
      if (!client.destroyed) client.resetAndDestroy();
      if (!upstream.destroyed) upstream.resetAndDestroy();
    };
    const up = new Lane(client, upstream, clock, () => laneFaults(global, own, 'up'), resetBoth);
    const down = new Lane(upstream, client, clock, () => laneFaults(global, own, 'down'), resetBoth);
    const connection: ProxyConnection = {
      id,
      get closed() {
        return closed;
      },
      setFaults(faults) {
        own = faults;
        up.refresh();
        down.refresh();
      },
      resetMidFrame: (direction, bytes) => (direction === 'up' ? up : down).cutAfterBytes(bytes),
      reset: resetBoth,
      stats: () => ({
        received: { up: up.received, down: down.received },
        forwarded: { up: up.forwarded, down: down.forwarded },
      }),
    };
    open.set(id, {
      connection,
      refresh() {
        up.refresh();
        down.refresh();
      },
    });
    // Either socket failing (a reset, a refused upstream) takes the pair down. A clean close of one
    // side forwards its `end` once its lane drained; the other side gets `CLOSE_GRACE_MS` to close
    // in turn before it is reset (a halted lane never forwards the end).
    const failed = () => resetBoth();
    client.on('error', failed);
    upstream.on('error', failed);
    let cancelGrace: (() => void) | undefined;
    const onClose = () => {
      if (!client.destroyed || !upstream.destroyed) {
        cancelGrace ??= clock.after(CLOSE_GRACE_MS, resetBoth);
        return;
      }
      if (closed) return;
      closed = true;
      cancelGrace?.();
      up.stop();
      down.stop();
      open.delete(id);
    };
    client.on('close', onClose);
    upstream.on('close', onClose);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const connections = () => [...open.values()].map((c) => c.connection);
  return {
    port,
    url: `ws://127.0.0.1:${port}`,
    setTarget(p) {
      target = p;
    },
    setFaults(faults) {
      global = faults;
      for (const c of open.values()) c.refresh();
    },
    connections,
    get accepted() {
      return accepted;
    },
    resetAll() {
      for (const c of connections()) c.reset();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of connections()) c.reset();
        server.close(() => resolve());
      }),
  };
}
