import {
  type ClientFrame,
  decodeClientFrame,
  isParleyError,
  oneof,
  ParleyError,
  type UnknownBodyDetail,
} from '@parley/core';
import type { RawData, WebSocket } from 'ws';
import type { ServerLimits } from '../contracts/limits.js';
import type { Logger } from '../contracts/logger.js';
import type { Clock } from '../contracts/types.js';
import type { Router } from '../router/router.js';
import { sniffDeliverAck } from './ack-fast-path.js';
import { Admission } from './admission.js';
import { CloseReasons, Connection, closeCode } from './connection.js';
import { peekClientFrame } from './frame-peek.js';
import { Handshake, type HandshakeContext } from './handshake.js';
import { toBytes } from './raw-data.js';
import { RetryBackoff } from './retry-backoff.js';

/** What the connection loop needs of its gateway. */
export interface ConnectionLoopPorts {
  gatewayId: string;
  limits: ServerLimits;
  clock: Clock;
  logger: Logger;
  router: Router;
  handshake: Omit<HandshakeContext, 'clock' | 'limits' | 'logger'>;
  /** True once the gateway is stopping: no new work is taken on. */
  closing(): boolean;
  /** Work the gateway waits for when it stops. */
  track(work: Promise<unknown>): void;
  /** A connection opened. */
  opened(connection: Connection): void;
  /** A connection closed. */
  closed(connection: Connection): void;
}

/**
 * Attempts of an acknowledgement while the stores fail (about a minute with the backoff): an
 * outage shorter than that keeps the connection; after it, the connection closes and a new one
 * gets the entries again.
 */
const ACK_ATTEMPTS = 60;

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

/**
 * ClientFrame body fields that may be shed when overloaded: `send` (20) and `receipt` (22), the
 * requests that carry the load and that clients resend from their outbox. Everything else (the
 * handshake, keep-alive, acknowledgements, which remove work, and rare control requests that clients
 * do not queue for a retry) is always taken on.
 */
const SHEDDABLE = new Set<number>([20, 22]);

/**
 * Serves each accepted socket: frames of one connection are handled one after the other (which keeps
 * a sender's messages in order), reading pauses while too many wait, the connection answers the
 * handshake and keep-alive itself and hands every other frame of an authenticated device to the router.
 */
export class ConnectionLoop {
  private nextConnection = 0;
  /** Load shedding over all connections (see admission.ts). */
  private readonly admission: Admission;

  constructor(private readonly o: ConnectionLoopPorts) {
    this.admission = new Admission(o.limits.maxPendingRequests, o.limits.overloadRetryAfterMs);
  }

  accept(ws: WebSocket): void {
    if (this.o.closing()) {
      ws.close(closeCode(CloseReasons.CLOSE_REASON_SERVER_SHUTDOWN), 'server shutting down');
      return;
    }
    const { limits, clock, logger } = this.o;
    const id = `${this.o.gatewayId}:${++this.nextConnection}`;
    const connection = new Connection(id, ws, limits, clock());
    const handshake = new Handshake({ ...this.o.handshake, clock, limits, logger }, connection);
    this.o.opened(connection);
    let chain: Promise<void> = Promise.resolve();
    let queued = 0;
    ws.on('message', (data: RawData, isBinary: boolean) => {
      connection.lastReceivedAt = clock();
      const bytes = toBytes(data);
      if (isBinary && connection.state === 'ready' && connection.address && !this.o.closing()) {
        const ack = sniffDeliverAck(bytes, limits.maxFrameBytes);
        if (ack) {
          this.o.track(this.fastAck(connection, ack));
          return;
        }
        if (this.shed(connection, bytes, queued)) return;
      }
      this.admission.queued(queued);
      queued++;
      if (queued >= limits.maxConcurrentRequests) connection.pauseReading();
      chain = chain.then(async () => {
        try {
          await this.onFrame(connection, handshake, bytes, isBinary);
        } finally {
          this.admission.finished(--queued);
          if (queued === limits.maxConcurrentRequests - 1 && !this.o.closing()) connection.resumeReading();
        }
      });
      this.o.track(chain);
    });
    ws.on('error', (error) => logger.debug('socket error', { id, error: String(error) }));
    connection.onClosed(() => this.o.closed(connection));
  }

