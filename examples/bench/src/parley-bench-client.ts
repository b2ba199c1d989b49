// A lean Parley protocol client for load generation: one WebSocket per device, the handshake,
// Send with a shared payload, and DeliverAck per Deliver frame. Nothing else of @parley/client
// (no outbox, inbox store, retries or encryption), so one process can drive 1,000 devices.
import {
  type AuthKeyPair,
  authChallengePayload,
  type ClientFrameInit,
  decodeServerFrame,
  encodeClientFrame,
  generateAuthKeyPair,
  newMessageId,
  PROTOCOL_VERSION,
  signWithAuthKey,
} from '@parley/core';
import WebSocket from 'ws';
import type { LoadTarget, TargetCounters } from './load.js';
import type { Tracker } from './tracker.js';

/** PARLEY_BENCH_RECEIPTS=off sends with no_receipts, to measure the message path without delivered receipts. */
const NO_RECEIPTS = process.env.PARLEY_BENCH_RECEIPTS === 'off';

const DEVICE_ID = 1;
const PLAINTEXT = 1; // parley.v1.PayloadType.PAYLOAD_TYPE_PLAINTEXT: opaque to the server

export interface ParleyIdentity {
  userId: string;
  keys: AuthKeyPair;
}

/** One auth key per bench user; reusable across servers (each run registers them afresh). */
export async function makeIdentities(count: number): Promise<ParleyIdentity[]> {
  const out: ParleyIdentity[] = [];
  for (let i = 0; i < count; i++) out.push({ userId: `bench-${i}`, keys: await generateAuthKeyPair() });
  return out;
}

class BenchDevice {
  private ws: WebSocket | undefined;
  private nextRequestId = 1;
  ready = false;

  constructor(
    private readonly pool: ParleyPool,
    readonly identity: ParleyIdentity,
  ) {}

  connect(url: string, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false, skipUTF8Validation: true });
      this.ws = ws;
      let settled = false;
      const settle = (error?: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) {
          ws.terminate();
          reject(error);
        } else resolve();
      };
      const timer = setTimeout(() => settle(new Error(`${this.identity.userId}: handshake timed out`)), timeoutMs);
      ws.on('open', () => {
        const { userId, keys } = this.identity;
        this.write({
          requestId: this.nextRequestId++,
          hello: { protocolVersion: PROTOCOL_VERSION, userId, deviceId: DEVICE_ID, authKey: keys.publicKey },
        });
      });
      ws.on('message', (data: Buffer) => {
        try {
          this.onFrame(data, settle);
        } catch (error) {
          this.pool.counters.errors++;
          this.pool.noteError(`client: ${String(error)}`);
        }
      });
      ws.on('close', (code, reason) => {
        if (this.ready) {
          this.ready = false;
          if (!this.pool.closing) {
            this.pool.counters.disconnects++;
            this.pool.noteError(`closed ${code} ${reason.toString()}`);
          }
        }
        settle(new Error(`${this.identity.userId}: closed during handshake (${code} ${reason.toString()})`));
      });
      ws.on('error', (error) => settle(error));
    });
  }

  send(to: string, data: Uint8Array): void {
    if (!this.ready) {
      this.pool.counters.errors++;
      this.pool.noteError('send on a closed connection');
      return;
    }
    this.write({
      requestId: this.nextRequestId++,
      send: {
        messageId: newMessageId(),
        userId: to,
        shared: { type: PLAINTEXT, data },
        ...(NO_RECEIPTS ? { noReceipts: true } : {}),
      },
    });
    this.pool.counters.sent++;
  }

  ping(): void {
    if (this.ready) this.write({ requestId: this.nextRequestId++, ping: { nonce: Date.now() } });
  }

  close(): void {
    this.ready = false;
    this.ws?.close(1000);
  }

  terminate(): void {
    this.ws?.terminate();
  }

  private write(frame: ClientFrameInit): void {
    this.ws?.send(encodeClientFrame(frame), { binary: true });
  }

  private onFrame(data: Buffer, settle: (error?: Error) => void): void {
    const frame = decodeServerFrame(data);
    switch (frame.body) {
      case 'deliver': {
        const envelopes = frame.deliver?.envelopes ?? [];
        const ids: string[] = [];
        for (const envelope of envelopes) {
          const payload = envelope.message?.data;
          if (payload) this.pool.tracker.receive(payload);
          if (envelope.id) ids.push(envelope.id);
        }
        // Acknowledge the whole batch at once: the entries leave the server's queue.
        if (ids.length > 0) this.write({ requestId: 0, deliverAck: { ids } });
        return;
      }
      case 'sendAck':
        this.pool.counters.acked++;
        return;
      case 'challenge': {
        const nonce = frame.challenge?.nonce;
        if (!nonce) {
          settle(new Error('challenge without nonce'));
          return;
        }
        const { userId, keys } = this.identity;
        void signWithAuthKey(keys.privateKey, authChallengePayload(nonce, userId, DEVICE_ID)).then(
          (signature) => this.write({ requestId: this.nextRequestId++, auth: { signature } }),
          (error: unknown) => settle(new Error(`signing failed: ${String(error)}`)),
        );
        return;
      }
      case 'welcome':
        this.ready = true;
        settle();
        return;
      case 'error': {
        this.pool.counters.errors++;
        const e = frame.error;
        this.pool.noteError(`error ${e?.code ?? '?'}: ${e?.message ?? ''}`);
        if (!this.ready) settle(new Error(`${this.identity.userId}: handshake refused: ${e?.message ?? ''}`));
        return;
      }
      case 'ping':
        this.write({ requestId: 0, pong: { nonce: frame.ping?.nonce ?? 0 } });
        return;
      default:
        return; // pong, syncComplete, goodbye (followed by close)
    }
  }
}

