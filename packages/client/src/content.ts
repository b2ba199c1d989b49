import { oneof, ParleyError, type parley, pb } from '@parley/core';
import {
  ACTION_LIMITS,
  type ChatSetting,
  isDisappearingTimer,
  type MessageAction,
  type MessageMeta,
} from './actions/action-types.js';
import type { SendableContent } from './events.js';
import { checkInviteBody, type InviteBody } from './groups/group-invites.js';
import { mediaFromProto, mediaToProto } from './media/attachment.js';

/** Where a Content goes, and what a message carries beside its body. */
export interface ContentExtra {
  toUserId?: string;
  groupId?: string;
  meta?: MessageMeta;
  /** The sending device's sequence number in the chat (messages/send-seq.ts). */
  seq?: number;
}

/** What a Content may carry in its body: a message, an action on one, or a chat setting. */
export type ContentBody =
  | { kind: 'message'; content: SendableContent }
  | { kind: 'action'; action: MessageAction }
  | { kind: 'setting'; setting: ChatSetting }
  | { kind: 'invite'; invite: InviteBody };

function bodyToProto(body: ContentBody): parley.v1.Content.$Properties {
  switch (body.kind) {
    case 'message':
      return body.content.kind === 'media'
        ? { media: mediaToProto(body.content.media) }
        : { text: { text: body.content.text } };
    case 'setting':
      return { chatSetting: { version: body.setting.version, disappearingS: body.setting.disappearingS } };
    case 'invite': {
      const i = body.invite;
      if (i.kind === 'offer') {
        return {
          groupInvite: { groupId: i.groupId, groupName: i.groupName, inviteId: i.inviteId, expiresAt: i.expiresAt },
        };
      }
      return { groupInviteAccept: { inviteId: i.inviteId, consent: i.consent } };
    }
    case 'action': {
      const a = body.action;
      if (a.kind === 'reaction') return { reaction: { messageId: a.messageId, emoji: a.emoji } };
      if (a.kind === 'edit') return { edit: { messageId: a.messageId, text: a.text } };
      return { delete: { messageId: a.messageId } };
    }
  }
}

function metaToProto(meta: MessageMeta | undefined): parley.v1.Content.$Properties {
  if (!meta) return {};
  return {
    ...(meta.replyTo
      ? { replyTo: meta.replyTo.id, quote: { userId: meta.replyTo.userId, text: meta.replyTo.text } }
      : {}),
    ...(meta.mentions?.length ? { mentions: meta.mentions } : {}),
    ...(meta.forwarded ? { forwarded: true } : {}),
    ...(meta.expiresInS ? { expiresInS: meta.expiresInS } : {}),
  };
}

/** Encodes a message, action or setting into the Content protobuf (the future plaintext of E2EE). */
export function encodeBody(body: ContentBody, sentAt: number, extra: ContentExtra = {}): Uint8Array {
  return pb.Content.encode({
    ...bodyToProto(body),
    sentAt,
    ...(extra.toUserId ? { toUserId: extra.toUserId } : {}),
    ...(extra.groupId ? { groupId: extra.groupId } : {}),
    ...(extra.seq ? { seq: extra.seq } : {}),
    ...(body.kind === 'message' ? metaToProto(extra.meta) : {}),
  }).finish();
}

/** Encodes what the user sends into the Content protobuf. */
export const encodeContent = (content: SendableContent, sentAt: number, extra: ContentExtra = {}): Uint8Array =>
  encodeBody({ kind: 'message', content }, sentAt, extra);

/** A decoded Content: its body, or `unsupported` for a kind this client does not know. */
export type DecodedContent = (ContentBody | { kind: 'unsupported'; body: string }) & {
  sentAt: number;
  /** Set on copies for the sender's own devices: whom the message was sent to. */
  toUserId: string;
  /** Set for group messages (inside the encryption). */
  groupId: string;
  /** The sender device's sequence number in this conversation; 0 when the sender sets none. */
  seq: number;
  /** Only on a message body. */
  meta: MessageMeta;
};

const bad = (message: string) => new ParleyError('BAD_FRAME', message);

function checkText(text: string, what: string): string {
  if (text.length > ACTION_LIMITS.textChars) throw bad(`${what} longer than ${ACTION_LIMITS.textChars} characters`);
  return text;
}

function checkTarget(messageId: string | undefined | null, what: string): string {
  if (!messageId || messageId.length > ACTION_LIMITS.userIdChars) throw bad(`${what} without a valid message id`);
  return messageId;
}

