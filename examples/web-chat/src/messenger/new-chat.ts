// The "New chat with" form: checks the name, lists and opens the chat, and tells at once when the
// peer has no device yet.
import type { ParleyClient } from '@parley/client';
import { USER_NAME } from '../session.js';
import type { ConversationView } from '../views/conversation.js';
import { byId } from '../views/dom.js';
import type { ChatListController } from './chat-list-controller.js';
import type { ConversationController } from './conversation-controller.js';
import type { SerialQueue } from './serial-queue.js';

const noop = () => {};

export interface NewChatParts {
  client: Pick<ParleyClient, 'listDevices'>;
  /** This user. */
  self: string;
  view: ConversationView;
  queue: SerialQueue;
  conversation: ConversationController;
  list: ChatListController;
}

export function setUpNewChatForm(parts: NewChatParts): void {
  byId('new-chat', HTMLFormElement).onsubmit = (event) => {
    event.preventDefault();
    newChat(parts);
  };
}

function newChat({ client, self, view, queue, conversation, list }: NewChatParts): void {
  const input = byId('new-chat-user', HTMLInputElement);
  const error = byId('new-chat-error', HTMLElement);
  const userId = input.value.trim().toLowerCase();
  if (!USER_NAME.test(userId)) {
    error.textContent = 'Enter a user name (lowercase letters, digits, dot, dash, underscore).';
    return;
  }
  if (userId === self) {
    error.textContent = 'That is you: pick someone else.';
    return;
  }
  error.textContent = '';
  input.value = '';
  list.start(userId);
  list.refresh();
  conversation.open(userId);
  // Tell now, not at the first send, when the peer has no device to write to (once the chat is
  // open: the check must not hold up the event queue while offline).
  queue.run(async () => {
    void client
      .listDevices(userId)
      .then((devices) => {
        if (devices.length === 0 && view.openChatId === userId) {
          view.showError(`${userId} has not signed in yet: messages cannot reach them until they do.`);
        }
      })
      .catch(noop);
  });
}
