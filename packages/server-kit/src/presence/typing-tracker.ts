import { ParleyError } from '@parley/core';
import { type Logger, silentLogger } from '../contracts/logger.js';
import { type SetTimer, systemTimer } from '../contracts/timer.js';

/** A change of one user's typing state in one chat. */
export interface TypingChange {
  chatId: string;
  userId: string;
  typing: boolean;
}

/** Options of {@link typingTracker}. */
export interface TypingTrackerOptions {
  /**
   * Called when a user starts typing in a chat, on each refresh (typing again), and when they stop: by
   * `setTyping(…, false)`, {@link TypingTracker.userGone}, or expiry. Errors thrown are logged.
   */
  onChange: (change: TypingChange) => void;
  /** Typing ends this long after the last `setTyping(…, true)` (ms); default 10,000. */
  expiryMs?: number;
  setTimer?: SetTimer;
  logger?: Logger;
  /** Chats one user may be typing in at once (each holds a timer); default 50. */
  maxChatsPerUser?: number;
}

/**
 * Ephemeral typing state per (chat, user), in memory only: nothing is stored or queued, so a
 * device that is offline never learns of it. Whoever relays the changes sends them only to
 * connected devices.
 */
export interface TypingTracker {
  /**
   * Starts (or refreshes, restarting the expiry) or stops typing of `userId` in `chatId`. Starting
   * in one chat more than `maxChatsPerUser` throws ParleyError('INVALID_ARGUMENT') and changes nothing.
   */
  setTyping(chatId: string, userId: string, typing: boolean): void;
  /** Users typing in a chat now, sorted: the snapshot for a device that opens the chat. */
  typingIn(chatId: string): string[];
  /** Stops every typing state of a user (their last device went away). */
  userGone(userId: string): void;
  /** Forgets everything without emitting and cancels every expiry timer. */
  stop(): void;
}

/** Default expiry of a typing state without refresh (ms). */
export const TYPING_EXPIRY_MS = 10_000;

/** Default of {@link TypingTrackerOptions.maxChatsPerUser}: nobody types in more chats at once. */
export const MAX_TYPING_CHATS_PER_USER = 50;

/** Creates a {@link TypingTracker}. */
export function typingTracker(options: TypingTrackerOptions): TypingTracker {
  const { onChange } = options;
  const setTimer = options.setTimer ?? systemTimer;
  const logger = options.logger ?? silentLogger;
  const expiryMs = options.expiryMs ?? TYPING_EXPIRY_MS;
  if (!(expiryMs > 0) || !Number.isFinite(expiryMs)) {
    throw new ParleyError('INVALID_ARGUMENT', 'expiryMs must be a positive number');
  }

  /** Chat -> user -> cancel of the user's expiry timer. */
  const chats = new Map<string, Map<string, () => void>>();
  /** User -> chats where they type, so `userGone` needs no scan. */
  const byUser = new Map<string, Set<string>>();

  const emit = (change: TypingChange): void => {
    try {
      onChange(change);
    } catch (error) {
      logger.warn('typing: onChange threw', { ...change, error });
    }
  };

  const stopTyping = (chatId: string, userId: string): void => {
    const users = chats.get(chatId);
    const cancel = users?.get(userId);
    if (!users || !cancel) return;
    cancel();
    users.delete(userId);
    if (users.size === 0) chats.delete(chatId);
    const mine = byUser.get(userId);
    mine?.delete(chatId);
    if (mine?.size === 0) byUser.delete(userId);
    emit({ chatId, userId, typing: false });
  };

  return {
    setTyping(chatId, userId, typing) {
      if (!typing) {
        stopTyping(chatId, userId);
        return;
      }
      const maxChats = options.maxChatsPerUser ?? MAX_TYPING_CHATS_PER_USER;
      if (!chats.get(chatId)?.has(userId) && (byUser.get(userId)?.size ?? 0) >= maxChats) {
        throw new ParleyError('INVALID_ARGUMENT', `typing in at most ${maxChats} chats at once`);
      }
      let users = chats.get(chatId);
      if (!users) {
        users = new Map();
        chats.set(chatId, users);
      }
      const previous = users.get(userId);
      previous?.();
      users.set(
        userId,
        setTimer(() => stopTyping(chatId, userId), expiryMs),
      );
      if (previous) {
        // A refresh is passed on too: receivers expire typing on their own clock, so they must
        // hear it again before that (clients send at most one refresh every few seconds).
        emit({ chatId, userId, typing: true });
        return;
      }
      let mine = byUser.get(userId);
      if (!mine) {
        mine = new Set();
        byUser.set(userId, mine);
      }
      mine.add(chatId);
      emit({ chatId, userId, typing: true });
    },

    typingIn(chatId) {
      return [...(chats.get(chatId)?.keys() ?? [])].sort();
    },

    userGone(userId) {
      for (const chatId of [...(byUser.get(userId) ?? [])]) stopTyping(chatId, userId);
    },

    stop() {
      for (const users of chats.values()) for (const cancel of users.values()) cancel();
      chats.clear();
      byUser.clear();
    },
  };
}
