// A lean Parley protocol client for load generation: one WebSocket per device, the handshake
// (optionally publishing placeholder keys, which group fan-out requires), any Send, and DeliverAck
// per Deliver frame. Nothing else of @parley/client (no outbox, inbox store, retries or
// encryption), so one process can drive 1,000 devices.
import {
  type AuthKeyPair,
  authChallengePayload,
  type ClientFrameInit,
  decodeServerFrame,
  encodeClientFrame,
  generateAuthKeyPair,
  newMessageId,
  PROTOCOL_VERSION,
  type parley,
  serverOrigin,
  signWithAuthKey,
} from '@parley/core';
import WebSocket from 'ws';
import { type LoadTarget, noteSample, type TargetCounters } from './load.js';
import type { PayloadTracker } from './payload.js';

/** PARLEY_BENCH_RECEIPTS=off sends with no_receipts, to measure the message path without delivered receipts. */
const NO_RECEIPTS = process.env.PARLEY_BENCH_RECEIPTS === 'off';
/**
 * Sends ask for the delivered receipt in the SendAck (`ack_delivered`), as the JS client does;
 * PARLEY_BENCH_ACK_DELIVERED=off sends without, as clients before it did (every receipt queued).
 */
export const ACK_DELIVERED = process.env.PARLEY_BENCH_ACK_DELIVERED !== 'off';

const DEVICE_ID = 1;
const PLAINTEXT = 1; // parley.v1.PayloadType.PAYLOAD_TYPE_PLAINTEXT: opaque to the server

/** Clients must send something every heartbeat interval (20 s by default); idle devices ping after this. */
const PING_AFTER_MS = 10_000;

export interface ParleyIdentity {
  userId: string;
  keys: AuthKeyPair;
}

/** One auth key per bench user; reusable across servers (each run registers them afresh). */
export async function makeIdentities(count: number, prefix = 'bench-'): Promise<ParleyIdentity[]> {
  const out: ParleyIdentity[] = [];
  for (let i = 0; i < count; i++) out.push({ userId: `${prefix}${i}`, keys: await generateAuthKeyPair() });
  return out;
}

/** What a device reports to the pool that drives it. */
export interface DeviceOwner {
  readonly counters: TargetCounters;
  /** True while the owner closes connections on purpose (closes are not counted as disconnects). */
  readonly closing: boolean;
  noteError(text: string): void;
  /** One delivered envelope; the Deliver frame's envelopes are acknowledged after all were seen. */
  onEnvelope(device: BenchDevice, envelope: parley.v1.Envelope.$Properties): void;
  /** A SendAck for one of this device's sends. */
  onSendAck?(device: BenchDevice, ack: parley.v1.SendAck.$Properties): void;
  /** The server refused message `seq` with OVERLOADED (load shedding); the bench does not resend it. */
  onRefused?(seq: number): void;
  /**
   * True: a Send refused with OVERLOADED is written again after the server's `retry_after_ms`, as
   * the client SDK's outbox does (the fan-out bench, whose every copy must arrive); counted in
   * `counters.refused`, and in `counters.sent` once.
   */
  readonly resendRefused?: boolean;
}

/** parley.v1.ErrorCode.ERROR_CODE_OVERLOADED */
const OVERLOADED = 28;
/** parley.v1.ReceiptStatus.RECEIPT_STATUS_DELIVERED */
const DELIVERED = 2;

/** Signal keys are opaque to the server: random bytes of the right sizes are enough to publish. */
function placeholderKeys(registrationId: number): parley.v1.KeysUpload.$Properties {
  const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));
  return {
    registrationId,
    identityKey: random(33),
    signedPrekey: { keyId: 1, publicKey: random(33), signature: random(64) },
  };
}

/** One device of one user on one WebSocket. */
export class BenchDevice {
  private ws: WebSocket | undefined;
  /** The origin logins are signed for: the host of the URL of the last connect. */
  private origin = '';
  private nextRequestId = 1;
  /** Tracked sends waiting for their answer: request id -> message seq. */
  private readonly pending = new Map<number, number>();
  /** With `owner.resendRefused`: sends waiting for their answer, by request id. */
  private readonly unanswered = new Map<number, parley.v1.Send.$Properties>();
  /** performance.now() of the last frame written (idle devices ping). */
  lastWriteAt = 0;
  ready = false;

  /**
   * @param index the device's position in its pool
   * @param registrationId non-zero: publish (placeholder) keys with it during the first handshake,
   *   which makes the device a recipient of group messages and of per-device copies
   */
  constructor(
    private readonly owner: DeviceOwner,
    readonly identity: ParleyIdentity,
    readonly index = 0,
    readonly registrationId = 0,
  ) {}

  private keysPublished = false;

