import {
  authChallengePayload,
  type ClientFrameInit,
  decodeServerFrame,
  encodeClientFrame,
  ParleyError,
  PROTOCOL_VERSION,
  type parley,
  type ServerFrame,
  serverOrigin,
  signWithAuthKey,
} from '@parley/core';
import { Backoff, type BackoffOptions } from './backoff.js';
import type { Clock } from './clock.js';
import type { DeviceIdentity } from './device-identity.js';
import type { ConnectionState } from './events.js';
import type { Logger } from './logger.js';
import { RequestTracker } from './request-tracker.js';
import { onRetryNowSignal } from './retry-now-signal.js';
import { type WebSocketConstructor, type WebSocketLike, WS_OPEN } from './websocket-like.js';

export interface ConnectionOptions {
  url: string;
  identity: DeviceIdentity;
  WebSocket: WebSocketConstructor;
  token?: string;
  requestTimeoutMs: number;
  backoff: BackoffOptions;
  clientInfo: string;
  /** Approval by another device of the user, for this device's first connection. */
  link?: () => parley.v1.DeviceLink.$Properties | undefined;
  /** Pushes (frames answering no request), handled one at a time in arrival order. */
  onPush(frame: ServerFrame): Promise<void>;
  /** After each successful authentication. */
  onReady(welcome: parley.v1.Welcome.$Properties): void;
  onState(state: ConnectionState, detail: { reason?: string; error?: ParleyError }): void;
  logger: Logger;
  clock: Clock;
}

/** The longest wait a server's retry-after may impose on reconnecting (a bad hint cannot park the client for good). */
const MAX_SERVER_WAIT_MS = 5 * 60_000;

/** Close reasons after which reconnecting would be wrong. */
const FATAL_CLOSE = new Set([4003, 4008, 4010, 4012]); // auth failed, replaced, revoked, version

/**
 * One logical connection to a gateway: connects, authenticates, keeps it alive with heartbeats,
 * reconnects with backoff and jitter, and matches responses to requests.
 */
export class ClientConnection {
  private ws: WebSocketLike | undefined;
  private state: ConnectionState = 'idle';
  private ready = false;
  private readonly requests: RequestTracker;
  private readonly backoff: Backoff;
  private pushChain: Promise<void> = Promise.resolve();
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private lastReceivedAt = 0;
  private maxFrameBytes = 512 * 1024;
  private firstConnect: { resolve(): void; reject(e: ParleyError): void; promise: Promise<void> } | undefined;
  private readyWaiters: Array<() => void> = [];
  private stopRetrySignal: (() => void) | undefined;
  /** The server's `Goodbye.reconnect_after_ms` on the current socket, for the reconnect that follows. */
  private goodbyeWaitMs = 0;
  /** Until then (clock ms) the server asked not to be contacted: `retryNow` waits too. */
  private holdUntil = 0;

  constructor(private readonly o: ConnectionOptions) {
    this.requests = new RequestTracker(o.requestTimeoutMs);
    this.backoff = new Backoff(o.backoff);
  }

  get isReady(): boolean {
    return this.ready;
  }

  get currentState(): ConnectionState {
    return this.state;
  }

  /** Connects and authenticates; resolves on the first Welcome, rejects if the server refuses this device. */
  connect(): Promise<void> {
    if (this.ready) return Promise.resolve();
    if (this.firstConnect) return this.firstConnect.promise; // concurrent callers share one attempt
    let settle: { resolve(): void; reject(e: ParleyError): void } | undefined;
    const promise = new Promise<void>((resolve, reject) => {
      settle = { resolve, reject };
    });
    this.firstConnect = { ...(settle as { resolve(): void; reject(e: ParleyError): void }), promise };
    if (this.state === 'idle' || this.state === 'closed') {
      this.stopRetrySignal ??= onRetryNowSignal(() => this.retryNow());
      this.open('connecting');
    }
    return promise;
  }

  /** Resolves when the connection is authenticated (immediately if it is). */
  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Sends a request and resolves with its response frame; rejects with the server's error as a ParleyError. */
  async request(body: Omit<ClientFrameInit, 'requestId'>): Promise<ServerFrame> {
    if (!this.ready) throw new ParleyError('CONNECTION_CLOSED', 'not connected');
    return this.requests.start((requestId) => this.write({ ...body, requestId }));
  }

  /** Sends a frame that gets no answer (acks). Dropped silently when offline: the server will resend. */
  notify(body: Omit<ClientFrameInit, 'requestId'>): void {
    if (!this.ready) return;
    try {
      this.write({ ...body, requestId: 0 });
    } catch (error) {
      this.o.logger.debug('a notification was dropped: the socket is closing', { error });
    }
  }

