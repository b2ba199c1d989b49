import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isParleyError } from '@parley/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PushSink } from '../src/contracts/push-sink.js';
import { memoryPushSink } from '../src/memory/memory-push-sink.js';
import { pushCoalescer } from '../src/push/push-coalescer.js';
import { webhookPushSink } from '../src/push/webhook-push-sink.js';
import { fakeClock, manualTimers } from '../src/testing/index.js';

const alice1 = { userId: 'alice', deviceId: 1 };
const alice2 = { userId: 'alice', deviceId: 2 };
const bob1 = { userId: 'bob', deviceId: 1 };

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('memoryPushSink', () => {
  it('records device and count only, in order', async () => {
    const sink = memoryPushSink();
    await sink.notify(alice1, { count: 3 });
    // Extra fields a careless caller passes are not recorded.
    await sink.notify({ ...bob1, name: 'Bob' } as typeof bob1, { count: 1, text: 'hi' } as { count: number });
    expect(sink.calls()).toEqual([
      { userId: 'alice', deviceId: 1, count: 3 },
      { userId: 'bob', deviceId: 1, count: 1 },
    ]);
    expect(sink.callsFor(bob1)).toEqual([{ userId: 'bob', deviceId: 1, count: 1 }]);
    sink.clear();
    expect(sink.calls()).toEqual([]);
  });

  it('refuses a count that is not a positive integer', async () => {
    const sink = memoryPushSink();
    for (const count of [0, -1, 1.5, Number.NaN]) {
      expect(isParleyError(await rejection(sink.notify(alice1, { count })), 'INVALID_ARGUMENT')).toBe(true);
    }
    expect(sink.calls()).toEqual([]);
  });
});

describe('pushCoalescer', () => {
  function setUp(intervalMs?: number, sink: PushSink = memoryPushSink()) {
    const time = fakeClock();
    const timers = manualTimers(time);
    const coalescer = pushCoalescer({
      sink,
      setTimer: timers.setTimer,
      ...(intervalMs !== undefined ? { intervalMs } : {}),
    });
    return { time, timers, coalescer };
  }

  it('turns a burst of 100 into two pushes with the right total', async () => {
    const sink = memoryPushSink();
    const { timers, coalescer } = setUp(5000, sink);
    for (let i = 0; i < 100; i++) await coalescer.notify(alice1, { count: 1 });
    expect(sink.calls()).toEqual([{ userId: 'alice', deviceId: 1, count: 1 }]);
    await timers.advance(5000);
    expect(sink.calls().map((c) => c.count)).toEqual([1, 99]);
    await timers.advance(5000);
    expect(sink.calls()).toHaveLength(2);
    expect(timers.pending()).toBe(0); // the idle device is forgotten
  });

  it('sends at most one push per device per interval for a steady stream', async () => {
    const sink = memoryPushSink();
    const { timers, coalescer } = setUp(10_000, sink);
    // One message every 100 ms for 60 s: 600 messages.
    for (let i = 0; i < 600; i++) {
      await coalescer.notify(alice1, { count: 1 });
      await timers.advance(100);
    }
    await timers.advance(10_000);
    const counts = sink.calls().map((c) => c.count);
    expect(counts.length).toBeLessThanOrEqual(7);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(600);
  });

  it('keeps devices apart and adds counts larger than one', async () => {
    const sink = memoryPushSink();
    const { timers, coalescer } = setUp(1000, sink);
    await coalescer.notify(alice1, { count: 2 });
    await coalescer.notify(alice2, { count: 1 });
    await coalescer.notify(alice1, { count: 5 });
    await coalescer.notify(alice1, { count: 3 });
    await timers.advance(1000);
    expect(sink.callsFor(alice1).map((c) => c.count)).toEqual([2, 8]);
    expect(sink.callsFor(alice2).map((c) => c.count)).toEqual([1]);
  });

  it('pushes at once again after a quiet interval', async () => {
    const sink = memoryPushSink();
    const { timers, coalescer } = setUp(1000, sink);
    await coalescer.notify(alice1, { count: 1 });
    await timers.advance(1000);
    await coalescer.notify(alice1, { count: 1 });
    expect(sink.calls()).toHaveLength(2);
  });

  it('cancel drops the held-back count of a device that connected', async () => {
    const sink = memoryPushSink();
    const { timers, coalescer } = setUp(1000, sink);
    await coalescer.notify(alice1, { count: 1 });
    await coalescer.notify(alice1, { count: 4 });
    coalescer.cancel(alice1);
    coalescer.cancel(bob1);
    await timers.advance(1000);
    expect(sink.calls().map((c) => c.count)).toEqual([1]);
  });

  it('flush sends what is held back; stop forgets it', async () => {
    const sink = memoryPushSink();
    const { timers, coalescer } = setUp(1000, sink);
    await coalescer.notify(alice1, { count: 1 });
    await coalescer.notify(alice1, { count: 2 });
    await coalescer.flush();
    expect(sink.calls().map((c) => c.count)).toEqual([1, 2]);
    await coalescer.notify(alice1, { count: 7 });
    coalescer.stop();
    expect(timers.pending()).toBe(0);
    await timers.advance(5000);
    expect(sink.calls().map((c) => c.count)).toEqual([1, 2]);
  });

  it('logs a failing sink instead of throwing, and refuses bad counts', async () => {
    const warn = vi.fn();
    const time = fakeClock();
    const coalescer = pushCoalescer({
      sink: {
        notify: async () => {
          throw new Error('down');
        },
      },
      setTimer: manualTimers(time).setTimer,
      logger: { debug() {}, info() {}, warn, error() {} },
    });
    await coalescer.notify(alice1, { count: 1 });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(isParleyError(await rejection(coalescer.notify(alice1, { count: 0 })), 'INVALID_ARGUMENT')).toBe(true);
    expect(() => pushCoalescer({ sink: memoryPushSink(), intervalMs: 0 })).toThrow(/intervalMs/);
  });
});

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