function decodeMeta(c: parley.v1.Content): MessageMeta {
  const mentions = c.mentions ?? [];
  if (mentions.length > ACTION_LIMITS.mentions) throw bad(`more than ${ACTION_LIMITS.mentions} mentions`);
  if (mentions.some((u) => !u || u.length > ACTION_LIMITS.userIdChars)) throw bad('a mention is not a user id');
  const replyTo = c.replyTo ? checkTarget(c.replyTo, 'reply') : '';
  return {
    ...(replyTo
      ? {
          replyTo: {
            id: replyTo,
            userId: (c.quote?.userId ?? '').slice(0, ACTION_LIMITS.userIdChars),
            text: (c.quote?.text ?? '').slice(0, ACTION_LIMITS.quoteChars),
          },
        }
      : {}),
    ...(mentions.length ? { mentions: [...new Set(mentions)] } : {}),
    ...(c.forwarded ? { forwarded: true } : {}),
    ...(c.expiresInS ? { expiresInS: c.expiresInS } : {}),
  };
}

function decodeBody(c: parley.v1.Content): ContentBody | { kind: 'unsupported'; body: string } {
  const body = oneof(c, 'body');
  switch (body.case) {
    case 'text':
      return { kind: 'message', content: { kind: 'text', text: checkText(body.value.text ?? '', 'text') } };
    case 'media':
      return { kind: 'message', content: { kind: 'media', media: mediaFromProto(body.value) } };
    case 'reaction': {
      const emoji = body.value.emoji ?? '';
      if (emoji.length > ACTION_LIMITS.emojiChars) throw bad('reaction longer than one emoji');
      return {
        kind: 'action',
        action: { kind: 'reaction', messageId: checkTarget(body.value.messageId, 'reaction'), emoji },
      };
    }
    case 'edit':
      return {
        kind: 'action',
        action: {
          kind: 'edit',
          messageId: checkTarget(body.value.messageId, 'edit'),
          text: checkText(body.value.text ?? '', 'edit'),
        },
      };
    case 'delete':
      return { kind: 'action', action: { kind: 'delete', messageId: checkTarget(body.value.messageId, 'delete') } };
    case 'chatSetting': {
      const disappearingS = body.value.disappearingS ?? 0;
      if (!isDisappearingTimer(disappearingS)) throw bad(`disappearing timer ${disappearingS} s is not offered`);
      const version = body.value.version ?? 0;
      if (!Number.isSafeInteger(version) || version < 1) throw bad('chat setting without a version');
      return { kind: 'setting', setting: { version, disappearingS } };
    }
    case 'groupInvite': {
      const v = body.value;
      const invite: InviteBody = {
        kind: 'offer',
        groupId: v.groupId ?? '',
        groupName: v.groupName ?? '',
        inviteId: v.inviteId ?? '',
        expiresAt: v.expiresAt ?? 0,
      };
      return { kind: 'invite', invite: checkInviteBody(invite) };
    }
    case 'groupInviteAccept': {
      const c = body.value.consent;
      const invite: InviteBody = {
        kind: 'accept',
        inviteId: body.value.inviteId ?? '',
        consent: {
          groupId: c?.groupId ?? '',
          invitee: { userId: c?.invitee?.userId ?? '', deviceId: c?.invitee?.deviceId ?? 0 },
          inviterUserId: c?.inviterUserId ?? '',
          expiresAt: c?.expiresAt ?? 0,
          signature: new Uint8Array(c?.signature ?? []),
        },
      };
      return { kind: 'invite', invite: checkInviteBody(invite) };
    }
    case 'senderKeyDistribution':
      // Only ever valid inside Envelope.sender_key_distribution, never as a message.
      throw bad('sender key distribution as a message');
    default:
      // A body case this version does not know (protobufjs skips unknown fields): a newer client's kind.
      return { kind: 'unsupported', body: body.case ?? 'unknown' };
  }
}

/**
 * Decodes a Content; BAD_FRAME for bytes that are not one or break a limit. A body this client does
 * not know decodes as `unsupported` (its sender is a newer client, not an attacker or a broken key).
 */
export function decodeContent(bytes: Uint8Array): DecodedContent {
  let content: parley.v1.Content;
  try {
    content = pb.Content.decode(bytes);
  } catch (cause) {
    throw new ParleyError('BAD_FRAME', 'content does not decode', { cause });
  }
  const body = decodeBody(content);
  return {
    ...body,
    sentAt: content.sentAt,
    toUserId: content.toUserId,
    groupId: content.groupId,
    seq: content.seq,
    meta: body.kind === 'message' ? decodeMeta(content) : {},
  };
}
