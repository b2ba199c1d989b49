// The composer: a typed text goes to the client as a message, or as a reply or an edit when the
// message actions set that mode; typing indicators follow the text in a 1:1 chat.
import { isParleyError, type ParleyClient } from '@parley/client';
import type { TypingSender } from '../typing.js';
import type { ConversationView } from '../views/conversation.js';
import type { MessageActionsView } from '../views/message-actions.js';
import type { ConversationController } from './conversation-controller.js';
import type { GroupChats } from './group-chats.js';
import type { MessageActions } from './message-actions-controller.js';
import type { SerialQueue } from './serial-queue.js';

export interface ComposerParts {
  client: Pick<ParleyClient, 'send' | 'actions'>;
  view: ConversationView;
  queue: SerialQueue;
  conversation: ConversationController;
  /** The mode reply and edit set for the next send. */
  mode: MessageActionsView;
  actions: MessageActions;
  groups: GroupChats;
  typing: TypingSender;
}

export class Composer {
  constructor(private readonly parts: ComposerParts) {}

  /** The composer's text changed: typing indicators (1:1 chats only). */
  input(hasText: boolean): void {
    const chatId = this.parts.view.openChatId;
    // Typing indicators are 1:1 only.
    if (chatId && !this.parts.groups.has(chatId)) this.parts.typing.input(chatId, hasText);
  }

  /** Sends the typed text to the open chat: a new message, or the reply or edit the mode says. */
  send(text: string): void {
    const { client, view, queue, conversation, mode: modes, actions, typing } = this.parts;
    const chatId = view.openChatId;
    if (!chatId) return;
    const mode = modes.take();
    if (mode.kind === 'edit') {
      actions.act(client.actions.edit(mode.messageId, text));
      return;
    }
    if (mode.kind === 'reply') {
      // The reply's bubble appears when the client has stored and sent it (message:sent).
      actions.act(client.actions.reply(mode.messageId, text));
      return;
    }
    typing.stop();
    view.showError('');
    queue.run(async () => {
      // Sending from an older part of the history: back to the newest messages, where this one goes.
      if (!view.showsLatest) await conversation.showLatest(chatId);
      try {
        conversation.showQueued(await client.send(chatId, text));
      } catch (error) {
        // Not even queued (e.g. too long): nothing was stored, so say why.
        view.showError(notSentReason(error, chatId));
      }
    });
  }
}

/** Why a message to `chatId` was not sent, as the chat says it. */
export function notSentReason(error: unknown, chatId: string): string {
  if (isParleyError(error, 'UNKNOWN_RECIPIENT')) {
    return `Not sent: ${chatId} has not signed in yet, so there is no device to deliver to.`;
  }
  return `Not sent: ${(error as Error).message}`;
}