/** 1..N Parley devices (one per user) on one gateway, driven by the open-loop scheduler. */
export class ParleyPool implements LoadTarget {
  readonly counters: TargetCounters = { sent: 0, acked: 0, errors: 0, disconnects: 0 };
  readonly errorSamples = new Map<string, number>();
  closing = false;
  private readonly devices: BenchDevice[];
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private readonly payload: Uint8Array;

  constructor(
    identities: ParleyIdentity[],
    readonly tracker: Tracker,
  ) {
    this.devices = identities.map((identity) => new BenchDevice(this, identity));
    this.payload = new Uint8Array(tracker.size);
  }

  get clients(): number {
    return this.devices.length;
  }

  /** Connects and authenticates every device, `concurrency` handshakes at a time. */
  async connect(url: string, { concurrency = 50, timeoutMs = 60_000 } = {}): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let next = 0;
    const worker = async () => {
      while (next < this.devices.length) {
        const device = this.devices[next++] as BenchDevice;
        await device.connect(url, Math.max(1, deadline - Date.now()));
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, this.devices.length) }, worker));
    // Clients must send something every heartbeat interval (20 s by default).
    this.heartbeat = setInterval(() => {
      for (const d of this.devices) d.ping();
    }, 10_000);
  }

  send(from: number, to: number, seq: number): void {
    const sender = this.devices[from] as BenchDevice;
    const recipient = this.devices[to] as BenchDevice;
    this.tracker.write(this.payload, 0, seq); // encodeClientFrame copies it into the frame
    sender.send(recipient.identity.userId, this.payload);
  }

  noteError(text: string): void {
    if (this.errorSamples.size < 20 || this.errorSamples.has(text)) {
      this.errorSamples.set(text, (this.errorSamples.get(text) ?? 0) + 1);
    }
  }

  /** Closes every connection; waits (bounded) for the closing handshakes. */
  async close(timeoutMs = 3_000): Promise<void> {
    this.closing = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const d of this.devices) d.close();
    await new Promise((r) => setTimeout(r, Math.min(timeoutMs, 500)));
    for (const d of this.devices) d.terminate();
  }
}
