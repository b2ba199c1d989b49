import { ParleyError } from '@parley/core';
import { type Logger, silentLogger } from '../contracts/logger.js';
import { isValidPushCount, type PushSink } from '../contracts/push-sink.js';
import { type SetTimer, systemTimer } from '../contracts/timer.js';
import { type Clock, type DeviceAddress, deviceKey, systemClock } from '../contracts/types.js';

/** Options of {@link webhookPushSink}. */
export interface WebhookPushSinkOptions {
  /**
   * Where each push is POSTed as JSON `{ "userId": string, "deviceId": number, "count": number,
   * "token"?: { "provider": string, "token": string } }`; `token` is the device's registered push
   * token (`register_push_token`), present when the gateway knows one.
   */
  url: string | URL;
  /** The fetch to use; default the global one. */
  fetch?: typeof globalThis.fetch;
  /** Extra request headers, e.g. an `authorization` the endpoint checks. */
  headers?: Record<string, string>;
  /** One attempt (request and response headers) is aborted after this long (ms); default 5000. */
  timeoutMs?: number;
  /** Attempts after the first for a push that failed retryably; default 3. */
  retries?: number;
  /** Wait before the first retry (ms), doubled for each next one; default 500. */
  backoffMs?: number;
  /** Longest wait between attempts (ms), also for a `Retry-After` asked by the endpoint; default 30,000. */
  maxBackoffMs?: number;
  /** Most pushes waiting to be sent; beyond it the oldest waiting one is dropped. Default 10,000. */
  maxQueue?: number;
  /** Requests in flight at once (each retrying push holds one); default 4. */
  concurrency?: number;
  /** Used to read an HTTP-date `Retry-After`. */
  clock?: Clock;
  setTimer?: SetTimer;
  logger?: Logger;
}

/** Counters of a {@link WebhookPushSink}. */
export interface WebhookPushStats {
  /** Pushes the endpoint accepted (2xx). */
  sent: number;
  /** Pushes given up on: a non-retryable answer, or every attempt failed. */
  failed: number;
  /** Pushes dropped unsent because the queue was full, or by `stop`. */
  dropped: number;
  /** Attempts after the first, summed over all pushes. */
  retries: number;
  /** Pushes waiting to be sent now. */
  queued: number;
  /** Pushes being sent now (including those waiting to retry). */
  inFlight: number;
}

/** A {@link PushSink} that POSTs to a webhook, in the background. */
export interface WebhookPushSink extends PushSink {
  stats(): WebhookPushStats;
  /** Resolves once nothing is queued or in flight. */
  idle(): Promise<void>;
  /** Aborts requests in flight, drops what is queued (counted as dropped), and refuses nothing after: later pushes are dropped. */
  stop(): Promise<void>;
}

interface Job {
  userId: string;
  deviceId: number;
  count: number;
  token?: { provider: string; token: string };
}

/**
 * Creates a {@link WebhookPushSink}. `notify` only enqueues and resolves at once; workers POST in
 * the background:
 * - each attempt is aborted after `timeoutMs` (AbortController), so a slow endpoint ties up a
 *   worker for a bounded time;
 * - a network error, timeout, 408, 429 or 5xx is retried up to `retries` times with exponential
 *   backoff (`backoffMs`, doubled, capped by `maxBackoffMs`; a longer `Retry-After` is honoured up
 *   to that cap); any other non-2xx answer fails at once;
 * - the queue holds at most `maxQueue` pushes: a push for a device that already has one waiting
 *   is merged into it (counts added, the newer token kept), and beyond the bound the oldest waiting push is dropped and
 *   counted in {@link WebhookPushStats.dropped}. Memory stays bounded whatever the endpoint does.
 */
