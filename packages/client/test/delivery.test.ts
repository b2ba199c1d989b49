import { isParleyError, memoryClientStore } from '@parley/client';
import { collect } from '@parley/test-utils/received-messages';
import { describe, expect, it, vi } from 'vitest';
import { newClient, numbered, reusable, startServer, texts } from './helpers/harness.js';
import { startTcpProxy } from './helpers/tcp-proxy.js';

describe('delivery contract', () => {
  it('delivers 1,000 messages alice -> bob exactly once, in order', async () => {
    const { server } = await startServer();
    const alice = newClient(server.url, 'alice');
    const bob = newClient(server.url, 'bob');
    const got = collect(bob);
    await Promise.all([alice.connect(), bob.connect()]);

    const sent = numbered('m', 1000);
    const results = await Promise.all(sent.map((t) => alice.sendText('bob', t)));
    expect(results.every((r) => r.status === 'sent')).toBe(true);
    expect(new Set(results.map((r) => r.id)).size).toBe(1000);

    await vi.waitFor(() => expect(got.length).toBeGreaterThanOrEqual(1000), { timeout: 20_000 });
    expect(texts(got)).toEqual(sent);
    expect(got.every((m) => m.from.userId === 'alice' && m.chatId === 'alice')).toBe(true);
  });

  it('queues 500 messages for an offline device and drains them in order before the sync-complete marker', async () => {
    const { server } = await startServer();
    const bobStore = reusable(memoryClientStore());
    const bob = newClient(server.url, 'bob', bobStore);
    await bob.connect();
    await bob.close();

    const alice = newClient(server.url, 'alice');
    const sent = numbered('offline', 500);
    for (const t of sent) await alice.sendText('bob', t);

    const bobAgain = newClient(server.url, 'bob', bobStore);
    const order: string[] = [];
    bobAgain.on('message:received', (m) => order.push(m.content.kind === 'text' ? m.content.text : '?'));
    bobAgain.on('sync:progress', (p) => {
      if (p.done) order.push('<sync-complete>');
    });
    await bobAgain.connect();
    await vi.waitFor(() => expect(order).toContain('<sync-complete>'), { timeout: 20_000 });
    expect(order).toEqual([...sent, '<sync-complete>']);
  });

  it('delivers each message exactly once, in order, when the socket is cut mid-stream', async () => {
    const { server } = await startServer();
    const proxy = await startTcpProxy(server.port);
    const alice = newClient(server.url, 'alice');
    const bob = newClient(proxy.url, 'bob');
    await Promise.all([alice.connect(), bob.connect()]);
    const got = collect(bob);
    let cut = false;
    bob.on('message:received', () => {
      if (got.length === 100 && !cut) {
        cut = true;
        proxy.cutAll();
      }
    });
    const states: string[] = [];
    bob.on('connection:state', (s) => states.push(s.state));

    const sent = numbered('cut', 500);
    await Promise.all(sent.map((t) => alice.sendText('bob', t)));
    await vi.waitFor(() => expect(got.length).toBeGreaterThanOrEqual(500), { timeout: 30_000 });
    expect(cut).toBe(true);
    expect(states).toContain('reconnecting');
    expect(texts(got)).toEqual(sent);
    await proxy.close();
  });

  it('refuses a send to a user with no registered device and queues nothing', async () => {
    const { server, stores } = await startServer();
    const alice = newClient(server.url, 'alice');
    await alice.connect();
    const failure = await alice.sendText('nobody', 'hello?').catch((e: unknown) => e);
    expect(isParleyError(failure, 'UNKNOWN_RECIPIENT')).toBe(true);
    expect(alice.pendingSends).toBe(0);
    expect(await stores.queue.count({ userId: 'nobody', deviceId: 1 })).toBe(0);
  });
});
