import type { ServerFrame } from '@parley/core';
import { errorFromProto, ParleyError } from '@parley/core';

interface Pending {
  resolve(frame: ServerFrame): void;
  reject(error: ParleyError): void;
  timer: ReturnType<typeof setTimeout>;
}

/** Matches responses to requests by request id; each request settles exactly once. */
export class RequestTracker {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly timeoutMs: number) {}

  /** Registers a request; `send` gets the id and must put the frame on the wire. */
  start(send: (requestId: number) => void): Promise<ServerFrame> {
    const requestId = this.nextId++;
    return new Promise<ServerFrame>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new ParleyError('TIMEOUT', `no response within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.pending.set(requestId, { resolve, reject, timer });
      try {
        send(requestId);
      } catch (error) {
        this.settle(requestId, undefined, ParleyError.from(error, 'CONNECTION_CLOSED'));
      }
    });
  }

  /** Settles the request this frame answers; returns false for pushes (request id 0 or unknown). */
  handle(frame: ServerFrame): boolean {
    if (!frame.requestId || !this.pending.has(frame.requestId)) return false;
    if (frame.body === 'error') this.settle(frame.requestId, undefined, errorFromProto(frame.error ?? {}));
    else this.settle(frame.requestId, frame);
    return true;
  }

  /** Fails every pending request (connection lost). */
  failAll(error: ParleyError): void {
    for (const id of [...this.pending.keys()]) this.settle(id, undefined, error);
  }

  private settle(requestId: number, frame: ServerFrame | undefined, error?: ParleyError): void {
    const p = this.pending.get(requestId);
    if (!p) return;
    this.pending.delete(requestId);
    clearTimeout(p.timer);
    if (error) p.reject(error);
    else p.resolve(frame as ServerFrame);
  }
}
