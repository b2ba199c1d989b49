// Media over the gateway: tickets over the WebSocket, bytes over HTTP on the same port. Raw
// peers and raw HTTP requests, so every refusal a well-behaved client never provokes is checked.
import { request as httpRequest } from 'node:http';
import type { ServerFrame } from '@parley/core';
import { RawPeer } from '@parley/test-utils/raw-peer';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ServerStores } from '../src/contracts/stores.js';
import type { MediaSettings } from '../src/media/media-requests.js';
import { memoryStores } from '../src/memory/memory-stores.js';
import { createServer, type ParleyServer } from '../src/server.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface Setup {
  server: ParleyServer;
  stores: ServerStores;
  peer: RawPeer;
  time: { now: number };
}

async function setup(media: Partial<MediaSettings> = {}, withMedia = true): Promise<Setup> {
  const time = { now: 1_700_000_000_000 };
  const clock = () => time.now;
  const all = memoryStores({ clock });
  const { media: _m, mediaTickets: _t, ...without } = all;
  const stores = withMedia ? all : without;
  const server = await createServer({ stores, clock, media: { maxUploadBytes: 1000, ...media } });
  const peer = await RawPeer.authenticated(server.url, 'alice');
  cleanups.push(
    () => stores.close(),
    () => server.close(),
    () => peer.close(),
  );
  return { server, stores, peer, time };
}

function ticketOf(frame: ServerFrame) {
  expect(frame.body, JSON.stringify(frame.error)).toBe('mediaTicket');
  const t = frame.mediaTicket;
  return {
    blobId: t?.blobId ?? '',
    url: t?.url ?? '',
    token: t?.token ?? '',
    expiresAt: Number(t?.expiresAt ?? 0),
    maxSize: Number(t?.maxSize ?? 0),
  };
}

const uploadTicket = async (peer: RawPeer, size: number) => ticketOf(await peer.request({ mediaUpload: { size } }));
const downloadTicket = async (peer: RawPeer, blobId: string) =>
  ticketOf(await peer.request({ mediaDownload: { blobId } }));

interface HttpResult {
  status: number;
  body: Buffer;
  json: { code?: string } | undefined;
}

/**
 * One HTTP request. `body` as one piece with Content-Length, as pieces with chunked encoding, or
 * `declare` a Content-Length and send no body at all (the server must answer without it).
 */