export function webhookPushSink(options: WebhookPushSinkOptions): WebhookPushSink {
  const url = String(options.url);
  const doFetch = options.fetch ?? globalThis.fetch;
  const clock = options.clock ?? systemClock;
  const setTimer = options.setTimer ?? systemTimer;
  const logger = options.logger ?? silentLogger;
  const timeoutMs = options.timeoutMs ?? 5000;
  const retries = options.retries ?? 3;
  const backoffMs = options.backoffMs ?? 500;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const maxQueue = options.maxQueue ?? 10_000;
  const concurrency = options.concurrency ?? 4;
  const positive = (value: number) => value > 0 && Number.isFinite(value);
  if (!positive(timeoutMs)) throw new ParleyError('INVALID_ARGUMENT', 'timeoutMs must be a positive number');
  if (!(Number.isSafeInteger(retries) && retries >= 0)) {
    throw new ParleyError('INVALID_ARGUMENT', 'retries must be a non-negative integer');
  }
  if (!(backoffMs >= 0 && maxBackoffMs >= backoffMs && Number.isFinite(maxBackoffMs))) {
    throw new ParleyError('INVALID_ARGUMENT', 'backoffMs and maxBackoffMs must be finite, backoffMs <= maxBackoffMs');
  }
  if (!(Number.isSafeInteger(maxQueue) && maxQueue >= 1)) {
    throw new ParleyError('INVALID_ARGUMENT', 'maxQueue must be a positive integer');
  }
  if (!(Number.isSafeInteger(concurrency) && concurrency >= 1)) {
    throw new ParleyError('INVALID_ARGUMENT', 'concurrency must be a positive integer');
  }
  const headers = { ...options.headers, 'content-type': 'application/json' };

  /** Waiting pushes by device, in insertion order (oldest first): Map order is the queue. */
  const waiting = new Map<string, Job>();
  const counters = { sent: 0, failed: 0, dropped: 0, retries: 0 };
  let inFlight = 0;
  let stopped = false;
  /** Aborts every attempt and backoff in progress (on stop). */
  const stopController = new AbortController();
  let idleWaiters: Array<() => void> = [];

  const settleIdle = (): void => {
    if (inFlight > 0 || waiting.size > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (stopController.signal.aborted) return resolve();
      const onAbort = () => {
        cancel();
        resolve();
      };
      const cancel = setTimer(() => {
        stopController.signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      stopController.signal.addEventListener('abort', onAbort, { once: true });
    });

  /** A `Retry-After` in ms (seconds or an HTTP date), or undefined. */
  const retryAfter = (value: string | null): number | undefined => {
    if (!value) return undefined;
    const seconds = Number(value);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - clock());
  };

  type Outcome = { ok: true } | { ok: false; retryable: boolean; waitMs?: number; reason: string };

  const attempt = async (job: Job): Promise<Outcome> => {
    const controller = new AbortController();
    const onStop = () => controller.abort(new Error('stopped'));
    stopController.signal.addEventListener('abort', onStop, { once: true });
    const cancelTimeout = setTimer(() => controller.abort(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    try {
      const response = await doFetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          userId: job.userId,
          deviceId: job.deviceId,
          count: job.count,
          ...(job.token ? { token: job.token } : {}),
        }),
        signal: controller.signal,
      });
      // The body is not needed: release the connection without reading it.
      await response.body?.cancel().catch(() => {});
      if (response.ok) return { ok: true };
      const status = response.status;
      const retryable = status === 408 || status === 429 || status >= 500;
      const waitMs = retryAfter(response.headers.get('retry-after'));
      return { ok: false, retryable, ...(waitMs !== undefined ? { waitMs } : {}), reason: `HTTP ${status}` };
    } catch (error) {
      const reason = controller.signal.aborted ? String(controller.signal.reason) : String(error);
      return { ok: false, retryable: true, reason };
    } finally {
      cancelTimeout();
      stopController.signal.removeEventListener('abort', onStop);
    }
  };

  const send = async (job: Job): Promise<void> => {
    for (let n = 0; ; n++) {
      const outcome = await attempt(job);
      if (outcome.ok) {
        counters.sent++;
        return;
      }
      if (stopped) {
        counters.dropped++;
        return;
      }
      if (!outcome.retryable || n >= retries) {
        counters.failed++;
        logger.warn('push: webhook failed', { userId: job.userId, deviceId: job.deviceId, reason: outcome.reason });
        return;
      }
      counters.retries++;
      const backoff = Math.min(maxBackoffMs, backoffMs * 2 ** n);
      await sleep(Math.min(maxBackoffMs, Math.max(backoff, outcome.waitMs ?? 0)));
      if (stopped) {
        counters.dropped++;
        return;
      }
    }
  };

  const pump = (): void => {
    while (!stopped && inFlight < concurrency && waiting.size > 0) {
      const [key, job] = waiting.entries().next().value as [string, Job];
      waiting.delete(key);
      inFlight++;
      void send(job).finally(() => {
        inFlight--;
        pump();
        settleIdle();
      });
    }
  };

  const idle = (): Promise<void> =>
    new Promise<void>((resolve) => {
      idleWaiters.push(resolve);
      settleIdle();
    });

  return {
    async notify(device: DeviceAddress, notice) {
      if (!isValidPushCount(notice.count)) {
        throw new ParleyError('INVALID_ARGUMENT', 'push count must be a positive integer');
      }
      if (stopped) {
        counters.dropped++;
        return;
      }
      const key = deviceKey(device);
      const queued = waiting.get(key);
      if (queued) {
        queued.count += notice.count;
        if (notice.token) queued.token = notice.token;
      } else {
        waiting.set(key, {
          userId: device.userId,
          deviceId: device.deviceId,
          count: notice.count,
          ...(notice.token ? { token: notice.token } : {}),
        });
        if (waiting.size > maxQueue) {
          const oldest = waiting.keys().next().value as string;
          waiting.delete(oldest);
          counters.dropped++;
        }
      }
      pump();
    },

    stats: () => ({ ...counters, queued: waiting.size, inFlight }),

    idle,

    async stop() {
      if (!stopped) {
        stopped = true;
        counters.dropped += waiting.size;
        waiting.clear();
        stopController.abort();
      }
      await idle();
    },
  };
}
