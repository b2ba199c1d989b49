// A measured optimisation (issue 15 aim 1): the frames a client sends skip ws's Receiver when they
// are the common case. ws reads each frame through a Writable (`write` -> `writeOrBuffer` ->
// `_write` -> `startLoop` -> `getInfo` -> `getData` -> `dataMessage`, a buffer list and a callback
// per chunk): a sixth of the server's CPU in the delivery bench went to reading frames. Here a
// chunk's leading frames that are complete, final, masked, binary and within the size limit are
// unmasked in place and emitted as ws would; the first byte of anything else (a partial frame, a
// control frame, a fragment, text, a hostile frame) and every byte after it go to ws's Receiver, so
// its answers (close codes, errors, pongs, the closing handshake) are ws's own, unchanged.
import { Writable } from 'node:stream';
import type { WebSocket } from 'ws';

/** The private state of ws 8's Receiver this reads (lib/receiver.js). */
interface ReceiverInternals extends Writable {
  /** GET_INFO (0): waiting for the first bytes of a frame. */
  _state: number;
  _bufferedBytes: number;
  /** The opcode of a fragmented message in progress, 0 when none. */
  _fragmented: number;
  _errored: boolean;
  _opcode: number;
  _maxPayload: number;
  _binaryType: string;
  _isServer: boolean;
  _allowSynchronousEvents: boolean;
  _extensions: Record<string, unknown>;
  [key: symbol]: unknown;
}

const GET_INFO = 0;
/** FIN set, RSV1-3 clear, opcode 2 (binary): the only first byte taken here. */
const FINAL_BINARY = 0x82;
const MASKED = 0x80;
const LENGTH_16 = 126;

/** ws's own path: the Receiver's inherited `write`. */
const wsWrite = Writable.prototype.write as (this: Writable, chunk: Buffer) => boolean;

/** The symbol ws keeps its WebSocket under on the Receiver (`kWebSocket`, not exported by ws). */
let kWebSocket: symbol | undefined;

/**
 * Reads `ws`'s frames through {@link receive} from now on; false (nothing changed) when `ws` is not
 * the ws 8 server socket this knows (another version, a test double, compression negotiated).
 */
export function receiveFramesDirectly(ws: WebSocket): boolean {
  const receiver = (ws as unknown as { _receiver?: ReceiverInternals })._receiver;
  if (
    !receiver ||
    receiver.write !== wsWrite ||
    receiver._state !== GET_INFO ||
    receiver._isServer !== true ||
    receiver._binaryType !== 'nodebuffer' ||
    receiver._allowSynchronousEvents !== true ||
    typeof receiver._maxPayload !== 'number' ||
    Object.keys(receiver._extensions ?? {}).length > 0
  ) {
    return false;
  }
  kWebSocket ??= Object.getOwnPropertySymbols(receiver).find((s) => s.description === 'websocket');
  if (!kWebSocket || receiver[kWebSocket] !== ws) return false;
  // One own property of the Receiver, no closure: the function finds its socket through `this`.
  receiver.write = receive as ReceiverInternals['write'];
  return true;
}

/**
 * ws calls this for every chunk read from the socket (`socketOnData`); `this` is the Receiver.
 * Returns what `Writable.write` would: false asks ws to pause the socket.
 */
function receive(this: ReceiverInternals, chunk: Buffer): boolean {
  const ws = this[kWebSocket as symbol] as WebSocket;
  let at = 0;
  // Whatever the socket's state: ws's Receiver emits a closing socket's messages too (after a close
  // frame from the peer ws stops writing to it, and the gateway drops what a closed connection reads).
  while (atFrameStart(this)) {
    const left = chunk.length - at;
    // The shortest frame taken: 2 header bytes, 4 mask bytes and a payload byte.
    if (left < 7 || chunk[at] !== FINAL_BINARY) break;
    const second = chunk[at + 1] as number;
    if (second < MASKED) break; // unmasked from a client: ws closes with 1002
    let length = second & 0x7f;
    let head = 6;
    if (length === LENGTH_16) {
      length = ((chunk[at + 2] as number) << 8) | (chunk[at + 3] as number);
      head = 8;
    } else if (length > LENGTH_16 || length === 0) {
      break; // 64-bit lengths (frames of 64 KiB and more) and empty frames: ws's path, as rare as they are
    }
    if ((this._maxPayload > 0 && length > this._maxPayload) || left < head + length) break;
    const start = at + head;
    unmask(chunk, start, start + length, at + head - 4);
    at = start + length;
    // What ws's Receiver emits for the frame, on the socket as ws's receiverOnMessage does.
    ws.emit('message', chunk.subarray(start, at), true);
  }
  if (at === chunk.length) return true;
  return wsWrite.call(this, at === 0 ? chunk : chunk.subarray(at));
}

/**
 * True when the Receiver holds no byte of an unfinished frame or message and takes chunks still:
 * the next byte read starts a frame, and a frame taken here keeps its place among ws's events.
 */
function atFrameStart(receiver: ReceiverInternals): boolean {
  return (
    receiver._state === GET_INFO &&
    receiver._bufferedBytes === 0 &&
    receiver._fragmented === 0 &&
    // (Not inside ws's parsing loop either: a socket never reads, so never calls this, synchronously
    // from one of ws's events.)
    !receiver._errored &&
    // Ended (the socket closed): a write is ws's error to report. Nothing is ever queued in the
    // Writable: without compression and with synchronous events its `_write` finishes each chunk.
    !receiver.writableEnded
  );
}

/** XORs `bytes[from, to)` with the 4-byte mask at `maskAt` (RFC 6455 5.3), in place as ws does. */
function unmask(bytes: Buffer, from: number, to: number, maskAt: number): void {
  const m0 = bytes[maskAt] as number;
  const m1 = bytes[maskAt + 1] as number;
  const m2 = bytes[maskAt + 2] as number;
  const m3 = bytes[maskAt + 3] as number;
  if ((m0 | m1 | m2 | m3) === 0) return;
  let i = from;
  for (; i + 4 <= to; i += 4) {
    bytes[i] = (bytes[i] as number) ^ m0;
    bytes[i + 1] = (bytes[i + 1] as number) ^ m1;
    bytes[i + 2] = (bytes[i + 2] as number) ^ m2;
    bytes[i + 3] = (bytes[i + 3] as number) ^ m3;
  }
  if (i < to) bytes[i] = (bytes[i] as number) ^ m0;
  if (i + 1 < to) bytes[i + 1] = (bytes[i + 1] as number) ^ m1;
  if (i + 2 < to) bytes[i + 2] = (bytes[i + 2] as number) ^ m2;
}