function http(
  port: number,
  method: string,
  path: string,
  options: { token?: string; body?: Uint8Array; pieces?: Uint8Array[]; declare?: number } = {},
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Parley ${options.token}`;
    if (options.body) headers['content-length'] = String(options.body.length);
    if (options.declare !== undefined) headers['content-length'] = String(options.declare);
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        const body = Buffer.concat(parts);
        let json: HttpResult['json'];
        try {
          json = JSON.parse(body.toString('utf8')) as HttpResult['json'];
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, body, json });
      });
    });
    req.on('error', reject);
    if (options.body) req.end(options.body);
    else if (options.pieces) {
      for (const p of options.pieces) req.write(p);
      req.end();
    } else if (options.declare !== undefined) req.flushHeaders();
    else req.end();
  });
}

const bytes = (n: number, seed = 7) => Uint8Array.from({ length: n }, (_, i) => (i * 13 + seed) & 0xff);

describe('media tickets and HTTP', () => {
  it('uploads with an upload ticket and downloads with a download ticket, byte for byte', async () => {
    const { server, stores, peer, time } = await setup();
    const up = await uploadTicket(peer, 300);
    expect(up.blobId).toMatch(/^[0-9a-f]{32}$/);
    expect(up.url).toBe(`/media/${up.blobId}`);
    expect(up.maxSize).toBe(300);
    expect(up.expiresAt).toBe(time.now + 5 * 60_000);
    const data = bytes(300);
    const put = await http(server.port, 'PUT', up.url, { token: up.token, body: data });
    expect(put.status).toBe(201);
    expect(put.json).toEqual({ blobId: up.blobId, size: 300 });

    const down = await downloadTicket(peer, up.blobId);
    expect(down.url).toBe(up.url);
    const got = await http(server.port, 'GET', down.url, { token: down.token });
    expect(got.status).toBe(200);
    expect(got.body.equals(Buffer.from(data))).toBe(true);
    expect((await stores.media?.get(up.blobId))?.size).toBe(300);
  });

  it('deletes a blob for its uploader with the delete token, and for no one else', async () => {
    const { server, stores, peer } = await setup();
    const mallory = await RawPeer.authenticated(server.url, 'mallory');
    cleanups.push(() => mallory.close());
    const upFrame = await peer.request({ mediaUpload: { size: 10 } });
    const up = ticketOf(upFrame);
    const deleteToken = upFrame.mediaTicket?.deleteToken ?? '';
    expect(deleteToken.length).toBeGreaterThan(20);
    expect((await http(server.port, 'PUT', up.url, { token: up.token, body: bytes(10) })).status).toBe(201);
    const other = ticketOf(await peer.request({ mediaUpload: { size: 10 } }));
    expect((await http(server.port, 'PUT', other.url, { token: other.token, body: bytes(10) })).status).toBe(201);

    const code = (f: ServerFrame) => (f.body === 'error' ? f.error?.code : f.body);
    const FORBIDDEN = 5; // ERROR_CODE_FORBIDDEN
    // Without a token, with the upload ticket's token, or with this token for another blob: refused.
    expect(code(await peer.request({ mediaDelete: { blobId: up.blobId } }))).toBe(FORBIDDEN);
    expect(code(await peer.request({ mediaDelete: { blobId: up.blobId, deleteToken: up.token } }))).toBe(FORBIDDEN);
    expect(code(await mallory.request({ mediaDelete: { blobId: up.blobId, deleteToken: 'x'.repeat(43) } }))).toBe(
      FORBIDDEN,
    );
    expect(code(await peer.request({ mediaDelete: { blobId: other.blobId, deleteToken } }))).toBe(FORBIDDEN);
    expect(await stores.media?.get(other.blobId)).toBeDefined();

    // A second upload's token in another user's hands does not work either.
    const third = await peer.request({ mediaUpload: { size: 10 } });
    const stolen = third.mediaTicket?.deleteToken ?? '';
    const thirdId = third.mediaTicket?.blobId ?? '';
    expect(code(await mallory.request({ mediaDelete: { blobId: thirdId, deleteToken: stolen } }))).toBe(FORBIDDEN);

    const upFrame2 = await peer.request({ mediaUpload: { size: 10 } });
    const up2 = ticketOf(upFrame2);
    expect((await http(server.port, 'PUT', up2.url, { token: up2.token, body: bytes(10) })).status).toBe(201);
    expect(
      code(
        await peer.request({
          mediaDelete: { blobId: up2.blobId, deleteToken: upFrame2.mediaTicket?.deleteToken ?? '' },
        }),
      ),
    ).toBe('ok');
    expect(await stores.media?.get(up2.blobId)).toBeUndefined();
    const down = await downloadTicket(peer, up2.blobId);
    expect((await http(server.port, 'GET', down.url, { token: down.token })).status).toBe(404);
    expect(await stores.media?.get(up.blobId)).toBeDefined();
  });

  it('accepts a chunked upload of exactly the declared size', async () => {
    const { server, peer } = await setup();
    const up = await uploadTicket(peer, 250);
    const put = await http(server.port, 'PUT', up.url, { token: up.token, pieces: [bytes(100), bytes(150)] });
    expect(put.status).toBe(201);
  });

  it('spends a ticket on first use: a second upload or download with it is TICKET_INVALID', async () => {
    const { server, peer } = await setup();
    const up = await uploadTicket(peer, 10);
    expect((await http(server.port, 'PUT', up.url, { token: up.token, body: bytes(10) })).status).toBe(201);
    const again = await http(server.port, 'PUT', up.url, { token: up.token, body: bytes(10) });
    expect([again.status, again.json?.code]).toEqual([403, 'TICKET_INVALID']);

    const down = await downloadTicket(peer, up.blobId);
    expect((await http(server.port, 'GET', down.url, { token: down.token })).status).toBe(200);
    const twice = await http(server.port, 'GET', down.url, { token: down.token });
    expect([twice.status, twice.json?.code]).toEqual([403, 'TICKET_INVALID']);
  });

  it('a ticket opens only its own blob and action', async () => {
    const { server, stores, peer } = await setup();
    const a = await uploadTicket(peer, 10);
    const b = await uploadTicket(peer, 10);
    // a's token on b's blob: refused, nothing stored, and a's ticket is spent by the attempt.
    const crossed = await http(server.port, 'PUT', b.url, { token: a.token, body: bytes(10) });
    expect([crossed.status, crossed.json?.code]).toEqual([403, 'TICKET_INVALID']);
    expect(await stores.media?.get(b.blobId)).toBeUndefined();
    expect((await http(server.port, 'PUT', a.url, { token: a.token, body: bytes(10) })).status).toBe(403);
    expect((await http(server.port, 'PUT', b.url, { token: b.token, body: bytes(10) })).status).toBe(201);

    // An upload ticket does not download, a download ticket does not upload or open another blob.
    const c = await uploadTicket(peer, 10);
    expect((await http(server.port, 'GET', b.url, { token: c.token })).status).toBe(403);
    const d = await downloadTicket(peer, b.blobId);
    expect((await http(server.port, 'PUT', b.url, { token: d.token, body: bytes(10) })).status).toBe(403);
    const e = await downloadTicket(peer, b.blobId);
    expect((await http(server.port, 'GET', `/media/${'0'.repeat(32)}`, { token: e.token })).status).toBe(403);
    expect((await http(server.port, 'GET', b.url, {})).status).toBe(403);
    expect((await http(server.port, 'GET', b.url, { token: 'made-up-token-000000' })).status).toBe(403);
  });

  it('voids tickets after 5 minutes', async () => {
    const { server, peer, time } = await setup();
    const up = await uploadTicket(peer, 10);
    time.now += 5 * 60_000;
    const late = await http(server.port, 'PUT', up.url, { token: up.token, body: bytes(10) });
    expect([late.status, late.json?.code]).toEqual([403, 'TICKET_INVALID']);
  });

  it('refuses a ticket for more than the limit, over the WebSocket', async () => {
    const { peer } = await setup();
    const frame = await peer.request({ mediaUpload: { size: 1001 } });
    expect(frame.body).toBe('error');
    expect(frame.error?.code).toBe(19); // MEDIA_TOO_LARGE
    expect((await peer.request({ mediaUpload: { size: 0 } })).error?.code).toBe(12); // INVALID_ARGUMENT
    expect((await peer.request({ mediaDownload: { blobId: '../x' } })).error?.code).toBe(12);
  });

  it('answers 413 from Content-Length alone, before reading the body, and stores nothing', async () => {
    const { server, stores, peer } = await setup();
    const up = await uploadTicket(peer, 100);
    const overTicket = await http(server.port, 'PUT', up.url, { token: up.token, declare: 101 });
    expect([overTicket.status, overTicket.json?.code]).toEqual([413, 'MEDIA_TOO_LARGE']);
    const up2 = await uploadTicket(peer, 100);
    const overLimit = await http(server.port, 'PUT', up2.url, { token: up2.token, declare: 5000 });
    expect([overLimit.status, overLimit.json?.code]).toEqual([413, 'MEDIA_TOO_LARGE']);
    expect(await stores.media?.get(up.blobId)).toBeUndefined();
    expect(await stores.media?.get(up2.blobId)).toBeUndefined();
  });

  it('answers 413 while streaming a chunked upload past its declared size, and stores nothing', async () => {
    const { server, stores, peer } = await setup();
    const up = await uploadTicket(peer, 100);
    const res = await http(server.port, 'PUT', up.url, { token: up.token, pieces: [bytes(60), bytes(60)] });
    expect([res.status, res.json?.code]).toEqual([413, 'MEDIA_TOO_LARGE']);
    expect(await stores.media?.get(up.blobId)).toBeUndefined();
  });

  it('refuses an upload shorter than declared, storing nothing', async () => {
    const { server, stores, peer } = await setup();
    const up = await uploadTicket(peer, 100);
    const res = await http(server.port, 'PUT', up.url, { token: up.token, pieces: [bytes(60)] });
    expect([res.status, res.json?.code]).toEqual([400, 'INVALID_ARGUMENT']);
    expect(await stores.media?.get(up.blobId)).toBeUndefined();
  });

  it('answers 404 NOT_FOUND for a blob that is not there', async () => {
    const { server, peer } = await setup();
    const down = await downloadTicket(peer, 'f'.repeat(32));
    const res = await http(server.port, 'GET', down.url, { token: down.token });
    expect([res.status, res.json?.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('purges blobs older than their lifetime periodically', async () => {
    const { server, stores, peer, time } = await setup({ purgeIntervalMs: 20, blobTtlMs: 60_000 });
    const up = await uploadTicket(peer, 10);
    expect((await http(server.port, 'PUT', up.url, { token: up.token, body: bytes(10) })).status).toBe(201);
    expect(await stores.media?.get(up.blobId)).toBeDefined();
    time.now += 60_001;
    await vi.waitFor(async () => expect(await stores.media?.get(up.blobId)).toBeUndefined(), { timeout: 2000 });
  });

  it('puts a public base URL in tickets when configured', async () => {
    const { peer } = await setup({ publicUrl: 'https://chat.example.com/parley/' });
    const up = await uploadTicket(peer, 10);
    expect(up.url).toBe(`https://chat.example.com/parley/media/${up.blobId}`);
  });

  it('leaves media off when the stores have none', async () => {
    const { server, peer } = await setup({}, false);
    expect((await peer.request({ mediaUpload: { size: 10 } })).error?.code).toBe(12);
    expect((await http(server.port, 'GET', `/media/${'0'.repeat(32)}`)).status).toBe(404);
  });
});