  connect(url: string, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false, skipUTF8Validation: true });
      this.ws = ws;
      this.origin = serverOrigin(url);
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
          this.owner.counters.errors++;
          this.owner.noteError(`client: ${String(error)}`);
        }
      });
      ws.on('close', (code, reason) => {
        if (this.ready) {
          this.ready = false;
          if (!this.owner.closing) {
            this.owner.counters.disconnects++;
            this.owner.noteError(`closed ${code} ${reason.toString()}`);
          }
        }
        settle(new Error(`${this.identity.userId}: closed during handshake (${code} ${reason.toString()})`));
      });
      ws.on('error', (error) => settle(error));
    });
  }

  /** A plaintext message to every device of user `to` (the delivery bench's send); `seq` is tracked for refusals. */
  send(to: string, data: Uint8Array, seq?: number): void {
    if (seq !== undefined && this.ready) this.pending.set(this.nextRequestId, seq);
    this.submit({
      messageId: newMessageId(),
      userId: to,
      shared: { type: PLAINTEXT, data },
      ...(NO_RECEIPTS ? { noReceipts: true } : ACK_DELIVERED ? { ackDelivered: true } : {}),
    });
  }

  /** Writes one Send frame (counted in `counters.sent`); an error when the connection is not ready. */
  submit(send: parley.v1.Send.$Properties): void {
    if (!this.ready) {
      this.owner.counters.errors++;
      this.owner.noteError('send on a closed connection');
      return;
    }
    if (this.owner.resendRefused) this.unanswered.set(this.nextRequestId, send);
    this.write({ requestId: this.nextRequestId++, send });
    this.owner.counters.sent++;
  }

  /** Writes a refused send again after `retryAfterMs` (see DeviceOwner.resendRefused). */
  private resend(send: parley.v1.Send.$Properties, retryAfterMs: number): void {
    this.owner.counters.sent--; // written again below: one message, counted once
    setTimeout(() => this.submit(send), Math.max(1, retryAfterMs));
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

  /** Resolves once the socket is closed (at once when there is none or it is closed already). */
  closed(): Promise<void> {
    const ws = this.ws;
    if (!ws || ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => ws.once('close', () => resolve()));
  }

  private write(frame: ClientFrameInit): void {
    this.lastWriteAt = performance.now();
    this.ws?.send(encodeClientFrame(frame), { binary: true });
  }

  private onFrame(data: Buffer, settle: (error?: Error) => void): void {
    const frame = decodeServerFrame(data);
    switch (frame.body) {
      case 'deliver': {
        const envelopes = frame.deliver?.envelopes ?? [];
        const ids: string[] = [];
        for (const envelope of envelopes) {
          this.owner.onEnvelope(this, envelope);
          if (envelope.id) ids.push(envelope.id);
        }
        // Acknowledge the whole batch at once: the entries leave the server's queue.
        if (ids.length > 0) this.write({ requestId: 0, deliverAck: { ids } });
        return;
      }
      case 'sendAck':
        this.pending.delete(Number(frame.requestId));
        this.unanswered.delete(Number(frame.requestId));
        this.owner.counters.acked++;
        if (frame.sendAck?.deliveredAt)
          this.owner.counters.receiptsInAck = (this.owner.counters.receiptsInAck ?? 0) + 1;
        if (frame.sendAck) this.owner.onSendAck?.(this, frame.sendAck);
        return;
      case 'challenge': {
        const nonce = frame.challenge?.nonce;
        if (!nonce) {
          settle(new Error('challenge without nonce'));
          return;
        }
        const { userId, keys } = this.identity;
        const origin = this.origin;
        void signWithAuthKey(keys.privateKey, authChallengePayload(nonce, userId, DEVICE_ID, origin)).then(
          (signature) => this.write({ requestId: this.nextRequestId++, auth: { signature, origin } }),
          (error: unknown) => settle(new Error(`signing failed: ${String(error)}`)),
        );
        return;
      }
      case 'welcome':
        if (this.registrationId !== 0 && !this.keysPublished) {
          this.write({ requestId: this.nextRequestId++, keysUpload: placeholderKeys(this.registrationId) });
          return; // ready once the upload is answered
        }
        this.ready = true;
        settle();
        return;
      case 'keysUploadResult':
        this.keysPublished = true;
        this.ready = true;
        settle();
        return;
      case 'error': {
        const e = frame.error;
        const seq = this.pending.get(Number(frame.requestId));
        this.pending.delete(Number(frame.requestId));
        const refusedSend = this.unanswered.get(Number(frame.requestId));
        this.unanswered.delete(Number(frame.requestId));
        if (e?.code === OVERLOADED) {
          this.owner.counters.refused++;
          if (refusedSend) {
            this.resend(refusedSend, e.retryAfterMs ?? 0);
            return;
          }
          if (seq !== undefined) this.owner.onRefused?.(seq);
          return;
        }
        this.owner.counters.errors++;
        this.owner.noteError(`error ${e?.code ?? '?'}: ${e?.message ?? ''}`);
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

/**
 * Connects and authenticates `devices`, `concurrency` handshakes at a time; with several URLs
 * (gateways of a cluster), device i to `url[(firstIndex + i) % n]`: a pool holding clients
 * `firstIndex`.. of a larger set (one generator thread's slice) spreads them as the whole set would.
 */
export async function connectDevices(
  devices: readonly BenchDevice[],
  url: string | readonly string[],
  { concurrency = 50, timeoutMs = 60_000, firstIndex = 0 } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let next = 0;
  const worker = async () => {
    while (next < devices.length) {
      const i = next++;
      const device = devices[i] as BenchDevice;
      const to = typeof url === 'string' ? url : (url[(firstIndex + i) % url.length] as string);
      await device.connect(to, Math.max(1, deadline - Date.now()));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, devices.length) }, worker));
}

/** Pings every connected device that wrote nothing for a while; returns the stop function. */
export function keepAlive(devices: readonly BenchDevice[]): () => void {
  const timer = setInterval(() => {
    const idleSince = performance.now() - PING_AFTER_MS;
    for (const d of devices) if (d.lastWriteAt < idleSince) d.ping();
  }, PING_AFTER_MS / 2);
  return () => clearInterval(timer);
}

/** Closes every device and waits (bounded) for the closing handshakes, then drops the sockets. */
export async function closeDevices(devices: readonly BenchDevice[], timeoutMs = 3_000): Promise<void> {
  for (const d of devices) d.close();
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    Promise.all(devices.map((d) => d.closed())),
    new Promise((r) => {
      timer = setTimeout(r, timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  for (const d of devices) d.terminate();
}

/** 1..N Parley devices (one per user) on one gateway, driven by the open-loop scheduler. */
export class ParleyPool implements LoadTarget, DeviceOwner {
  readonly counters: TargetCounters;
  readonly errorSamples = new Map<string, number>();
  closing = false;
  private readonly devices: BenchDevice[];
  private stopKeepAlive: (() => void) | undefined;
  private readonly payload: Uint8Array;
  private readonly recipients: readonly string[] | undefined;
  private readonly firstIndex: number;

  /**
   * @param options.counters where to count (a generator thread's shared row); default a new object
   * @param options.recipients user id by client index, when sends go to clients outside this pool
   *   (one generator thread's slice of a larger set); default this pool's devices
   * @param options.firstIndex the index of this pool's first device in that larger set
   */
  constructor(
    identities: ParleyIdentity[],
    readonly tracker: PayloadTracker,
    options: { counters?: TargetCounters; recipients?: readonly string[]; firstIndex?: number } = {},
  ) {
    this.counters = options.counters ?? { sent: 0, acked: 0, errors: 0, disconnects: 0, refused: 0 };
    this.recipients = options.recipients;
    this.firstIndex = options.firstIndex ?? 0;
    this.devices = identities.map((identity, i) => new BenchDevice(this, identity, i));
    this.payload = new Uint8Array(tracker.size);
  }

  get clients(): number {
    return this.devices.length;
  }

  /**
   * Connects and authenticates every device, `concurrency` handshakes at a time; with several URLs
   * (gateways of a cluster), device i to `url[(firstIndex + i) % n]`.
   */
  async connect(
    url: string | readonly string[],
    options: { concurrency?: number; timeoutMs?: number } = {},
  ): Promise<void> {
    await connectDevices(this.devices, url, { ...options, firstIndex: this.firstIndex });
    this.stopKeepAlive = keepAlive(this.devices);
  }

  /** Sends message `seq` from this pool's device `from` to client `to` (of `recipients` when given). */
  send(from: number, to: number, seq: number): void {
    const sender = this.devices[from] as BenchDevice;
    const recipient = this.recipients
      ? (this.recipients[to] as string)
      : (this.devices[to] as BenchDevice).identity.userId;
    this.tracker.write(this.payload, 0, seq); // encodeClientFrame copies it into the frame
    sender.send(recipient, this.payload, seq);
  }

  onRefused(seq: number): void {
    this.tracker.refuse?.(seq);
  }

  onEnvelope(device: BenchDevice, envelope: parley.v1.Envelope.$Properties): void {
    const payload = envelope.message?.data;
    if (payload) this.tracker.receive(payload, device.index);
    const receipt = envelope.receipt;
    if (receipt?.status === DELIVERED)
      this.counters.receipts = (this.counters.receipts ?? 0) + (receipt.messageIds?.length ?? 0);
  }

  noteError(text: string): void {
    noteSample(this.errorSamples, text);
  }

  /** Closes every connection; waits (bounded) for the closing handshakes. */
  async close(timeoutMs = 3_000): Promise<void> {
    this.closing = true;
    this.stopKeepAlive?.();
    await closeDevices(this.devices, timeoutMs);
  }
}
