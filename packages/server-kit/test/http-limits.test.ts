// Issue 17, findings 10 and 11: connection caps and HTTP timeouts, provoked with raw sockets the way
// an attacker would (trickled headers, a stalled upload, many sockets from one address).
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateAuthKeyPair, PROTOCOL_VERSION } from '@parley/core';
import { RawPeer } from '@parley/test-utils/raw-peer';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ServerLimits } from '../src/contracts/limits.js';
import { CloseReasons, closeCode } from '../src/gateway/connection.js';
import { fsMediaStore } from '../src/media/fs-media-store.js';
import { memoryStores } from '../src/memory/memory-stores.js';
import { type CreateServerOptions, createServer, type ParleyServer } from '../src/server.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(
  limits: Partial<ServerLimits>,
  extra: Partial<CreateServerOptions> = {},
): Promise<{ server: ParleyServer; mediaDir: string }> {
  const mediaDir = await mkdtemp(path.join(tmpdir(), 'parley-http-limits-'));
  const stores = { ...memoryStores(), media: fsMediaStore({ dir: mediaDir }) };
  const server = await createServer({ stores, limits, ...extra });
  cleanups.push(
    () => rm(mediaDir, { recursive: true, force: true }),
    () => stores.close(),
    () => server.close(),
  );
  return { server, mediaDir };
}

/** A raw TCP socket to the server, recording what it receives and when it closes. */
interface Raw {
  socket: Socket;
  received: () => string;
  closed: () => boolean;
}

async function raw(port: number): Promise<Raw> {
  const socket = connect(port, '127.0.0.1');
  cleanups.push(() => socket.destroy());
  let data = '';
  let closed = false;
  socket.on('data', (d: Buffer) => {
    data += d.toString('latin1');
  });
  socket.on('error', () => {});
  socket.on('close', () => {
    closed = true;
  });
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return { socket, received: () => data, closed: () => closed };
}

const waitClosed = (r: Raw) => vi.waitFor(() => expect(r.closed()).toBe(true), { timeout: 10_000, interval: 10 });

describe('HTTP limits (issue 17, finding 11)', () => {
  it('closes a socket that trickles its headers once the headers timeout passes', async () => {
    const { server } = await start({ httpHeadersTimeoutMs: 300 });
    const r = await raw(server.port);
    r.socket.write('GET /not-there HTTP/1.1\r\nHost: x\r\n');
    // One header line at a time, never the blank line that ends them (bounded: 200 lines).
    let lines = 0;
    const trickle = setInterval(() => {
      if (r.closed() || ++lines > 200) clearInterval(trickle);
      else r.socket.write(`X-Slow-${lines}: y\r\n`);
    }, 20);
    cleanups.push(() => clearInterval(trickle));
    await waitClosed(r);
    expect(r.received()).not.toContain('404');
  });

  it('closes a stalled upload after the idle timeout and removes its partial blob', async () => {
    const { server, mediaDir } = await start({ uploadIdleTimeoutMs: 200 });
    const peer = await RawPeer.authenticated(server.url, 'alice');
    cleanups.push(() => peer.close());
    const ticket = (await peer.request({ mediaUpload: { size: 5000 } })).mediaTicket;
    expect(ticket?.token).toBeTruthy();
    const r = await raw(server.port);
    r.socket.write(
      `PUT ${ticket?.url} HTTP/1.1\r\nHost: x\r\nAuthorization: Parley ${ticket?.token}\r\nContent-Length: 5000\r\n\r\n`,
    );
    r.socket.write(Buffer.alloc(1000, 7));
    // The partial blob is on disk while the upload is in progress...
    await vi.waitFor(async () => expect(await readdir(path.join(mediaDir, 'tmp'))).toHaveLength(1), {
      timeout: 10_000,
      interval: 10,
    });
    // ...then the client stalls: the server closes the socket and removes the temp file.
    await waitClosed(r);
    await vi.waitFor(async () => expect(await readdir(path.join(mediaDir, 'tmp'))).toEqual([]), {
      timeout: 10_000,
      interval: 10,
    });
    expect(r.received()).not.toContain('201');
  });
});

