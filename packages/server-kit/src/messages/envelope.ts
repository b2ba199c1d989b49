import type { parley } from '@parley/core';
import { ProtoWriter, pb } from '@parley/core';
import { varintLength, writeVarint } from './proto-bytes.js';

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

/**
 * Parts at least this long are written by reference instead of copied into a member's frame: a
 * group message's shared part is one buffer for every member device (below this, a reference costs
 * the stream more than the copy it saves).
 */
const REFERENCE_FROM = 256;

/** A transport's header in front of a frame (a WebSocket frame's, see gateway/ws-direct-write.ts). */
export interface FrameLead {
  /** Header bytes for a frame of `length` bytes. */
  size(length: number): number;
  /** Writes that header at the start of `out`. */
  write(out: Uint8Array, length: number): void;
}

/** A Deliver frame as chunks to write in order (see deliverFrameChunks). */
export interface DeliverFrameChunks {
  chunks: Uint8Array[];
  /** The Deliver frame's bytes, without the lead. */
  length: number;
}

/**
 * The frame `encodeDeliverFrameOf` encodes, byte for byte, as chunks to write one after the other:
 * long parts (a group message's shared part, usually) are the chunks themselves, everything between
 * them is copied into one small buffer, which starts with `lead`'s header. A group message's
 * fan-out thus writes each member the same shared bytes, with no copy of them per member.
 */
export function deliverFrameChunks(envelopes: readonly EnvelopeParts[], lead?: FrameLead): DeliverFrameChunks {
  const only = envelopes.length === 1 ? envelopes[0] : undefined;
  if (only?.shared && only.shared.byteLength >= REFERENCE_FROM && only.data.byteLength < REFERENCE_FROM) {
    return memberFrame(only, only.shared, lead);
  }
  let body = 0;
  let referenced = 0;
  for (const e of envelopes) {
    const length = envelopeLength(e);
    body += 1 + varintLength(length) + length;
    if (e.shared && e.shared.byteLength >= REFERENCE_FROM) referenced += e.shared.byteLength;
    if (e.data.byteLength >= REFERENCE_FROM) referenced += e.data.byteLength;
  }
  const length = varintLength(SERVER_FRAME_DELIVER) + varintLength(body) + body;
  const leadSize = lead?.size(length) ?? 0;
  const out = Buffer.allocUnsafe(leadSize + length - referenced);
  lead?.write(out, length);
  const chunks: Uint8Array[] = [];
  let start = 0;
  let pos = writeVarint(out, leadSize, SERVER_FRAME_DELIVER);
  pos = writeVarint(out, pos, body);
  for (const e of envelopes) {
    out[pos++] = DELIVER_ENVELOPES;
    pos = writeVarint(out, pos, envelopeLength(e));
    for (let part = e.shared ?? e.data; ; part = e.data) {
      if (part.byteLength < REFERENCE_FROM) {
        out.set(part, pos);
        pos += part.byteLength;
      } else {
        if (pos > start) chunks.push(out.subarray(start, pos));
        chunks.push(part);
        start = pos;
      }
      if (part === e.data) break;
    }
    out[pos++] = ENVELOPE_SEQ;
    pos = writeVarint(out, pos, e.seq);
  }
  if (pos > start) chunks.push(start === 0 ? out : out.subarray(start, pos));
  return { chunks, length };
}

/**
 * The head of the last member frame: every member device of one group message gets the same bytes
 * up to the end of the shared part (while its entry's size and its seq's varint size are the same:
 * the frame's length says so), so a fan-out copies the shared part once, not once per member.
 */
let lastHead: { shared: Uint8Array; lead: FrameLead | undefined; length: number; head: Buffer } | undefined;

/** A frame of one envelope with a long shared part: the (reused) head, then the entry's own bytes and seq. */
function memberFrame(e: EnvelopeParts, shared: Uint8Array, lead: FrameLead | undefined): DeliverFrameChunks {
  const envelope = envelopeLength(e);
  const body = 1 + varintLength(envelope) + envelope;
  const length = varintLength(SERVER_FRAME_DELIVER) + varintLength(body) + body;
  let head = lastHead;
  if (head?.shared !== shared || head.lead !== lead || head.length !== length) {
    const leadSize = lead?.size(length) ?? 0;
    const out = Buffer.allocUnsafe(leadSize + length - (envelope - shared.byteLength));
    lead?.write(out, length);
    let pos = writeVarint(out, leadSize, SERVER_FRAME_DELIVER);
    pos = writeVarint(out, pos, body);
    out[pos++] = DELIVER_ENVELOPES;
    pos = writeVarint(out, pos, envelope);
    out.set(shared, pos);
    head = { shared, lead, length, head: out };
    lastHead = head;
  }
  const tail = Buffer.allocUnsafe(envelope - shared.byteLength);
  tail.set(e.data, 0);
  tail[e.data.byteLength] = ENVELOPE_SEQ;
  writeVarint(tail, e.data.byteLength + 1, e.seq);
  return { chunks: [head.head, tail], length };
}
