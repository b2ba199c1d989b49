import type { ClientFrame } from '@parley/core';
import type { RawData, WebSocket } from 'ws';
import type { ServerLimits } from '../contracts/limits.js';
import type { Logger } from '../contracts/logger.js';
import type { SetTimer } from '../contracts/timer.js';
import type { Clock } from '../contracts/types.js';
import { sniffDeliverAck } from './ack-fast-path.js';
import type { Admission } from './admission.js';
import { CloseReasons, type Connection } from './connection.js';
import type { FrameBucket, FrameBudget } from './frame-budget.js';
import { receiveFramesDirectly } from './frames/direct-receive.js';
import type { Handshake } from './handshake.js';
import { toBytes } from './raw-data.js';

/** What a {@link ConnectionReader} uses of its connection loop: one object shared by every connection. */
export interface ReaderLoop {
  readonly limits: ServerLimits;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly setTimer: SetTimer;
  /** Load shedding over all connections (see admission.ts). */
  readonly admission: Admission;
  /** The frame budget every connection's bucket is spent by. */
  readonly frameBudget: FrameBudget;
  /** True once the gateway is stopping: no new work is taken on. */
  closing(): boolean;
  /** Work the gateway waits for when it stops: one `began` per frame or ack taken on, one `ended` once it settled. */
  began(): void;
  ended(): void;
  /** Refuses a sheddable request when overloaded; true when it was refused. */
  shed(connection: Connection, bytes: Uint8Array, waiting: number): boolean;
  /**
   * Routes an acknowledgement (fast path or in order); calls `reader.ackSettled()` once done when
   * given. Never rejects.
   */
  acknowledge(connection: Connection, frame: ClientFrame, reader?: ConnectionReader): Promise<void>;
  /**
   * Handles one frame of the ordered chain and calls `settled` once its work settled; the next
   * frame starts then or once it calls `ordered` (RequestContext.ordered), whichever comes first.
   * Never throws.
   */
  onFrame(
    reader: ConnectionReader,
    bytes: Uint8Array,
    isBinary: boolean,
    ordered: () => void,
    settled: () => void,
  ): void;
}

/** A frame read while the ordered chain's turn was held: it starts in turn. */
interface WaitingFrame {
  bytes: Uint8Array;
  isBinary: boolean;
  readAt: number;
}

/** How long a client closed for flooding is asked to wait before reconnecting. */
const FLOOD_RECONNECT_AFTER_MS = 10_000;

/**
 * Reads one connection's frames: they are handled one after the other (which keeps a sender's
 * messages in order), acks aside; reading pauses while too many wait or while the frame budget is
 * spent. One object with a few fields per connection, not a scope of closures: an idle connection
 * should cost little more than its socket (aim 5 of issue 15).
 */
export class ConnectionReader implements FrameBucket {
  /** Until the connection is ready; dropped then, with what the login needed. */
  handshake: Handshake | undefined;
  /**
   * A frame of the ordered chain started and has neither said it is ordered nor settled: frames
   * read meanwhile wait in {@link queued}, in order.
   */
  private turnHeld = false;
  /** Frames waiting their turn (none while nothing waits: most frames start at once). */
  private queued: WaitingFrame[] | undefined;
  /**
   * Requests and acks being handled: both count against the connection's concurrency budget, so a
   * flood of acks pauses reading like a flood of requests does.
   */
  private busy = 0;
  /** Frames in the ordered chain (acks aside): what load shedding counts (see admission.ts). */
  private waiting = 0;
  /** Reading is paused until the frame budget is back to zero. */
  private throttled = false;
  /** The connection's frame bucket (see frame-budget.ts). */
  tokens = 0;
  tokensAt = 0;

  constructor(
    private readonly loop: ReaderLoop,
    readonly connection: Connection,
    ws: WebSocket,
    handshake: Handshake,
  ) {
    this.handshake = handshake;
    loop.frameBudget.fill(this, loop.clock());
    ws.on('message', (data: RawData, isBinary: boolean) => this.onMessage(data, isBinary));
    receiveFramesDirectly(ws);
    ws.on('error', (error) => loop.logger.debug('socket error', { id: connection.id, error: String(error) }));
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    const { connection, loop } = this;
    if (!connection.isOpen) return; // frames read after a close cost nothing
    const now = loop.clock();
    connection.lastReceivedAt = now;
    const verdict = loop.frameBudget.take(this, now);
    if (verdict.kind === 'close') {
      connection.close(CloseReasons.CLOSE_REASON_RATE_LIMITED, 'too many frames', FLOOD_RECONNECT_AFTER_MS);
      return;
    }
    if (verdict.kind === 'throttle' && !this.throttled) {
      this.throttled = true;
      connection.pauseReading();
      loop.setTimer(() => {
        this.throttled = false;
        this.resume();
      }, verdict.resumeInMs);
    }
    const bytes = toBytes(data);
    if (isBinary && connection.state === 'ready' && connection.address && !loop.closing()) {
      const ack = sniffDeliverAck(bytes, loop.limits.maxFrameBytes);
      if (ack) {
        this.begin();
        loop.began();
        loop.acknowledge(connection, ack, this); // never rejects; calls ackSettled
        return;
      }
      if (loop.shed(connection, bytes, this.waiting)) return;
    }
    loop.admission.queued(this.waiting++);
    this.begin();
    loop.began(); // a frame waiting its turn counts too: a stopping gateway waits for it
    // The chain moves on when the frame says it is ordered (a send whose seqs are fixed) or when it
    // settles: a sender's next send need not wait for the previous one's commit. With nothing
    // waiting (most frames: a client sends a few per second) the frame starts now, not a turn later.
    if (!this.turnHeld) {
      this.start(bytes, isBinary, now);
      return;
    }
    this.queued ??= [];
    this.queued.push({ bytes, isBinary, readAt: now });
  }

  /**
   * Starts a frame of the ordered chain, holding the turn until it says it is ordered or settles:
   * two small closures, no promise of the reader's own (issue 15 aim 1).
   */
  private start(bytes: Uint8Array, isBinary: boolean, readAt: number): void {
    this.turnHeld = true;
    let released = false;
    const ordered = () => {
      if (released) return;
      released = true;
      this.passTurn();
    };
    this.loop.onFrame(this, bytes, isBinary, ordered, () => this.finished(ordered, readAt));
  }

  /** The frame holding the turn gave it up: the next waiting frame starts, a microtask later as a promise chain would. */
  private passTurn(): void {
    const next = this.queued?.shift();
    if (!next) {
      this.turnHeld = false;
      return;
    }
    // Still held: a frame read before the next one starts must wait behind it.
    queueMicrotask(() => this.start(next.bytes, next.isBinary, next.readAt));
  }

  /** An ack taken off the ordered chain (ack-fast-path.ts) settled. */
  ackSettled(): void {
    this.end();
    this.loop.ended();
  }

  /** A frame read at `readAt` settled: the next one may start if it has not already. */
  private finished(ordered: () => void, readAt: number): void {
    ordered();
    this.loop.admission.finished(--this.waiting, readAt);
    this.end();
    this.loop.ended();
  }

  private resume(): void {
    if (!this.throttled && this.busy < this.loop.limits.maxConcurrentRequests && !this.loop.closing()) {
      this.connection.resumeReading();
    }
  }

  private begin(): void {
    if (++this.busy >= this.loop.limits.maxConcurrentRequests) this.connection.pauseReading();
  }

  private end(): void {
    if (--this.busy === this.loop.limits.maxConcurrentRequests - 1) this.resume();
  }
}
