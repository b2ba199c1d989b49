import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, memoryClientStore, type ParleyClient, type ReceivedMessage } from '@parley/client';
import { type ServerProcess, startServer } from '@parley/test-utils/reference-server';
import { afterEach, expect, it, vi } from 'vitest';

let tmp = '';
let server: ServerProcess | undefined;
const clients: ParleyClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await server?.stop('SIGKILL');
  await rm(tmp, { recursive: true, force: true });
});

it('keeps media under its data folder and serves it to the recipient', async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'parley-server-media-'));
  const dataDir = path.join(tmp, 'data');
  server = await startServer(['--port', '0', '--data', dataDir]);
  const [alice, bob] = ['alice', 'bob'].map((userId) =>
    createClient({ url: (server as ServerProcess).url, userId, store: memoryClientStore() }),
  ) as [ParleyClient, ParleyClient];
  clients.push(alice, bob);
  const got: ReceivedMessage[] = [];
  bob.on('message:received', (m) => got.push(m));
  await Promise.all([alice.connect(), bob.connect()]);

  const photo = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 31) & 0xff);
  await alice.sendImage('bob', photo, { mimeType: 'image/png', caption: 'hi' });
  await vi.waitFor(() => expect(got).toHaveLength(1), { timeout: 15_000 });
  expect(Buffer.from(await bob.downloadMedia(got[0] as ReceivedMessage)).equals(Buffer.from(photo))).toBe(true);
  const shards = readdirSync(path.join(dataDir, 'media')).filter((name) => name !== 'tmp');
  expect(shards).toHaveLength(1);
  expect(readdirSync(path.join(dataDir, 'media', shards[0] as string))).toHaveLength(1);
});
