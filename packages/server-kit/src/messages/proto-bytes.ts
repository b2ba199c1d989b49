// Protobuf wire bytes written by hand into a buffer sized first (the envelopes the gateway makes
// per message: see receipt-envelope.ts and message-envelope.ts), as protobufjs writes them.

/** A number written as a uint32/uint64 varint: protobufjs writes the same bytes for it. */
export const isUint = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** Whether a (decoded) message carries fields its schema does not know, which protobufjs writes back. */
export const hasUnknowns = (message: object): boolean =>
  Object.hasOwn(message, '$unknowns') && (message as { $unknowns?: unknown }).$unknowns != null;

/** Bytes of a varint of a non-negative integer below 2^53 (comparisons only: no division). */
export function varintLength(value: number): number {
  if (value < 2 ** 7) return 1;
  if (value < 2 ** 14) return 2;
  if (value < 2 ** 21) return 3;
  if (value < 2 ** 28) return 4;
  if (value < 2 ** 35) return 5;
  if (value < 2 ** 42) return 6;
  if (value < 2 ** 49) return 7;
  return 8;
}

/** Writes a varint as protobufjs does, on 32-bit halves (`%` on a double past 2^31 is a slow fmod). */
export function writeVarint(out: Uint8Array, at: number, value: number): number {
  let pos = at;
  let lo = value >>> 0;
  let hi = (value - lo) / 2 ** 32;
  while (hi) {
    out[pos++] = (lo & 127) | 128;
    lo = ((lo >>> 7) | (hi << 25)) >>> 0;
    hi >>>= 7;
  }
  while (lo > 127) {
    out[pos++] = (lo & 127) | 128;
    lo >>>= 7;
  }
  out[pos++] = lo;
  return pos;
}

// The field helpers below write one-byte tags: field numbers 1-15.

/** Bytes of a one-byte tag and a varint, 0 for a default (0, left out). */
export const varintField = (value: number): number => (value === 0 ? 0 : 1 + varintLength(value));

export function writeVarintField(out: Uint8Array, at: number, tag: number, value: number): number {
  if (value === 0) return at;
  out[at] = tag;
  return writeVarint(out, at + 1, value);
}

/** Bytes of a one-byte tag, length and a string of `length` UTF-8 bytes. */
export const stringField = (length: number): number => 1 + varintLength(length) + length;

/** Writes a string field whose UTF-8 length the caller measured (`utf8Length`). */
export function writeString(out: Buffer, at: number, tag: number, value: string, length: number): number {
  out[at] = tag;
  return writeUtf8(out, writeVarint(out, at + 1, length), value);
}

/** Bytes of a one-byte tag, length and bytes; 0 when empty (left out). */
export function bytesField(value: Uint8Array): number {
  return value.byteLength === 0 ? 0 : 1 + varintLength(value.byteLength) + value.byteLength;
}

export function writeBytes(out: Uint8Array, at: number, tag: number, value: Uint8Array): number {
  if (value.byteLength === 0) return at;
  out[at] = tag;
  const pos = writeVarint(out, at + 1, value.byteLength);
  out.set(value, pos);
  return pos + value.byteLength;
}

/** From this many UTF-16 units protobufjs writes a string with Buffer's native `utf8Write`, and so does this. */
const NATIVE_FROM = 40;

// Shorter strings in JS, as protobufjs's own UTF-8 writer (@protobufjs/utf8) does: byte for byte the
// same, a lone surrogate included.
export function utf8Length(value: string): number {
  if (value.length >= NATIVE_FROM) return Buffer.byteLength(value, 'utf8');
  let length = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x80) length += 1;
    else if (c < 0x800) length += 2;
    else if ((c & 0xfc00) === 0xd800 && (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      i++;
      length += 4;
    } else length += 3;
  }
  return length;
}

export function writeUtf8(out: Buffer, at: number, value: string): number {
  if (value.length >= NATIVE_FROM) return at + out.write(value, at);
  let pos = at;
  for (let i = 0; i < value.length; i++) {
    let c = value.charCodeAt(i);
    if (c < 0x80) out[pos++] = c;
    else if (c < 0x800) {
      out[pos++] = (c >> 6) | 0xc0;
      out[pos++] = (c & 0x3f) | 0x80;
    } else if ((c & 0xfc00) === 0xd800 && (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      c = 0x10000 + ((c & 0x3ff) << 10) + (value.charCodeAt(++i) & 0x3ff);
      out[pos++] = (c >> 18) | 0xf0;
      out[pos++] = ((c >> 12) & 0x3f) | 0x80;
      out[pos++] = ((c >> 6) & 0x3f) | 0x80;
      out[pos++] = (c & 0x3f) | 0x80;
    } else {
      out[pos++] = (c >> 12) | 0xe0;
      out[pos++] = ((c >> 6) & 0x3f) | 0x80;
      out[pos++] = (c & 0x3f) | 0x80;
    }
  }
  return pos;
}
