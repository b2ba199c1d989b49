import { createClient, memoryClientStore } from '@parley/client';
import { createServer, memoryStores } from '@parley/server-kit';
import { describe, expect, it, vi } from 'vitest';
import { onCleanup } from './helpers/harness.js';

describe('client.reconnectNow', () => {
  it('reconnects at once while waiting out a long backoff, and does nothing while connected', async () => {
    const stores = memoryStores();
    onCleanup(() => stores.close());
    let server = await createServer({ stores });
    const port = server.port;
    // A backoff far longer than the test: only reconnectNow can bring the client back in time.
    const alice = createClient({
      url: server.url,
      userId: 'alice',
      store: memoryClientStore(),
      reconnect: { minDelayMs: 3_600_000, maxDelayMs: 3_600_000 },
    });
    onCleanup(() => alice.close());
    await alice.connect();
    alice.reconnectNow();
    expect(alice.state).toBe('connected');

    const states: string[] = [];
    alice.on('connection:state', (s) => states.push(s.state));
    await server.close();
    await vi.waitFor(() => expect(states).toContain('reconnecting'));
    server = await createServer({ stores, port });
    onCleanup(() => server.close());
    alice.reconnectNow();
    await vi.waitFor(() => expect(alice.state).toBe('connected'));
  });
});
