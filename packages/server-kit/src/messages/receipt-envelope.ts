import type { parley } from '@parley/core';
import { encodeEnvelope } from './envelope.js';
import {
  hasUnknowns,
  isUint,
  stringField,
  utf8Length,
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
  const byUserId = event.byUserId ?? '';
  const groupId = event.groupId ?? '';
  const peerUserId = event.peerUserId ?? '';
  // UTF-8 lengths measured once; a receipt names one message id nearly always.
  const idLength = utf8Length(id);
  const firstLength = ids.length > 0 ? utf8Length(ids[0] as string) : 0;
  const byLength = utf8Length(byUserId);
  const groupLength = utf8Length(groupId);
  const peerLength = utf8Length(peerUserId);
  let body = ids.length > 0 ? stringField(firstLength) : 0;
  for (let i = 1; i < ids.length; i++) body += stringField(utf8Length(ids[i] as string));
  body += varintField(event.status ?? 0);
  body += byLength > 0 ? stringField(byLength) : 0;
  body += varintField(event.at ?? 0);
  body += groupLength > 0 ? stringField(groupLength) : 0;
  body += peerLength > 0 ? stringField(peerLength) : 0;
  body += event.allMembers ? 2 : 0;
  body += varintField(event.senderDeviceId ?? 0);

  const head = (idLength > 0 ? stringField(idLength) : 0) + varintField(serverTime);
  const out = Buffer.allocUnsafe(head + 1 + varintLength(body) + body);
  let pos = idLength > 0 ? writeString(out, 0, ENVELOPE_ID, id, idLength) : 0;
  pos = writeVarintField(out, pos, ENVELOPE_SERVER_TIME, serverTime);
  out[pos++] = ENVELOPE_RECEIPT;
  pos = writeVarint(out, pos, body);
  for (let i = 0; i < ids.length; i++) {
    const messageId = ids[i] as string;
    pos = writeString(out, pos, MESSAGE_IDS, messageId, i === 0 ? firstLength : utf8Length(messageId));
  }
  pos = writeVarintField(out, pos, STATUS, event.status ?? 0);
  if (byLength > 0) pos = writeString(out, pos, BY_USER_ID, byUserId, byLength);
  pos = writeVarintField(out, pos, AT, event.at ?? 0);
  if (groupLength > 0) pos = writeString(out, pos, GROUP_ID, groupId, groupLength);
  if (peerLength > 0) pos = writeString(out, pos, PEER_USER_ID, peerUserId, peerLength);
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
