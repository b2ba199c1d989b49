import {
  type AuthKeyPair,
  authChallengePayload,
  type ClientFrameInit,
  decodeServerFrame,
  encodeClientFrame,
  generateAuthKeyPair,
  PROTOCOL_VERSION,
  type ServerFrame,
  serverOrigin,
  signWithAuthKey,
} from '@parley/core';
import { expect, vi } from 'vitest';
import WebSocket from 'ws';

/** A bare protocol peer for tests that must send what a well-behaved client never would. */
export class RawPeer {
  readonly frames: ServerFrame[] = [];
  closeCode: number | undefined;
  private nextRequestId = 1;

  private constructor(
    readonly ws: WebSocket,
    /** The origin a login over this socket is signed for (the host of the URL it opened). */
    readonly origin: string,
  ) {
    ws.binaryType = 'arraybuffer';
    ws.on('message', (data) =>
      this.frames.push(decodeServerFrame(new Uint8Array(data as ArrayBuffer), { maxFrameBytes: 4 << 20 })),
    );
    ws.on('close', (code) => {
      this.closeCode = code;
    });
    ws.on('error', () => {});
  }

  static async open(url: string): Promise<RawPeer> {
    const ws = new WebSocket(url);
    // Listening before the socket opens: a server that answers at once (a Goodbye right after the
    // upgrade) may have its frame read in the same turn as the open.
    const peer = new RawPeer(ws, serverOrigin(url));
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return peer;
  }

  /** Connects and authenticates as (userId, deviceId) with the given key (a new one by default). */
  static async authenticated(
    url: string,
    userId: string,
    deviceId = 1,
    key?: AuthKeyPair,
  ): Promise<RawPeer & { key: AuthKeyPair }> {
    const peer = await RawPeer.open(url);
    const k = key ?? (await generateAuthKeyPair());
    const challenge = await peer.request({
      hello: { protocolVersion: PROTOCOL_VERSION, userId, deviceId, authKey: k.publicKey },
    });
    const nonce = challenge.challenge?.nonce as Uint8Array;
    const signature = await signWithAuthKey(k.privateKey, authChallengePayload(nonce, userId, deviceId, peer.origin));
    const welcome = await peer.request({ auth: { signature, origin: peer.origin } });
    expect(welcome.body).toBe('welcome');
    return Object.assign(peer, { key: k });
  }

  send(frame: ClientFrameInit): void {
    this.ws.send(encodeClientFrame(frame, { maxFrameBytes: 8 << 20 }));
  }

  sendRaw(data: Uint8Array | string): void {
    this.ws.send(data);
  }

  /** Sends a request and waits for the frame answering it. */
  async request(body: Omit<ClientFrameInit, 'requestId'>): Promise<ServerFrame> {
    const requestId = this.nextRequestId++;
    this.send({ ...body, requestId });
    return this.waitFor((f) => f.requestId === requestId);
  }

  async waitFor(match: (f: ServerFrame) => boolean): Promise<ServerFrame> {
    let found: ServerFrame | undefined;
    await vi.waitFor(
      () => {
        found = this.frames.find(match);
        expect(found).toBeDefined();
      },
      { timeout: 20_000, interval: 5 },
    );
    return found as ServerFrame;
  }

  async waitClosed(): Promise<number> {
    await vi.waitFor(() => expect(this.closeCode).toBeDefined(), { timeout: 20_000, interval: 5 });
    return this.closeCode as number;
  }

  close(): void {
    this.ws.terminate();
  }
}
