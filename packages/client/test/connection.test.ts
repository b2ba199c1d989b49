import { createClient, isParleyError, memoryClientStore } from '@parley/client';
import { createServer, memoryStores, tokenAuthenticator } from '@parley/server-kit';
import { collect } from '@parley/test-utils/received-messages';
import { describe, expect, it, vi } from 'vitest';
import { Backoff } from '../src/backoff.js';
import { newClient, onCleanup, startServer, texts } from './helpers/harness.js';

describe('backoff', () => {
  it('grows exponentially up to the cap, jittered between a fifth of the ceiling and the ceiling, and resets', () => {
    const top = new Backoff({ minDelayMs: 100, maxDelayMs: 1_000 }, () => 0.999999);
    expect(Array.from({ length: 6 }, () => top.next())).toEqual([99, 199, 399, 799, 999, 999]);
    top.reset();
    expect(top.next()).toBe(99);
    const bottom = new Backoff({ minDelayMs: 100 }, () => 0);
    expect(Array.from({ length: 3 }, () => bottom.next())).toEqual([20, 40, 80]);
  });

  it('retries first after 100 to 500 ms by default', () => {
    expect(new Backoff({}, () => 0).next()).toBe(100);
    expect(new Backoff({}, () => 0.999999).next()).toBe(499);
  });
});

describe('client connection', () => {
  it('rejects connect() with AUTH_FAILED when another key holds the device, and stops retrying', async () => {
    const { server } = await startServer();
    const owner = newClient(server.url, 'alice');
    await owner.connect();
    const impostor = createClient({
      url: server.url,
      userId: 'alice',
      deviceId: owner.deviceId,
      store: memoryClientStore(),
    });
    onCleanup(() => impostor.close());
    const states: string[] = [];
    impostor.on('connection:state', (s) => states.push(s.state));
    const error = await impostor.connect().catch((e: unknown) => e);
    expect(isParleyError(error, 'AUTH_FAILED')).toBe(true);
    expect(impostor.state).toBe('closed');
    expect(states).not.toContain('reconnecting');
  });

  it('close() closes the store it was given unless closeStore is false, and says so when reused', async () => {
    const { server } = await startServer();
    const kept = memoryClientStore();
    const first = createClient({ url: server.url, userId: 'alice', store: kept, closeStore: false });
    await first.connect();
    await first.close();
    const again = createClient({ url: server.url, userId: 'alice', store: kept });
    await again.connect();
    expect(again.deviceId).toBe(first.deviceId); // the same device, from the same open store
    await again.close(); // the default: the store closes with its client
    const third = createClient({ url: server.url, userId: 'alice', store: kept });
    onCleanup(() => third.close());
    const error = await third.connect().catch((e: unknown) => e);
    expect(isParleyError(error, 'CLOSED')).toBe(true);
    expect((error as Error).message).toContain('closeStore: false');
  });

  it('refuses to open a store that belongs to another user', async () => {
    const { server } = await startServer();
    const store = memoryClientStore();
    const first = createClient({
      url: server.url,
      userId: 'alice',
      store: { transaction: (fn) => store.transaction(fn), close: async () => {} },
    });
    await first.connect();
    await first.close();
    const second = createClient({ url: server.url, userId: 'mallory', store });
    onCleanup(() => second.close());
    expect(isParleyError(await second.connect().catch((e: unknown) => e), 'STORE_FAILED')).toBe(true);
  });

  it('reconnects by itself after the server restarts on the same port, and sends what was queued meanwhile', async () => {
    const stores = memoryStores();
    onCleanup(() => stores.close());
    let server = await createServer({ stores });
    const port = server.port;
    const alice = newClient(server.url, 'alice');
    const bob = newClient(server.url, 'bob');
    const got = collect(bob);
    await Promise.all([alice.connect(), bob.connect()]);
    const states: string[] = [];
    alice.on('connection:state', (s) => states.push(s.state));

    await server.close();
    await vi.waitFor(() => expect(states).toContain('reconnecting'));
    const sending = alice.sendText('bob', 'queued while the server was down');
    server = await createServer({ stores, port });
    onCleanup(() => server.close());
    expect((await sending).status).toBe('sent');
    await vi.waitFor(() => expect(texts(got)).toEqual(['queued while the server was down']));
    expect(states.at(-1)).toBe('connected');
  });

  it('authenticates with an app token through tokenAuthenticator', async () => {
    const stores = memoryStores();
    const server = await createServer({
      stores,
      authenticator: tokenAuthenticator({ verify: async (token, { userId }) => token === `token-for-${userId}` }),
    });
    onCleanup(async () => {
      await server.close();
      await stores.close();
    });
    const good = createClient({
      url: server.url,
      userId: 'alice',
      token: 'token-for-alice',
      store: memoryClientStore(),
    });
    const bad = createClient({ url: server.url, userId: 'bob', token: 'token-for-alice', store: memoryClientStore() });
    onCleanup(() => good.close());
    onCleanup(() => bad.close());
    await good.connect();
    expect(good.state).toBe('connected');
    expect(isParleyError(await bad.connect().catch((e: unknown) => e), 'AUTH_FAILED')).toBe(true);
  });

  it('reports sync progress from the Welcome count to the SyncComplete marker', async () => {
    const { server } = await startServer();
    const store = memoryClientStore();
    const keep = { transaction: store.transaction.bind(store), close: async () => {} };
    const bob = newClient(server.url, 'bob', keep);
    await bob.connect();
    await bob.close();
    const alice = newClient(server.url, 'alice');
    for (let i = 0; i < 30; i++) await alice.sendText('bob', `m${i}`);
    const again = newClient(server.url, 'bob', keep);
    const progress: Array<{ received: number; pending: number; done: boolean }> = [];
    again.on('sync:progress', (p) => progress.push(p));
    await again.connect();
    await vi.waitFor(() => expect(progress.at(-1)?.done).toBe(true));
    expect(progress[0]).toEqual({ received: 0, pending: 30, done: false });
    expect(progress.at(-1)).toEqual({ received: 30, pending: 30, done: true });
  });
});

describe('client connection under failure', () => {
  it('shares one attempt between concurrent connect() calls', async () => {
    const { server } = await startServer();
    const alice = newClient(server.url, 'alice');
    await Promise.all([alice.connect(), alice.connect(), alice.connect()]);
    expect(alice.state).toBe('connected');
  });

  it('keeps retrying while the server cannot authenticate, and gets in once it can', async () => {
    const stores = memoryStores();
    let down = true;
    const { keyAuthenticator } = await import('@parley/server-kit');
    const real = keyAuthenticator();
    const server = await createServer({
      stores,
      authenticator: {
        authenticate: async (attempt, ctx) => {
          if (down) throw new Error('database down');
          return real.authenticate(attempt, ctx);
        },
      },
    });
    onCleanup(async () => {
      await server.close();
      await stores.close();
    });
    const alice = newClient(server.url, 'alice');
    const reasons: string[] = [];
    alice.on('connection:state', (s) => {
      if (s.error) reasons.push(s.error.code);
    });
    const connecting = alice.connect();
    await vi.waitFor(() => expect(reasons.filter((r) => r === 'UNAVAILABLE').length).toBeGreaterThanOrEqual(2));
    down = false;
    await connecting;
    expect(alice.state).toBe('connected');
  });
});
