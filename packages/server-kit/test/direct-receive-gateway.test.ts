// The direct read path (gateway/frames/direct-receive.ts) through a real gateway: frames ws refuses
// are answered with ws's close codes when they follow frames read directly in the same TCP write,
// and a connection cut at any byte of a frame loses nothing and duplicates nothing.
import type { Socket } from 'node:net';
import { type AuthKeyPair, encodeClientFrame, newMessageId, pb } from '@parley/core';
import { textContent } from '@parley/test-utils/content';
import { RawPeer } from '@parley/test-utils/raw-peer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createServer, memoryStores, type ParleyServer, type ServerStores } from '../src/index.js';
import { delivered } from './helpers/killable-gateway.js';
import { Receiver, Sender, type WsReceiver } from './helpers/ws-internals.js';

const MAX_FRAME_BYTES = 4096;

let server: ParleyServer;
let stores: ServerStores;
const peers: RawPeer[] = [];
const track = <T extends RawPeer>(p: T) => {
  peers.push(p);
  return p;
};

beforeEach(async () => {
  stores = memoryStores();
  server = await createServer({ stores, limits: { maxFrameBytes: MAX_FRAME_BYTES } });
});

afterEach(async () => {
  for (const p of peers.splice(0)) p.close();
  await server.close();
  await stores.close();
});

/** The client's TCP socket, to write bytes no WebSocket client would. */
const socketOf = (peer: RawPeer) => (peer.ws as unknown as { _socket: Socket })._socket;

/** A masked client frame, as ws's client makes it. */
function clientFrame(payload: Uint8Array, opcode = 2, fin = true): Buffer {
  return Buffer.concat(Sender.frame(Buffer.from(payload), { fin, opcode, mask: true, readOnly: false, rsv1: false }));
}

/** `frame` with its first byte (FIN, RSV bits, opcode) replaced. */
const withFirstByte = (frame: Buffer, byte: number) => Buffer.concat([Buffer.from([byte]), frame.subarray(1)]);

const ping = (requestId: number) => clientFrame(encodeClientFrame({ requestId, ping: { nonce: requestId } }));

