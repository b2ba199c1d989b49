// Messages as the user sees them arrive: the bubble in the open chat (read at once while it is on
// screen), the list's unread count, a word for screen readers, a system notification while the
// tab is hidden; and reading what came in meanwhile once the tab is visible again.
import type { ParleyClient, StoredMessage } from '@parley/client';
import { toChatMessage } from '../chat-message.js';
import type { PeerState } from '../format.js';
import { notifyMessage } from '../notifications.js';
import type { TypingSender } from '../typing.js';
import type { ConversationView } from '../views/conversation.js';
import { announce } from '../views/dom.js';
import type { ChatListController } from './chat-list-controller.js';
import type { ConversationController } from './conversation-controller.js';
import type { GroupChats } from './group-chats.js';
import type { PeerPresence } from './peer-presence.js';
import type { SerialQueue } from './serial-queue.js';

const noop = () => {};

export interface IncomingParts {
  client: Pick<ParleyClient, 'markRead' | 'setActive'>;
  view: ConversationView;
  queue: SerialQueue;
  conversation: ConversationController;
  list: ChatListController;
  groups: GroupChats;
  presence: PeerPresence;
  typing: TypingSender;
  /** Records a peer's change and shows it. */
  updatePeer(userId: string, change: Partial<PeerState>): void;
}

export class Incoming {
  constructor(private readonly parts: IncomingParts) {}

  /** A message arrived (or one this user sent from another device). */
  async received(m: StoredMessage): Promise<void> {
    const { client, view, conversation, list, groups, presence, updatePeer } = this.parts;
    await groups.learnFrom(m);
    const message = toChatMessage(m);
    const open = view.openChatId === m.chatId;
    const onScreen = open && !document.hidden;
    // A message from the peer ends their typing, as the next keystroke would restart it.
    if (!m.outgoing && presence.isTyping(m.from.userId)) updatePeer(m.from.userId, { typing: false });
    if (open) view.upsert(message);
    if (!m.outgoing && onScreen) await client.markRead(m.chatId, [m.id]).catch(noop);
    list.refresh();
    if (m.outgoing) return;
    const group = groups.get(m.chatId);
    const sender = m.from.userId;
    announce(
      open
        ? `${sender}: ${message.text}`
        : group
          ? `New message from ${sender} in ${group.name}`
          : `New message from ${sender}`,
    );
    notifyMessage(group?.name ?? sender, group ? `${sender}: ${message.text}` : message.text, () =>
      conversation.open(m.chatId),
    );
  }

  /** The tab was hidden or shown: the server learns whether the user is here; shown, the open chat is read. */
  visibilityChanged(): void {
    const { client, view, queue, conversation, typing } = this.parts;
    void client.setActive(!document.hidden).catch(noop);
    if (document.hidden) {
      typing.stop();
      return;
    }
    const chatId = view.openChatId;
    if (chatId) queue.run(() => conversation.markRead(chatId));
  }
}
