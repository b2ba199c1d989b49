// The terminal chat on a real pseudo-terminal (prompt, line editing, colour off with TERM=dumb), in a
// group conversation with two in-process users, as a user would type it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, memoryClientStore, type ParleyClient, type ReceivedMessage } from '@parley/client';
import { createServer, memoryStores, type ParleyServer, type ServerStores } from '@parley/server-kit';
import { tsxArgs } from '@parley/test-utils/child-process';
import { type PtyProcess, plainTerminalText, spawnInPty } from '@parley/test-utils/pty-process';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

let tmp: string;
let stores: ServerStores;
let server: ParleyServer;
const clients: ParleyClient[] = [];
let chat: PtyProcess | undefined;

beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'parley-cli-pty-'));
  stores = memoryStores();
  server = await createServer({ stores });
});

afterEach(async () => {
  await chat?.stop('SIGKILL');
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await server.close();
  await stores.close();
  await rm(tmp, { recursive: true, force: true });
});

async function user(userId: string): Promise<{ client: ParleyClient; inbox: ReceivedMessage[] }> {
  const client = createClient({ url: server.url, userId, store: memoryClientStore() });
  clients.push(client);
  const inbox: ReceivedMessage[] = [];
  client.on('message:received', (m) => inbox.push(m));
  await client.connect();
  return { client, inbox };
}

// Lines printed while the prompt shows come after the prompt text in the raw stream (the redraw
// that hides it is an escape sequence), so patterns are not anchored at the line start.
const screen = () => plainTerminalText(chat!.output());
const waitForScreen = (pattern: RegExp) =>
  vi.waitFor(() => expect(screen()).toMatch(pattern), { timeout: 20_000, interval: 50 });

describe('terminal chat on a terminal', () => {
  it('creates a group, shows group messages with the group name, sends to it and shows read ticks', async () => {
    const bob = await user('bob');
    const carol = await user('carol');
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.INIT_CWD;
    chat = spawnInPty(
      process.execPath,
      tsxArgs('src/main.ts', ['--user', 'Alice', '--url', server.url, '--data', path.join(tmp, 'alice')]),
      { cwd: packageDir, env },
    );
    await waitForScreen(/-- synced \d+ messages?/);

    chat.type('/create Dinner crew @Bob @carol\r');
    await waitForScreen(/created \[Dinner crew\] with bob, carol/);
    const groupId = await vi.waitFor(
      async () => {
        const [group] = await bob.client.groups.list();
        expect(group?.name).toBe('Dinner crew');
        return group!.id;
      },
      { timeout: 20_000 },
    );

    await bob.client.sendText(groupId, 'pasta tonight?');
    await waitForScreen(/\[\d\d:\d\d\] \[Dinner crew\] bob: pasta tonight\?$/m);

    chat.type('#dinner-crew yes, at 8\r');
    await waitForScreen(/✓ sent to \[Dinner crew\] \([0-9a-f]{8}\)$/m);
    for (const member of [bob, carol]) {
      await vi.waitFor(
        () => expect(member.inbox.map((m) => m.content)).toContainEqual({ kind: 'text', text: 'yes, at 8' }),
        {
          timeout: 20_000,
        },
      );
      const message = member.inbox.find((m) => m.content.kind === 'text' && m.content.text === 'yes, at 8')!;
      expect(message).toMatchObject({ chatId: groupId, from: { userId: 'alice' } });
      await member.client.markRead(groupId, [message.id]);
    }
    await waitForScreen(/✓✓ read by everyone in \[Dinner crew\] \([0-9a-f]{8}\)$/m);

    chat.type('@Bob and 1:1 too\r'); // names are not case-sensitive
    await vi.waitFor(() => expect(bob.inbox.map((m) => m.chatId)).toContain('alice'), { timeout: 20_000 });

    chat.type('/groups\r');
    await waitForScreen(/#dinner-crew {2}Dinner crew, 3 members, you are admin/);

    chat.type('/quit\r');
    expect(await chat.exited).toBe(0);
  }, 90_000);
});
