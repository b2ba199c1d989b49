import type { ParleyError } from '@parley/core';

/** What a message's send resolves with once the server stored it for every recipient device. */
export interface SendResult {
  id: string;
  status: 'sent';
  serverTime: number;
}

/**
 * How a queued message's send ended, as a promise made only when someone asks for it. A send that
 * fails is reported by `message:failed` (or to whoever cancelled it); an app that only listens to
 * events never reads `sent`, so no rejected promise may exist that nobody handles.
 */
export class SendOutcome {
  private settled: { ok: true; value: SendResult } | { ok: false; error: ParleyError } | undefined;
  private waiting: { resolve(r: SendResult): void; reject(e: ParleyError): void } | undefined;
  private made: Promise<SendResult> | undefined;

  /** The outcome as a promise (the same one on every call). */
  get promise(): Promise<SendResult> {
    this.made ??= new Promise<SendResult>((resolve, reject) => {
      if (!this.settled) this.waiting = { resolve, reject };
      else if (this.settled.ok) resolve(this.settled.value);
      else reject(this.settled.error);
    });
    return this.made;
  }

  resolve(value: SendResult): void {
    if (this.settled) return;
    this.settled = { ok: true, value };
    this.waiting?.resolve(value);
  }

  reject(error: ParleyError): void {
    if (this.settled) return;
    this.settled = { ok: false, error };
    this.waiting?.reject(error);
  }
}
