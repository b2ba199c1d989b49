import { encodeServerFrame } from '@parley/core';
import type { WebSocket } from 'ws';
import type { Authenticator } from '../contracts/authenticator.js';
import type { ServerLimits } from '../contracts/limits.js';
import type { Logger } from '../contracts/logger.js';
import type { ServerStores } from '../contracts/stores.js';
import type { Clock } from '../contracts/types.js';
import { GroupReceipts } from '../groups/group-receipts.js';
import { GroupRequests } from '../groups/group-requests.js';
import type { MediaRequests } from '../media/media-requests.js';
import { PresenceRequests } from '../presence/presence-requests.js';
import type { PushCoalescer } from '../push/push-coalescer.js';
import { Router } from '../router/router.js';
import type { RouteMiddleware } from '../router/routes.js';
import { builtInRoutes } from './built-in-routes.js';
import { ClosingSockets } from './closing-sockets.js';
import { CloseReasons, type Connection, closeCode } from './connection.js';
import { ConnectionLoop } from './connection-loop.js';
import { DirectorySweep } from './directory-sweep.js';
import { GatewayNotes } from './gateway-notes.js';
import { LiveDevices } from './live-devices.js';
import type { LocalAddress } from './server-origins.js';

/** What a {@link Gateway} is built from (`createServer` fills it from its options). */
export interface GatewayOptions {
  /** The embedding app's own contact graph for 'contacts' visibility, instead of the lists clients set. */
  isContact?: (ownerId: string, otherId: string) => Promise<boolean>;
  /** Wakes devices without a live connection when something is queued for them (already coalesced). */
  push?: PushCoalescer;
  /** Media tickets (when the stores have media). */
  media?: MediaRequests;
  /** The app's middleware around the built-in routes. */
  routes?: RouteMiddleware;
  gatewayId: string;
  /**
   * The origins (URL hosts) clients log in for; default: the address each connection arrived on.
   * See `CreateServerOptions.origins`.
   */
  origins?: readonly string[];
  stores: ServerStores;
  authenticator: Authenticator;
  limits: ServerLimits;
  clock: Clock;
  logger: Logger;
}

const QUEUE_PURGE_EVERY_MS = 3_600_000;

/** How long a client refused for too many unauthenticated connections is asked to stay away. */
const UNAUTHENTICATED_RECONNECT_AFTER_MS = 5_000;

/**
 * The WebSocket gateway of one process: puts together the connection loop, the router and its
 * built-in routes, the live devices, the notes to other gateways and the periodic sweeps, and
 * starts and stops them in order.
 */
export class Gateway {
  /**
   * Frames and acks being handled: a stopping gateway waits until none is. A count, not a set of
   * promises: tracking costs no closure, set entry or promise chain per frame.
   */
  private inflight = 0;
  /** Resolves the stop waiting for in-flight work once it reaches 0. */
  private drained: (() => void) | undefined;
  private readonly settled = (): void => {
    if (--this.inflight === 0) this.drained?.();
  };
  /** Frame handlers answer their own failures: one that escapes is a bug, logged rather than lost. */
  private readonly failed = (error: unknown): void => {
    this.o.logger.error('frame handling failed', { error: String(error) });
  };
  /** Sockets closed by this gateway whose peers have not gone yet (see ClosingSockets). */
  readonly closingSockets = new ClosingSockets();
  private readonly live: LiveDevices;
  private readonly notes: GatewayNotes;
  private readonly loop: ConnectionLoop;
  private readonly sweep: DirectorySweep;
  /** Presence and typing, combined with the other gateways' over the bus. */
  private readonly presence: PresenceRequests;
  /** Group receipt cursors and the all-members aggregate. */
  private readonly groupReceipts: GroupReceipts;
  private purgeTimer: ReturnType<typeof setInterval> | undefined;
  private closing = false;

