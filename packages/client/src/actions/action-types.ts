// What the message actions are, and the limits every device applies to them (sender and receiver
// alike, so a modified client cannot make another device store more than these).

/** How long after sending its sender may edit a message (WhatsApp's window). */
export const EDIT_WINDOW_MS = 15 * 60 * 1000;
/** How long after sending its sender (or a group admin) may delete a message for everyone. */
export const DELETE_WINDOW_MS = 48 * 60 * 60 * 1000;

/** Size limits of the action fields. */
export const ACTION_LIMITS = {
  /** A reaction is one emoji (a grapheme cluster may take several code points). */
  emojiChars: 32,
  /** Text of a message or an edit. */
  textChars: 65_536,
  /** Mentions in one message, and the length of each user id. */
  mentions: 64,
  userIdChars: 128,
  /** A quote's preview text (cut, not refused). */
  quoteChars: 200,
  /** Actions kept for one message this device does not have yet. */
  pendingPerTarget: 256,
} as const;

// The disappearing-message timers a chat (1:1 setting or group record) may have, in seconds: off,
// 24 h, 7 d, 90 d. One list, in core, which also checks group records against it.
import type { DisappearingTimer } from '@parley/core/groups';

export { DISAPPEARING_TIMERS, type DisappearingTimer, isDisappearingTimer } from '@parley/core/groups';

/** An action on an earlier message, as decoded from a Content. */
export type MessageAction =
  /** Empty `emoji` removes this user's reaction. */
  | { kind: 'reaction'; messageId: string; emoji: string }
  | { kind: 'edit'; messageId: string; text: string }
  | { kind: 'delete'; messageId: string };

/** A chat setting, ordered by a Lamport clock (`version`), ties broken by the sender's address. */
export interface ChatSetting {
  version: number;
  disappearingS: DisappearingTimer;
}

/** What a message may carry beside its content. */
export interface MessageMeta {
  /** The message it replies to, with a preview so a device without it still shows a quote. */
  replyTo?: { id: string; userId: string; text: string };
  /** User ids it mentions (group messages). */
  mentions?: string[];
  forwarded?: boolean;
  /** Seconds after `sentAt` when every device deletes it (the chat's timer when it was sent). */
  expiresInS?: number;
}
