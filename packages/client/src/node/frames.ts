import * as zlib from 'node:zlib';
import { type PayloadCodec, plainPayloads } from './at-rest-cipher.js';

/*
 * Record framing shared by `store.log` and `store.snapshot`:
 *
 *   [u32 BE payload length][u32 BE CRC-32 of payload][payload: UTF-8 JSON, or sealed by the codec]
 *
 * A crash can leave the last appended record torn (short, or with stale bytes); its length running
 * past the end of the file or its checksum not matching marks where the valid records end.
 */

const HEADER = 8;

/** Frames one UTF-8 payload, sealed by `codec` when the store is encrypted. */
export function frame(payload: string, codec: PayloadCodec = plainPayloads): Buffer {
  const body = codec.seal(Buffer.from(payload, 'utf8'));
  const out = Buffer.allocUnsafe(HEADER + body.length);
  out.writeUInt32BE(body.length, 0);
  out.writeUInt32BE(crc32(body), 4);
  body.copy(out, HEADER);
  return out;
}

/**
 * The payloads of the valid frames at the start of `data`, the offset after each, and where they end.
 * A frame whose checksum matches but whose payload `codec` cannot open (wrong key) throws: it is
 * not damage, and treating it as a torn tail would drop the records.
 */
export function readFrames(
  data: Buffer,
  codec: PayloadCodec = plainPayloads,
): { payloads: string[]; ends: number[]; end: number } {
  const payloads: string[] = [];
  const ends: number[] = [];
  let offset = 0;
  while (offset + HEADER <= data.length) {
    const length = data.readUInt32BE(offset);
    const start = offset + HEADER;
    if (start + length > data.length) break;
    const body = data.subarray(start, start + length);
    if (crc32(body) !== data.readUInt32BE(offset + 4)) break;
    payloads.push(codec.open(body).toString('utf8'));
    offset = start + length;
    ends.push(offset);
  }
  return { payloads, ends, end: offset };
}

// zlib.crc32 is native but only exists from Node 20.15 / 22.2; the table fallback keeps older 20.x working.
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
let table: Uint32Array | undefined;

function crc32(data: Uint8Array): number {
  if (nativeCrc32) return nativeCrc32(data) >>> 0;
  table ??= makeTable();
  let crc = 0xffffffff;
  for (const byte of data) crc = table[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function makeTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}
