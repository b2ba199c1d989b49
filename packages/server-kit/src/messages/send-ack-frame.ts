// Every send is answered with ServerFrame{ request_id, send_ack }: encoded here in one buffer of
// the right size instead of through protobufjs's writer (its forks and chunk list cost about
// 1.5 KB allocated per message, issue 15). Anything unusual falls back to the generated encoder.
import { encodeServerFrame, type parley } from '@parley/core';
import type { Reply } from '../router/routes.js';
import { isUint as isVarintNumber, varintLength, writeVarint } from './proto-bytes.js';

const FRAME_REQUEST_ID = (1 << 3) | 0;
const FRAME_SEND_ACK = (20 << 3) | 2;
const ACK_MESSAGE_ID = (1 << 3) | 2;
const ACK_SERVER_TIME = (2 << 3) | 0;
const ACK_RECIPIENTS = (3 << 3) | 0;
const ACK_DELIVERED_AT = (4 << 3) | 0;

type SendAck = parley.v1.SendAck.$Properties;

/** An ASCII message id (what the send route accepts): its UTF-8 bytes are its chars. */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Bytes of a varint field (tag and value), or 0 for a 0 value (proto3 leaves defaults out). */
const varintField = (tag: number, value: number): number => (value === 0 ? 0 : varintLength(tag) + varintLength(value));

/** The SendAck's numbers when every one is a plain number the hand encoder takes; undefined otherwise. */
function plainNumbers(ack: SendAck): [number, number, number] | undefined {
  const serverTime = ack.serverTime ?? 0;
  const recipients = ack.recipients ?? 0;
  const deliveredAt = ack.deliveredAt ?? 0;
  if (!isVarintNumber(serverTime) || !isVarintNumber(recipients) || !isVarintNumber(deliveredAt)) return undefined;
  if (recipients > 0xffffffff) return undefined;
  return [serverTime, recipients, deliveredAt];
}

/**
 * `encodeServerFrame({ requestId, sendAck })`, decoding to the same frame (zero fields left out,
 * as proto3 allows). Undefined when the ack is not one the hand encoder takes (a non-ASCII id, a
 * Long, a negative number): the caller encodes it the generated way.
 */
export function encodeSendAckFrame(requestId: number, ack: SendAck): Uint8Array | undefined {
  const messageId = ack.messageId ?? '';
  const numbers = plainNumbers(ack);
  if (!numbers || !isVarintNumber(requestId) || !isAscii(messageId)) return undefined;
  const [serverTime, recipients, deliveredAt] = numbers;
  const idField = messageId.length === 0 ? 0 : 1 + varintLength(messageId.length) + messageId.length;
  const body =
    idField +
    varintField(ACK_SERVER_TIME, serverTime) +
    varintField(ACK_RECIPIENTS, recipients) +
    varintField(ACK_DELIVERED_AT, deliveredAt);
  const size = varintField(FRAME_REQUEST_ID, requestId) + varintLength(FRAME_SEND_ACK) + varintLength(body) + body;
  const out = new Uint8Array(size);
  let pos = 0;
  if (requestId !== 0) pos = writeVarint(out, writeVarint(out, pos, FRAME_REQUEST_ID), requestId);
  pos = writeVarint(out, writeVarint(out, pos, FRAME_SEND_ACK), body);
  if (idField > 0) {
    pos = writeVarint(out, writeVarint(out, pos, ACK_MESSAGE_ID), messageId.length);
    for (let i = 0; i < messageId.length; i++) out[pos++] = messageId.charCodeAt(i);
  }
  if (serverTime !== 0) pos = writeVarint(out, writeVarint(out, pos, ACK_SERVER_TIME), serverTime);
  if (recipients !== 0) pos = writeVarint(out, writeVarint(out, pos, ACK_RECIPIENTS), recipients);
  if (deliveredAt !== 0) writeVarint(out, writeVarint(out, pos, ACK_DELIVERED_AT), deliveredAt);
  return out;
}

/** A reply a middleware gave more fields than the SendAck goes the generated way. */
function onlySendAck(reply: NonNullable<Reply>): boolean {
  for (const field in reply) if (field !== 'sendAck') return false;
  return true;
}

/** The encoded answer to a request: a SendAck by hand, anything else the generated way. */
export function encodeReply(requestId: number, reply: NonNullable<Reply>): Uint8Array {
  const ack = reply.sendAck;
  const fast = ack && onlySendAck(reply) ? encodeSendAckFrame(requestId, ack) : undefined;
  return fast ?? encodeServerFrame({ ...reply, requestId }, { maxFrameBytes: Number.MAX_SAFE_INTEGER });
}
