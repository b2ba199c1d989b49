import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, memoryClientStore, type ParleyClient, type ReceivedMessage } from '@parley/client';
import { createServer, memoryStores, type ParleyServer, type ServerStores } from '@parley/server-kit';
import { spawnWatched, tsxArgs, type WatchedProcess } from '@parley/test-utils/child-process';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

let tmp: string;
let stores: ServerStores;
let server: ParleyServer;
const clients: ParleyClient[] = [];
const children: WatchedProcess[] = [];

beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'parley-cli-chat-test-'));
  stores = memoryStores();
  server = await createServer({ stores });
});

afterEach(async () => {
  await Promise.all(children.splice(0).map((child) => child.stop('SIGKILL')));
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await server.close();
  await stores.close();
  await rm(tmp, { recursive: true, force: true });
});

/** Runs the chat like `pnpm chat` does (tsx with the `source` condition), stdin and stdout piped. */
function spawnChat(user: string, { quiet = false } = {}): WatchedProcess {
  const env = { ...process.env };
  delete env.INIT_CWD;
  const chat = spawnWatched(
    process.execPath,
    tsxArgs('src/main.ts', ['--user', user, '--url', server.url, '--data', path.join(tmp, user)]),
    { cwd: packageDir, env },
  );
  children.push(chat);
  void chat.exited.then((code) => {
    if (code !== 0 && !quiet)
      console.error(`chat ${user} exited with ${code}\nstdout: ${chat.stdout()}\nstderr: ${chat.stderr()}`);
  });
  return chat;
}

async function inProcessClient(userId: string): Promise<{ client: ParleyClient; inbox: ReceivedMessage[] }> {
  const client = createClient({ url: server.url, userId, store: memoryClientStore() });
  clients.push(client);
  const inbox: ReceivedMessage[] = [];
  client.on('message:received', (m) => inbox.push(m));
  await client.connect();
  return { client, inbox };
}

describe('cli chat', () => {
  it('sends piped lines, waits for the server to take them, and exits 0 when stdin ends', async () => {
    const bob = await inProcessClient('bob');
    const alice = spawnChat('alice');
    alice.proc.stdin.end('@bob hi from the cli\n');

    await vi.waitFor(
      () => expect(bob.inbox.map((m) => m.content)).toEqual([{ kind: 'text', text: 'hi from the cli' }]),
      {
        timeout: 20_000,
      },
    );
    expect(bob.inbox[0]!.from.userId).toBe('alice');
    expect(await alice.exited).toBe(0);
    expect(alice.stdout()).toMatch(/^-- connected to ws:\/\//m);
    expect(alice.stdout()).toMatch(/^✓ sent to bob \([0-9a-f]{8}\)$/m);
  });

  it('prints incoming messages as [HH:MM] sender: text', async () => {
    const bob = spawnChat('bob');
    // Bob's device is registered once his chat has connected and synced.
    await vi.waitFor(() => expect(bob.stdout()).toMatch(/^-- synced 0 messages$/m), { timeout: 20_000 });

    const alice = await inProcessClient('alice');
    await alice.client.sendText('bob', 'hello bob, from the test');
    await vi.waitFor(
      () => expect(bob.stdout()).toMatch(/^\[\d\d:\d\d\] alice: hello bob, from the test \([0-9a-f]{8}\)$/m),
      {
        timeout: 10_000,
      },
    );

    // /history reads the same message back from bob's stored history.
    bob.proc.stdin.end('/history alice\n');
    expect(await bob.exited).toBe(0);
    expect(bob.stdout().match(/^\[\d\d:\d\d\] alice: hello bob, from the test \([0-9a-f]{8}\)$/gm)).toHaveLength(2);
  });

  it('exits 1 with the reason when the server refuses the device', async () => {
    await inProcessClient('carol'); // carol's first device; the chat would be a second, unapproved one
    const carol = spawnChat('carol', { quiet: true });
    expect(await carol.exited).toBe(1);
    expect(carol.stdout()).toMatch(/^✗ connection to ws:\/\/\S+ ended: AUTH_FAILED/m);
    expect(carol.stdout()).toContain('Pick another name, link this device from that one');
  });
});
