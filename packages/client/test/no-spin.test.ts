import { createClient, type ParleyClient } from '@parley/client';
import { createServer, memoryStores } from '@parley/server-kit';
import { collect } from '@parley/test-utils/received-messages';
import { describe, expect, it, vi } from 'vitest';
import { closingWebSocket } from './fixtures/closing-websocket.js';
import { newClient, numbered, onCleanup, reusable, startServer, texts } from './helpers/harness.js';

const RECONNECT = { minDelayMs: 20, maxDelayMs: 200 };

/** Queues `list` to `to` without waiting; a send still unacknowledged when the client closes rejects with CLOSED. */
function sendAll(client: ParleyClient, to: string, list: string[]) {
  for (const text of list) client.sendText(to, text).catch(() => {});
}

/** alice on a socket that starts closing after some SendAcks, and bob collecting what she sends; both connected. */
async function aliceOnClosingSocket(options: Parameters<typeof closingWebSocket>[0]) {
  const { server } = await startServer();
  const socket = closingWebSocket(options);
  const alice = createClient({
    url: server.url,
    userId: 'alice',
    store: (await import('@parley/client')).memoryClientStore(),
    WebSocket: socket.WebSocket,
    reconnect: RECONNECT,
  });
  onCleanup(() => alice.close());
  const bob = newClient(server.url, 'bob');
  const got = collect(bob);
  await Promise.all([alice.connect(), bob.connect()]);
  return { socket, alice, got };
}

describe('a client that cannot spin', () => {
  it('yields when a write fails on a closing socket, then reconnects and delivers everything once', async () => {
    const { socket, alice, got } = await aliceOnClosingSocket({ armAfterAcks: 3, escapeAfter: 200 });

    // The event loop must keep turning while the socket closes with sends pending.
    let turnedWhilePending = false;
    const tick = () =>
      setImmediate(() => {
        if (socket.stats.closingStarted && alice.pendingSends > 0) turnedWhilePending = true;
        else if (!turnedWhilePending) tick();
      });
    tick();
    const list = numbered('m', 30);
    sendAll(alice, 'bob', list);

    await vi.waitFor(() => expect(texts(got)).toEqual(list), { timeout: 30_000, interval: 20 });
    expect(socket.stats.closingStarted).toBe(true);
    expect(socket.stats.escaped).toBe(false);
    // One failed write marks the connection lost; nothing writes to that socket again.
    expect(socket.stats.writesWhileClosing).toBeLessThanOrEqual(2);
    expect(turnedWhilePending).toBe(true);
    expect(socket.stats.sockets).toBeGreaterThanOrEqual(2);
    await vi.waitFor(() => expect(alice.pendingSends).toBe(0));
  });

  it('drops a socket at its first failed write even if its close event never comes, and reconnects', async () => {
    const { socket, alice, got } = await aliceOnClosingSocket({
      armAfterAcks: 2,
      escapeAfter: 50,
      neverClosesByItself: true,
    });
    const reasons: string[] = [];
    alice.on('connection:state', (s) => {
      if (s.state === 'reconnecting') reasons.push(s.reason ?? '');
    });

    const list = numbered('m', 10);
    sendAll(alice, 'bob', list);

    // Only the connection's own reaction to the failed write can end the stuck socket: the outbox
    // backing off alone would leave `ready` set and every later request failing on the same socket.
    await vi.waitFor(() => expect(texts(got)).toEqual(list), { timeout: 20_000, interval: 20 });
    expect(socket.stats.closingStarted).toBe(true);
    expect(socket.stats.escaped).toBe(false);
    expect(reasons[0]).toBe('socket is not open');
    expect(socket.stats.writesWhileClosing).toBeLessThanOrEqual(2);
    expect(socket.stats.sockets).toBe(2);
  });

  it('delivers all of 250 sends once and in order through a graceful gateway shutdown and a new gateway', async () => {
    const stores = memoryStores();
    onCleanup(() => stores.close());
    const first = await createServer({ stores });
    onCleanup(() => first.close());
    const port = first.port;
    const alice = newClient(first.url, 'alice');
    const bob = newClient(first.url, 'bob');
    const got = collect(bob);
    await Promise.all([alice.connect(), bob.connect()]);
    const sent: string[] = [];
    alice.on('message:sent', (m) => sent.push(m.id));

    const list = numbered('m', 250);
    sendAll(alice, 'bob', list);
    await vi.waitFor(() => expect(sent.length).toBeGreaterThan(0), { interval: 5 });
    await first.close(); // the deploy: goodbye, then every socket closes with sends in flight
    const second = await createServer({ stores, port });
    onCleanup(() => second.close());

    await vi.waitFor(() => expect(got.length).toBe(250), { timeout: 50_000, interval: 50 });
    expect(texts(got)).toEqual(list);
    await vi.waitFor(() => expect(alice.pendingSends).toBe(0));
    expect(new Set(sent).size).toBe(sent.length);
  });

  it('client.close() with 250 sends in flight resolves and leaves the outbox for the next start', async () => {
    const { server } = await startServer();
    const store = (await import('@parley/client')).memoryClientStore();
    const alice = newClient(server.url, 'alice', reusable(store));
    const bob = newClient(server.url, 'bob');
    const got = collect(bob);
    await Promise.all([alice.connect(), bob.connect()]);
    const sent: string[] = [];
    alice.on('message:sent', (m) => sent.push(m.id));

    const list = numbered('m', 250);
    sendAll(alice, 'bob', list);
    await vi.waitFor(() => expect(sent.length).toBeGreaterThan(0), { interval: 5 });
    await alice.close();
    expect(alice.state).toBe('closed');

    const again = newClient(server.url, 'alice', reusable(store));
    expect(again.pendingSends).toBe(0); // not opened yet
    await again.connect();
    await vi.waitFor(() => expect(got.length).toBe(250), { timeout: 50_000, interval: 50 });
    expect(texts(got)).toEqual(list);
    await vi.waitFor(() => expect(again.pendingSends).toBe(0));
  });
});

describe('reconnect triggers', () => {
  it('retries at once on a browser online event instead of waiting out the backoff', async () => {
    const listeners = new Map<string, () => void>();
    const g = globalThis as { addEventListener?: unknown; removeEventListener?: unknown };
    g.addEventListener = (type: string, fn: () => void) => listeners.set(type, fn);
    g.removeEventListener = (type: string) => listeners.delete(type);
    onCleanup(async () => {
      delete g.addEventListener;
      delete g.removeEventListener;
    });
    const stores = memoryStores();
    onCleanup(() => stores.close());
    const first = await createServer({ stores });
    const port = first.port;
    const alice = createClient({
      url: first.url,
      userId: 'alice',
      store: (await import('@parley/client')).memoryClientStore(),
      // A backoff so long the test could only pass through the trigger.
      reconnect: { minDelayMs: 10 * 60_000, maxDelayMs: 10 * 60_000 },
    });
    onCleanup(() => alice.close());
    await alice.connect();
    expect(listeners.has('online')).toBe(true);
    await first.close();
    await vi.waitFor(() => expect(alice.state).toBe('reconnecting'));
    const second = await createServer({ stores, port });
    onCleanup(() => second.close());
    listeners.get('online')?.();
    await vi.waitFor(() => expect(alice.state).toBe('connected'));
    await alice.close();
    expect(listeners.size).toBe(0);
  });
});
