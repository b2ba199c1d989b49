// Just enough protobuf for Signal's two sender key messages: uint32 (varint) and bytes fields,
// written in field order with every field present (what the official library's prost encoder
// emits for these proto2 `optional` fields), and read leniently the way prost reads them (fields
// in any order, the last occurrence wins, unknown varint / fixed / length-delimited fields skipped).

/** Thrown by the reader on malformed input; the callers turn it into their own error. */
export class MalformedProtobuf extends Error {
  override readonly name = 'MalformedProtobuf';
}

const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;
const FIXED32 = 5;

/** Appends protobuf fields to a growing byte list. */
export class ProtobufWriter {
  private readonly out: number[] = [];

  uint32(field: number, value: number): this {
    this.varint((field << 3) | VARINT);
    this.varint(value);
    return this;
  }

  bytes(field: number, value: Uint8Array): this {
    this.varint((field << 3) | LENGTH_DELIMITED);
    this.varint(value.byteLength);
    for (const b of value) this.out.push(b);
    return this;
  }

  /** The encoded fields after `prefix` (the version byte), in a fresh buffer. */
  finish(prefix: number): Uint8Array<ArrayBuffer> {
    const bytes = new Uint8Array(1 + this.out.length);
    bytes[0] = prefix;
    bytes.set(this.out, 1);
    return bytes;
  }

  private varint(value: number): void {
    let v = value >>> 0;
    while (v > 0x7f) {
      this.out.push((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    this.out.push(v);
  }
}

/** The uint32 and bytes fields of a message, by field number (last occurrence wins). */
export interface ProtobufFields {
  readonly uint32: Map<number, number>;
  readonly bytes: Map<number, Uint8Array>;
}

/**
 * Reads every field of `data`. Varints are read as uint64 and truncated to their low 32 bits, as
 * prost does for uint32 fields. Groups (wire types 3 and 4) are refused.
 */
export function readProtobuf(data: Uint8Array): ProtobufFields {
  const uint32 = new Map<number, number>();
  const bytes = new Map<number, Uint8Array>();
  let offset = 0;

  // A varint's low 32 bits; `wide` says whether any higher bit was set.
  let wide = false;
  const varint = (): number => {
    let low = 0;
    wide = false;
    for (let i = 0; i < 10; i++) {
      if (offset >= data.length) throw new MalformedProtobuf('truncated varint');
      const b = data[offset++]!;
      if (i < 5) low += (b & 0x7f) * 2 ** (7 * i);
      else if ((b & 0x7f) !== 0) wide = true;
      if (i === 9 && b > 1) throw new MalformedProtobuf('varint overflows 64 bits');
      if ((b & 0x80) === 0) {
        if (low >= 2 ** 32) wide = true;
        return low % 2 ** 32;
      }
    }
    throw new MalformedProtobuf('varint longer than 10 bytes');
  };
  const length = (): number => {
    const n = varint();
    if (wide || n > data.length - offset) throw new MalformedProtobuf('truncated field');
    return n;
  };
  const skip = (n: number): number => {
    if (n > data.length - offset) throw new MalformedProtobuf('truncated field');
    const start = offset;
    offset += n;
    return start;
  };

  while (offset < data.length) {
    const key = varint();
    if (wide) throw new MalformedProtobuf('field key over 32 bits');
    const field = key >>> 3;
    const wireType = key & 7;
    if (field === 0) throw new MalformedProtobuf('field number 0');
    if (wireType === VARINT) {
      const value = varint();
      if (bytes.has(field)) throw new MalformedProtobuf(`field ${field} has two wire types`);
      uint32.set(field, value);
    } else if (wireType === LENGTH_DELIMITED) {
      const start = skip(length());
      if (uint32.has(field)) throw new MalformedProtobuf(`field ${field} has two wire types`);
      bytes.set(field, data.subarray(start, offset));
    } else if (wireType === FIXED64) {
      skip(8);
    } else if (wireType === FIXED32) {
      skip(4);
    } else {
      throw new MalformedProtobuf(`unsupported wire type ${wireType}`);
    }
  }
  return { uint32, bytes };
}
