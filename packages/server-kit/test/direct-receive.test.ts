import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { receiveFramesDirectly } from '../src/gateway/frames/direct-receive.js';
import { Receiver, Sender, type WsReceiver } from './helpers/ws-internals.js';

// The direct read path against ws's own Receiver: the same byte stream, cut at random places, must
// give the same events (messages, pings, pongs, the close, errors with their close codes) in the
// same order, whatever mix of frames it holds.

const MAX_PAYLOAD = 70_000;

/** A small seeded generator: a failing case is found again from its seed. */
function random(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

type Rand = ReturnType<typeof random>;

const symbolOf = (target: object, description: string) =>
  Object.getOwnPropertySymbols(target).find((s) => s.description === description) as symbol;

/** A masked frame as a ws client sends it; `zeroMask` makes the all-zero mask (payload sent as is). */
function frame(data: Buffer, opcode: number, fin: boolean, rand: Rand, zeroMask = false): Buffer {
  const parts = Sender.frame(Buffer.from(data), {
    fin,
    opcode,
    mask: true,
    readOnly: false,
    rsv1: false,
    generateMask: (mask: Buffer) => {
      for (let i = 0; i < 4; i++) mask[i] = zeroMask ? 0 : rand(256);
    },
  });
  return Buffer.concat(parts);
}

function bytes(rand: Rand, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = rand(256);
  return out;
}

/** Every payload length class: empty, 7-bit, 16-bit (both ends), 64-bit (below the size limit). */
function payloadLength(rand: Rand): number {
  switch (rand(8)) {
    case 0:
      return 0;
    case 1:
      return 125 + rand(3); // 125, 126, 127: each side of the 7-bit limit
    case 2:
      return 65_535 + rand(2);
    case 3:
      return 65_536 + rand(MAX_PAYLOAD - 65_536);
    case 4:
      return 126 + rand(2000);
    default:
      return 1 + rand(124);
  }
}

/** Frames a well-behaved client may send, in a random order. */
function validStream(rand: Rand): Buffer[] {
  const frames: Buffer[] = [];
  const count = 1 + rand(12);
  for (let i = 0; i < count; i++) {
    const zero = rand(10) === 0;
    const kind = rand(10);
    if (kind < 5) {
      frames.push(frame(bytes(rand, payloadLength(rand)), 2, true, rand, zero));
    } else if (kind === 5) {
      frames.push(frame(Buffer.from(`text ${rand(1000)} é`), 1, true, rand, zero));
    } else if (kind === 6) {
      frames.push(frame(bytes(rand, rand(126)), 9, true, rand)); // ping
    } else if (kind === 7) {
      frames.push(frame(bytes(rand, rand(126)), 10, true, rand)); // pong
    } else {
      // A fragmented message (binary or text), control frames between its fragments.
      const opcode = rand(2) === 0 ? 2 : 1;
      const fragments = 2 + rand(3);
      for (let f = 0; f < fragments; f++) {
        const data = opcode === 2 ? bytes(rand, payloadLength(rand) % 3000) : Buffer.from(`part ${f}`);
        frames.push(frame(data, f === 0 ? opcode : 0, f === fragments - 1, rand, zero));
        if (rand(3) === 0) frames.push(frame(bytes(rand, rand(20)), 9 + rand(2), true, rand));
      }
    }
  }
  return frames;
}

/** Frames ws refuses, each with its close code (an abusive client). */
function hostileFrame(rand: Rand): Buffer {
  const data = bytes(rand, 1 + rand(200));
  switch (rand(12)) {
    case 0: {
      const unmasked = Buffer.concat(Sender.frame(data, { fin: true, opcode: 2, mask: false, readOnly: false }));
      return unmasked; // 1002 MASK must be set
    }
    case 1: {
      const f = frame(data, 2, true, rand);
      f[0] = 0x83; // opcode 3: 1002
      return f;
    }
    case 2: {
      const f = frame(data, 2, true, rand);
      f[0] = (f[0] as number) | 0x20; // RSV2: 1002
      return f;
    }
    case 3: {
      const f = frame(data, 2, true, rand);
      f[0] = (f[0] as number) | 0x40; // RSV1 without compression: 1002
      return f;
    }
    case 4:
      return frame(bytes(rand, MAX_PAYLOAD + 1 + rand(10)), 2, true, rand); // 1009, 64-bit length
    case 5: {
      // A 16-bit length over a lower limit: see the receiver made with maxPayload 1000 below.
      return frame(bytes(rand, 1001 + rand(2000)), 2, true, rand);
    }
    case 6:
      return frame(Buffer.from([3]), 8, true, rand); // a 1-byte close payload: 1002
    case 7:
      return frame(Buffer.from([0x03, 0xe7]), 8, true, rand); // close code 999: 1002
    case 8:
      return frame(data, 0, true, rand); // a continuation with no message: 1002
    case 9:
      return frame(Buffer.from([0xc3, 0x28]), 1, true, rand); // invalid UTF-8: 1007
    case 10: {
      const f = frame(data, 2, false, rand);
      return Buffer.concat([f, frame(data, 2, true, rand)]); // a new message inside a fragmented one
    }
    default:
      return frame(Buffer.from([0x03, 0xe8, 0x62, 0x79, 0x65]), 8, true, rand); // a proper close (1000)
  }
}

/** A Receiver as ws's server makes it, recording what it (and its socket) report. */
function receiverOf(maxPayload: number, direct: boolean) {
  const receiver = new Receiver({ isServer: true, maxPayload, binaryType: 'nodebuffer' });
  const events: string[] = [];
  let direct_ = 0;
  const socket = Object.assign(new EventEmitter(), { readyState: 1, _receiver: receiver });
  (receiver as unknown as Record<symbol, unknown>)[symbolOf(receiver, 'websocket')] = socket;
  socket.on('message', (data: Buffer, isBinary: boolean) => events.push(`message ${isBinary} ${data.toString('hex')}`));
  // ws's receiverOnMessage: the Receiver's messages, re-emitted on the socket.
  receiver.on('message', (data: Buffer, isBinary: boolean) => {
    direct_--;
    socket.emit('message', data, isBinary);
  });
  socket.on('message', () => direct_++);
  receiver.on('ping', (data: Buffer) => events.push(`ping ${data.toString('hex')}`));
  receiver.on('pong', (data: Buffer) => events.push(`pong ${data.toString('hex')}`));
  // As ws does on a close frame or an error: the socket stops reading, the WebSocket is CLOSING.
  receiver.on('conclude', (code: number, reason: Buffer) => {
    events.push(`close ${code} ${reason.toString()}`);
    socket.readyState = 2;
  });
  receiver.on('error', (error: Error & { code?: string }) => {
    const code = (error as unknown as Record<symbol, unknown>)[symbolOf(error, 'status-code')];
    events.push(`error ${error.code} ${code ?? ''}`);
    socket.readyState = 2;
  });
  let wsWrites = 0;
  const wsWrite = receiver._write.bind(receiver);
  receiver._write = (...[chunk, encoding, callback]: Parameters<WsReceiver['_write']>) => {
    wsWrites++;
    wsWrite(chunk, encoding, callback);
  };
  if (direct) expect(receiveFramesDirectly(socket as never)).toBe(true);
  return {
    events,
    /** Chunks (or their tails) that ws's Receiver parsed. */
    wsWrites: () => wsWrites,
    /** Messages that did not go through ws's Receiver. */
    direct: () => direct_,
    write: (chunk: Buffer) => {
      if (socket.readyState === 1) receiver.write(chunk);
    },
    end: () => receiver.end(),
  };
}

/** Cuts `frames` at random places: single bytes, frame-sized pieces, whole frames (as TCP mostly reads them), the whole of it. */
function split(frames: Buffer[], rand: Rand): Buffer[] {
  const pieces: Buffer[] = [];
  const style = rand(6);
  if (style >= 4) {
    for (let i = 0; i < frames.length; ) {
      const take = 1 + rand(3);
      pieces.push(Buffer.concat(frames.slice(i, i + take)));
      i += take;
    }
    return pieces;
  }
  const stream = Buffer.concat(frames);
  let at = 0;
  while (at < stream.length) {
    const size = style === 0 ? stream.length : style === 1 ? 1 + rand(8) : 1 + rand(style === 2 ? 300 : 70_000);
    pieces.push(Buffer.from(stream.subarray(at, at + size)));
    at += size;
  }
  return pieces;
}

describe('frames read directly', () => {
  it('gives the events ws gives, for any mix of frames cut anywhere (500 random streams)', async () => {
    let directTotal = 0;
    for (let seed = 1; seed <= 500; seed++) {
      const rand = random(seed);
      const frames = validStream(rand);
      // One stream in three ends with a frame ws refuses or a close, followed by more frames.
      if (rand(3) === 0) frames.push(hostileFrame(rand), ...validStream(rand));
      const maxPayload = rand(4) === 0 ? 1000 : MAX_PAYLOAD;
      const reference = receiverOf(maxPayload, false);
      const direct = receiverOf(maxPayload, true);
      // The same cuts for both; each gets its own copy (both unmask in place).
      for (const piece of split(frames, rand)) {
        reference.write(Buffer.from(piece));
        direct.write(Buffer.from(piece));
      }
      // Errors are emitted on a later tick.
      await new Promise<void>((resolve) => setImmediate(resolve));
      expect(direct.events, `seed ${seed}`).toEqual(reference.events);
      expect(reference.direct()).toBe(0);
      directTotal += direct.direct();
    }
    // The direct path did take frames (not only handed everything to ws).
    expect(directTotal).toBeGreaterThan(100);
  });

  it('takes every frame of a chunk of whole binary frames itself, and leaves a partial tail to ws', async () => {
    const rand = random(7);
    const direct = receiverOf(MAX_PAYLOAD, true);
    const frames = [1, 125, 126, 1000, 65_535].map((n) => frame(bytes(rand, n), 2, true, rand));
    const whole = Buffer.concat(frames.slice(0, 4));
    direct.write(whole);
    expect(direct.direct()).toBe(4);
    expect(direct.wsWrites()).toBe(0);
    direct.write(Buffer.concat([frames[1] as Buffer, (frames[4] as Buffer).subarray(0, 10)]));
    expect(direct.direct()).toBe(5);
    expect(direct.wsWrites()).toBe(1); // the partial frame went to ws, which holds it
    direct.write((frames[4] as Buffer).subarray(10));
    expect(direct.direct()).toBe(5); // ws finished it
    expect(direct.events).toHaveLength(6);
  });

  it('leaves a chunk to ws while ws holds part of a frame, a fragmented message, or an error', async () => {
    // ws holds the first header byte of a 2-byte frame whose second byte (masked, length 2) reads
    // as the first byte of a frame of its own.
    const held = receiverOf(MAX_PAYLOAD, true);
    const reference = receiverOf(MAX_PAYLOAD, false);
    const twoBytes = Buffer.from([0x82, 0x82, 0x81, 1, 2, 3, 7, 9]);
    for (const r of [held, reference]) {
      r.write(twoBytes.subarray(0, 1));
      r.write(Buffer.from(twoBytes.subarray(1)));
    }
    expect(held.events).toEqual(reference.events);
    expect(held.events).toEqual([`message true ${Buffer.from([7 ^ 0x81, 9 ^ 1]).toString('hex')}`]);

    // ws has read a frame's header, its mask and payload are next: a mask that reads as a header is not one.
    const midFrame = [receiverOf(MAX_PAYLOAD, true), receiverOf(MAX_PAYLOAD, false)];
    const after = Buffer.from([0x82, 0x81, 0, 0, 0, 0, 5]);
    for (const r of midFrame) {
      r.write(Buffer.from([0x82, 0x81]));
      r.write(Buffer.concat([Buffer.from([0x82, 0x81, 0, 0, 0x0f]), after]));
    }
    expect(midFrame[0]?.events).toEqual(midFrame[1]?.events);
    expect(midFrame[0]?.events).toEqual(['message true 8d', 'message true 05']);

    // A final binary frame inside a fragmented message is refused (1002), whichever chunk it is in.
    const rand = random(3);
    const first = frame(Buffer.from([1, 2, 3]), 2, false, rand);
    const second = frame(Buffer.from([4, 5, 6]), 2, true, rand);
    const fragmented = [receiverOf(MAX_PAYLOAD, true), receiverOf(MAX_PAYLOAD, false)];
    for (const r of fragmented) {
      r.write(Buffer.from(first));
      r.write(Buffer.from(second));
    }
    // After an error (here an unmasked frame with a bad opcode, read in one chunk) nothing more is read.
    const errored = [receiverOf(MAX_PAYLOAD, true), receiverOf(MAX_PAYLOAD, false)];
    for (const r of errored) {
      r.write(Buffer.from([0x83, 0x00]));
      r.write(Buffer.from(second));
    }
    // Written to after the socket closed (ws ends its Receiver): ws's error, no message.
    const ended = [receiverOf(MAX_PAYLOAD, true), receiverOf(MAX_PAYLOAD, false)];
    for (const r of ended) {
      r.end();
      r.write(Buffer.from(second));
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(ended[0]?.events).toEqual(ended[1]?.events);
    expect(ended[0]?.events).toEqual(['error ERR_STREAM_WRITE_AFTER_END ']);
    expect(fragmented[0]?.events).toEqual(fragmented[1]?.events);
    expect(fragmented[0]?.events).toEqual(['error WS_ERR_INVALID_OPCODE 1002']);
    expect(errored[0]?.events).toEqual(errored[1]?.events);
    expect(errored[0]?.events).toEqual(['error WS_ERR_INVALID_OPCODE 1002']);
  });

  it('is not installed on a socket it does not know (a test double, compression)', () => {
    expect(receiveFramesDirectly(new EventEmitter() as never)).toBe(false);
    const receiver = new Receiver({ isServer: true, extensions: { 'permessage-deflate': {} } });
    const socket = Object.assign(new EventEmitter(), { readyState: 1, _receiver: receiver });
    (receiver as unknown as Record<symbol, unknown>)[symbolOf(receiver, 'websocket')] = socket;
    expect(receiveFramesDirectly(socket as never)).toBe(false);
    const client = new Receiver({ isServer: false });
    const clientSocket = { readyState: 1, _receiver: client };
    (client as unknown as Record<symbol, unknown>)[symbolOf(client, 'websocket')] = clientSocket;
    expect(receiveFramesDirectly(clientSocket as never)).toBe(false);
  });
});