interface TestEndpoint {
  url: string;
  /** Request bodies received (parsed), in arrival order. */
  received: Array<Record<string, unknown>>;
  headers: IncomingMessage['headers'][];
  close(): Promise<void>;
}

const endpoints: TestEndpoint[] = [];
afterEach(async () => {
  await Promise.all(endpoints.splice(0).map((e) => e.close()));
});

async function endpoint(handler: Handler): Promise<TestEndpoint> {
  const received: Array<Record<string, unknown>> = [];
  const headers: IncomingMessage['headers'][] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push(JSON.parse(body) as Record<string, unknown>);
      headers.push(req.headers);
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const e: TestEndpoint = {
    url: `http://127.0.0.1:${port}/push`,
    received,
    headers,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  endpoints.push(e);
  return e;
}

const ok: Handler = (_req, res) => {
  res.writeHead(204).end();
};

describe('webhookPushSink', () => {
  it('POSTs JSON with device and count only, and the given headers', async () => {
    const e = await endpoint(ok);
    const sink = webhookPushSink({ url: e.url, headers: { authorization: 'Bearer s3cret' } });
    await sink.notify(alice1, { count: 4 });
    await sink.idle();
    expect(e.received).toEqual([{ userId: 'alice', deviceId: 1, count: 4 }]);
    expect(e.headers[0]?.['content-type']).toBe('application/json');
    expect(e.headers[0]?.authorization).toBe('Bearer s3cret');
    expect(sink.stats()).toEqual({ sent: 1, failed: 0, dropped: 0, retries: 0, queued: 0, inFlight: 0 });
  });

  it('retries a failing endpoint with backoff until it answers 2xx', async () => {
    let calls = 0;
    const at: number[] = [];
    const e = await endpoint((_req, res) => {
      at.push(Date.now());
      res.writeHead(++calls <= 2 ? 500 : 200).end('ok');
    });
    const sink = webhookPushSink({ url: e.url, retries: 3, backoffMs: 40 });
    await sink.notify(alice1, { count: 1 });
    await sink.idle();
    expect(calls).toBe(3);
    expect(sink.stats()).toMatchObject({ sent: 1, failed: 0, retries: 2 });
    // Exponential: about 40 ms, then about 80 ms.
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(35);
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(75);
  });

  it('gives up on a failing endpoint after the retries', async () => {
    const e = await endpoint((_req, res) => {
      res.writeHead(503).end();
    });
    const warn = vi.fn();
    const sink = webhookPushSink({
      url: e.url,
      retries: 2,
      backoffMs: 1,
      logger: { debug() {}, info() {}, warn, error() {} },
    });
    await sink.notify(alice1, { count: 1 });
    await sink.idle();
    expect(e.received).toHaveLength(3);
    expect(sink.stats()).toMatchObject({ sent: 0, failed: 1, retries: 2 });
    expect(warn).toHaveBeenCalledWith('push: webhook failed', expect.objectContaining({ reason: 'HTTP 503' }));
  });

  it('does not retry an answer that cannot change (4xx)', async () => {
    const e = await endpoint((_req, res) => {
      res.writeHead(400).end();
    });
    const sink = webhookPushSink({ url: e.url, retries: 3, backoffMs: 1 });
    await sink.notify(alice1, { count: 1 });
    await sink.idle();
    expect(e.received).toHaveLength(1);
    expect(sink.stats()).toMatchObject({ sent: 0, failed: 1, retries: 0 });
  });

  it('honours Retry-After up to maxBackoffMs', async () => {
    let calls = 0;
    const at: number[] = [];
    const e = await endpoint((_req, res) => {
      at.push(Date.now());
      if (++calls === 1) res.writeHead(429, { 'retry-after': '3600' }).end();
      else res.writeHead(200).end();
    });
    const sink = webhookPushSink({ url: e.url, backoffMs: 1, maxBackoffMs: 150 });
    await sink.notify(alice1, { count: 1 });
    await sink.idle();
    expect(sink.stats()).toMatchObject({ sent: 1, retries: 1 });
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(140);
    expect(at[1]! - at[0]!).toBeLessThan(3000);
  });

  it('aborts each attempt on a slow endpoint after timeoutMs', async () => {
    const e = await endpoint((_req, res) => {
      // Answers far later than any timeout: only aborting ends an attempt in time.
      setTimeout(() => res.writeHead(200).end(), 20_000).unref();
    });
    const started = Date.now();
    const sink = webhookPushSink({ url: e.url, timeoutMs: 100, retries: 1, backoffMs: 10 });
    await sink.notify(alice1, { count: 1 });
    await sink.idle();
    const took = Date.now() - started;
    expect(sink.stats()).toMatchObject({ sent: 0, failed: 1, retries: 1 });
    expect(e.received).toHaveLength(2);
    expect(took).toBeGreaterThanOrEqual(200);
    expect(took).toBeLessThan(10_000); // a busy CI machine may be slow, but not 20 s slow
  });

  it('retries when the endpoint is unreachable', async () => {
    const e = await endpoint(ok);
    await e.close();
    const sink = webhookPushSink({ url: e.url, retries: 2, backoffMs: 1 });
    await sink.notify(alice1, { count: 1 });
    await sink.idle();
    expect(sink.stats()).toMatchObject({ sent: 0, failed: 1, retries: 2 });
  });

  it('bounds its queue on a stuck endpoint, dropping the oldest and counting drops', async () => {
    const e = await endpoint(() => {
      // Never answers.
    });
    const sink = webhookPushSink({ url: e.url, concurrency: 1, maxQueue: 3, timeoutMs: 60_000 });
    for (let i = 0; i < 10; i++) await sink.notify({ userId: `user-${i}`, deviceId: 1 }, { count: 1 });
    await vi.waitFor(() => expect(e.received).toHaveLength(1));
    // One in flight, three waiting (the newest), six dropped.
    expect(sink.stats()).toMatchObject({ inFlight: 1, queued: 3, dropped: 6 });
    await sink.stop();
    expect(sink.stats()).toMatchObject({ inFlight: 0, queued: 0, dropped: 10, sent: 0 });
    // After stop, pushes are dropped, not sent.
    await sink.notify(alice1, { count: 1 });
    expect(sink.stats().dropped).toBe(11);
  });

  it('sends the newest waiting pushes once a slow endpoint catches up', async () => {
    const pending: ServerResponse[] = [];
    const e = await endpoint((_req, res) => {
      pending.push(res);
    });
    const sink = webhookPushSink({ url: e.url, concurrency: 1, maxQueue: 2 });
    for (let i = 0; i < 5; i++) await sink.notify({ userId: `user-${i}`, deviceId: 1 }, { count: 1 });
    const answer = async () => {
      await vi.waitFor(() => expect(pending).toHaveLength(1));
      pending.shift()!.writeHead(200).end();
    };
    for (let i = 0; i < 3; i++) await answer();
    await sink.idle();
    expect(e.received.map((r) => r.userId)).toEqual(['user-0', 'user-3', 'user-4']);
    expect(sink.stats()).toMatchObject({ sent: 3, dropped: 2 });
  });

  it('merges pushes waiting for one device into one with the counts added', async () => {
    const pending: ServerResponse[] = [];
    const e = await endpoint((_req, res) => {
      pending.push(res);
    });
    const sink = webhookPushSink({ url: e.url, concurrency: 1 });
    await sink.notify(bob1, { count: 1 });
    for (let i = 0; i < 5; i++) await sink.notify(alice1, { count: 2 });
    await vi.waitFor(() => expect(pending).toHaveLength(1));
    pending.shift()!.writeHead(200).end();
    await vi.waitFor(() => expect(pending).toHaveLength(1));
    pending.shift()!.writeHead(200).end();
    await sink.idle();
    expect(e.received).toEqual([
      { userId: 'bob', deviceId: 1, count: 1 },
      { userId: 'alice', deviceId: 1, count: 10 },
    ]);
  });

  it('refuses bad options and counts', async () => {
    expect(() => webhookPushSink({ url: 'http://127.0.0.1:1', maxQueue: 0 })).toThrow(/maxQueue/);
    expect(() => webhookPushSink({ url: 'http://127.0.0.1:1', timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => webhookPushSink({ url: 'http://127.0.0.1:1', retries: -1 })).toThrow(/retries/);
    const sink = webhookPushSink({ url: 'http://127.0.0.1:1' });
    expect(isParleyError(await rejection(sink.notify(alice1, { count: 0 })), 'INVALID_ARGUMENT')).toBe(true);
    await sink.stop();
  });

  it('uses an injected fetch', async () => {
    const calls: Array<[string, RequestInit | undefined]> = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      calls.push([String(input), init]);
      return new Response(null, { status: 202 });
    };
    const sink = webhookPushSink({ url: new URL('https://push.example/hook'), fetch });
    await sink.notify(alice2, { count: 9 });
    await sink.idle();
    expect(calls).toHaveLength(1);
    expect(calls[0]![0]).toBe('https://push.example/hook');
    expect(calls[0]![1]?.method).toBe('POST');
    expect(JSON.parse(String(calls[0]![1]?.body))).toEqual({ userId: 'alice', deviceId: 2, count: 9 });
  });
});

describe('coalescer in front of the webhook', () => {
  it('100 messages to an offline device: a handful of pushes, no content, the right count', async () => {
    const e = await endpoint(ok);
    const webhook = webhookPushSink({ url: e.url });
    const time = fakeClock();
    const timers = manualTimers(time);
    const coalescer = pushCoalescer({ sink: webhook, intervalMs: 2000, setTimer: timers.setTimer });
    for (let i = 0; i < 100; i++) {
      await coalescer.notify(bob1, { count: 1 });
      if (i % 10 === 9) await timers.advance(150); // a burst spread over 1.5 s
    }
    await timers.advance(2000);
    await webhook.idle();
    expect(e.received.length).toBeGreaterThanOrEqual(1);
    expect(e.received.length).toBeLessThanOrEqual(3);
    for (const body of e.received) expect(Object.keys(body).sort()).toEqual(['count', 'deviceId', 'userId']);
    expect(e.received.reduce((sum, b) => sum + (b.count as number), 0)).toBe(100);
    coalescer.stop();
  });
});
