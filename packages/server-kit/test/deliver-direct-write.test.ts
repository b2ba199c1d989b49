// Deliver frames written straight to the socket (issue 15 aim 4, gateway/ws-direct-write.ts): the
// peer reads them as `ws` frames, in order among the frames `ws.send` writes, and they count in
// `bufferedAmount` (maxBufferedBytes) like every other frame.
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { decodeServerFrame, encodeServerFrame } from '@parley/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { DEFAULT_LIMITS, type ServerLimits } from '../src/contracts/limits.js';
import { TimeBase } from '../src/contracts/time-base.js';
import { systemTimer } from '../src/contracts/timer.js';
import { CloseReasons, Connection, closeCode } from '../src/gateway/connection.js';
import { encodeEnvelope } from '../src/messages/envelope.js';

/** A server-side socket and its client, connected over loopback. */
async function socketPair() {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const accepted = new Promise<WebSocket>((resolve) => wss.once('connection', (ws) => resolve(ws)));
  const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
  const received: Uint8Array[] = [];
  let closedWith: number | undefined;
  client.on('message', (data) => received.push(new Uint8Array(data as Buffer)));
  client.on('close', (code) => {
    closedWith = code;
  });
  await new Promise<void>((resolve) => client.once('open', () => resolve()));
  const server = await accepted;
  return {
    server,
    client,
    received,
    closedWith: () => closedWith,
    close: async () => {
      client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** The chunks written to `ws`'s socket from now on (they still go to the socket). */
function recordWrites(ws: WebSocket): unknown[] {
  const socket = (ws as unknown as { _socket: Duplex })._socket;
  const written: unknown[] = [];
  const write = socket.write.bind(socket);
  vi.spyOn(socket, 'write').mockImplementation(((chunk: Buffer, ...rest: never[]) => {
    written.push(chunk);
    return write(chunk, ...rest);
  }) as typeof socket.write);
  return written;
}

const connectionOf = (ws: WebSocket, limits: Partial<ServerLimits> = {}) =>
  new Connection(
    'c1',
    ws,
    { limits: { ...DEFAULT_LIMITS, ...limits }, setTimer: systemTimer, times: new TimeBase() },
    0,
  );

/** What the peer read: a pong's nonce, or a Deliver frame's envelopes as `id:seq:shared bytes`. */
const described = (bytes: Uint8Array) => {
  const frame = decodeServerFrame(bytes);
  if (frame.pong) return `pong ${frame.pong.nonce}`;
  return (frame.deliver?.envelopes ?? [])
    .map((e) => `${e.id}:${Number(e.seq)}:${e.message?.data?.byteLength ?? 0}`)
    .join(' ');
};

describe('Deliver frames written straight to the socket', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    vi.restoreAllMocks();
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  // A group message's shared part, long enough to be written by reference.
  const shared = encodeEnvelope({ messageId: 'm', groupId: 'g', message: { type: 4, data: new Uint8Array(1500) } });

  it('writes the shared part itself, not through ws.send, in order with the frames ws.send writes', async () => {
    const pair = await socketPair();
    cleanups.push(pair.close);
    const written = recordWrites(pair.server);
    const wsSend = vi.spyOn(pair.server, 'send');
    const connection = connectionOf(pair.server);

    // One tick: a pong, a group member's frame, a 1:1 frame of two entries, a pong ws.send writes;
    // then a 64 KB+ frame and a pong. (Every frame of a Connection goes straight to the socket.)
    connection.send({ pong: { nonce: 1 } });
    connection.sendDeliver([{ data: encodeEnvelope({ id: 'q1' }), seq: 300, shared }]);
    connection.sendDeliver([
      { data: encodeEnvelope({ id: 'd1', message: { type: 1, data: new Uint8Array(10) } }), seq: 301 },
      { data: encodeEnvelope({ id: 'd2' }), seq: 302, shared },
    ]);
    pair.server.send(encodeServerFrame({ pong: { nonce: 2 } }));
    await new Promise<void>((resolve) => setImmediate(resolve));
    const huge = encodeEnvelope({ messageId: 'm2', message: { type: 4, data: new Uint8Array(70_000) } });
    connection.sendDeliver([{ data: encodeEnvelope({ id: 'q2' }), seq: 303, shared: huge }]);
    connection.send({ pong: { nonce: 3 } });

    await vi.waitFor(() => expect(pair.received).toHaveLength(6));
    expect(pair.received.map(described)).toEqual([
      'pong 1',
      'q1:300:1500',
      'd1:301:10 d2:302:1500',
      'pong 2',
      'q2:303:70000',
      'pong 3',
    ]);
    expect(wsSend).toHaveBeenCalledTimes(1); // the test's own
    expect(written.filter((c) => c === shared)).toHaveLength(1); // the two-entry frame's, by reference
  });

  it('writes every frame a Connection sends in one buffer, each length class read back by ws as sent', async () => {
    const pair = await socketPair();
    cleanups.push(pair.close);
    const written = recordWrites(pair.server);
    const wsSend = vi.spyOn(pair.server, 'send');
    const connection = connectionOf(pair.server);
    // 7-bit, 16-bit and 64-bit lengths, at each edge; bytes that differ by position.
    const lengths = [0, 1, 125, 126, 127, 65_535, 65_536, 70_001];
    const payloads = lengths.map((n) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + n) & 0xff));
    for (const payload of payloads.slice(0, 4)) expect(connection.sendBytes(payload)).toBe(true);
    await new Promise<void>((resolve) => setImmediate(resolve));
    for (const payload of payloads.slice(4)) expect(connection.sendBytes(payload)).toBe(true);
    await vi.waitFor(() => expect(pair.received).toHaveLength(lengths.length));
    expect(pair.received.map((b) => Buffer.from(b).toString('hex'))).toEqual(
      payloads.map((b) => Buffer.from(b).toString('hex')),
    );
    expect(wsSend).not.toHaveBeenCalled();
    expect((written as Buffer[]).map((b, i) => b.length - (lengths[i] as number))).toEqual([2, 2, 2, 4, 4, 4, 10, 10]);
  });

  it('counts the bytes written in bufferedAmount: a peer that does not keep up is cut off (backpressure)', async () => {
    const pair = await socketPair();
    cleanups.push(pair.close);
    const connection = connectionOf(pair.server, { maxBufferedBytes: 4000 });
    // Within one tick the socket is corked: every frame waits in its buffer, as for a slow reader.
    expect(connection.sendDeliver([{ data: encodeEnvelope({ id: 'q1' }), seq: 1, shared }])).toBe(true);
    expect(pair.server.bufferedAmount).toBeGreaterThan(1500);
    expect(connection.sendDeliver([{ data: encodeEnvelope({ id: 'q2' }), seq: 2, shared }])).toBe(true);
    // A frame written in one buffer (sendBytes) counts the same way.
    expect(connection.sendBytes(new Uint8Array(500))).toBe(true);
    expect(pair.server.bufferedAmount).toBeGreaterThan(3500);
    expect(connection.sendDeliver([{ data: encodeEnvelope({ id: 'q3' }), seq: 3, shared }])).toBe(false);
    expect(connection.isOpen).toBe(false);
    // Nothing after the cut: the peer reads the two frames, then Goodbye and the close.
    await vi.waitFor(() => expect(pair.closedWith()).toBe(closeCode(CloseReasons.CLOSE_REASON_BACKPRESSURE)));
    expect(pair.received.slice(0, 2).map(described)).toEqual(['q1:1:1500', 'q2:2:1500']);
    expect(pair.received[2]).toEqual(new Uint8Array(500));
    expect(pair.received.slice(3).map((b) => decodeServerFrame(b).goodbye?.reason)).toEqual([
      CloseReasons.CLOSE_REASON_BACKPRESSURE,
    ]);
  });

  it('leaves a dead socket to ws (a member whose socket closes mid-fan-out): no error escapes, then nothing is sent', async () => {
    const pair = await socketPair();
    cleanups.push(pair.close);
    const connection = connectionOf(pair.server);
    const socket = (pair.server as unknown as { _socket: Duplex })._socket;
    const write = vi.spyOn(socket, 'write');
    socket.destroy(); // the socket died; ws has not said so yet
    const two = [
      { data: encodeEnvelope({ id: 'q1' }), seq: 1, shared },
      { data: encodeEnvelope({ id: 'q2' }), seq: 2, shared },
    ];
    expect(() => connection.sendDeliver(two)).not.toThrow();
    expect(write.mock.calls.some(([c]) => c === shared)).toBe(false); // not written straight to it
    await vi.waitFor(() => expect(connection.isOpen).toBe(false));
    expect(connection.sendDeliver([{ data: encodeEnvelope({ id: 'q2' }), seq: 2, shared }])).toBe(false);
  });
});
