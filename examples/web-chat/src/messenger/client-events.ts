// Client events to the messenger's parts: those that touch the open chat or the list run in the
// queue, one at a time and in order.
import type { PeerState } from '../format.js';
import type { Session } from '../session.js';
import type { ConversationView } from '../views/conversation.js';
import type { MessageActionsView } from '../views/message-actions.js';
import { type IdentityNotice, identityNoticeText } from '../views/safety-panel.js';
import type { ChatListController } from './chat-list-controller.js';
import { notSentReason } from './composer.js';
import type { ConversationController } from './conversation-controller.js';
import type { GroupChats } from './group-chats.js';
import type { Incoming } from './incoming.js';
import type { PeerPresence } from './peer-presence.js';
import type { SerialQueue } from './serial-queue.js';

export interface ClientEventParts {
  session: Session;
  queue: SerialQueue;
  view: ConversationView;
  actionsView: MessageActionsView;
  presence: PeerPresence;
  list: ChatListController;
  conversation: ConversationController;
  groups: GroupChats;
  incoming: Incoming;
  /** Records a peer's change and shows it. */
  updatePeer(userId: string, change: Partial<PeerState>): void;
  /** Shows this tab's connection (banner, header line, list). */
  showConnection(): void;
}

export function routeClientEvents(parts: ClientEventParts): void {
  const { session, queue, view, actionsView, presence, list, conversation, groups, incoming, updatePeer } = parts;
  const { client, userId } = session;
  client.on('connection:state', ({ state }) => {
    presence.connection = state;
    // Peers' presence is not shown while this tab is not connected (it would be stale); the
    // client renews its subscriptions after a reconnect and reports what changed meanwhile.
    if (state === 'connected') presence.subscribe(list.directChats());
    parts.showConnection();
  });
  client.on('message:received', (m) => queue.run(() => incoming.received(m)));
  client.on('message:sent', ({ id }) => queue.run(() => conversation.showStored(id)));
  client.on('message:updated', ({ message }) => queue.run(() => conversation.showUpdated(message)));
  client.on('message:expired', ({ id, chatId }) => queue.run(async () => conversation.expired(id, chatId)));
  client.on('chat:setting', ({ chatId, disappearingS }) => {
    if (view.openChatId === chatId) actionsView.showTimer(disappearingS);
  });
  client.on('message:failed', ({ id, chatId, error }) =>
    queue.run(async () => {
      await conversation.showStored(id);
      if (view.openChatId === chatId) view.showError(notSentReason(error, chatId));
    }),
  );
  // In the queue too: a receipt for a message whose bubble is being drawn waits for it.
  client.on('receipt:updated', (u) =>
    queue.run(async () => {
      // Reads on another device of this user concern incoming messages: no ticks to move.
      if (u.by !== userId && view.openChatId === u.chatId) view.setStatus(u.messageId, u.status);
    }),
  );
  client.on('presence:changed', ({ userId: peer, online, lastSeen }) => updatePeer(peer, { online, lastSeen }));
  client.on('typing:changed', ({ chatId, typing }) => updatePeer(chatId, { typing }));
  client.on('group:updated', ({ group }) => queue.run(() => groups.changed(group)));
  const notify = (notice: IdentityNotice) => {
    if (view.openChatId === notice.userId) view.showError(identityNoticeText(notice));
  };
  client.on('identity:changed', (e) => notify({ kind: 'identity', ...e }));
  client.on('devices:changed', (e) => {
    if (e.added.length || e.removed.length) notify({ kind: 'devices', ...e });
  });
  client.on('devices:flagged', (e) => notify({ kind: 'flagged', ...e }));
  client.on('group:flagged', ({ groupId }) => {
    if (view.openChatId === groupId) {
      view.showError('The server sent a group change that does not verify: it was refused.');
    }
  });
}
