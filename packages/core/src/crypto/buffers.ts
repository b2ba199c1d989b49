// Conversions between Parley's Uint8Array and the ArrayBuffer / binary-string forms the Signal
// library uses. Internal to crypto/.

/**
 * A copy of the bytes in a fresh buffer of exactly their length. Not `bytes.slice()`: on a Node
 * Buffer (what protobufjs and SQLite drivers hand out) slice() is a view on a shared pool.
 */
export function copyBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy;
}

/** A fresh ArrayBuffer holding exactly these bytes (never a view on a larger buffer). */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return copyBytes(bytes).buffer;
}

/** A copy of the bytes as a Uint8Array. */
export function fromArrayBuffer(buffer: ArrayBuffer): Uint8Array {
  return new Uint8Array(buffer.slice(0));
}

/** The library returns ciphertexts as "binary strings" (one char per byte). */
export function fromBinaryString(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** Private keys as Map keys (for the CryptoKey cache). */
export function bytesKey(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}
