import type { parley } from '@parley/core';
import { ProtoWriter, pb } from '@parley/core';

/**
 * Queue entries hold an encoded Envelope without its seq. At delivery the seq is appended
 * as one more field: protobuf decoders take the last value of a scalar field, so appending
 * avoids decoding and re-encoding every envelope on the hot path.
 */
export function encodeEnvelope(envelope: parley.v1.Envelope.$Properties): Uint8Array {
  return pb.Envelope.encode(envelope).finish();
}

const ENVELOPE_SEQ = (5 << 3) | 0;
const DELIVER_ENVELOPES = (1 << 3) | 2;
const SERVER_FRAME_DELIVER = (21 << 3) | 2;

/**
 * The envelope to deliver: the shared part (a group message's payload, stored once for all member
 * devices), then the entry's own fields, then its seq. Concatenated protobuf encodings of one message
 * type decode as their merge, so no re-encoding is needed.
 */
export function withSeq(envelope: Uint8Array, seq: number, shared?: Uint8Array): Uint8Array {
  const w = ProtoWriter.create();
  w.uint32(ENVELOPE_SEQ).uint64(seq);
  const tail = w.finish();
  const head = shared?.byteLength ?? 0;
  const out = new Uint8Array(head + envelope.byteLength + tail.byteLength);
  if (shared) out.set(shared, 0);
  out.set(envelope, head);
  out.set(tail, head + envelope.byteLength);
  return out;
}

/** Encodes ServerFrame{ deliver: Deliver{ envelopes } } from already encoded envelopes. */
export function encodeDeliverFrame(envelopes: Uint8Array[]): Uint8Array {
  const w = ProtoWriter.create();
  w.uint32(SERVER_FRAME_DELIVER).fork();
  for (const e of envelopes) w.uint32(DELIVER_ENVELOPES).bytes(e);
  w.ldelim();
  return w.finish();
}

/** An envelope to deliver in its parts, as the queue holds it: `shared ++ data ++ seq` (see withSeq). */
export interface EnvelopeParts {
  data: Uint8Array;
  seq: number;
  shared?: Uint8Array | undefined;
}

/** Bytes of a varint (seqs are below 2^53: no 32-bit bit operations). */
function varintLength(value: number): number {
  let n = 1;
  for (let v = value; v >= 0x80; v = Math.floor(v / 0x80)) n++;
  return n;
}

function writeVarint(out: Uint8Array, at: number, value: number): number {
  let pos = at;
  let v = value;
  while (v >= 0x80) {
    out[pos++] = (v % 0x80) | 0x80;
    v = Math.floor(v / 0x80);
  }
  out[pos++] = v;
  return pos;
}

/** The encoded size of one envelope given in parts (what `withSeq` would return). */
export function envelopeLength(parts: EnvelopeParts): number {
  return (parts.shared?.byteLength ?? 0) + parts.data.byteLength + 1 + varintLength(parts.seq);
}

/**
 * `encodeDeliverFrame(parts.map(withSeq))` in one buffer: each envelope's parts are copied once,
 * straight into the frame (a group message goes to every member: no envelope per member first).
 */
export function encodeDeliverFrameOf(envelopes: readonly EnvelopeParts[]): Uint8Array {
  let body = 0;
  for (const e of envelopes) {
    const length = envelopeLength(e);
    body += 1 + varintLength(length) + length;
  }
  const out = new Uint8Array(varintLength(SERVER_FRAME_DELIVER) + varintLength(body) + body);
  let pos = writeVarint(out, 0, SERVER_FRAME_DELIVER);
  pos = writeVarint(out, pos, body);
  for (const e of envelopes) {
    out[pos++] = DELIVER_ENVELOPES;
    pos = writeVarint(out, pos, envelopeLength(e));
    if (e.shared) {
      out.set(e.shared, pos);
      pos += e.shared.byteLength;
    }
    out.set(e.data, pos);
    pos += e.data.byteLength;
    out[pos++] = ENVELOPE_SEQ;
    pos = writeVarint(out, pos, e.seq);
  }
  return out;
}
