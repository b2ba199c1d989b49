import { ParleyError } from './errors.js';
import { parley } from './gen/parley.js';

const pb = parley.v1;

/** Default maximum size of one frame in either direction: 512 KiB. */
export const DEFAULT_MAX_FRAME_BYTES = 512 * 1024;

export type ClientFrame = parley.v1.ClientFrame;
export type ServerFrame = parley.v1.ServerFrame;
export type ClientFrameInit = parley.v1.ClientFrame.$Properties;
export type ServerFrameInit = parley.v1.ServerFrame.$Properties;
export type ClientFrameBody = NonNullable<ClientFrame['body']>;
export type ServerFrameBody = NonNullable<ServerFrame['body']>;

export interface CodecLimits {
  /** Largest frame accepted or produced, in bytes. */
  maxFrameBytes?: number;
}

function checkSize(size: number, limits: CodecLimits | undefined): void {
  const max = limits?.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  if (size > max) throw new ParleyError('FRAME_TOO_LARGE', `frame of ${size} bytes exceeds the limit of ${max}`);
}

/** Detail of a BAD_FRAME for a frame that decoded but carries no body this version knows. */
export interface UnknownBodyDetail {
  requestId: number;
}

function decodeWith<T extends { body?: string | undefined; requestId?: number }>(
  decode: (bytes: Uint8Array) => T,
  bytes: Uint8Array,
  limits: CodecLimits | undefined,
): T & { body: NonNullable<T['body']> } {
  if (!(bytes instanceof Uint8Array)) throw new ParleyError('BAD_FRAME', 'frame is not binary');
  checkSize(bytes.byteLength, limits);
  let frame: T;
  try {
    frame = decode(bytes);
  } catch (cause) {
    throw new ParleyError('BAD_FRAME', 'frame does not decode', { cause });
  }
  // A frame from a newer peer may carry a body this version does not know: keep its request id
  // so the answer can still be matched to the request.
  if (!frame.body) {
    const detail: UnknownBodyDetail = { requestId: frame.requestId ?? 0 };
    throw new ParleyError('BAD_FRAME', 'frame has no body this version knows', { details: detail });
  }
  return frame as T & { body: NonNullable<T['body']> };
}

// Made once: a gateway decodes every frame it reads (an arrow per call would be one more object each).
const decodeClient = (b: Uint8Array) => pb.ClientFrame.decode(b);
const decodeServer = (b: Uint8Array) => pb.ServerFrame.decode(b);

/** Decodes a client-to-server frame; throws ParleyError BAD_FRAME or FRAME_TOO_LARGE and nothing else. */
export function decodeClientFrame(bytes: Uint8Array, limits?: CodecLimits): ClientFrame & { body: ClientFrameBody } {
  return decodeWith(decodeClient, bytes, limits);
}

/** Decodes a server-to-client frame; throws ParleyError BAD_FRAME or FRAME_TOO_LARGE and nothing else. */
export function decodeServerFrame(bytes: Uint8Array, limits?: CodecLimits): ServerFrame & { body: ServerFrameBody } {
  return decodeWith(decodeServer, bytes, limits);
}

export function encodeClientFrame(frame: ClientFrameInit, limits?: CodecLimits): Uint8Array {
  const bytes = pb.ClientFrame.encode(frame).finish();
  checkSize(bytes.byteLength, limits);
  return bytes;
}

export function encodeServerFrame(frame: ServerFrameInit, limits?: CodecLimits): Uint8Array {
  const bytes = pb.ServerFrame.encode(frame).finish();
  checkSize(bytes.byteLength, limits);
  return bytes;
}