  /**
   * While waiting to reconnect, tries again now (the network came back, the app came to the
   * foreground): the backoff is for a server that is down, not for a device that was offline.
   */
  retryNow(): void {
    if (this.state !== 'reconnecting' || this.ws) return;
    // The server refused us for a while (a limit, not an outage): coming back online changes nothing.
    if (this.o.clock.now() < this.holdUntil) return;
    clearTimeout(this.reconnectTimer);
    this.backoff.reset();
    this.open('reconnecting');
  }

  close(): void {
    this.stopListening();
    this.setState('closed', { reason: 'closed by the app' });
    this.teardown(1000, 'client closed');
    this.firstConnect?.reject(new ParleyError('CLOSED', 'client closed'));
    this.firstConnect = undefined;
  }

  private write(frame: ClientFrameInit): void {
    const ws = this.ws;
    if (ws?.readyState !== WS_OPEN) {
      // The socket is closing, and its close event comes only on a later turn of the event loop.
      // Until then `ready` would stay true and callers would retry at once, in a loop of promise
      // callbacks that never lets that turn come: so treat the socket as lost right here.
      if (ws) this.socketLost(ws, 'socket is not open');
      throw new ParleyError('CONNECTION_CLOSED', 'socket is not open');
    }
    ws.send(encodeClientFrame(frame, { maxFrameBytes: this.maxFrameBytes }));
  }

  /** Drops a socket found unusable (if it is still the current one) and reconnects with backoff. */
  private socketLost(ws: WebSocketLike, reason: string): void {
    if (this.ws !== ws) return;
    this.teardown(1000, reason);
    this.scheduleReconnect(new ParleyError('CONNECTION_CLOSED', reason));
  }

  private open(state: ConnectionState): void {
    this.setState(state, {});
    this.goodbyeWaitMs = 0;
    let ws: WebSocketLike;
    try {
      ws = new this.o.WebSocket(this.o.url);
    } catch (error) {
      this.scheduleReconnect(ParleyError.from(error, 'CONNECTION_CLOSED'));
      return;
    }
    this.ws = ws;
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => {
      this.lastReceivedAt = this.o.clock.now();
      void this.handshake().catch((error: unknown) => {
        // A socket lost during the handshake was torn down and its reconnect scheduled already.
        if (this.ws === ws) this.onHandshakeFailed(ParleyError.from(error));
      });
    };
    ws.onmessage = (event) => this.onMessage(event.data);
    ws.onerror = () => {};
    ws.onclose = (event) => {
      if (this.ws !== ws) return;
      this.onSocketClosed(event.code, event.reason);
    };
  }

  private async handshake(): Promise<void> {
    const { identity } = this.o;
    const challenge = await this.requests.start((requestId) =>
      this.write({
        requestId,
        hello: {
          protocolVersion: PROTOCOL_VERSION,
          userId: identity.userId,
          deviceId: identity.deviceId,
          authKey: identity.authPublicKey,
          clientInfo: this.o.clientInfo,
          ...(this.o.token ? { token: this.o.token } : {}),
          ...(this.o.link?.() ? { link: this.o.link() ?? null } : {}),
        },
      }),
    );
    const nonce = challenge.challenge?.nonce;
    if (!nonce) throw new ParleyError('BAD_FRAME', 'expected a challenge');
    // The login names the server this device means to reach, so it cannot be relayed to another.
    const origin = serverOrigin(this.o.url);
    const signature = await signWithAuthKey(
      identity.authPrivateKey,
      authChallengePayload(nonce, identity.userId, identity.deviceId, origin),
    );
    const welcomeFrame = await this.requests.start((requestId) =>
      this.write({ requestId, auth: { signature, origin } }),
    );
    const welcome = welcomeFrame.welcome;
    if (!welcome) throw new ParleyError('BAD_FRAME', 'expected welcome');
    this.maxFrameBytes = welcome.maxFrameBytes || this.maxFrameBytes;
    this.ready = true;
    this.backoff.reset();
    this.startHeartbeat(welcome);
    this.setState('connected', {});
    this.o.onReady(welcome);
    for (const w of this.readyWaiters.splice(0)) w();
    this.firstConnect?.resolve();
    this.firstConnect = undefined;
  }

  private onHandshakeFailed(error: ParleyError): void {
    if (error.code === 'AUTH_FAILED' || error.code === 'UNSUPPORTED_VERSION') {
      this.fail(error);
      return;
    }
    this.teardown(4002, 'handshake failed');
    this.scheduleReconnect(error);
  }

