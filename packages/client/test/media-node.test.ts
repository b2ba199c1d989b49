// Media with the Node stores: a file media spool keeps a media message's encrypted file across a
// restart, so the outbox of a new client on the same directories uploads and sends it by itself.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createClient, type ReceivedMessage } from '@parley/client';
import { fileClientStore, fileMediaSpool } from '@parley/client/node';
import { bytesEqual } from '@parley/core';
import { type MediaStore, memoryStores } from '@parley/server-kit';
import { collect } from '@parley/test-utils/received-messages';
import { expect, it, vi } from 'vitest';
import { newClient, onCleanup, startServer } from './helpers/harness.js';
import { startTcpProxy } from './helpers/tcp-proxy.js';

it('uploads and sends a media message left in the outbox by a client that was closed mid-upload', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-media-node-'));
  onCleanup(async () => rmSync(dir, { recursive: true, force: true }));
  const stores = memoryStores();
  const media = stores.media as MediaStore;
  let stop: (() => void) | undefined;
  let received = 0;
  // The server stops the first upload half-way (as if the app was killed then) by cutting the proxy.
  stores.media = {
    ...media,
    put: (id, data, options) =>
      media.put(
        id,
        (async function* () {
          for await (const chunk of data) {
            received += chunk.length;
            yield chunk;
            if (received >= 256 * 1024) stop?.();
          }
        })(),
        options,
      ),
  };
  const { server } = await startServer({ stores });
  const proxy = await startTcpProxy(server.port);
  onCleanup(() => proxy.close());
  const bob = newClient(server.url, 'bob');
  const got = collect(bob);
  await bob.connect();

  const open = async () =>
    createClient({
      url: proxy.url,
      userId: 'alice',
      store: await fileClientStore({ dir: join(dir, 'alice') }),
      mediaSpool: fileMediaSpool({ dir: join(dir, 'alice-spool') }),
      reconnect: { minDelayMs: 20, maxDelayMs: 200 },
    });
  const first = await open();
  await first.connect();
  const data = Uint8Array.from({ length: 1_500_000 }, (_, i) => (i * 29 + (i >> 10)) & 0xff);
  const closed = new Promise<void>((resolve) => {
    stop = () => {
      stop = undefined;
      proxy.cutAll();
      void first.close().then(resolve);
    };
  });
  // A Node Readable as the source, in 64 KiB pieces.
  const sending = first.sendMedia('bob', {
    kind: 'document',
    data: Readable.from(Array.from({ length: 23 }, (_, i) => data.subarray(i * 65_536, (i + 1) * 65_536))),
    mimeType: 'application/zip',
    fileName: 'photos.zip',
  });
  const outcome = sending.then(
    () => undefined,
    (e: unknown) => e,
  );
  await closed;
  expect(await outcome).toMatchObject({ code: 'CLOSED' });
  expect(readdirSync(join(dir, 'alice-spool'))).toHaveLength(1); // the encrypted file waits

  const second = await open();
  onCleanup(() => second.close());
  await second.connect();
  await vi.waitFor(() => expect(got).toHaveLength(1), { timeout: 20_000 });
  const m = got[0] as ReceivedMessage;
  expect(m.content.kind === 'media' && m.content.media.fileName).toBe('photos.zip');
  expect(bytesEqual(await bob.downloadMedia(m), data)).toBe(true);
  await vi.waitFor(() => expect(readdirSync(join(dir, 'alice-spool'))).toHaveLength(0)); // spool emptied once uploaded
  expect(second.pendingSends).toBe(0);
});
