import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryClientStore } from '@parley/client';
import { createServer } from '@parley/server-kit';
import { sqliteStores } from '@parley/server-kit/sqlite';
import { describe, expect, it, vi } from 'vitest';
import { newClient, numbered, onCleanup, reusable } from './helpers/harness.js';

describe('server restart (SQLite)', () => {
  it('loses nothing queued between send and delivery', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-restart-'));
    onCleanup(async () => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'parley.db');

    let stores = sqliteStores({ path });
    let server = await createServer({ stores });
    const port = server.port;
    const bobStore = reusable(memoryClientStore());
    const bob = newClient(server.url, 'bob', bobStore);
    await bob.connect();
    await bob.close();

    const alice = newClient(server.url, 'alice');
    const sent = numbered('durable', 200);
    for (const t of sent) await alice.sendText('bob', t);
    await alice.close();

    // Stop the whole server process state: gateway, then the database.
    await server.close();
    await stores.close();

    stores = sqliteStores({ path });
    server = await createServer({ stores, port });
    onCleanup(async () => {
      await server.close();
      await stores.close();
    });

    const bobAgain = newClient(server.url, 'bob', bobStore);
    const got: string[] = [];
    bobAgain.on('message:received', (m) => got.push(m.content.kind === 'text' ? m.content.text : '?'));
    await bobAgain.connect();
    await vi.waitFor(() => expect(got.length).toBeGreaterThanOrEqual(200), { timeout: 20_000 });
    expect(got).toEqual(sent);
    await vi.waitFor(async () =>
      expect(await stores.queue.count({ userId: 'bob', deviceId: bobAgain.deviceId })).toBe(0),
    );
  });

  it('a sender that was mid-outbox when the server went away re-sends after it returns, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-restart-'));
    onCleanup(async () => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'parley.db');
    let stores = sqliteStores({ path });
    let server = await createServer({ stores });
    const port = server.port;

    const bob = newClient(server.url, 'bob');
    const got: string[] = [];
    bob.on('message:received', (m) => got.push(m.content.kind === 'text' ? m.content.text : '?'));
    const alice = newClient(server.url, 'alice');
    await Promise.all([alice.connect(), bob.connect()]);

    await server.close();
    await stores.close();
    // Sent while the server is down: waits in alice's outbox.
    const pending = numbered('while-down', 20).map((t) => alice.sendText('bob', t));
    await vi.waitFor(() => expect(alice.pendingSends).toBe(20));

    stores = sqliteStores({ path });
    server = await createServer({ stores, port });
    onCleanup(async () => {
      await server.close();
      await stores.close();
    });
    const results = await Promise.all(pending);
    expect(results.every((r) => r.status === 'sent')).toBe(true);
    await vi.waitFor(() => expect(got.length).toBeGreaterThanOrEqual(20), { timeout: 20_000 });
    expect(got).toEqual(numbered('while-down', 20));
  });
});