describe('connection caps (issue 17, finding 10)', () => {
  it('answers 503 with Retry-After to sockets beyond the per-address cap, HTTP and WebSocket alike', async () => {
    const { server } = await start({ maxConnectionsPerAddress: 3 }, { exemptAddress: () => false });
    const held = [await raw(server.port), await raw(server.port), await raw(server.port)];
    const fourth = await raw(server.port);
    await waitClosed(fourth);
    expect(fourth.received()).toMatch(/^HTTP\/1\.1 503 Service Unavailable\r\nRetry-After: \d+\r\n/);
    const ws = await RawPeer.open(server.url).catch((e: unknown) => e);
    expect(String(ws)).toContain('503');
    // A socket that leaves frees its slot.
    held[0]?.socket.destroy();
    await vi.waitFor(
      async () => {
        const again = await raw(server.port);
        again.socket.write('GET /not-there HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
        await waitClosed(again);
        expect(again.received()).toContain('404');
      },
      { timeout: 10_000, interval: 20 },
    );
  });

  it('exempts loopback from the per-address cap by default, but not from the total cap', async () => {
    const { server } = await start({ maxConnectionsPerAddress: 1, maxConnections: 3 });
    const held = [await raw(server.port), await raw(server.port), await raw(server.port)];
    expect(held.every((r) => !r.closed())).toBe(true);
    const over = await raw(server.port);
    await waitClosed(over);
    expect(over.received()).toContain('503');
    // An exempt socket that leaves frees its slot of the total too.
    held[0]?.socket.destroy();
    await vi.waitFor(
      async () => {
        const again = await raw(server.port);
        again.socket.write('GET /not-there HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
        await waitClosed(again);
        expect(again.received()).toContain('404');
      },
      { timeout: 10_000, interval: 20 },
    );
  });

  it('closes WebSockets beyond the unauthenticated cap with RATE_LIMITED; authenticated ones do not count', async () => {
    const { server } = await start({ maxUnauthenticatedConnections: 2 });
    const alice = await RawPeer.authenticated(server.url, 'alice');
    const idle = [await RawPeer.open(server.url), await RawPeer.open(server.url)];
    cleanups.push(() => alice.close(), ...idle.map((p) => () => p.close()));
    await vi.waitFor(() => expect(server.connections).toBe(3));
    const third = await RawPeer.open(server.url);
    cleanups.push(() => third.close());
    expect(await third.waitClosed()).toBe(closeCode(CloseReasons.CLOSE_REASON_RATE_LIMITED));
    // The Goodbye before the close says when to come back (the client waits that long).
    const goodbye = third.frames.find((f) => f.body === 'goodbye')?.goodbye;
    expect(goodbye?.reason).toBe(CloseReasons.CLOSE_REASON_RATE_LIMITED);
    expect(goodbye?.reconnectAfterMs).toBeGreaterThan(0);
    idle[0]?.close();
    await vi.waitFor(() => expect(server.connections).toBe(2));
    const bob = await RawPeer.authenticated(server.url, 'bob');
    cleanups.push(() => bob.close());
    expect(bob.closeCode).toBeUndefined();
  });

  it('counts a connection off the unauthenticated cap once: when it is ready, or when it closes before', async () => {
    const { server } = await start({ maxUnauthenticatedConnections: 1 });
    // Ready, then gone: counted off once (at ready), not again at its close.
    const alice = await RawPeer.authenticated(server.url, 'alice');
    alice.close();
    await vi.waitFor(() => expect(server.connections).toBe(0));
    // A login that fails closes the connection, which frees its place.
    const eve = await RawPeer.open(server.url);
    cleanups.push(() => eve.close());
    const key = await generateAuthKeyPair();
    await eve.request({
      hello: { protocolVersion: PROTOCOL_VERSION, userId: 'eve', deviceId: 1, authKey: key.publicKey },
    });
    expect((await eve.request({ auth: { signature: new Uint8Array(64), origin: eve.origin } })).error).toBeDefined();
    await eve.waitClosed();
    await vi.waitFor(() => expect(server.connections).toBe(0));
    const idle = await RawPeer.open(server.url);
    cleanups.push(() => idle.close());
    await vi.waitFor(() => expect(server.connections).toBe(1));
    const over = await RawPeer.open(server.url);
    cleanups.push(() => over.close());
    expect(await over.waitClosed()).toBe(closeCode(CloseReasons.CLOSE_REASON_RATE_LIMITED));
  });
});
