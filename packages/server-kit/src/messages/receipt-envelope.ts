import type { parley } from '@parley/core';
import { encodeEnvelope } from './envelope.js';
import {
  hasUnknowns,
  isUint,
  stringField,
  varintField,
  varintLength,
  writeString,
  writeVarint,
  writeVarintField,
} from './proto-bytes.js';

type ReceiptEvent = parley.v1.ReceiptEvent.$Properties;

// Tags (field number << 3 | wire type) of Envelope{ id = 1, server_time = 3, receipt = 11 } and of
// ReceiptEvent's fields 1-8 (PROTOCOL, proto/parley/v1/receipts.proto).
const ENVELOPE_ID = (1 << 3) | 2;
const ENVELOPE_SERVER_TIME = (3 << 3) | 0;
const ENVELOPE_RECEIPT = (11 << 3) | 2;
const MESSAGE_IDS = (1 << 3) | 2;
const STATUS = (2 << 3) | 0;
const BY_USER_ID = (3 << 3) | 2;
const AT = (4 << 3) | 0;
const GROUP_ID = (5 << 3) | 2;
const PEER_USER_ID = (6 << 3) | 2;
const ALL_MEMBERS = (7 << 3) | 0;
const SENDER_DEVICE_ID = (8 << 3) | 0;

/**
 * `encodeEnvelope({ id, serverTime, receipt })`, byte for byte, written straight into one buffer:
 * protobufjs's writer builds a list of operations and a fork per nested message first, and a
 * delivered receipt is queued for every message whose receipt is not folded into its SendAck.
 * Fields are written as protobufjs writes them (in field order, defaults left out), so the bytes
 * are the same. Anything this does not write (a Long, a negative or fractional number, unknown
 * fields) goes to protobufjs.
 */
export function encodeReceiptEnvelope(id: string, serverTime: number, event: ReceiptEvent): Uint8Array {
  if (!plain(event) || !isUint(serverTime)) return encodeEnvelope({ id, serverTime, receipt: event });
  const ids = event.messageIds ?? [];
  let body = 0;
  for (const messageId of ids) body += stringField(messageId);
  body += varintField(event.status ?? 0);
  body += stringField(event.byUserId ?? '', true);
  body += varintField(event.at ?? 0);
  body += stringField(event.groupId ?? '', true);
  body += stringField(event.peerUserId ?? '', true);
  body += event.allMembers ? 2 : 0;
  body += varintField(event.senderDeviceId ?? 0);

  const out = new Uint8Array(stringField(id, true) + varintField(serverTime) + 1 + varintLength(body) + body);
  let pos = writeString(out, 0, ENVELOPE_ID, id, true);
  pos = writeVarintField(out, pos, ENVELOPE_SERVER_TIME, serverTime);
  out[pos++] = ENVELOPE_RECEIPT;
  pos = writeVarint(out, pos, body);
  for (const messageId of ids) pos = writeString(out, pos, MESSAGE_IDS, messageId, false);
  pos = writeVarintField(out, pos, STATUS, event.status ?? 0);
  pos = writeString(out, pos, BY_USER_ID, event.byUserId ?? '', true);
  pos = writeVarintField(out, pos, AT, event.at ?? 0);
  pos = writeString(out, pos, GROUP_ID, event.groupId ?? '', true);
  pos = writeString(out, pos, PEER_USER_ID, event.peerUserId ?? '', true);
  if (event.allMembers) {
    out[pos++] = ALL_MEMBERS;
    out[pos++] = 1;
  }
  writeVarintField(out, pos, SENDER_DEVICE_ID, event.senderDeviceId ?? 0);
  return out;
}

/** Whether every number is one this writes as protobufjs would, and nothing unknown rides along. */
function plain(event: ReceiptEvent): boolean {
  return (
    (event.status == null || (isUint(event.status) && event.status <= 0x7fffffff)) &&
    (event.at == null || isUint(event.at)) &&
    (event.senderDeviceId == null || (isUint(event.senderDeviceId) && event.senderDeviceId <= 0xffffffff)) &&
    !hasUnknowns(event)
  );
}