describe('frames read directly by a real gateway', () => {
  const hostile: Array<[string, () => Buffer, number]> = [
    [
      'an unmasked frame',
      () => Buffer.concat(Sender.frame(Buffer.from([1, 2, 3]), { fin: true, opcode: 2, mask: false, readOnly: false })),
      1002,
    ],
    ['a bad opcode', () => withFirstByte(clientFrame(new Uint8Array([1, 2, 3])), 0x83), 1002],
    ['RSV2 set', () => withFirstByte(clientFrame(new Uint8Array([1, 2, 3])), 0xa2), 1002],
    ['a 16-bit length over maxFrameBytes', () => clientFrame(new Uint8Array(MAX_FRAME_BYTES + 1)), 1009],
    ['a 64-bit length over maxFrameBytes', () => clientFrame(new Uint8Array(70_000)), 1009],
    ['a close frame with a 1-byte payload', () => clientFrame(new Uint8Array([3]), 8), 1002],
    ['a close frame with code 999', () => clientFrame(new Uint8Array([0x03, 0xe7]), 8), 1002],
    ['a final binary frame inside a fragmented message', () => clientFrame(new Uint8Array([1]), 2, false), 1002],
  ];

  for (const [name, bytes, code] of hostile) {
    it(`answers ${name} after frames it read itself as ws does (${code}), and only on that connection`, async () => {
      const bystander = track(await RawPeer.authenticated(server.url, 'grace'));
      const abuser = track(await RawPeer.authenticated(server.url, 'heidi'));
      const pongs = () => abuser.frames.filter((f) => f.body === 'pong').map((f) => f.requestId);
      socketOf(abuser).write(Buffer.concat([ping(1), ping(2)]));
      await vi.waitFor(() => expect(pongs()).toEqual([1, 2]));
      // A request read directly, then the hostile frame, then a frame after it: one TCP write. (The
      // answer to the request may be cut by the close, with ws's reader as without this one.)
      const tail = name.includes('fragmented') ? clientFrame(new Uint8Array([2])) : ping(4);
      socketOf(abuser).write(Buffer.concat([ping(3), bytes(), tail]));
      expect(await abuser.waitClosed()).toBe(code);
      expect(pongs()).not.toContain(4);
      expect((await bystander.request({ ping: { nonce: 7 } })).pong?.nonce).toBe(7);
    });
  }

  it("reads a ready connection's whole binary frames without ws's Receiver, control frames with it", async () => {
    const peer = track(await RawPeer.authenticated(server.url, 'judy'));
    let serverReads = 0;
    const proto = Receiver.prototype;
    const wsRead = proto._write;
    proto._write = function (this: WsReceiver, ...args: Parameters<WsReceiver['_write']>) {
      if (this._isServer) serverReads++;
      wsRead.apply(this, args);
    };
    try {
      socketOf(peer).write(Buffer.concat([ping(1), ping(2)]));
      await vi.waitFor(() => expect(peer.frames.filter((f) => f.body === 'pong')).toHaveLength(2));
      expect(serverReads).toBe(0);
      socketOf(peer).write(Buffer.concat([clientFrame(Buffer.from('hb'), 9), ping(3)]));
      await vi.waitFor(() => expect(peer.frames.filter((f) => f.body === 'pong')).toHaveLength(3));
      expect(serverReads).toBe(1);
    } finally {
      proto._write = wsRead;
    }
  });

  it('answers a WebSocket ping between requests of one write, and the requests in order', async () => {
    const peer = track(await RawPeer.authenticated(server.url, 'ivan'));
    const pongs: Buffer[] = [];
    peer.ws.on('pong', (data) => pongs.push(data));
    socketOf(peer).write(Buffer.concat([ping(1), clientFrame(Buffer.from('hb'), 9), ping(2), ping(3)]));
    await vi.waitFor(() => expect(peer.frames.filter((f) => f.body === 'pong')).toHaveLength(3));
    expect(peer.frames.filter((f) => f.body === 'pong').map((f) => f.requestId)).toEqual([1, 2, 3]);
    await vi.waitFor(() => expect(pongs.map(String)).toEqual(['hb']));
    expect(peer.closeCode).toBeUndefined();
  });

  it('a connection cut at any byte of a Send stores it at most once; the resend delivers it once', async () => {
    const bob = track(await RawPeer.authenticated(server.url, 'bob'));
    const first = track(await RawPeer.authenticated(server.url, 'alice'));
    const key: AuthKeyPair = first.key;
    first.close();
    const seen: string[] = [];
    // A Send with a 7-bit length and one with a 16-bit length (each header's every byte).
    for (const size of [10, 400]) {
      const sendBytes = (id: string) =>
        clientFrame(
          encodeClientFrame({
            requestId: 99,
            send: {
              messageId: id,
              userId: 'bob',
              shared: { type: pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT, data: textContent(id.padEnd(size, '.')) },
            },
          }),
        );
      const length = sendBytes(newMessageId()).length;
      const head = length - 6 < 126 ? 6 : 8;
      const cuts = [0, 1, 2, 3, head - 1, head, head + 1, Math.floor(length / 2), length - 1, length];
      for (const cut of cuts) {
        const id = newMessageId();
        seen.push(id);
        const alice = track(await RawPeer.authenticated(server.url, 'alice', 1, key));
        const socket = socketOf(alice);
        await new Promise<void>((resolve) => socket.write(sendBytes(id).subarray(0, cut), () => resolve()));
        socket.destroy(); // cut: no close frame
        await vi.waitFor(() => expect(alice.closeCode).toBeDefined());
        // The client's outbox sends it again, whole, on its next connection.
        const again = track(await RawPeer.authenticated(server.url, 'alice', 1, key));
        const answered = again.waitFor((f) => f.requestId === 99);
        socketOf(again).write(sendBytes(id));
        expect((await answered).body).toBe('sendAck');
        again.close();
      }
    }
    await vi.waitFor(() => expect(delivered(bob.frames).map((e) => e.messageId)).toEqual(seen));
    // Anything queued for bob has been sent by the time this is answered: no late duplicate.
    await bob.request({ ping: { nonce: 1 } });
    expect(delivered(bob.frames).map((e) => e.messageId)).toEqual(seen);
  });
});
