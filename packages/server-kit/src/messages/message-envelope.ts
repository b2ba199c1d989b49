import type { parley } from '@parley/core';
import type { DeviceAddress } from '../contracts/types.js';
import { encodeEnvelope } from './envelope.js';
import {
  bytesField,
  hasUnknowns,
  isUint,
  stringField,
  utf8Length,
  varintField,
  varintLength,
  writeBytes,
  writeString,
  writeVarint,
  writeVarintField,
} from './proto-bytes.js';

type Payload = parley.v1.Payload.$Properties;

// Tags (field number << 3 | wire type): Envelope{ id = 1, sender = 2, server_time = 3, message = 10,
// conversation_user_id = 14, message_id = 15 }, Address{ user_id = 1, device_id = 2 },
// Payload{ type = 1, data = 2 } (proto/parley/v1/messaging.proto, common.proto).
const ENVELOPE_ID = (1 << 3) | 2;
const ENVELOPE_SENDER = (2 << 3) | 2;
const ENVELOPE_SERVER_TIME = (3 << 3) | 0;
const ENVELOPE_MESSAGE = (10 << 3) | 2;
const ENVELOPE_CONVERSATION_USER_ID = (14 << 3) | 2;
const ENVELOPE_MESSAGE_ID = (15 << 3) | 2;
const ADDRESS_USER_ID = (1 << 3) | 2;
const ADDRESS_DEVICE_ID = (2 << 3) | 0;
const PAYLOAD_TYPE = (1 << 3) | 0;
const PAYLOAD_DATA = (2 << 3) | 2;

/** The fields of a 1:1 message's envelope, as `handleSend` stores it for each device. */
export interface MessageEnvelope {
  id: string;
  messageId: string;
  sender: DeviceAddress;
  serverTime: number;
  message: Payload;
  conversationUserId?: string | undefined;
}

/**
 * `encodeEnvelope` of a 1:1 message's envelope, byte for byte, written straight into one buffer
 * (every send makes one per device, and protobufjs's writer first builds a list of operations and
 * a fork per nested message). Fields as protobufjs writes them: in field order, defaults left out.
 * Anything this does not write (a negative or fractional number, unknown payload fields) goes to
 * protobufjs.
 */
export function encodeMessageEnvelope(e: MessageEnvelope): Uint8Array {
  const { sender, message } = e;
  const type = message.type ?? 0;
  const data = message.data ?? EMPTY;
  if (
    !isUint(e.serverTime) ||
    !isUint(sender.deviceId) ||
    sender.deviceId > 0xffffffff ||
    !isUint(type) ||
    type > 0x7fffffff ||
    hasUnknowns(message)
  ) {
    return encodeEnvelope(toProperties(e));
  }
  const conversationUserId = e.conversationUserId ?? '';
  // UTF-8 lengths measured once; an empty string is left out, as protobufjs leaves it.
  const idLength = utf8Length(e.id);
  const userLength = utf8Length(sender.userId);
  const conversationLength = utf8Length(conversationUserId);
  const messageIdLength = utf8Length(e.messageId);
  const address = (userLength > 0 ? stringField(userLength) : 0) + varintField(sender.deviceId);
  const payload = varintField(type) + bytesField(data);
  const out = Buffer.allocUnsafe(
    (idLength > 0 ? stringField(idLength) : 0) +
      1 +
      varintLength(address) +
      address +
      varintField(e.serverTime) +
      1 +
      varintLength(payload) +
      payload +
      (conversationLength > 0 ? stringField(conversationLength) : 0) +
      (messageIdLength > 0 ? stringField(messageIdLength) : 0),
  );
  let pos = idLength > 0 ? writeString(out, 0, ENVELOPE_ID, e.id, idLength) : 0;
  out[pos++] = ENVELOPE_SENDER;
  pos = writeVarint(out, pos, address);
  if (userLength > 0) pos = writeString(out, pos, ADDRESS_USER_ID, sender.userId, userLength);
  pos = writeVarintField(out, pos, ADDRESS_DEVICE_ID, sender.deviceId);
  pos = writeVarintField(out, pos, ENVELOPE_SERVER_TIME, e.serverTime);
  out[pos++] = ENVELOPE_MESSAGE;
  pos = writeVarint(out, pos, payload);
  pos = writeVarintField(out, pos, PAYLOAD_TYPE, type);
  pos = writeBytes(out, pos, PAYLOAD_DATA, data);
  if (conversationLength > 0) {
    pos = writeString(out, pos, ENVELOPE_CONVERSATION_USER_ID, conversationUserId, conversationLength);
  }
  if (messageIdLength > 0) writeString(out, pos, ENVELOPE_MESSAGE_ID, e.messageId, messageIdLength);
  return out;
}

const EMPTY = new Uint8Array(0);

function toProperties(e: MessageEnvelope): parley.v1.Envelope.$Properties {
  const { conversationUserId, ...rest } = e;
  return conversationUserId === undefined ? rest : { ...rest, conversationUserId };
}
