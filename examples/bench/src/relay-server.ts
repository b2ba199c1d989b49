// Child process: the raw WebSocket relay. Each client connects as ws://host:port/<id>; a
// binary frame [uint32be to-id][payload] is forwarded as [payload] to that client's socket, or to
// every other client's socket when to-id is BROADCAST (0xffffffff, the fan-out baseline).
// No protocol, no persistence, no acks: the floor Parley is compared against.
//
// PARLEY_BENCH_RELAY_ACKS=1 (the `relay-acks` system): the same relay with Parley's frames per
// message and nothing else, to show what the frames alone cost. A client's [0][u32 to][payload]
// goes to `to` as [0][u32 from][payload] and back to the sender as [1] (its SendAck); the
// recipient's [1][u32 from] (its ack) sends [2] to `from` (the delivered receipt), which `from`
// answers with [2] (the receipt's ack). Three frames in and three out per message, as Parley with
// delivered receipts, without storage, protobuf or any check. A [0][BROADCAST][payload] (the
// groups bench's `raw-acks`) goes to every other client as [3][u32 from][payload] and back to the
// sender as [1]; each member answers [3][u32 from] (its ack), which the relay reads and drops: one
// frame out and one in per member, as a group message's delivery and the member's ack.
import type { AddressInfo } from 'node:net';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { serveChild, toParent } from './ipc.js';
import { BROADCAST } from './relay-bench-client.js';

const sockets = new Map<number, WebSocket>();
let dropped = 0;

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false, skipUTF8Validation: true });

wss.on('connection', (ws, req) => {
  const id = Number((req.url ?? '').replace(/^\/+/, ''));
  if (!Number.isInteger(id) || id < 0) {
    ws.close(4002, 'bad id');
    return;
  }
  sockets.set(id, ws);
  if (ACKS) {
    ws.on('message', (data: RawData) => onAckedFrame(ws, id, data as Buffer));
    ws.on('close', () => {
      if (sockets.get(id) === ws) sockets.delete(id);
    });
    ws.on('error', () => {});
    return;
  }
  ws.on('message', (data: RawData) => {
    const frame = data as Buffer; // binaryType 'nodebuffer', never fragmented here
    if (frame.byteLength < 4) return;
    const to = frame.readUInt32BE(0);
    if (to === BROADCAST) {
      const body = frame.subarray(4);
      for (const other of sockets.values()) if (other !== ws) other.send(body, { binary: true });
      return;
    }
    const target = sockets.get(to);
    if (target) target.send(frame.subarray(4), { binary: true });
    else dropped++;
  });
  ws.on('close', () => {
    if (sockets.get(id) === ws) sockets.delete(id);
  });
  ws.on('error', () => {});
});

const ACKS = process.env.PARLEY_BENCH_RELAY_ACKS === '1';
const SEND_ACK = Buffer.from([1]);
const RECEIPT = Buffer.from([2]);

/** One frame of the acked relay (see the top of this file). */
function onAckedFrame(ws: WebSocket, id: number, frame: Buffer): void {
  const kind = frame[0];
  if (kind === 0 && frame.byteLength >= 5 && frame.readUInt32BE(1) === BROADCAST) {
    frame[0] = 3;
    frame.writeUInt32BE(id, 1);
    for (const other of sockets.values()) if (other !== ws) other.send(frame, { binary: true });
    ws.send(SEND_ACK, { binary: true });
  } else if (kind === 0 && frame.byteLength >= 5) {
    const target = sockets.get(frame.readUInt32BE(1));
    if (!target) {
      dropped++;
      return;
    }
    frame.writeUInt32BE(id, 1); // the recipient acks to the sender
    target.send(frame, { binary: true });
    ws.send(SEND_ACK, { binary: true });
  } else if (kind === 1 && frame.byteLength >= 5) {
    sockets.get(frame.readUInt32BE(1))?.send(RECEIPT, { binary: true });
  }
  // kind 2: a receipt's ack, kind 3: a member's ack of a broadcast; nothing to do
}

wss.on('listening', () => toParent({ type: 'ready', port: (wss.address() as AddressInfo).port }));

serveChild(async () => {
  for (const ws of wss.clients) ws.terminate();
  await new Promise<void>((resolve) => wss.close(() => resolve()));
  if (dropped > 0) console.error(`relay: ${dropped} frames for unknown ids`);
});
