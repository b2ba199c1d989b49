import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, toHex } from '@parley/core';
import { WebSocketServer } from 'ws';
import { keyAuthenticator } from './auth/key-authenticator.js';
import { isLoopbackAddress } from './contracts/addresses.js';
import type { Authenticator } from './contracts/authenticator.js';
import { resolveLimits, type ServerLimits } from './contracts/limits.js';
import { type Logger, silentLogger } from './contracts/logger.js';
import type { PushSink } from './contracts/push-sink.js';
import type { ServerStores } from './contracts/stores.js';
import { type Clock, systemClock } from './contracts/types.js';
import { Gateway } from './gateway/gateway.js';
import type { LocalAddress } from './gateway/server-origins.js';
import { capConnections } from './http/connection-caps.js';
import { handleMediaHttp } from './media/media-http.js';
import { DEFAULT_MEDIA_SETTINGS, MediaRequests, type MediaSettings } from './media/media-requests.js';
import { pushCoalescer } from './push/push-coalescer.js';
import type { RouteMiddleware } from './router/routes.js';

export interface CreateServerOptions {
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** Port; 0 picks a free one. Default 0. */
  port?: number;
  /** The pluggable parts: `memoryStores()` or `sqliteStores({ path })`, or your own. Not closed by `close()`. */
  stores: ServerStores;
  /**
   * The origins clients log in for: the host of the URL they connect to, as `new URL(url).host`
   * writes it (`'chat.example.com'`, `'chat.example.com:8443'`, `'10.0.0.5:8080'`; no default port).
   * A device signs the origin into its login and the server refuses any origin not listed, so a
   * server a client was pointed at cannot relay another server's challenge. Set it whenever clients
   * reach the server by a DNS name or through a proxy or load balancer. Default: the address each
   * connection arrived on (any loopback host for a loopback connection, else the local IP and port),
   * which never accepts a DNS name. See docs/PROTOCOL.md section 5.1.
   */
  origins?: readonly string[];
  /** Default: `keyAuthenticator()` with open registration. */
  authenticator?: Authenticator;
  limits?: Partial<ServerLimits>;
  logger?: Logger;
  clock?: Clock;
  /** Unique per gateway process in a cluster. Default: random. */
  gatewayId?: string;
  /** Extra HTTP handler for non-WebSocket requests (e.g. serving a web app). Return false to get a 404. */
  httpHandler?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
  /**
   * Wakes devices that have no live connection when something is queued for them: at most one
   * push per device per `pushIntervalMs` (default 10 s) with the count aggregated, never content.
   */
  push?: PushSink;
  pushIntervalMs?: number;
  /**
   * The app's own contact graph for `'contacts'` last-seen visibility: whether `otherId` is a contact
   * of `ownerId`. Without it, the lists clients send with `setContacts` are used.
   */
  isContact?: (ownerId: string, otherId: string) => Promise<boolean>;
  /**
   * Media limits and lifetimes (upload limit 100 MiB, blobs kept 30 days, tickets 5 minutes by
   * default). Media is on when the stores have `media` and `mediaTickets`.
   */
  media?: Partial<MediaSettings>;
  /**
   * Middleware around the built-in route of a body case, without forking the gateway: wrap a route
   * (an anti-spam or audit check on `send`) or replace it (a custom policy on `groupChange`) by not
   * calling `next`. A list runs outermost first. See {@link RouteMiddleware}.
   */
  routes?: RouteMiddleware;
  /**
   * Client addresses exempt from the per-address connection cap (`limits.maxConnectionsPerAddress`).
   * Default: loopback ({@link isLoopbackAddress}), so local tools and benches are not throttled.
   * Behind a reverse proxy every client arrives from the proxy's address: exempt that address too
   * and cap per client at the proxy, which sees the real addresses.
   */
  exemptAddress?: (address: string) => boolean;
}

export interface ParleyServer {
  /** ws://host:port */
  readonly url: string;
  readonly port: number;
  readonly gatewayId: string;
  /** Number of open WebSocket connections. */
  readonly connections: number;
  /** Graceful: stops accepting, finishes in-flight requests, says goodbye to every connection. */
  close(): Promise<void>;
}

