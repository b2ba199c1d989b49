import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, isParleyError, memoryClientStore, type ParleyClient } from '@parley/client';
import { fileClientStore } from '@parley/client/node';
import { collect } from '@parley/test-utils/received-messages';
import { type ServerProcess, startServer } from '@parley/test-utils/reference-server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

let tmp: string;
const servers: ServerProcess[] = [];
const clients: ParleyClient[] = [];

beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'parley-server-test-'));
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => s.stop('SIGKILL')));
  await rm(tmp, { recursive: true, force: true });
});

async function start(dataDir: string): Promise<ServerProcess> {
  const server = await startServer(['--port', '0', '--data', dataDir]);
  servers.push(server);
  return server;
}

async function fileClient(url: string, userId: string): Promise<ParleyClient> {
  const client = createClient({
    url,
    userId,
    store: await fileClientStore({ dir: path.join(tmp, 'clients', userId) }),
  });
  clients.push(client);
  return client;
}

describe('reference server', () => {
  it('prints one listening line, relays messages, answers /healthz and exits 0 on SIGTERM', async () => {
    const dataDir = path.join(tmp, 'data');
    const server = await start(dataDir);
    expect(server.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).not.toBe('ws://127.0.0.1:0');
    expect(server.dataDir).toBe(dataDir);
    expect(
      server
        .stdout()
        .split('\n')
        .filter((l) => l.includes('listening')),
    ).toHaveLength(1);

    const alice = createClient({ url: server.url, userId: 'alice', store: memoryClientStore() });
    const bob = createClient({ url: server.url, userId: 'bob', store: memoryClientStore() });
    clients.push(alice, bob);
    const inbox = collect(bob);
    await Promise.all([alice.connect(), bob.connect()]);

    const result = await alice.sendText('bob', 'hello through the reference server');
    expect(result.status).toBe('sent');
    await vi.waitFor(() =>
      expect(inbox.map((m) => m.content)).toEqual([{ kind: 'text', text: 'hello through the reference server' }]),
    );
    expect(inbox[0]!.from.userId).toBe('alice');

    const health = await fetch(`${server.httpUrl}/healthz`);
    expect(health.status).toBe(200);
    expect((await health.text()).trim()).toBe('ok');
    // `/` is the web chat, built in memory at start; `/about` says what the server is.
    const home = await fetch(`${server.httpUrl}/`);
    expect(home.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await home.text()).toContain('<title>Parley web chat</title>');
    expect((await fetch(`${server.httpUrl}/app.js`)).headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await (await fetch(`${server.httpUrl}/about`)).text()).toContain(`This is a Parley server`);
    expect((await fetch(`${server.httpUrl}/nope`)).status).toBe(404);

    expect(await server.stop('SIGTERM')).toBe(0);
  });

  it('keeps registered devices and queued messages across a restart on the same data dir', async () => {
    const dataDir = path.join(tmp, 'data');
    const first = await start(dataDir);
    let alice = await fileClient(first.url, 'alice');
    let bob = await fileClient(first.url, 'bob');
    await Promise.all([alice.connect(), bob.connect()]);
    const aliceDevice = alice.deviceId;
    await bob.close();
    // Bob is offline: the server keeps the message in its SQLite queue.
    expect((await alice.sendText('bob', 'sent while you were away')).status).toBe('sent');
    await alice.close();
    expect(await first.stop('SIGINT')).toBe(0);

    const second = await start(dataDir);
    // Same stores (same device keys) reconnect: the devices are still registered.
    alice = await fileClient(second.url, 'alice');
    await alice.connect();
    expect(alice.deviceId).toBe(aliceDevice);

    bob = await fileClient(second.url, 'bob');
    const inbox = collect(bob);
    await bob.connect();
    await vi.waitFor(() =>
      expect(inbox.map((m) => m.content)).toEqual([{ kind: 'text', text: 'sent while you were away' }]),
    );

    // A different key claiming alice's registered device is refused.
    const impostor = createClient({
      url: second.url,
      userId: 'alice',
      deviceId: aliceDevice,
      store: memoryClientStore(),
    });
    clients.push(impostor);
    const refused = await impostor.connect().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isParleyError(refused, 'AUTH_FAILED')).toBe(true);

    expect(await second.stop('SIGTERM')).toBe(0);
  });
});
