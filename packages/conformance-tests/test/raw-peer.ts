// A Parley client as an outside implementer would write it from docs/PROTOCOL.md: frames built and
// read as plain objects with the proto field names, through the .proto schema loaded at run time.
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import type protobuf from 'protobufjs';
import WebSocket from 'ws';

/** A decoded frame: proto field names, `body` naming the set oneof field, enums by name, uint64 as numbers. */
// biome-ignore lint/suspicious/noExplicitAny: frames are schema-driven plain objects, read by field name
export type Frame = Record<string, any>;

/** How a socket ended: the WebSocket close code and reason. */
export interface Closed {
  code: number;
  reason: string;
}

/** An Ed25519 auth key pair (§5.1): the public key as its 32 raw bytes. */
export interface AuthKey {
  publicKey: Uint8Array;
  privateKey: KeyObject;
}

/** A fresh Ed25519 key pair, with the 32-byte raw public key the spec puts in `Hello.auth_key`. */
export function newAuthKey(): AuthKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x as string;
  return { publicKey: new Uint8Array(Buffer.from(x, 'base64url')), privateKey };
}

/**
 * §5.1: "parley-auth-v2" || 0x00 || "device-login" || 0x00 || utf8(origin) || 0x00 || nonce ||
 * utf8(user_id) || 0x00 || uint32_be(device_id).
 */
export function challengePayload(nonce: Uint8Array, userId: string, deviceId: number, origin: string): Uint8Array {
  const text = (s: string) => new TextEncoder().encode(s);
  const parts = [text('parley-auth-v2'), [0], text('device-login'), [0], text(origin), [0], nonce, text(userId), [0]];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0) + 4);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  new DataView(out.buffer).setUint32(at, deviceId, false);
  return out;
}

/**
 * One WebSocket connection speaking ClientFrame / ServerFrame. Every frame received is kept in
 * arrival order; tests wait for the frame they expect (a condition), never for a time.
 */
export class RawPeer {
  /** Every ServerFrame received, in order. */
  readonly frames: Frame[] = [];
  private nextRequestId = 1;
  private waiters: Array<() => void> = [];
  private closedWith: Closed | undefined;
  private readonly clientFrame: protobuf.Type;
  private readonly serverFrame: protobuf.Type;

  private constructor(
    private readonly ws: WebSocket,
    root: protobuf.Root,
    /** §5.1: the origin a login is signed for, the host of the URL this socket opened. */
    readonly origin: string,
  ) {
    this.clientFrame = root.lookupType('parley.v1.ClientFrame');
    this.serverFrame = root.lookupType('parley.v1.ServerFrame');
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) {
        // §1: every frame is binary; a text message is recorded so a test sees the violation.
        this.frames.push({ body: 'text message' });
        this.wake();
        return;
      }
      const message = this.serverFrame.decode(new Uint8Array(data));
      this.frames.push(this.serverFrame.toObject(message, { longs: Number, enums: String, oneofs: true }));
      this.wake();
    });
    ws.on('close', (code: number, reason: Buffer) => {
      this.closedWith = { code, reason: reason.toString() };
      this.wake();
    });
  }

  /** Opens a binary WebSocket to `url` (§1: any path, no subprotocol). */
  static async open(url: string, root: protobuf.Root): Promise<RawPeer> {
    const ws = new WebSocket(url);
    ws.binaryType = 'nodebuffer';
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new RawPeer(ws, root, new URL(url).host);
  }

  /** Encodes and sends one ClientFrame given as a plain object with proto field names (enums by name). */
  send(frame: Frame): void {
    this.sendBytes(this.clientFrame.encode(this.clientFrame.fromObject(frame)).finish());
  }

  /** Sends raw bytes as one binary WebSocket message. */
  sendBytes(bytes: Uint8Array): void {
    this.ws.send(bytes, { binary: true });
  }

  /** Sends `body` as a request with a fresh non-zero request_id and waits for the frame answering it (§3). */
  async request(body: Frame): Promise<Frame> {
    const requestId = this.nextRequestId++;
    this.send({ request_id: requestId, ...body });
    return this.next((f) => f.request_id === requestId);
  }

  /** Waits until a frame received at or after index `from` matches; returns it. */
  async next(match: (frame: Frame) => boolean, from = 0): Promise<Frame> {
    for (;;) {
      const found = this.frames.slice(from).find(match);
      if (found) return found;
      if (this.closedWith) throw new Error(`closed (${this.closedWith.code}) before the expected frame arrived`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Waits until the socket is closed; returns the close code and reason. */
  async closed(): Promise<Closed> {
    while (!this.closedWith) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return this.closedWith;
  }

  /** Closes the socket from this side (1000) and waits for the close to complete. */
  async close(): Promise<void> {
    if (this.closedWith) return;
    this.ws.close(1000);
    await this.closed();
  }

  private wake(): void {
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}

/**
 * §4.2 and §5.3: hello, challenge, auth signed with the device's Ed25519 key, welcome. `origin`
 * (default: the host the peer connected to) is what the login is signed for.
 */
export async function authenticate(
  peer: RawPeer,
  device: { userId: string; deviceId: number; key: AuthKey },
  origin = peer.origin,
): Promise<Frame> {
  const challenge = await peer.request({
    hello: {
      protocol_version: 1,
      user_id: device.userId,
      device_id: device.deviceId,
      auth_key: device.key.publicKey,
      client_info: 'parley-conformance/1',
    },
  });
  if (challenge.body !== 'challenge') throw new Error(`hello answered with ${challenge.body}`);
  const payload = challengePayload(challenge.challenge.nonce, device.userId, device.deviceId, origin);
  const signature = new Uint8Array(sign(null, payload, device.key.privateKey));
  return peer.request({ auth: { signature, origin } });
}