  constructor(private readonly o: GatewayOptions) {
    const { stores, limits, clock, logger, gatewayId } = o;
    this.presence = new PresenceRequests({ ...o, connectionsOf: (userId) => this.live.connectionsOf(userId) });
    this.notes = new GatewayNotes({ bus: stores.bus, gatewayId, logger, onNote: (note) => this.live.onNote(note) });
    this.live = new LiveDevices({ ...o, notes: this.notes, presence: this.presence });
    this.groupReceipts = new GroupReceipts({
      stores,
      clock,
      logger,
      maxQueuedPerDevice: limits.maxQueuedPerDevice,
      maxQueuedPerSender: limits.maxQueuedPerSender,
      queueFullRetryAfterMs: limits.queueFullRetryAfterMs,
      readReceipts: async (userId) => (stores.presence ? (await stores.presence.settings(userId)).readReceipts : true),
      stored: (entries) => this.live.stored(entries),
      staged: (entries) => this.live.staged(entries),
      groups: stores.groups,
      groupReceipts: stores.groupReceipts,
    });
    const routes = builtInRoutes({
      stores,
      // A send middleware sees each send's SendAck as its route's reply: no answer is held then.
      limits: o.routes?.send ? { ...limits, answerHoldMs: 0 } : limits,
      clock,
      live: this.live,
      connectionOf: (device, id) => this.live.connectionOf(device, id),
      presence: this.presence,
      groups: new GroupRequests({ stores, limits, clock, logger, stored: (entries) => this.live.stored(entries) }),
      groupReceipts: this.groupReceipts,
      media: o.media,
    });
    this.loop = new ConnectionLoop({
      gatewayId,
      limits,
      clock,
      logger,
      router: new Router(routes, o.routes, limits, stores.rateLimiter),
      origins: o.origins,
      handshake: {
        stores,
        authenticator: o.authenticator,
        onAuthenticated: (connection, device) => this.live.attach(connection, device),
      },
      closing: () => this.closing,
      closingSockets: this.closingSockets,
      began: () => {
        this.inflight++;
      },
      ended: this.settled,
      failed: this.failed,
      closed: (connection) => this.live.detach(connection),
    });
    this.sweep = new DirectorySweep({
      gatewayId,
      stores,
      limits,
      clock,
      logger,
      connections: () => this.connections(),
      nudgeLocal: (device) => this.live.pumpOf(device)?.nudge(),
    });
  }

  async start(): Promise<void> {
    await this.notes.start();
    await this.presence.start();
    this.sweep.start();
    this.purgeTimer = setInterval(() => void this.purgeExpired(), QUEUE_PURGE_EVERY_MS);
    this.purgeTimer.unref?.();
  }

  /** Graceful stop: refuse new work, finish in-flight requests, say goodbye, close sockets. */
  async stop(): Promise<void> {
    this.closing = true;
    this.sweep.stop();
    if (this.purgeTimer) clearInterval(this.purgeTimer);
    for (const c of this.connections()) c.pauseReading();
    if (this.inflight > 0) await new Promise<void>((resolve) => (this.drained = resolve));
    this.drained = undefined;
    await this.groupReceipts.idle();
    for (const c of this.connections()) {
      c.close(CloseReasons.CLOSE_REASON_SERVER_SHUTDOWN, 'server shutting down');
    }
    await this.notes.stop();
    await this.presence.stop();
  }

  get connectionCount(): number {
    let unready = 0;
    for (const _ of this.loop.unreadyConnections()) unready++;
    return unready + this.live.size;
  }

  /**
   * Every open connection: those not ready yet, then the live one of each device connected here
   * (a ready connection is always its device's live one: a newer one closes it).
   */
  private *connections(): Generator<Connection> {
    yield* this.loop.unreadyConnections();
    yield* this.live.connections();
  }

  /**
   * Serves a socket that arrived on `local` (decides the default login origins) from `remoteAddress`
   * (the peer's IP, for per-address limits such as registrations).
   */
  accept(ws: WebSocket, local: LocalAddress = {}, remoteAddress?: string): void {
    // Sockets that never authenticate cost memory and a timer each until authTimeoutMs: cap them.
    if (this.loop.unauthenticated >= this.o.limits.maxUnauthenticatedConnections) {
      const reason = CloseReasons.CLOSE_REASON_RATE_LIMITED;
      const message = 'too many unauthenticated connections';
      // The Goodbye says when to come back, so refused clients do not hammer the cap.
      ws.send(
        encodeServerFrame({ goodbye: { reason, message, reconnectAfterMs: UNAUTHENTICATED_RECONNECT_AFTER_MS } }),
      );
      ws.close(closeCode(reason), message);
      this.closingSockets.add(ws);
      return;
    }
    this.loop.accept(ws, local, remoteAddress);
  }

  /** The periodic purge of expired queue entries; a failure waits for the next period. */
  private async purgeExpired(): Promise<void> {
    try {
      await this.o.stores.queue.purgeExpired();
    } catch (error) {
      this.o.logger.warn('queue purge failed', { error: String(error) });
    }
  }
}
