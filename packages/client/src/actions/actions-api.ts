import { ParleyError } from '@parley/core';
import type { SignalAddress } from '@parley/core/crypto';
import type { ReceivedMessage } from '../events.js';
import { getMessage } from '../messages/message-store.js';
import type { Outbox, SendResult } from '../outbox/outbox.js';
import type { ClientStore } from '../stores/client-store.js';
import { chatTimer } from './action-store.js';
import { ACTION_LIMITS, type DisappearingTimer, isDisappearingTimer, type MessageMeta } from './action-types.js';
import type { ExpirySweeper } from './expiry.js';
import { type LocalChange, sendAction, sendChatSetting } from './send-action.js';

/** Replies, reactions, edits, deletes, mentions, forwards and disappearing messages. */
export interface MessageActionsApi {
  /** Sends a text with a reply, mentions or a forwarded mark (`sendText` with options). */
  sendText(to: string, text: string, options?: SendTextOptions): Promise<SendResult>;
  /** Replies to a stored message, in its chat, quoting it. */
  reply(messageId: string, text: string, options?: { mentions?: string[] }): Promise<SendResult>;
  /** Reacts to a message (one reaction per user: this replaces the previous); `''` removes it. */
  react(messageId: string, emoji: string): Promise<SendResult>;
  /** Replaces the text (or caption) of a message this user sent, within 15 minutes of sending it. */
  edit(messageId: string, text: string): Promise<SendResult>;
  /** Deletes a message for everyone (its sender within 48 h, or a group admin): a tombstone remains. */
  deleteForEveryone(messageId: string): Promise<SendResult>;
  /** Sends a stored text message to another chat, marked forwarded. */
  forward(messageId: string, to: string): Promise<SendResult>;
  /**
   * Sets a chat's disappearing-messages timer (0, 86400, 604800 or 7776000 s) for messages sent
   * afterwards; resolves once the server has it. In a group this is `groups.setDisappearing` (a
   * signed group record, admins only: FORBIDDEN otherwise).
   */
  setDisappearing(chatId: string, seconds: number): Promise<void>;
  /** A chat's disappearing-messages timer in seconds (0: off). */
  disappearing(chatId: string): Promise<number>;
  /** Deletes the disappearing messages whose time has come now (the client also does so by itself). */
  sweepExpired(): Promise<number>;
}

export interface SendTextOptions {
  /** Id of a stored message this one replies to (quoted with a preview). */
  replyTo?: string;
  /** User ids this message mentions (a group's members; at most 64). */
  mentions?: string[];
  forwarded?: boolean;
}

/** What the actions API needs from the client. */
export interface ActionsApiDeps {
  store: ClientStore;
  /** The opened parts (and a connection started on first use). */
  parts(): Promise<{ outbox: Outbox; self: SignalAddress; sweeper: ExpirySweeper }>;
  clock: { now(): number };
  send(to: string, text: string, meta: MessageMeta): Promise<SendResult>;
  /** Reports what this device applied to its own store. */
  changed(change: LocalChange): void;
  /** Whether a chat is a group this device knows. */
  isGroup(chatId: string): Promise<boolean>;
  /** Sets a group's timer through its signed record chain. */
  setGroupTimer(groupId: string, seconds: number): Promise<void>;
}

const quoteOf = (m: ReceivedMessage) => ({
  id: m.id,
  userId: m.from.userId,
  text: (m.content.kind === 'text'
    ? m.content.text
    : m.content.kind === 'media'
      ? (m.content.media.caption ?? '')
      : ''
  ).slice(0, ACTION_LIMITS.quoteChars),
});

function checkMentions(mentions: string[] | undefined): string[] | undefined {
  if (!mentions?.length) return undefined;
  if (mentions.length > ACTION_LIMITS.mentions) {
    throw new ParleyError('INVALID_ARGUMENT', `at most ${ACTION_LIMITS.mentions} mentions`);
  }
  if (mentions.some((u) => typeof u !== 'string' || !u || u.length > ACTION_LIMITS.userIdChars)) {
    throw new ParleyError('INVALID_ARGUMENT', 'a mention must be a user id');
  }
  return [...new Set(mentions)];
}

/** The actions API over the client's parts. */
export function actionsApi(deps: ActionsApiDeps): MessageActionsApi {
  const stored = async (id: string) => {
    const m = await deps.store.transaction((tx) => getMessage(tx, id));
    if (!m) throw new ParleyError('NOT_FOUND', `no message ${id} on this device`);
    return m;
  };
  const run = async (send: (d: Parameters<typeof sendAction>[0]) => ReturnType<typeof sendAction>) => {
    const { outbox, self } = await deps.parts();
    const { change, sent } = await send({ store: deps.store, outbox, self, clock: deps.clock });
    deps.changed(change);
    return sent;
  };
  const api: MessageActionsApi = {
    async sendText(to, text, options = {}) {
      if (typeof text !== 'string') throw new ParleyError('INVALID_ARGUMENT', 'text must be a string');
      const mentions = checkMentions(options.mentions);
      const meta: MessageMeta = {
        ...(options.replyTo ? { replyTo: quoteOf(await stored(options.replyTo)) } : {}),
        ...(mentions ? { mentions } : {}),
        ...(options.forwarded ? { forwarded: true } : {}),
      };
      return deps.send(to, text, meta);
    },
    async reply(messageId, text, options = {}) {
      const m = await stored(messageId);
      return api.sendText(m.chatId, text, { ...options, replyTo: messageId });
    },
    async react(messageId, emoji) {
      if (typeof emoji !== 'string' || emoji.length > ACTION_LIMITS.emojiChars) {
        throw new ParleyError('INVALID_ARGUMENT', 'a reaction is one emoji');
      }
      return run((d) => sendAction(d, { kind: 'reaction', messageId, emoji }));
    },
    async edit(messageId, text) {
      if (typeof text !== 'string' || text.length > ACTION_LIMITS.textChars) {
        throw new ParleyError('INVALID_ARGUMENT', 'text must be a string of at most 65536 characters');
      }
      return run((d) => sendAction(d, { kind: 'edit', messageId, text }));
    },
    async deleteForEveryone(messageId) {
      return run((d) => sendAction(d, { kind: 'delete', messageId }));
    },
    async forward(messageId, to) {
      const m = await stored(messageId);
      if (m.content.kind !== 'text') throw new ParleyError('INVALID_ARGUMENT', 'only text messages can be forwarded');
      return api.sendText(to, m.content.text, { forwarded: true });
    },
    async setDisappearing(chatId, seconds) {
      if (!isDisappearingTimer(seconds)) {
        throw new ParleyError('INVALID_ARGUMENT', 'the timer must be 0, 86400, 604800 or 7776000 seconds');
      }
      if (await deps.isGroup(chatId)) return deps.setGroupTimer(chatId, seconds);
      await run((d) => sendChatSetting(d, chatId, seconds as DisappearingTimer));
    },
    async disappearing(chatId) {
      return deps.store.transaction((tx) => chatTimer(tx, chatId));
    },
    async sweepExpired() {
      return (await deps.parts()).sweeper.sweep();
    },
  };
  return api;
}
