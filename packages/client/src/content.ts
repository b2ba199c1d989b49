import { ParleyError, pb } from '@parley/core';
import type { MessageContent } from './events.js';
import { mediaFromProto, mediaToProto } from './media/attachment.js';

/** Encodes what the user sends into the Content protobuf (the future plaintext of E2EE). */
export function encodeContent(
  content: MessageContent,
  sentAt: number,
  extra: { toUserId?: string; groupId?: string; seq?: number } = {},
): Uint8Array {
  return pb.Content.encode({
    ...(content.kind === 'media' ? { media: mediaToProto(content.media) } : { text: { text: content.text } }),
    sentAt,
    ...(extra.toUserId ? { toUserId: extra.toUserId } : {}),
    ...(extra.groupId ? { groupId: extra.groupId } : {}),
    ...(extra.seq ? { seq: extra.seq } : {}),
  }).finish();
}

export interface DecodedContent {
  content: MessageContent;
  sentAt: number;
  /** Set on copies for the sender's own devices: whom the message was sent to. */
  toUserId: string;
  /** Set for group messages (inside the encryption). */
  groupId: string;
  /** The sender device's sequence number in this conversation; 0 when the sender sets none. */
  seq: number;
}

/** Decodes a Content; BAD_FRAME for bytes that are not one, or for a kind this client does not know. */
export function decodeContent(bytes: Uint8Array): DecodedContent {
  let content: ReturnType<typeof pb.Content.decode>;
  try {
    content = pb.Content.decode(bytes);
  } catch (cause) {
    throw new ParleyError('BAD_FRAME', 'content does not decode', { cause });
  }
  if (content.body === 'text') {
    return {
      content: { kind: 'text', text: content.text?.text ?? '' },
      sentAt: content.sentAt,
      toUserId: content.toUserId,
      groupId: content.groupId,
      seq: content.seq,
    };
  }
  if (content.body === 'media' && content.media) {
    return {
      content: { kind: 'media', media: mediaFromProto(content.media) },
      sentAt: content.sentAt,
      toUserId: content.toUserId,
      groupId: content.groupId,
      seq: content.seq,
    };
  }
  throw new ParleyError('BAD_FRAME', `unsupported content ${content.body ?? 'empty'}`);
}
