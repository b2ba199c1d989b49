import type { parley, ServerFrameInit } from '@parley/core';
import { encodeServerFrame, errorToProto, ParleyError, pb } from '@parley/core';
import type { WebSocket } from 'ws';
import type { ServerLimits } from '../contracts/limits.js';
import type { TimeBase } from '../contracts/time-base.js';
import type { SetTimer } from '../contracts/timer.js';
import type { DeviceAddress } from '../contracts/types.js';
import { deliverFrameChunks, type EnvelopeParts, encodeDeliverFrameOf } from '../messages/envelope.js';
import type { ClosingSockets } from './closing-sockets.js';
import { corkUntilTickEnd } from './tick-cork.js';
import { directSocket, writeBinaryFrame, wsBinaryFrameLead } from './ws-direct-write.js';

type CloseReason = parley.v1.CloseReason;
export const CloseReasons = pb.CloseReason;

/** WebSocket close code for a Parley close reason. */
export function closeCode(reason: CloseReason): number {
  return 4000 + reason;
}

export type ConnectionState = 'hello' | 'auth' | 'ready' | 'closed';

/**
 * Callbacks for when a connection closes, of the few connections that have any (an ack waiting to
 * retry): kept aside, where a field would cost every idle connection 8 bytes.
 */
const closeCallbacks = new WeakMap<Connection, Array<() => void>>();

/** However well a closed connection's peer drains its unsent bytes, the socket goes after this long. */
const MAX_CLOSE_DRAIN_MS = 30_000;

/**
 * What every connection of a gateway shares: one object, where a field each would cost every
 * idle connection 8 bytes apiece (aim 5 of issue 15).
 */
export interface ConnectionShared {
  readonly limits: ServerLimits;
  readonly setTimer: SetTimer;
  /** The connections' times count from here (see TimeBase: no heap number per time). */
  readonly times: TimeBase;
  /** Where a connection's socket goes while it closes (a stopping server waits for them). */
  readonly closing?: ClosingSockets | undefined;
  /**
   * Told first when a connection closes: one function for every connection, where a callback per
   * connection would cost a closure each.
   */
  readonly closed?: ((connection: Connection) => void) | undefined;
}

/**
 * One client socket: framing, state, backpressure and orderly close. Protocol logic lives in
 * the handlers; this class only guarantees that nothing is written after close and that a
 * slow reader is cut off instead of growing memory.
 */
export class Connection {
  state: ConnectionState = 'hello';
  address: DeviceAddress | undefined;
  badFrames = 0;
  /** When the last frame arrived, as an offset of `shared.times`. */
  private receivedAt: number;
  /**
   * When the connection opened until it is ready, then when its directory claim was last made
   * (offsets of `shared.times`): the one is not needed once the other is, so they share a field.
   */
  private markedAt: number;

  constructor(
    readonly id: string,
    private readonly ws: WebSocket,
    private readonly shared: ConnectionShared,
    now: number,
  ) {
    this.receivedAt = this.markedAt = shared.times.offset(now);
    // `on`, not `once`: markClosed is idempotent, and `once` wraps each listener in a bound function
    // and a state object that an idle connection would hold for its whole life.
    ws.on('close', () => this.markClosed());
  }

  /** When the last frame arrived (ms, the gateway's clock). */
  get lastReceivedAt(): number {
    return this.shared.times.at(this.receivedAt);
  }

  set lastReceivedAt(at: number) {
    this.receivedAt = this.shared.times.offset(at);
  }

  /** When the connection opened (ms); meaningful until it is ready (see `markedAt`). */
  get openedAt(): number {
    return this.shared.times.at(this.markedAt);
  }

  /** When the device's directory claim was last made (ms); meaningful once ready (see `markedAt`). */
  get lastClaimAt(): number {
    return this.shared.times.at(this.markedAt);
  }

  set lastClaimAt(at: number) {
    this.markedAt = this.shared.times.offset(at);
  }

  get isOpen(): boolean {
    return this.state !== 'closed';
  }

  onClosed(callback: () => void): void {
    if (this.state === 'closed') {
      callback();
      return;
    }
    const callbacks = closeCallbacks.get(this);
    if (callbacks) callbacks.push(callback);
    else closeCallbacks.set(this, [callback]);
  }

  /** Sends an encoded frame; closes the connection instead when the peer does not keep up. */
  sendBytes(bytes: Uint8Array): boolean {
    if (!this.hasRoomFor(bytes.byteLength)) return false;
    corkUntilTickEnd(this.ws);
    // Straight to the socket in one buffer when that keeps the frame's place (see directSocket).
    const socket = directSocket(this.ws);
    if (socket) writeBinaryFrame(socket, bytes);
    else this.ws.send(bytes, { binary: true });
    return true;
  }

