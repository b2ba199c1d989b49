import type { parley, ServerFrameInit } from '@parley/core';
import { encodeServerFrame, errorToProto, ParleyError, pb } from '@parley/core';
import type { WebSocket } from 'ws';
import type { ServerLimits } from '../contracts/limits.js';
import { type SetTimer, systemTimer } from '../contracts/timer.js';
import type { DeviceAddress } from '../contracts/types.js';
import { corkUntilTickEnd } from './tick-cork.js';

type CloseReason = parley.v1.CloseReason;
export const CloseReasons = pb.CloseReason;

/** WebSocket close code for a Parley close reason. */
export function closeCode(reason: CloseReason): number {
  return 4000 + reason;
}

export type ConnectionState = 'hello' | 'auth' | 'ready' | 'closed';

/** However well a closed connection's peer drains its unsent bytes, the socket goes after this long. */
const MAX_CLOSE_DRAIN_MS = 30_000;

/**
 * One client socket: framing, state, backpressure and orderly close. Protocol logic lives in
 * the handlers; this class only guarantees that nothing is written after close and that a
 * slow reader is cut off instead of growing memory.
 */
export class Connection {
  state: ConnectionState = 'hello';
  address: DeviceAddress | undefined;
  lastReceivedAt: number;
  lastClaimAt = 0;
  badFrames = 0;
  readonly openedAt: number;
  /** Made at the first `onClosed`: most connections never have one (see `closed`). */
  private onClosedCallbacks: Array<() => void> | undefined;

  /**
   * `closed` is told first when the connection closes: one function shared by every connection of
   * a gateway, where a callback per connection would cost a closure each.
   */
  constructor(
    readonly id: string,
    private readonly ws: WebSocket,
    private readonly limits: ServerLimits,
    now: number,
    private readonly setTimer: SetTimer = systemTimer,
    private readonly closed?: (connection: Connection) => void,
  ) {
    this.openedAt = now;
    this.lastReceivedAt = now;
    // `on`, not `once`: markClosed is idempotent, and `once` wraps each listener in a bound function
    // and a state object that an idle connection would hold for its whole life.
    ws.on('close', () => this.markClosed());
  }

  get isOpen(): boolean {
    return this.state !== 'closed';
  }

  onClosed(callback: () => void): void {
    if (this.state === 'closed') callback();
    else if (this.onClosedCallbacks) this.onClosedCallbacks.push(callback);
    else this.onClosedCallbacks = [callback];
  }

  /** Sends an encoded frame; closes the connection instead when the peer does not keep up. */
  sendBytes(bytes: Uint8Array): boolean {
    if (this.state === 'closed') return false;
    if (this.ws.bufferedAmount + bytes.byteLength > this.limits.maxBufferedBytes) {
      this.close(CloseReasons.CLOSE_REASON_BACKPRESSURE, 'the connection does not read fast enough');
      return false;
    }
    corkUntilTickEnd(this.ws);
    this.ws.send(bytes, { binary: true });
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
    const grace = Math.max(1, this.limits.closeGraceMs);
    let waited = 0;
    let last = this.ws.bufferedAmount;
    const check = () => {
      if (this.ws.readyState === this.ws.CLOSED) return;
      waited += grace;
      const left = this.ws.bufferedAmount;
      // Still shrinking (down to 0 counts: the kernel may still hold the tail): one more grace.
      if (left < last && waited < MAX_CLOSE_DRAIN_MS) {
        last = left;
        this.setTimer(check, grace);
      } else {
        this.ws.terminate();
      }
    };
    this.setTimer(check, grace);
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
    this.closed?.(this);
    const callbacks = this.onClosedCallbacks;
    this.onClosedCallbacks = undefined;
    for (const cb of callbacks ?? []) cb();
  }
}
