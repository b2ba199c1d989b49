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
