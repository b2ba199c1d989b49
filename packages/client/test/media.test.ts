// Media messages end to end: every kind with its metadata, bytes and stream forms, tampering by
// the server, what the server gets to see, the upload limit, an upload cut mid-way.
import {
  createClient,
  isParleyError,
  type MediaAttachment,
  type MediaKind,
  memoryClientStore,
  type ParleyClient,
  type ReceivedMessage,
  type SendMediaOptions,
} from '@parley/client';
import { bytesEqual, concatBytes, utf8 } from '@parley/core';
import { type MediaStore, memoryStores } from '@parley/server-kit';
import { collect } from '@parley/test-utils/received-messages';
import { rejectionOf } from '@parley/test-utils/rejection';
import { describe, expect, it, vi } from 'vitest';
import { newClient, onCleanup, startServer } from './helpers/harness.js';
import { startTcpProxy } from './helpers/tcp-proxy.js';

const pattern = (n: number, seed = 1) =>
  Uint8Array.from({ length: n }, (_, i) => (i * 7 + seed * 13 + (i >> 8)) & 0xff);

async function pair() {
  const { server, stores } = await startServer();
  const alice = newClient(server.url, 'alice');
  const bob = newClient(server.url, 'bob');
  const got = collect(bob);
  await Promise.all([alice.connect(), bob.connect()]);
  return { server, stores, alice, bob, got };
}