  /**
   * Refuses a request with OVERLOADED, before any work, when the gateway is past its pending limit
   * and this connection already has its fair share waiting. Only a peek at the frame: anything that
   * does not parse goes the ordered way, which reports it.
   */
  private shed(connection: Connection, bytes: Uint8Array, waiting: number): boolean {
    if (this.admission.admits(waiting)) return false;
    const peek = peekClientFrame(bytes);
    if (!peek || peek.requestId === 0 || !SHEDDABLE.has(peek.body)) return false;
    connection.replyError(peek.requestId, this.admission.error);
    return true;
  }

  /**
   * Routes an acknowledgement out of order (see ack-fast-path.ts). The client sends it once, so
   * when the stores fail (PostgreSQL restarting) the gateway retries it with a backoff, keeping the
   * connection open: the device stays connected through a short outage, its deliveries waiting.
   */
  private async fastAck(connection: Connection, frame: ClientFrame): Promise<void> {
    const device = connection.address;
    if (!device) return;
    const backoff = new RetryBackoff();
    for (let attempt = 1; ; attempt++) {
      try {
        await this.o.router.handle(frame, { device, requestId: 0, connectionId: connection.id });
        return;
      } catch (error) {
        this.o.logger.warn('ack failed', { attempt, error: String(error) });
      }
      if (!connection.isOpen) return; // the entries stay queued: the next connection gets them again
      if (attempt >= ACK_ATTEMPTS || this.o.closing()) {
        // The entries stay queued but the pump already sent them: only a new connection sends them
        // again (the client skips them as duplicates and acks again, which queues their receipts).
        connection.close(CloseReasons.CLOSE_REASON_UNAVAILABLE, 'could not store the acknowledgement');
        return;
      }
      await pause(connection, backoff.next());
    }
  }

  private async onFrame(connection: Connection, handshake: Handshake, bytes: Uint8Array, isBinary: boolean) {
    // While stopping, frames are not taken on: their requests fail on close and are retried.
    if (!connection.isOpen || this.o.closing()) return;
    let frame: ReturnType<typeof decodeClientFrame>;
    try {
      if (!isBinary) throw new ParleyError('BAD_FRAME', 'frames must be binary');
      frame = decodeClientFrame(bytes, { maxFrameBytes: this.o.limits.maxFrameBytes });
    } catch (error) {
      const unknownBody = (isParleyError(error) ? error.details : undefined) as UnknownBodyDetail | undefined;
      if (unknownBody) {
        // Well-formed, from a newer client: answer the request, keep the connection.
        connection.replyError(unknownBody.requestId, error);
        return;
      }
      connection.replyError(0, error);
      if (connection.state !== 'ready' || ++connection.badFrames > this.o.limits.maxBadFrames) {
        connection.close(CloseReasons.CLOSE_REASON_PROTOCOL_ERROR, 'undecodable frames');
      }
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
          return handshake.hello(requestId, body.value);
        case 'auth':
          return await handshake.auth(requestId, body.value);
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
      const reply = await this.o.router.handle(frame, { device, requestId, connectionId: connection.id });
      if (reply) connection.reply(requestId, reply);
    } catch (error) {
      if (!isParleyError(error)) this.o.logger.error('request failed', { body: frame.body, error: String(error) });
      // Unexpected failures are store or bus trouble: retryable, and sends are idempotent.
      connection.replyError(
        requestId,
        isParleyError(error) ? error : new ParleyError('UNAVAILABLE', 'temporarily unavailable', { cause: error }),
      );
    }
  }
}
