// The messenger screen's wiring: builds the views and the parts behind them (src/messenger/), then
// routes client events and the page's own events (visibility, network) to those parts.
import { isParleyError } from '@parley/client';
import type { PeerState } from './format.js';
import { downloadBlob } from './media-sends.js';
import { MediaUrls } from './media-urls.js';
import { ChatListController } from './messenger/chat-list-controller.js';
import { routeClientEvents } from './messenger/client-events.js';
import { Composer } from './messenger/composer.js';
import { ConversationController } from './messenger/conversation-controller.js';
import { GroupChats } from './messenger/group-chats.js';
import { Incoming } from './messenger/incoming.js';
import { MediaComposer } from './messenger/media-composer.js';
import { MessageActions } from './messenger/message-actions-controller.js';
import { setUpNewChatForm } from './messenger/new-chat.js';
import { PeerPresence } from './messenger/peer-presence.js';
import { SerialQueue } from './messenger/serial-queue.js';
import { setUpPermissionButton } from './notifications.js';
import type { Session } from './session.js';
import { TypingSender } from './typing.js';
import { ChatListView } from './views/chat-list.js';
import { showConnectionBanner } from './views/connection-banner.js';
import { ConversationView } from './views/conversation.js';
import { byId } from './views/dom.js';
import { GroupPanelView } from './views/group-panel.js';
import { setUpImageViewer } from './views/image-viewer.js';
import { MessageActionsView } from './views/message-actions.js';
import { setUpNewGroupForm } from './views/new-group-form.js';
import { SafetyPanelView } from './views/safety-panel.js';
import { showScreen } from './views/screens.js';
import { setUpVoiceButton } from './views/voice-button.js';

const noop = () => {};

export class ChatApp {
  private readonly parts: {
    /** Client events and chat switches run one at a time, in order, so views never see stale state. */
    queue: SerialQueue;
    presence: PeerPresence;
    view: ConversationView;
    actionsView: MessageActionsView;
    list: ChatListController;
    groups: GroupChats;
    conversation: ConversationController;
    mediaComposer: MediaComposer;
    incoming: Incoming;
  };

  constructor(
    private readonly session: Session,
    private readonly signOut: (error?: string) => Promise<void>,
  ) {
    const { client, userId } = session;
    const queue = new SerialQueue();
    const presence = new PeerPresence(client);
    const media = new MediaUrls((id) => downloadBlob(client, id));
    // The views, in the order they hook into the page; their handlers reach the parts made below.
    const listView = new ChatListView(byId('chat-list', HTMLUListElement), (chatId) => conversation.open(chatId));
    const view: ConversationView = new ConversationView(
      {
        onSend: (text) => composer.send(text),
        onSendFiles: (files, caption) => mediaComposer.sendFiles(files, caption),
        onInput: (hasText) => composer.input(hasText),
        onBack: () => conversation.close(),
        loadPage: (chatId, range) => conversation.page(chatId, range),
      },
      media,
      () => session.userId,
    );
    const refreshList = () => list.refresh();
    const actions = new MessageActions({
      client,
      conversation: view,
      queue,
      refreshList,
      showQueued: (handle) => conversation.showQueued(handle),
    });
    const actionsView = new MessageActionsView(actions, (id) => view.messageText(id));
    const panel = new GroupPanelView({
      onAdd: (member) => groups.add(member),
      onRemove: (member) => groups.remove(member),
      onLeave: () => groups.leave(),
    });
    const safetyPanel = new SafetyPanelView((peer) => client.safetyNumber(peer));
    const typing = new TypingSender((chatId, typing) => void client.setTyping(chatId, typing).catch(noop));

    const openChat = (chatId: string) => conversation.open(chatId);
    const groups = new GroupChats({
      client,
      self: userId,
      conversation: view,
      panel,
      presence,
      queue,
      refreshList,
      openChat,
    });
    const list = new ChatListController({
      client,
      view: listView,
      groups: groups.all,
      presence,
      openChatId: () => view.openChatId,
    });
    const conversation: ConversationController = new ConversationController({
      session,
      view,
      queue,
      list,
      groups,
      presence,
      actions: actionsView,
      safetyPanel,
      typing,
      media,
    });
    const composer = new Composer({ client, view, queue, conversation, mode: actionsView, actions, groups, typing });
    const mediaComposer = new MediaComposer({ client, view, queue, conversation, media });
    const updatePeer = (peer: string, change: Partial<PeerState>) => this.updatePeer(peer, change);
    const incoming = new Incoming({ client, view, queue, conversation, list, groups, presence, typing, updatePeer });
    this.parts = { queue, presence, view, actionsView, list, groups, conversation, mediaComposer, incoming };
  }

  async start(): Promise<void> {
    const { client, userId } = this.session;
    const { parts } = this;
    const { queue, view, list, conversation, groups } = parts;
    byId('me-name', HTMLElement).textContent = userId;
    setUpPermissionButton(byId('notifications', HTMLButtonElement));
    setUpImageViewer();
    byId('sign-out', HTMLButtonElement).onclick = () => void this.signOut();
    byId('reconnect', HTMLButtonElement).onclick = () => client.reconnectNow();
    setUpNewChatForm({ client, self: userId, view, queue, conversation, list });
    setUpNewGroupForm(userId, (name, members) => groups.create(name, members));
    setUpVoiceButton(
      byId('record-voice', HTMLButtonElement),
      ({ blob, mimeType, durationMs }) => parts.mediaComposer.sendFile(blob, { kind: 'voice', mimeType, durationMs }),
      (text) => view.showError(text),
    );
    routeClientEvents({
      ...parts,
      session: this.session,
      updatePeer: (peer, change) => this.updatePeer(peer, change),
      showConnection: () => this.showConnection(),
    });
    await groups.load();
    await list.refresh();
    showScreen('messenger');
    document.addEventListener('visibilitychange', () => parts.incoming.visibilityChanged());
    // The client itself retries at once when the network comes back or the tab gets focus; the
    // header follows the browser's own idea of being offline, which comes before the socket notices.
    for (const type of ['online', 'offline']) window.addEventListener(type, () => this.showConnection());
    this.showConnection();
    try {
      await client.connect();
    } catch (error) {
      if (isParleyError(error, 'AUTH_FAILED')) {
        await this.signOut(
          `The server refused this browser as a device of ${userId}: that name is taken by another device. Pick another name.`,
        );
      }
      return;
    }
    // Connected and this device's keys are published: others can write to it now.
    byId('messenger', HTMLElement).dataset.ready = 'true';
    if (document.hidden) void client.setActive(false).catch(noop);
  }

  /** A peer's presence or typing changed: the open chat's header and the list follow. */
  private updatePeer(userId: string, change: Partial<PeerState>): void {
    const { presence, conversation, list } = this.parts;
    presence.update(userId, change);
    conversation.peerChanged(userId);
    list.render();
  }

  /** The connection banner, the open chat's header line and the list's online marks. */
  private showConnection(): void {
    const { presence, conversation, list } = this.parts;
    showConnectionBanner(presence.connection);
    conversation.refreshHeaderLine();
    list.render();
  }
}
