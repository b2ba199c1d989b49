// A measured optimisation: acknowledgements skip the connection's ordered frame chain.
// Acks need no ordering against requests (removing an entry twice is harmless), so handling them at
// once instead of behind the connection's sends keeps the delivery window moving. Only a cheap look at
// the first byte decides whether to try; anything else goes the ordered way.
import { type ClientFrame, decodeClientFrame } from '@parley/core';

/** First byte of an encoded ClientFrame whose first field is deliver_ack (field 21, length-delimited). */
const ACK_TAG = (21 << 3) | 2;

/**
 * The frame, when `bytes` are a DeliverAck without a request id; undefined for anything else
 * (including undecodable bytes, which the ordered path reports).
 */
export function sniffDeliverAck(bytes: Uint8Array, maxFrameBytes: number): ClientFrame | undefined {
  if (bytes[0] !== ACK_TAG) return undefined;
  let frame: ClientFrame;
  try {
    frame = decodeClientFrame(bytes, { maxFrameBytes });
  } catch {
    return undefined;
  }
  return frame.body === 'deliverAck' && frame.requestId === 0 ? frame : undefined;
}
