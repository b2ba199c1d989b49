import type { RawData } from 'ws';

/** The bytes of a ws message, whatever form the socket delivered them in. */
export function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) {
    const total = data.reduce((n, b) => n + b.byteLength, 0);
    const out = new Uint8Array(total);
    let o = 0;
    for (const b of data) {
      out.set(b, o);
      o += b.byteLength;
    }
    return out;
  }
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
