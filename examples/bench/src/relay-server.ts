// Child process: the raw WebSocket relay. Each client connects as ws://host:port/<id>; a
// binary frame [uint32be to-id][payload] is forwarded as [payload] to that client's socket, or to
// every other client's socket when to-id is BROADCAST (0xffffffff, the fan-out baseline).
// No protocol, no persistence, no acks: the floor Parley is compared against.
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

wss.on('listening', () => toParent({ type: 'ready', port: (wss.address() as AddressInfo).port }));

serveChild(async () => {
  for (const ws of wss.clients) ws.terminate();
  await new Promise<void>((resolve) => wss.close(() => resolve()));
  if (dropped > 0) console.error(`relay: ${dropped} frames for unknown ids`);
});
