// A message as the views show it, made from what the client stored (history pages, events, send
// handles): the client's history is the one source, so the web chat keeps no copy of its own.
import type { MessageStatus, ReceivedMessage, StoredMessage } from '@parley/client';
import { type MediaInfo, mediaInfo, mediaLabel } from './media-info.js';

/** A message as the conversation view shows it. */
export interface ChatMessage {
  id: string;
  chatId: string;
  /** Sender's user id (differs from `chatId` in groups). */
  from: string;
  outgoing: boolean;
  /** Outgoing only: pending, sent, delivered, read or failed (what the ticks show). */
  status?: MessageStatus | undefined;
  /** The text, or for an attachment its caption or a label ("Photo"). */
  text: string;
  /** Set for attachments; the bytes are fetched with `client.downloadMedia` when shown. */
  media?: MediaInfo;
  /** Sender's clock (ms). */
  sentAt: number;
  /** The message it replies to: its sender and a preview. */
  quote?: { userId: string; text: string };
  /** Reactions, one per user. */
  reactions?: Array<{ userId: string; emoji: string }>;
  edited?: boolean;
  /** Deleted for everyone: `text` is the tombstone line. */
  deleted?: boolean;
}

type Source = Pick<ReceivedMessage, 'id' | 'chatId' | 'outgoing' | 'content' | 'sentAt'> &
  Partial<Pick<ReceivedMessage, 'replyTo' | 'reactions' | 'edited' | 'deleted'>> & {
    from: Pick<ReceivedMessage['from'], 'userId'>;
    status?: StoredMessage['status'];
  };

/** A message the client stored or reported (text or attachment), as the views show it. */
export function toChatMessage(stored: Source): ChatMessage {
  const message: ChatMessage = {
    id: stored.id,
    chatId: stored.chatId,
    from: stored.from.userId,
    outgoing: stored.outgoing,
    text: '',
    sentAt: stored.sentAt,
  };
  if (stored.outgoing && stored.status && stored.status !== 'received') message.status = stored.status;
  if (stored.replyTo) message.quote = { userId: stored.replyTo.userId, text: stored.replyTo.text };
  if (stored.reactions?.length) message.reactions = stored.reactions.map((r) => ({ userId: r.userId, emoji: r.emoji }));
  if (stored.edited) message.edited = true;
  if (stored.deleted) message.deleted = true;
  if (stored.content.kind === 'text') message.text = stored.content.text;
  else if (stored.content.kind === 'deleted') message.text = 'This message was deleted';
  else {
    message.media = mediaInfo(stored.content.media);
    message.text = mediaLabel(message.media);
  }
  return message;
}

/** Whether the message is still this device's to take back (pending) or to send again (failed). */
export const isUnsent = (m: Pick<ChatMessage, 'outgoing' | 'status'>) =>
  m.outgoing && (m.status === 'pending' || m.status === 'failed');
