// What the buttons on a message do (react, delete for everyone, retry, cancel) and the open chat's
// disappearing timer. An action's failure shows in the chat; its success arrives as `message:updated`.
import type { ParleyClient, SendHandle } from '@parley/client';
import type { ConversationView } from '../views/conversation.js';
import type { MessageActionHandlers } from '../views/message-actions.js';
import type { SerialQueue } from './serial-queue.js';

export interface MessageActionsParts {
  client: Pick<ParleyClient, 'actions' | 'unsent'>;
  conversation: ConversationView;
  queue: SerialQueue;
  refreshList(): void;
  /** Shows a message the client queued again (pending). */
  showQueued(handle: SendHandle): void;
}

export class MessageActions implements MessageActionHandlers {
  constructor(private readonly parts: MessageActionsParts) {}

  react(id: string, emoji: string): void {
    this.act(this.parts.client.actions.react(id, emoji));
  }

  deleteForEveryone(id: string): void {
    this.act(this.parts.client.actions.deleteForEveryone(id));
  }

  setDisappearing(seconds: number): void {
    const chatId = this.parts.conversation.openChatId;
    if (chatId) this.act(this.parts.client.actions.setDisappearing(chatId, seconds));
  }

  /** An action's failure shows in the chat (its success arrives as `message:updated`). */
  act(doing: Promise<unknown>): void {
    doing.catch((error: unknown) =>
      this.parts.conversation.showError(error instanceof Error ? error.message : String(error)),
    );
  }

  /** Sends a failed message again, under its own id (it turns pending again). */
  retry(id: string): void {
    const { client, conversation, queue } = this.parts;
    conversation.showError('');
    queue.run(async () => {
      try {
        this.parts.showQueued(await client.unsent.retry(id));
      } catch (error) {
        conversation.showError(`Not sent again: ${(error as Error).message}`);
      }
    });
  }

  /** Takes back a message still waiting in the outbox. */
  cancel(id: string): void {
    const { client, conversation, queue } = this.parts;
    queue.run(async () => {
      const chatId = conversation.openChatId;
      if (await client.unsent.cancel(id)) {
        if (chatId) conversation.remove(id);
        this.parts.refreshList();
      } else {
        conversation.showError('Too late to cancel: the message is on its way.');
      }
    });
  }
}