/** Starts a Parley gateway on a WebSocket server. */
export async function createServer(options: CreateServerOptions): Promise<ParleyServer> {
  const limits = resolveLimits(options.limits);
  const gatewayId = options.gatewayId ?? toHex(randomBytes(6));
  const sink = options.push;
  // After coalescing, each push carries the device's registered token (looked up when it goes out).
  const withToken: PushSink | undefined = sink && {
    notify: async (device, notice) => {
      const token = await options.stores.devices.pushToken(device.userId, device.deviceId).catch(() => undefined);
      await sink.notify(device, token ? { ...notice, token } : notice);
    },
  };
  const push = withToken
    ? pushCoalescer({ sink: withToken, ...(options.pushIntervalMs ? { intervalMs: options.pushIntervalMs } : {}) })
    : undefined;
  const { media: mediaStore, mediaTickets } = options.stores;
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? systemClock;
  const media =
    mediaStore && mediaTickets
      ? new MediaRequests({
          store: mediaStore,
          tickets: mediaTickets,
          rateLimiter: options.stores.rateLimiter,
          clock,
          logger,
          settings: { ...DEFAULT_MEDIA_SETTINGS, ...options.media },
        })
      : undefined;
  const gateway = new Gateway({
    ...(push ? { push } : {}),
    ...(media ? { media } : {}),
    ...(options.isContact ? { isContact: options.isContact } : {}),
    ...(options.routes ? { routes: options.routes } : {}),
    ...(options.origins ? { origins: options.origins } : {}),
    gatewayId,
    stores: options.stores,
    authenticator: options.authenticator ?? keyAuthenticator(),
    limits,
    clock,
    logger,
  });
  await gateway.start();
  media?.start();
  const mediaHttp = media && {
    ...media.o,
    maxUploadBytes: media.o.settings.maxUploadBytes,
    uploadIdleTimeoutMs: limits.uploadIdleTimeoutMs,
  };

  const httpOptions = {
    headersTimeout: limits.httpHeadersTimeoutMs,
    requestTimeout: limits.httpRequestTimeoutMs,
    // Node checks both timeouts on this interval (30 s by default, which would let trickled headers
    // hold a socket that much longer than headersTimeout).
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(limits.httpHeadersTimeoutMs / 4))),
  };
  const http = createHttpServer(httpOptions, (req, res) => {
    if (caps.refused(req.socket)) return;
    void (async () => {
      const handled =
        (mediaHttp !== undefined && (await handleMediaHttp(mediaHttp, req, res))) ||
        (options.httpHandler ? await options.httpHandler(req, res) : false);
      if (!handled && !res.headersSent) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      }
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  const caps = capConnections(http, {
    maxConnections: limits.maxConnections,
    maxConnectionsPerAddress: limits.maxConnectionsPerAddress,
    exemptAddress: options.exemptAddress ?? isLoopbackAddress,
    retryAfterS: 5,
  });
  // ws rejects larger frames itself, closing with 1009 (message too big) before buffering them.
  const wss = new WebSocketServer({
    server: http,
    maxPayload: limits.maxFrameBytes,
    perMessageDeflate: false,
    // The gateway knows its connections; ws's own list costs every idle one ~160 bytes (see ClosingSockets).
    clientTracking: false,
    verifyClient: ({ req }: { req: IncomingMessage }) => !caps.refused(req.socket),
  });
  // The address a connection arrived on decides its default login origins. Asking a socket for it
  // keeps a copy on the socket for its whole life: it is not asked when the origins are configured
  // (unused then) or when the server listens on one address (every connection arrives on that one).
  let boundLocal: LocalAddress | undefined = options.origins ? {} : undefined;
  wss.on('connection', (ws, req) =>
    gateway.accept(
      ws,
      boundLocal ?? { address: req.socket.localAddress, port: req.socket.localPort },
      req.socket.remoteAddress,
    ),
  );
  wss.on('error', () => {});

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const bound = http.address() as AddressInfo;
  const port = bound.port;
  if (bound.address !== '0.0.0.0' && bound.address !== '::') boundLocal ??= { address: bound.address, port };
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closed: Promise<void> | undefined;

  return {
    url: `ws://${urlHost}:${port}`,
    port,
    gatewayId,
    get connections() {
      return gateway.connectionCount;
    },
    close() {
      closed ??= (async () => {
        http.close();
        await gateway.stop();
        push?.stop();
        media?.stop();
        // Give peers a moment to complete the closing handshake, then cut whoever is left (every
        // socket the gateway closed: ws keeps no list of its clients, see ClosingSockets).
        const closing = gateway.closingSockets;
        const deadline = Date.now() + 500;
        while (closing.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
        closing.terminateAll();
        await new Promise<void>((resolve) => wss.close(() => resolve()));
        http.closeAllConnections?.();
      })();
      return closed;
    },
  };
}
