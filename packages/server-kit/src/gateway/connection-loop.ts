import {
  type ClientFrame,
  decodeClientFrame,
  isParleyError,
  oneof,
  ParleyError,
  type UnknownBodyDetail,
} from '@parley/core';
import type { WebSocket } from 'ws';
import type { ServerLimits } from '../contracts/limits.js';
import type { Logger } from '../contracts/logger.js';
import { TimeBase } from '../contracts/time-base.js';
import { type SetTimer, systemTimer } from '../contracts/timer.js';
import type { Clock, DeviceAddress } from '../contracts/types.js';
import { encodeReply } from '../messages/send-ack-frame.js';
import type { Router } from '../router/router.js';
import type { Reply, RequestContext } from '../router/routes.js';
import { Admission } from './admission.js';
import type { ClosingSockets } from './closing-sockets.js';
import { CloseReasons, Connection, type ConnectionShared, closeCode } from './connection.js';
import { ConnectionReader, type ReaderLoop } from './connection-reader.js';
import { FrameBudget } from './frame-budget.js';
import { peekClientFrame } from './frame-peek.js';
import { Handshake, type HandshakeContext } from './handshake.js';
import { RetryBackoff } from './retry-backoff.js';
import { type LocalAddress, originPolicy } from './server-origins.js';

/** What the connection loop needs of its gateway. */
export interface ConnectionLoopPorts {
  gatewayId: string;
  limits: ServerLimits;
  clock: Clock;
  logger: Logger;
  router: Router;
  handshake: Omit<HandshakeContext, 'clock' | 'limits' | 'logger' | 'acceptsOrigin'>;
  /** The origins logins must be signed for; by default the address each connection arrived on. */
  origins: readonly string[] | undefined;
  /** True once the gateway is stopping: no new work is taken on. */
  closing(): boolean;
  /**
   * Work the gateway waits for when it stops: `began` when a frame or ack is taken on, `ended` once
   * it settled (a count, not a promise per frame).
   */
  began(): void;
  ended(): void;
  /** Frame handling that failed where nothing answers it (a bug): logged rather than lost. */
  failed(error: unknown): void;
  /** A connection closed. */
  closed(connection: Connection): void;
  /** Schedules the end of a frame-budget pause; default {@link systemTimer}. */
  setTimer?: SetTimer;
  /** Where sockets go while they close (a stopping server waits for them, then cuts them). */
  closingSockets?: ClosingSockets;
}

/**
 * Attempts of an acknowledgement while the stores fail (about a minute with the backoff): an
 * outage shorter than that keeps the connection; after it, the connection closes and a new one
 * gets the entries again.
 */
const ACK_ATTEMPTS = 60;

/** What an acknowledgement from a connection with no address (closed before ready) waits for. */
const ACKED: Promise<void> = Promise.resolve();

