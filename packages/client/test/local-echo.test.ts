import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import { memoryClientStore, type ParleyClient } from '@parley/client';
import { collect } from '@parley/test-utils/received-messages';
import { describe, expect, it, vi } from 'vitest';
import { newClient, onCleanup, reusable, startServer, texts } from './helpers/harness.js';

/** A loopback gate in front of the server: while closed it drops every connection (the client is offline). */
async function startGate(targetUrl: string): Promise<{ url: string; open(): void; close(): void }> {
  const target = Number(new URL(targetUrl).port);
  let isOpen = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    if (!isOpen) {
      client.destroy();
      return;
    }
    const upstream = tcpConnect(target, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onCleanup(
    () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  );
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `ws://127.0.0.1:${port}`,
    open: () => {
      isOpen = true;
    },
    close: () => {
      isOpen = false;
      for (const s of sockets) s.destroy();
    },
  };
}

/** Alice and Bob with keys published, then a new Alice client on the same store behind a closed gate. */
async function offlineAlice() {
  const { server } = await startServer();
  const store = reusable(memoryClientStore());
  const first = newClient(server.url, 'alice', store);
  const bob = newClient(server.url, 'bob');
  await Promise.all([first.connect(), bob.connect()]);
  await first.close();
  const gate = await startGate(server.url);
  const alice = newClient(gate.url, 'alice', store);
  return { server, alice, bob, gate };
}

const statuses = async (client: ParleyClient, chatId: string) =>
  (await client.messages(chatId).page({ limit: 500 })).messages.map((m) => m.status);

describe('local echo', () => {
  it('shows 1,000 messages sent offline as pending at once, in order, and all turn sent after reconnect', async () => {
    const { alice, bob, gate } = await offlineAlice();
    const sent: string[] = [];
    alice.on('message:sent', (m) => sent.push(m.id));
    const handles = [];
    for (let i = 0; i < 1000; i++) {
      const handle = await alice.send('bob', `offline ${i}`);
      // Returned at once: already stored, pending, with its id.
      expect(handle.message).toMatchObject({ id: handle.id, status: 'pending', chatId: 'bob' });
      handles.push(handle);
    }
    const ids = handles.map((h) => h.id);
    expect([...ids].sort()).toEqual(ids); // ids sort in send order, as history lists them
    expect((await alice.unsent.list()).map((m) => m.id)).toEqual(ids);
    const newest = await alice.messages('bob').page({ limit: 500 });
    expect(newest.messages.map((m) => m.id)).toEqual(ids.slice(500));
    expect(newest.messages.every((m) => m.status === 'pending')).toBe(true);
    expect(alice.state).not.toBe('connected');

    const got = collect(bob);
    gate.open();
    const results = await Promise.all(handles.map((h) => h.sent));
    expect(results.map((r) => r.status)).toEqual(Array(1000).fill('sent'));
    await vi.waitFor(() => expect(sent).toHaveLength(1000));
    expect(sent).toEqual(ids);
    expect(await alice.unsent.list()).toEqual([]);
    // Delivered when bob acknowledged before the SendAck (held for his ack, PROTOCOL 8.1), else sent.
    expect((await statuses(alice, 'bob')).filter((s) => s !== 'sent' && s !== 'delivered')).toEqual([]);
    await vi.waitFor(() => expect(got).toHaveLength(1000), { timeout: 30_000 });
    expect(texts(got)).toEqual(Array.from({ length: 1000 }, (_, i) => `offline ${i}`));
  }, 120_000);

  it('cancels a pending message: it leaves the outbox and the history, and never reaches anyone', async () => {
    const { alice, bob, gate } = await offlineAlice();
    const [a, b, c] = [await alice.send('bob', 'a'), await alice.send('bob', 'b'), await alice.send('bob', 'c')];
    expect(await alice.unsent.cancel(b.id)).toBe(true);
    await expect(b.sent).rejects.toMatchObject({ code: 'CLOSED' });
    expect(await alice.unsent.cancel(b.id)).toBe(false); // already gone
    expect((await alice.unsent.list()).map((m) => m.id)).toEqual([a.id, c.id]);
    expect((await alice.messages('bob').page()).messages.map((m) => m.id)).toEqual([a.id, c.id]);
    expect(await alice.getMessage(b.id)).toBeUndefined();

    const got = collect(bob);
    gate.open();
    await Promise.all([a.sent, c.sent]);
    await vi.waitFor(() => expect(texts(got)).toEqual(['a', 'c']));
    expect(await alice.unsent.cancel(a.id)).toBe(false); // sent: too late
  });

  it('lists a refused message as failed, and a retry sends it under the same id once it can go', async () => {
    const { server } = await startServer();
    const alice = newClient(server.url, 'alice');
    await alice.connect();
    const failed: string[] = [];
    alice.on('message:failed', (e) => failed.push(e.id));
    const handle = await alice.send('carol', 'hello carol');
    await expect(handle.sent).rejects.toMatchObject({ code: 'UNKNOWN_RECIPIENT' });
    await vi.waitFor(() => expect(failed).toEqual([handle.id]));
    expect((await alice.unsent.list()).map((m) => [m.id, m.status])).toEqual([[handle.id, 'failed']]);
    expect(await alice.unsent.cancel(handle.id)).toBe(false); // not pending

    const carol = newClient(server.url, 'carol');
    await carol.connect();
    const got = collect(carol);
    const again = await alice.unsent.retry(handle.id);
    expect(again.id).toBe(handle.id);
    expect(again.message.status).toBe('pending');
    await again.sent;
    await vi.waitFor(() => expect(texts(got)).toEqual(['hello carol']));
    expect(await alice.unsent.list()).toEqual([]);
    expect((await alice.messages('carol').page()).messages.map((m) => m.id)).toEqual([handle.id]);
    await expect(alice.unsent.retry(handle.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(alice.unsent.retry('unknown')).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('keeps sendText’s contract: it resolves once the server stored the message', async () => {
    const { server } = await startServer();
    const alice = newClient(server.url, 'alice');
    const bob = newClient(server.url, 'bob');
    await Promise.all([alice.connect(), bob.connect()]);
    const result = await alice.sendText('bob', 'script');
    expect(result).toMatchObject({ status: 'sent' });
    expect(await alice.messageStatus(result.id)).not.toBe('pending');
  });
});
