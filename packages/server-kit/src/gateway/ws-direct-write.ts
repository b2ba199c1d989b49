// A measured optimisation (issue 15 aim 4): a group message's Deliver frame is written to every
// member's socket from the same shared buffer. `ws.send` would take one contiguous payload (a copy
// of the shared part per member) and add its own objects per send; here the server's unmasked
// WebSocket frame header is written in front of the chunks, and the chunks go to the socket as they are.
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { FrameLead } from '../messages/envelope.js';

/** The header of a final, unmasked binary WebSocket frame (RFC 6455 5.2), as a server sends it. */
export const wsBinaryFrameLead: FrameLead = {
  size: (length) => (length < 126 ? 2 : length < 65536 ? 4 : 10),
  write(out, length) {
    out[0] = 0x82; // FIN, opcode 2 (binary)
    if (length < 126) {
      out[1] = length;
    } else if (length < 65536) {
      out[1] = 126;
      out[2] = length >>> 8;
      out[3] = length & 0xff;
    } else {
      out[1] = 127;
      // 64-bit length, big endian; frames stay far below 2^48 (no 32-bit shifts on the high part).
      let rest = length;
      for (let i = 9; i >= 2; i--) {
        out[i] = rest % 256;
        rest = Math.floor(rest / 256);
      }
    }
  },
};

/** The parts of `ws` a direct write depends on (private fields of `ws` 8). */
interface WsInternals {
  _socket?: Duplex | null;
  _sender?: { _state?: number } | null;
}

/**
 * The socket under `ws` when a frame written straight to it keeps its place among the frames
 * `ws.send` writes: the WebSocket is open and its sender writes each frame as it is sent (its
 * state is DEFAULT, 0: not compressing nor reading a blob, so nothing of it is queued). Otherwise
 * (another `ws` version, a test double, a closing socket) undefined: the caller sends through `ws`.
 */
export function directSocket(ws: WebSocket): Duplex | undefined {
  if (ws.readyState !== 1) return undefined; // OPEN
  const w = ws as unknown as WsInternals;
  const socket = w._socket;
  if (!socket?.writable || typeof socket.write !== 'function') return undefined;
  return w._sender?._state === 0 ? socket : undefined;
}

/**
 * Writes `payload` to `socket` (see directSocket) as one final binary frame in one buffer: `ws.send`
 * would write its header and the payload as two chunks (a `writev` of two) and make a header buffer,
 * a list and a call chain per frame (issue 15 aim 1).
 */
export function writeBinaryFrame(socket: Duplex, payload: Uint8Array): void {
  const length = payload.byteLength;
  const head = wsBinaryFrameLead.size(length);
  // Pooled for small frames (below 4 KiB), as ws's own header buffers are.
  const frame = Buffer.allocUnsafe(head + length);
  wsBinaryFrameLead.write(frame, length);
  frame.set(payload, head);
  socket.write(frame);
}