  /**
   * Sends Deliver{ envelopes } (see deliverFrameChunks) as `sendBytes` would, but every member of a
   * group message is written the message's shared part itself: the WebSocket frame goes straight
   * to the socket, in the same order among this connection's frames and counted in its
   * `bufferedAmount` the same way (see directSocket; without one it goes through `ws`).
   */
  sendDeliver(envelopes: readonly EnvelopeParts[]): boolean {
    const socket = this.state === 'closed' ? undefined : directSocket(this.ws);
    if (!socket) return this.sendBytes(encodeDeliverFrameOf(envelopes));
    const frame = deliverFrameChunks(envelopes, wsBinaryFrameLead);
    if (!this.hasRoomFor(frame.length)) return false;
    corkUntilTickEnd(this.ws);
    // Corked (again) so that even an uncorked socket takes the frame in one write, as `ws` does.
    socket.cork();
    for (const chunk of frame.chunks) socket.write(chunk);
    socket.uncork();
    return true;
  }

  /** Bytes written to this connection that the socket has not sent yet (the backpressure measure). */
  get unsentBytes(): number {
    return this.ws.bufferedAmount;
  }

  /** False, having closed the connection, when `bytes` more would pass maxBufferedBytes (or it is closed). */
  private hasRoomFor(bytes: number): boolean {
    if (this.state === 'closed') return false;
    if (this.ws.bufferedAmount + bytes > this.shared.limits.maxBufferedBytes) {
      this.close(CloseReasons.CLOSE_REASON_BACKPRESSURE, 'the connection does not read fast enough');
      return false;
    }
    return true;
  }

  send(frame: ServerFrameInit): boolean {
    return this.sendBytes(encodeServerFrame(frame, { maxFrameBytes: Number.MAX_SAFE_INTEGER }));
  }

  reply(requestId: number, body: Omit<ServerFrameInit, 'requestId'>): boolean {
    return this.send({ ...body, requestId });
  }

  replyError(requestId: number, error: unknown): boolean {
    return this.send({ requestId, error: errorToProto(ParleyError.from(error)) });
  }

  /** Sends Goodbye, then closes with 4000 + reason. Idempotent. */
  close(reason: CloseReason, message: string, reconnectAfterMs?: number): void {
    if (this.state === 'closed') return;
    try {
      if (this.ws.readyState === this.ws.OPEN) {
        const goodbye = reconnectAfterMs === undefined ? { reason, message } : { reason, message, reconnectAfterMs };
        this.ws.send(encodeServerFrame({ goodbye }));
        this.ws.close(closeCode(reason), message.slice(0, 120));
      }
      this.shared.closing?.add(this.ws);
    } catch {
      this.ws.terminate();
    }
    this.markClosed();
    this.terminateWhenStalled();
  }

  /**
   * A peer that never completes the closing handshake must not hold the socket (and its unsent
   * bytes) forever; but the Goodbye and the close frame sit behind whatever was unsent when the
   * connection was closed (up to `maxBufferedBytes` for a slow reader), so a peer that is still
   * reading gets time to reach them: the socket is dropped once its unsent bytes have not shrunk
   * for `closeGraceMs`, or after MAX_CLOSE_DRAIN_MS in any case.
   */
  private terminateWhenStalled(): void {
    const grace = Math.max(1, this.shared.limits.closeGraceMs);
    let waited = 0;
    let last = this.ws.bufferedAmount;
    const check = () => {
      if (this.ws.readyState === this.ws.CLOSED) return;
      waited += grace;
      const left = this.ws.bufferedAmount;
      // Still shrinking (down to 0 counts: the kernel may still hold the tail): one more grace.
      if (left < last && waited < MAX_CLOSE_DRAIN_MS) {
        last = left;
        this.shared.setTimer(check, grace);
      } else {
        this.ws.terminate();
      }
    };
    this.shared.setTimer(check, grace);
  }

  terminate(): void {
    this.ws.terminate();
    this.markClosed();
  }

  pauseReading(): void {
    this.ws.pause();
  }

  resumeReading(): void {
    if (this.state !== 'closed') this.ws.resume();
  }

  private markClosed(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.shared.closed?.(this);
    const callbacks = closeCallbacks.get(this);
    closeCallbacks.delete(this);
    for (const cb of callbacks ?? []) cb();
  }
}