/** Resolves after `ms`, or as soon as the connection closes. */
function pause(connection: Connection, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref?.();
    connection.onClosed(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Frames that get no answer, so need no request id. */
const NO_RESPONSE = new Set<string>(['deliverAck', 'pong', 'ping']);
/** Bodies the router answers; the connection answers the others itself (handshake, ping, acks with retries). */
const NOT_ROUTED = new Set<string>(['hello', 'auth', 'ping', 'pong', 'deliverAck']);

/**
 * ClientFrame body fields that may be shed when overloaded: `send` (20) and `receipt` (22), the
 * requests that carry the load and that clients resend from their outbox. Everything else (the
 * handshake, keep-alive, acknowledgements, which remove work, and rare control requests that clients
 * do not queue for a retry) is always taken on.
 */
const SHEDDABLE = new Set<number>([20, 22]);

/**
 * Serves each accepted socket: a {@link ConnectionReader} per connection reads its frames in order
 * (see there); the loop answers the handshake and keep-alive itself and hands every other frame of
 * an authenticated device to the router. What every connection shares lives here, once.
 */
export class ConnectionLoop implements ReaderLoop {
  private nextConnection = 0;
  /**
   * Open connections not authenticated yet (in hello or auth), which `maxUnauthenticatedConnections`
   * caps. Kept here, and only until ready: the gateway finds a ready connection through its device
   * (LiveDevices), so no collection holds every connection (aim 5 of issue 15).
   */
  private readonly unready = new Set<Connection>();
  readonly admission: Admission;
  readonly frameBudget: FrameBudget;
  readonly limits: ServerLimits;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly setTimer: SetTimer;
  private readonly handshakeContext: HandshakeContext;
  /** What every connection shares (see ConnectionShared). */
  private readonly connectionShared: ConnectionShared;

  constructor(private readonly o: ConnectionLoopPorts) {
    this.limits = o.limits;
    this.clock = o.clock;
    this.logger = o.logger;
    this.setTimer = o.setTimer ?? systemTimer;
    this.admission = new Admission({
      maxPending: o.limits.maxPendingRequests,
      targetDelayMs: o.limits.overloadTargetDelayMs,
      retryAfterMs: o.limits.overloadRetryAfterMs,
      clock: o.clock,
    });
    this.frameBudget = new FrameBudget(o.limits.framesPerSecond, o.limits.frameBurst);
    // Configured origins are the same for every connection: one policy. Otherwise the policy
    // depends on the address a connection arrived on, and is made at its login only.
    const configured = o.origins && originPolicy(o.origins, {});
    this.handshakeContext = {
      ...o.handshake,
      clock: o.clock,
      limits: o.limits,
      logger: o.logger,
      acceptsOrigin: configured ?? ((origin, local) => originPolicy(undefined, local)(origin)),
    };
    this.connectionShared = {
      limits: o.limits,
      setTimer: this.setTimer,
      times: new TimeBase(),
      closing: o.closingSockets,
      closed: (connection) => {
        this.unready.delete(connection);
        o.closed(connection);
      },
    };
  }

  /** How many open connections are not authenticated yet. */
  get unauthenticated(): number {
    return this.unready.size;
  }

  /** The open connections not ready yet (a connection between its attach and the end of its auth is ready: skipped). */
  *unreadyConnections(): Generator<Connection> {
    for (const connection of this.unready) if (connection.state !== 'ready') yield connection;
  }

  closing(): boolean {
    return this.o.closing();
  }

  began(): void {
    this.o.began();
  }

  ended(): void {
    this.o.ended();
  }

  /**
   * Serves `ws`, which arrived on `local` (the socket's local address decides the default origins)
   * from `remoteAddress` (the peer's IP, for per-address limits such as registrations).
   */
  accept(ws: WebSocket, local: LocalAddress = {}, remoteAddress?: string): void {
    if (this.o.closing()) {
      ws.close(closeCode(CloseReasons.CLOSE_REASON_SERVER_SHUTDOWN), 'server shutting down');
      this.o.closingSockets?.add(ws);
      return;
    }
    // join makes one flat string; a template literal makes a rope of three the connection would hold.
    const id = [this.o.gatewayId, ++this.nextConnection].join(':');
    const connection = new Connection(id, ws, this.connectionShared, this.clock());
    this.unready.add(connection);
    // The socket's listeners hold the reader, which holds the rest.
    const handshake = new Handshake(this.handshakeContext, connection, local, remoteAddress);
    new ConnectionReader(this, connection, ws, handshake);
  }

  /**
   * Refuses a request with OVERLOADED, before any work, when the gateway is past its pending limit
   * and this connection already has its fair share waiting. Only a peek at the frame: anything that
   * does not parse goes the ordered way, which reports it.
   */
  shed(connection: Connection, bytes: Uint8Array, waiting: number): boolean {
    if (this.admission.admits(waiting)) return false;
    const peek = peekClientFrame(bytes);
    if (!peek || peek.requestId === 0 || !SHEDDABLE.has(peek.body)) return false;
    connection.replyError(peek.requestId, this.admission.error);
    return true;
  }

  /**
   * Routes an acknowledgement, from the fast path (see ack-fast-path.ts) or in order: both answer
   * the same way. The client sends it once, so when the stores fail (PostgreSQL restarting) the
   * gateway retries it with a backoff, keeping the connection open: the device stays connected
   * through a short outage, its deliveries waiting.
   */
  acknowledge(connection: Connection, frame: ClientFrame, reader?: ConnectionReader): Promise<void> {
    const device = connection.address;
    if (!device) {
      reader?.ackSettled();
      return ACKED;
    }
    // The first attempt, which nearly always succeeds, without an async frame of its own: one
    // DeliverAck per delivered message (issue 15). Failures go to the retrying path.
    const ctx = { device, requestId: 0, connectionId: connection.id };
    // Never rejects: the reader's fast path does not observe the answer.
    return this.o.router.handle(frame, ctx).then(
      () => reader?.ackSettled(),
      (error: unknown) =>
        this.retryAck(connection, frame, ctx, error).then(
          () => reader?.ackSettled(),
          (bug: unknown) => {
            this.o.failed(bug);
            reader?.ackSettled();
          },
        ),
    );
  }

  /** An acknowledgement whose first attempt failed with `error`: refused, or tried again with a backoff. */
  private async retryAck(
    connection: Connection,
    frame: ClientFrame,
    ctx: RequestContext,
    error: unknown,
  ): Promise<void> {
    let backoff: RetryBackoff | undefined; // made on the first failure only
    let failure = error;
    for (let attempt = 1; ; attempt++) {
      if (isParleyError(failure) && !failure.retryable) {
        // A refused ack (too many ids) is the client's fault: answered like an undecodable frame.
        this.refuseFrame(connection, failure, frame.requestId);
        return;
      }
      this.o.logger.warn('ack failed', { attempt, error: String(failure) });
      if (!connection.isOpen) return; // the entries stay queued: the next connection gets them again
      if (attempt >= ACK_ATTEMPTS || this.o.closing()) {
        // The entries stay queued but the pump already sent them: only a new connection sends them
        // again (the client skips them as duplicates and acks again, which queues their receipts).
        connection.close(CloseReasons.CLOSE_REASON_UNAVAILABLE, 'could not store the acknowledgement');
        return;
      }
      backoff ??= new RetryBackoff();
      await pause(connection, backoff.next());
      try {
        await this.o.router.handle(frame, ctx);
        return;
      } catch (next) {
        failure = next;
      }
    }
  }

  /** Answers a frame the client should not have sent; too many of them close the connection. */
  private refuseFrame(connection: Connection, error: unknown, requestId = 0): void {
    connection.replyError(requestId, error);
    if (connection.state !== 'ready' || ++connection.badFrames > this.o.limits.maxBadFrames) {
      connection.close(CloseReasons.CLOSE_REASON_PROTOCOL_ERROR, 'undecodable frames');
    }
  }

  /**
   * `ordered` lets the connection's next frame start before this one finishes (RequestContext.ordered);
   * `settled` is called once the frame's work settled, exactly once. A request of a ready connection
   * (nearly every frame) goes to the router without an async frame or a promise of its own beyond
   * the answer's (issue 15 aim 1); the rest go to {@link onOtherFrame}. Never throws.
   */
  onFrame(
    reader: ConnectionReader,
    bytes: Uint8Array,
    isBinary: boolean,
    ordered: () => void,
    settled: () => void,
  ): void {
    const connection = reader.connection;
    const device = connection.address;
    if (!isBinary || connection.state !== 'ready' || !device || !connection.isOpen || this.o.closing()) {
      this.other(this.onOtherFrame(reader, bytes, isBinary, ordered), settled);
      return;
    }
    let frame: ReturnType<typeof decodeClientFrame>;
    try {
      frame = decodeClientFrame(bytes, { maxFrameBytes: this.o.limits.maxFrameBytes });
    } catch {
      this.other(this.onOtherFrame(reader, bytes, isBinary, ordered), settled); // reports it
      return;
    }
    const body = frame.body; // read once: each read of a oneof lists the frame's keys
    if (frame.requestId === 0 || body === undefined || NOT_ROUTED.has(body)) {
      this.other(this.onOtherFrame(reader, bytes, isBinary, ordered, frame), settled);
      return;
    }
    this.route(connection, device, frame, ordered, settled, body);
  }

  /** Calls `settled` once the slow path's `work` settled; a failure that escaped it is logged. */
  private other(work: Promise<void>, settled: () => void): void {
    work.then(settled, (error: unknown) => {
      this.o.failed(error);
      settled();
    });
  }

  /**
   * Hands a ready connection's request to the router and writes its reply or its error, then calls
   * `settled` when given. Never rejects.
   */
  private route(
    connection: Connection,
    device: DeviceAddress,
    frame: ReturnType<typeof decodeClientFrame>,
    ordered: (() => void) | undefined,
    settled?: () => void,
    body: ClientFrame['body'] = frame.body,
  ): Promise<void> {
    const requestId = frame.requestId;
    // One object either way (a spread of a conditional part would make two).
    const connectionId = connection.id;
    const ctx = ordered ? { device, requestId, connectionId, ordered } : { device, requestId, connectionId };
    let handled: Promise<Reply>;
    try {
      handled = this.o.router.handle(frame, ctx, body);
    } catch (error) {
      handled = Promise.reject(error); // the router rejects rather than throws; kept safe all the same
    }
    return handled.then(
      (reply) => {
        try {
          if (reply) connection.sendBytes(encodeReply(requestId, reply));
        } catch (error) {
          this.answerFailure(connection, body, requestId, error);
        }
        settled?.();
      },
      (error: unknown) => {
        this.answerFailure(connection, body, requestId, error);
        settled?.();
      },
    );
  }

  /** {@link requestFailed}, which never throws: the fast path does not observe the answer's promise. */
  private answerFailure(connection: Connection, body: string | undefined, requestId: number, error: unknown): void {
    try {
      this.requestFailed(connection, body, requestId, error);
    } catch (bug) {
      this.o.failed(bug);
    }
  }

  /** Answers a request that failed with `error`. */
  private requestFailed(connection: Connection, body: string | undefined, requestId: number, error: unknown): void {
    if (!isParleyError(error)) this.o.logger.error('request failed', { body, error: String(error) });
    // Unexpected failures are store or bus trouble: retryable, and sends are idempotent.
    connection.replyError(
      requestId,
      isParleyError(error) ? error : new ParleyError('UNAVAILABLE', 'temporarily unavailable', { cause: error }),
    );
  }

  /** Every frame {@link onFrame} does not route itself: the handshake, pings, acks, refusals. */
  private async onOtherFrame(
    reader: ConnectionReader,
    bytes: Uint8Array,
    isBinary: boolean,
    ordered: (() => void) | undefined,
    decoded?: ReturnType<typeof decodeClientFrame>,
  ): Promise<void> {
    const connection = reader.connection;
    // While stopping, frames are not taken on: their requests fail on close and are retried.
    if (!connection.isOpen || this.o.closing()) return;
    let frame: ReturnType<typeof decodeClientFrame>;
    try {
      if (!isBinary) throw new ParleyError('BAD_FRAME', 'frames must be binary');
      frame = decoded ?? decodeClientFrame(bytes, { maxFrameBytes: this.o.limits.maxFrameBytes });
    } catch (error) {
      const unknownBody = (isParleyError(error) ? error.details : undefined) as UnknownBodyDetail | undefined;
      if (unknownBody) {
        // Well-formed, from a newer client: answer the request, keep the connection.
        connection.replyError(unknownBody.requestId, error);
        return;
      }
      this.refuseFrame(connection, error);
      return;
    }
    const requestId = frame.requestId;
    if (requestId === 0 && !NO_RESPONSE.has(frame.body)) {
      connection.replyError(
        0,
        new ParleyError('BAD_FRAME', `${frame.body} is a request and needs a non-zero request_id`),
      );
      return;
    }
    try {
      const body = oneof(frame, 'body');
      switch (body.case) {
        case 'hello':
          if (!reader.handshake) throw new ParleyError('BAD_FRAME', 'hello was already sent');
          return reader.handshake.hello(requestId, body.value);
        case 'auth': {
          const handshake = reader.handshake;
          if (!handshake) throw new ParleyError('UNAUTHENTICATED', 'send hello first');
          try {
            await handshake.auth(requestId, body.value);
          } finally {
            // Ready (an address is set only then, even if it closed since): the handshake (and the
            // address and keys it kept) is not needed any more, and it no longer counts as
            // unauthenticated. A connection that closes before is dropped from `unready` on close.
            if (connection.address && reader.handshake) {
              reader.handshake = undefined;
              this.unready.delete(connection);
            }
          }
          return;
        }
        case 'ping':
          connection.reply(requestId, { pong: { nonce: body.value.nonce ?? 0 } });
          return;
        case 'pong':
          return;
      }
      const device = connection.address;
      if (connection.state !== 'ready' || !device) {
        throw new ParleyError('UNAUTHENTICATED', 'authenticate before sending requests');
      }
      if (body.case === 'deliverAck') return await this.acknowledge(connection, frame);
      return await this.route(connection, device, frame, ordered);
    } catch (error) {
      this.requestFailed(connection, frame.body, requestId, error);
    }
  }
}
