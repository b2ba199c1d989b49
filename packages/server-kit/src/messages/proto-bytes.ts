// Protobuf wire bytes written by hand into a buffer sized first (the envelopes the gateway makes
// per message: see receipt-envelope.ts and message-envelope.ts), as protobufjs writes them.

/** A number written as a uint32/uint64 varint: protobufjs writes the same bytes for it. */
export const isUint = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** Whether a (decoded) message carries fields its schema does not know, which protobufjs writes back. */
export const hasUnknowns = (message: object): boolean =>
  Object.hasOwn(message, '$unknowns') && (message as { $unknowns?: unknown }).$unknowns != null;

/** Bytes of a varint (values below 2^53: no 32-bit bit operations). */
export function varintLength(value: number): number {
  let n = 1;
  for (let v = value; v >= 0x80; v = Math.floor(v / 0x80)) n++;
  return n;
}

export function writeVarint(out: Uint8Array, at: number, value: number): number {
  let pos = at;
  let v = value;
  while (v >= 0x80) {
    out[pos++] = (v % 0x80) | 0x80;
    v = Math.floor(v / 0x80);
  }
  out[pos++] = v;
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

/** Bytes of a one-byte tag, length and UTF-8 string; 0 for an empty single string (a repeated one is always written). */
export function stringField(value: string, single = false): number {
  if (single && value === '') return 0;
  const length = utf8Length(value);
  return 1 + varintLength(length) + length;
}

export function writeString(out: Uint8Array, at: number, tag: number, value: string, single: boolean): number {
  if (single && value === '') return at;
  out[at] = tag;
  const pos = writeVarint(out, at + 1, utf8Length(value));
  return writeUtf8(out, pos, value);
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

// UTF-8 as protobufjs writes it (@protobufjs/utf8). Strings decoded from frames hold no lone
// surrogate (the decoder makes U+FFFD of bad UTF-8), so no id or user id here has one.
export function utf8Length(value: string): number {
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

export function writeUtf8(out: Uint8Array, at: number, value: string): number {
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
