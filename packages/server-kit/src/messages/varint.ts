// Protobuf varints written straight into a buffer, for the frames the gateway encodes by hand
// (numbers up to 2^53: division, not 32-bit bit operations).

/** Bytes of the varint of a non-negative integer below 2^53. */
export function varintLength(value: number): number {
  let n = 1;
  for (let v = value; v >= 0x80; v = Math.floor(v / 0x80)) n++;
  return n;
}

/** Writes the varint of `value` at `at`; returns the position after it. */
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

/** Whether `value` can be written as a varint here (a non-negative safe integer). */
export const isVarintNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