  private onMessage(data: unknown): void {
    this.lastReceivedAt = this.o.clock.now();
    let frame: ServerFrame;
    try {
      const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : (data as Uint8Array);
      // Deliver frames may carry one envelope as large as the frame limit plus its framing.
      frame = decodeServerFrame(bytes, { maxFrameBytes: this.maxFrameBytes + 64 * 1024 });
    } catch {
      this.teardown(4002, 'undecodable frame from server');
      this.scheduleReconnect(new ParleyError('BAD_FRAME', 'undecodable frame from server'));
      return;
    }
    if (frame.body === 'ping') {
      if (this.ws?.readyState === WS_OPEN) this.write({ requestId: 0, pong: { nonce: frame.ping?.nonce ?? 0 } });
      return;
    }
    if (frame.body === 'goodbye') {
      // The close that follows carries the reason; the Goodbye may say how long to stay away.
      this.goodbyeWaitMs = frame.goodbye?.reconnectAfterMs ?? 0;
      return;
    }
    if (this.requests.handle(frame)) return;
    if (frame.body === 'error') {
      // An error answering no request (e.g. a frame the server could not decode): nothing to settle.
      return;
    }
    const push = frame;
    const ws = this.ws;
    this.pushChain = this.pushChain
      .then(() => (this.ws === ws ? this.o.onPush(push) : undefined))
      .catch((error: unknown) => {
        // Processing failed (e.g. the store): nothing after it may be acknowledged out of order,
        // so drop this connection; the server redelivers everything unacknowledged, in order.
        if (this.ws !== ws) return;
        this.teardown(4000, 'local processing failed');
        this.scheduleReconnect(ParleyError.from(error, 'STORE_FAILED'));
      });
  }

  private onSocketClosed(code: number, reason: string): void {
    this.teardown(code, reason);
    if (this.state === 'closed') return;
    if (FATAL_CLOSE.has(code)) {
      const error =
        code === 4008
          ? new ParleyError('CONNECTION_CLOSED', 'this device connected elsewhere', { retryable: false })
          : new ParleyError(code === 4012 ? 'UNSUPPORTED_VERSION' : 'AUTH_FAILED', reason || 'refused by the server');
      this.fail(error);
      return;
    }
    this.scheduleReconnect(new ParleyError('CONNECTION_CLOSED', reason || `socket closed (${code})`));
  }

  private stopListening(): void {
    this.stopRetrySignal?.();
    this.stopRetrySignal = undefined;
  }

  private fail(error: ParleyError): void {
    this.stopListening();
    this.teardown(4003, error.message);
    this.setState('closed', { reason: error.message, error });
    this.firstConnect?.reject(error);
    this.firstConnect = undefined;
  }

  private scheduleReconnect(error: ParleyError): void {
    if (this.state === 'closed') return;
    this.setState('reconnecting', { reason: error.message, error });
    clearTimeout(this.reconnectTimer);
    // A refusal that says when to come back (RATE_LIMITED answering the handshake, a Goodbye with
    // reconnect_after_ms) is honoured: no earlier retry, whatever the backoff would allow.
    const serverWaitMs = Math.min(Math.max(error.retryAfterMs, this.goodbyeWaitMs), MAX_SERVER_WAIT_MS);
    this.goodbyeWaitMs = 0;
    if (serverWaitMs > 0) this.holdUntil = this.o.clock.now() + serverWaitMs;
    this.reconnectTimer = setTimeout(
      () => {
        if (this.state !== 'closed') this.open('reconnecting');
      },
      Math.max(this.backoff.next(), serverWaitMs),
    );
  }

  private teardown(code: number, reason: string): void {
    this.ready = false;
    clearInterval(this.heartbeat);
    clearTimeout(this.reconnectTimer);
    const ws = this.ws;
    this.ws = undefined;
    if (ws) {
      ws.onopen = null;
      ws.onmessage = null;
      ws.onclose = null;
      try {
        if (ws.readyState <= WS_OPEN) ws.close(code >= 4000 || code === 1000 ? code : 1000, reason.slice(0, 120));
      } catch (error) {
        this.o.logger.debug('closing the socket failed (it was closing already)', { error });
      }
    }
    this.requests.failAll(new ParleyError('CONNECTION_CLOSED', reason || 'connection closed'));
  }

  private startHeartbeat(welcome: parley.v1.Welcome.$Properties): void {
    const interval = welcome.heartbeatIntervalMs || 20_000;
    const deadline = (welcome.idleTimeoutMs || interval * 3) + interval;
    clearInterval(this.heartbeat);
    this.heartbeat = setInterval(() => {
      if (this.o.clock.now() - this.lastReceivedAt > deadline) {
        // The server has gone silent: treat the socket as dead even without a close frame.
        this.teardown(4005, 'server silent');
        this.scheduleReconnect(new ParleyError('TIMEOUT', 'server did not answer heartbeats'));
        return;
      }
      // An unanswered ping needs no handling of its own: silence past the deadline closes the socket above.
      this.request({ ping: { nonce: this.o.clock.now() } }).catch((error: unknown) =>
        this.o.logger.debug('heartbeat ping unanswered', { error }),
      );
    }, interval);
  }

  private setState(state: ConnectionState, detail: { reason?: string; error?: ParleyError }): void {
    if (this.state === state && state !== 'reconnecting') return;
    this.state = state;
    this.o.onState(state, detail);
  }
}
