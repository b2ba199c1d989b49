// Clients of the raw relay: each connects as ws://host:port/<index>, sends [uint32be to][payload].
import WebSocket from 'ws';
import { type LoadTarget, noteSample, type TargetCounters } from './load.js';
import type { PayloadTracker } from './payload.js';

/** The relay's "to" id that means every other connected client. */
export const BROADCAST = 0xffffffff;

/** The acked relay's acknowledgement of a receipt. */
const RECEIPT_ACK = Buffer.from([2]);

export class RelayPool implements LoadTarget {
  readonly counters: TargetCounters;
  readonly errorSamples = new Map<string, number>();
  private readonly sockets: WebSocket[] = [];
  private closing = false;
  private readonly firstId: number;

  /**
   * @param acked speak the acked relay's frames (`relay-acks`, see relay-server.ts): acknowledge
   * every delivery and every receipt, count SendAcks as acked.
   * @param options.counters where to count (a generator thread's shared row); default a new object
   * @param options.firstId the relay id of this pool's first client (client i connects as
   *   `/<firstId + i>`): one generator thread's slice of a larger set; sends name relay ids
   */
  constructor(
    readonly clients: number,
    readonly tracker: PayloadTracker,
    readonly acked = false,
    options: { counters?: TargetCounters; firstId?: number } = {},
  ) {
    this.counters = options.counters ?? { sent: 0, acked: 0, errors: 0, disconnects: 0, refused: 0 };
    this.firstId = options.firstId ?? 0;
  }

  async connect(url: string, { concurrency = 50, timeoutMs = 60_000 } = {}): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let next = 0;
    const worker = async () => {
      while (next < this.clients) {
        const id = next++;
        const relayId = this.firstId + id;
        this.sockets[id] = await this.open(relayId, `${url}/${relayId}`, Math.max(1, deadline - Date.now()));
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, this.clients) }, worker));
  }

  /** Sends message `seq` from this pool's client `from` to relay id `to`. */
  send(from: number, to: number, seq: number): void {
    this.sendFrame(from, to, seq);
  }

  /** Sends message `seq` from client `from` to every other client, as one frame the relay copies. */
  broadcast(from: number, seq: number): void {
    this.sendFrame(from, BROADCAST, seq);
  }

  private sendFrame(from: number, to: number, seq: number): void {
    const ws = this.sockets[from];
    if (!ws || ws.readyState !== WebSocket.OPEN) {
      this.counters.errors++;
      this.note('send on a closed connection');
      return;
    }
    const head = this.acked ? 5 : 4;
    const frame = Buffer.allocUnsafe(head + this.tracker.size);
    if (this.acked) frame[0] = 0;
    frame.writeUInt32BE(to, head - 4);
    this.tracker.write(frame, head, seq);
    ws.send(frame, { binary: true });
    this.counters.sent++;
  }

  async close(timeoutMs = 3_000): Promise<void> {
    this.closing = true;
    for (const ws of this.sockets) ws?.close(1000);
    await new Promise((r) => setTimeout(r, Math.min(timeoutMs, 500)));
    for (const ws of this.sockets) ws?.terminate();
  }

  private open(id: number, url: string, timeoutMs: number): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false, skipUTF8Validation: true });
      const timer = setTimeout(() => {
        ws.terminate();
        reject(new Error(`relay connect to ${url} timed out`));
      }, timeoutMs);
      ws.on('open', () => {
        clearTimeout(timer);
        resolve(ws);
      });
      ws.on('message', (data: Buffer) => (this.acked ? this.onAcked(ws, id, data) : this.tracker.receive(data, id)));
      ws.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      ws.on('close', (code) => {
        if (!this.closing) {
          this.counters.disconnects++;
          this.note(`closed ${code}`);
        }
      });
    });
  }

  /** A frame of the acked relay: a delivery or a broadcast (acked), a SendAck (counted) or a receipt (acked). */
  private onAcked(ws: WebSocket, id: number, data: Buffer): void {
    const kind = data[0];
    if (kind === 0) {
      this.tracker.receive(data.subarray(5), id);
      const ack = Buffer.allocUnsafe(5);
      ack[0] = 1;
      ack.writeUInt32BE(data.readUInt32BE(1), 1);
      ws.send(ack, { binary: true });
    } else if (kind === 1) {
      this.counters.acked++;
    } else if (kind === 2) {
      ws.send(RECEIPT_ACK, { binary: true });
    } else if (kind === 3) {
      this.tracker.receive(data.subarray(5), id);
      ws.send(data.subarray(0, 5), { binary: true }); // [3][u32 from]: the member's ack
    }
  }

  private note(text: string): void {
    noteSample(this.errorSamples, text);
  }
}