async function received(got: ReceivedMessage[], id: string): Promise<ReceivedMessage & { content: { kind: 'media' } }> {
  await vi.waitFor(() => expect(got.find((m) => m.id === id)).toBeDefined(), { timeout: 15_000 });
  const m = got.find((x) => x.id === id) as ReceivedMessage;
  expect(m.content.kind).toBe('media');
  return m as ReceivedMessage & { content: { kind: 'media' } };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Replaces a stored blob by `edit(bytes)`, as a server (or whoever holds its disk) could. */
async function tamper(
  media: MediaStore,
  attachment: MediaAttachment,
  edit: (bytes: Uint8Array) => Uint8Array,
): Promise<MediaAttachment> {
  const blobId = attachment.blobId;
  const blob = await media.get(blobId);
  const parts: Uint8Array[] = [];
  for await (const c of blob?.data ?? []) parts.push(c);
  await media.delete(blobId);
  const edited = edit(concatBytes(...parts));
  await media.put(
    blobId,
    (async function* () {
      yield edited;
    })(),
    { maxBytes: 1 << 30 },
  );
  return attachment;
}

describe('media messages', () => {
  const cases: Array<{ kind: MediaKind; meta: Omit<SendMediaOptions, 'kind' | 'data'>; size: number }> = [
    {
      kind: 'image',
      size: 70_001,
      meta: { mimeType: 'image/jpeg', caption: 'the view 🌄', width: 1920, height: 1080, thumbnail: pattern(900, 5) },
    },
    {
      kind: 'video',
      size: 300_000,
      meta: { mimeType: 'video/mp4', caption: 'clip', width: 640, height: 360, durationMs: 12_345 },
    },
    {
      kind: 'voice',
      size: 20_000,
      meta: { mimeType: 'audio/ogg; codecs=opus', durationMs: 4_200, waveform: pattern(64, 9) },
    },
    {
      kind: 'document',
      size: 1,
      meta: { mimeType: 'application/pdf', fileName: 'report Q3.pdf', caption: 'as promised' },
    },
  ];

  for (const { kind, meta, size } of cases) {
    it(`round-trips a ${kind} 1:1 with its metadata and caption`, async () => {
      const { alice, bob, got } = await pair();
      const data = pattern(size, size);
      const sent = await alice.sendMedia('bob', { kind, data, ...meta });
      expect(sent.status).toBe('sent');
      const m = await received(got, sent.id);
      const media = m.content.media;
      expect(media).toMatchObject({ kind, size, ...meta });
      expect(media.blobId).toMatch(/^[0-9a-f]{32}$/);
      expect(bytesEqual(await bob.downloadMedia(m), data)).toBe(true);
      // The sender's own copy knows its blob too, and downloads the same file.
      const own = await alice.getMessage(sent.id);
      expect(own?.content.kind === 'media' && own.content.media.blobId).toBe(media.blobId);
      expect(bytesEqual(await alice.downloadMedia(own as ReceivedMessage), data)).toBe(true);
    });
  }

  it('takes a Blob, a web ReadableStream or an async iterable, and downloads as a stream', async () => {
    const { alice, bob, got } = await pair();
    const data = pattern(1_000_003, 3);
    const blob = new Blob([data.slice(0, 500_000), data.slice(500_000)]);
    const sources: SendMediaOptions['data'][] = [
      blob,
      blob.stream(),
      (async function* () {
        for (let i = 0; i < data.length; i += 65_536) yield data.slice(i, i + 65_536);
      })(),
    ];
    for (const source of sources) {
      const sent = await alice.sendDocument('bob', source, { mimeType: 'application/octet-stream' });
      const m = await received(got, sent.id);
      const stream = await bob.downloadMedia(m, { as: 'stream' });
      expect(bytesEqual(await readAll(stream), data)).toBe(true);
    }
  });

  it('gives MEDIA_INTEGRITY, and no plaintext, for a flipped byte, a wrong digest, a truncated blob or trailing bytes', async () => {
    const { stores, alice, bob, got } = await pair();
    const data = pattern(10_000, 4);
    const media = stores.media as MediaStore;
    const tampered: Array<[string, (m: MediaAttachment) => Promise<MediaAttachment>]> = [
      ['flipped byte', (m) => tamper(media, m, (b) => flip(b, 5000))],
      ['flipped MAC byte', (m) => tamper(media, m, (b) => flip(b, b.length - 1))],
      ['wrong digest', async (m) => ({ ...m, digest: flip(m.digest, 0) })],
      ['truncated blob', (m) => tamper(media, m, (b) => b.slice(0, b.length - 16))],
      ['truncated by a byte', (m) => tamper(media, m, (b) => b.slice(0, b.length - 1))],
      ['trailing bytes', (m) => tamper(media, m, (b) => concatBytes(b, new Uint8Array(16)))],
    ];
    for (const [label, spoil] of tampered) {
      const sent = await alice.sendImage('bob', data, { mimeType: 'image/png' });
      const m = await received(got, sent.id);
      const spoiled = await spoil(m.content.media);
      for (const as of ['bytes', 'stream'] as const) {
        const outcome = await rejectionOf(
          as === 'stream' ? bob.downloadMedia(spoiled, { as }) : bob.downloadMedia(spoiled),
        );
        expect(isParleyError(outcome, 'MEDIA_INTEGRITY'), `${label} (${as}): ${String(outcome)}`).toBe(true);
      }
    }
  });

  it('never lets the server see the file or its metadata (marker test)', async () => {
    const { server, stores } = await startServer();
    const alice = newClient(server.url, 'alice');
    const bobStore = memoryClientStore();
    const bob = createClient({ url: server.url, userId: 'bob', store: bobStore });
    await Promise.all([alice.connect(), bob.connect()]);
    await bob.close(); // offline: the message waits in the server's queue, where we can look at it

    const marker = utf8('PARLEY-PLAINTEXT-MARKER-0123456789abcdef');
    const data = concatBytes(...Array.from({ length: 2000 }, () => marker));
    const sent = await alice.sendMedia('bob', {
      kind: 'document',
      data,
      mimeType: 'text/x-marker-mime',
      fileName: 'marker-file-name.txt',
      caption: 'marker-caption',
    });
    const own = await alice.getMessage(sent.id);
    const blobId = own?.content.kind === 'media' ? own.content.media.blobId : '';
    const blob = await stores.media?.get(blobId);
    const parts: Uint8Array[] = [];
    for await (const c of blob?.data ?? []) parts.push(c);
    const stored = concatBytes(...parts);
    expect(stored.length).toBeGreaterThan(data.length);
    const devices = await stores.devices.list('bob');
    const queued = await stores.queue.read({ userId: 'bob', deviceId: devices[0]?.deviceId ?? 0 }, { limit: 100 });
    expect(queued.length).toBeGreaterThan(0);
    const everything = concatBytes(stored, ...queued.map((e) => concatBytes(e.shared ?? new Uint8Array(0), e.data)));
    for (const needle of ['PARLEY-PLAINTEXT', 'marker-file-name', 'marker-caption', 'x-marker-mime']) {
      expect(contains(everything, utf8(needle)), needle).toBe(false);
    }
    // The marker is there to find: the check can fail.
    expect(contains(data, utf8('PARLEY-PLAINTEXT'))).toBe(true);
  });

  it('refuses a file above the server limit: the send fails and nothing is stored', async () => {
    const stores = memoryStores();
    const counting = countingMediaStore(stores.media as MediaStore);
    const { server } = await startServerWithMedia({ ...stores, media: counting.store }, 50_000);
    const alice = newClient(server.url, 'alice');
    const bob = newClient(server.url, 'bob');
    await Promise.all([alice.connect(), bob.connect()]);
    const failed: string[] = [];
    alice.on('message:failed', (e) => failed.push(e.error.code));
    const outcome = await rejectionOf(alice.sendVideo('bob', pattern(60_000), { mimeType: 'video/mp4' }));
    expect(isParleyError(outcome, 'MEDIA_TOO_LARGE')).toBe(true);
    expect(failed).toEqual(['MEDIA_TOO_LARGE']);
    expect(counting.puts).toBe(0);
    expect(alice.pendingSends).toBe(0);
  });

  it('retries an upload cut mid-way from the outbox after reconnecting; the recipient gets it once', async () => {
    const stores = memoryStores();
    let cut = false;
    // Cuts every connection through the proxy once the server has stored part of the first upload.
    const counting = countingMediaStore(stores.media as MediaStore, (received) => {
      if (!cut && received >= 512 * 1024) {
        cut = true;
        proxy.cutAll();
      }
    });
    const { server } = await startServerWithMedia({ ...stores, media: counting.store });
    const proxy = await startTcpProxy(server.port);
    onCleanup(() => proxy.close());
    const alice = newClient(proxy.url, 'alice');
    const bob = newClient(server.url, 'bob');
    const got = collect(bob);
    await Promise.all([alice.connect(), bob.connect()]);
    const states: string[] = [];
    alice.on('connection:state', (s) => states.push(s.state));

    const data = pattern(3_000_000, 8);
    const sent = await alice.sendVideo('bob', data, { mimeType: 'video/mp4', caption: 'cut me' });
    expect(cut).toBe(true);
    expect(states).toContain('reconnecting');
    const m = await received(got, sent.id);
    expect(bytesEqual(await bob.downloadMedia(m), data)).toBe(true);
    // A later message arrives after it and nothing arrived twice in between.
    const after = await alice.sendText('bob', 'after');
    await vi.waitFor(() => expect(got.some((x) => x.id === after.id)).toBe(true), { timeout: 10_000 });
    expect(got.map((x) => x.id)).toEqual([sent.id, after.id]);
    // The cut upload left nothing on the server: one put failed, exactly one stored a blob.
    expect(counting.failedPuts).toBe(1);
    expect(counting.puts).toBe(1);
  });

  it('round-trips every kind in a group: one upload, every member downloads it', async () => {
    const { server } = await startServer();
    const [alice, bob, carol] = ['alice', 'bob', 'carol'].map((u) => newClient(server.url, u)) as [
      ParleyClient,
      ParleyClient,
      ParleyClient,
    ];
    const gotBob = collect(bob);
    const gotCarol = collect(carol);
    await Promise.all([alice.connect(), bob.connect(), carol.connect()]);
    const group = await alice.groups.create({ name: 'trip', members: ['bob', 'carol'] });
    for (const { kind, meta, size } of cases) {
      const data = pattern(size, size + 1);
      const sent = await alice.sendMedia(group.id, { kind, data, ...meta });
      for (const [client, got] of [
        [bob, gotBob],
        [carol, gotCarol],
      ] as const) {
        const m = await received(got, sent.id);
        expect(m.chatId).toBe(group.id);
        expect(m.content.media).toMatchObject({ kind, size, ...meta });
        expect(bytesEqual(await client.downloadMedia(m), data)).toBe(true);
      }
    }
  });
});

function flip(bytes: Uint8Array, at: number): Uint8Array {
  const out = bytes.slice();
  out[at] = (out[at] ?? 0) ^ 0x01;
  return out;
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

async function startServerWithMedia(stores: ReturnType<typeof memoryStores>, maxUploadBytes?: number) {
  const { createServer } = await import('@parley/server-kit');
  const server = await createServer({ stores, ...(maxUploadBytes ? { media: { maxUploadBytes } } : {}) });
  onCleanup(() => stores.close());
  onCleanup(() => server.close());
  return { server };
}

/** A media store that counts the puts that stored a blob and those that failed, and reports bytes received. */
function countingMediaStore(inner: MediaStore, progress: (received: number) => void = () => {}) {
  const counts = { puts: 0, failedPuts: 0 };
  const store: MediaStore = {
    ...inner,
    put: (id, data, options) => {
      let received = 0;
      const watched = (async function* () {
        for await (const chunk of data) {
          received += chunk.length;
          yield chunk;
          progress(received);
        }
      })();
      return inner.put(id, watched, options).then(
        (info) => {
          counts.puts++;
          return info;
        },
        (error: unknown) => {
          counts.failedPuts++;
          throw error;
        },
      );
    },
  };
  return Object.assign(counts, { store });
}
