// The open chat: which chat the conversation view shows (opened, left for the list), its pages of
// history from the client, and its bubbles kept in step with what the client stored.
import type { ReceivedMessage, SendHandle } from '@parley/client';
import { toChatMessage } from '../chat-message.js';
import type { MediaUrls } from '../media-urls.js';
import type { Session } from '../session.js';
import type { TypingSender } from '../typing.js';
import type { ConversationView, ShownPage } from '../views/conversation.js';
import { PAGE_SIZE } from '../views/history-window.js';
import type { MessageActionsView } from '../views/message-actions.js';
import type { SafetyPanelView } from '../views/safety-panel.js';
import type { ChatListController } from './chat-list-controller.js';
import type { GroupChats } from './group-chats.js';
import type { PeerPresence } from './peer-presence.js';
import type { SerialQueue } from './serial-queue.js';

export interface ConversationParts {
  session: Session;
  view: ConversationView;
  queue: SerialQueue;
  list: ChatListController;
  groups: GroupChats;
  presence: PeerPresence;
  actions: MessageActionsView;
  safetyPanel: SafetyPanelView;
  typing: TypingSender;
  media: MediaUrls;
}

export class ConversationController {
  constructor(private readonly parts: ConversationParts) {}

  /** Opens a chat (from the list, a notification, a new chat or group) and marks it read when visible. */
  open(chatId: string): void {
    const { session, view, queue, groups, presence, actions, safetyPanel, typing, media, list } = this.parts;
    queue.run(async () => {
      if (view.openChatId !== chatId) {
        typing.stop();
        media.revokeAll();
      }
      await this.showLatest(chatId);
      const group = groups.get(chatId);
      actions.reset();
      actions.showTimer(await session.client.actions.disappearing(chatId));
      groups.showPanel(group);
      safetyPanel.show(group ? undefined : chatId);
      view.setComposerEnabled(!group || group.isMember);
      list.render();
      if (!document.hidden) await this.markRead(chatId);
      if (!group) presence.subscribe([chatId]);
    });
  }

  /** Shows the newest page of a chat. */
  async showLatest(chatId: string): Promise<void> {
    this.parts.view.open(chatId, await this.page(chatId), this.header(chatId));
  }

  /** Back to the chat list, with the focus on the row of the chat just left. */
  close(): void {
    const { view, typing, media, groups, list } = this.parts;
    const chatId = view.openChatId;
    typing.stop();
    media.revokeAll();
    view.close();
    groups.showPanel(undefined);
    list.render();
    if (chatId) list.focus(chatId);
  }

  /** A page of a chat's history from the client, as the views show it. */
  async page(chatId: string, range: { before?: string; after?: string } = {}): Promise<ShownPage> {
    const page = await this.parts.session.client.messages(chatId).page({ ...range, limit: PAGE_SIZE });
    return { messages: page.messages.map(toChatMessage), hasOlder: page.hasOlder, hasNewer: page.hasNewer };
  }

  /** Shows a message as the client stored it now (sent, failed, or a reply this device queued). */
  async showStored(id: string): Promise<void> {
    const stored = await this.parts.session.client.getMessage(id);
    if (!stored) return;
    if (this.parts.view.openChatId === stored.chatId) this.parts.view.upsert(toChatMessage(stored));
    this.parts.list.refresh();
  }

  /** A send was queued: its bubble shows at once, pending (the local echo). */
  showQueued(handle: SendHandle): void {
    const { view, list } = this.parts;
    list.messageQueued(handle.message.chatId);
    if (view.openChatId === handle.message.chatId) view.upsert(toChatMessage(handle.message));
    list.refresh();
  }

  /** A reaction, edit or delete changed a message: its bubble follows, and the list when it is the last one. */
  async showUpdated(m: ReceivedMessage): Promise<void> {
    const { session, view, list } = this.parts;
    if (view.openChatId === m.chatId) {
      const stored = await session.client.getMessage(m.id);
      view.upsert(toChatMessage(stored ?? m));
    }
    list.refresh();
  }

  /** A disappearing message expired: its bubble goes, and the list follows. */
  expired(id: string, chatId: string): void {
    if (this.parts.view.openChatId === chatId) this.parts.view.remove(id);
    this.parts.list.refresh();
  }

  /** Marks a chat read up to its last message, when it has unread ones. */
  async markRead(chatId: string): Promise<void> {
    const { client } = this.parts.session;
    const chat = await client.chats.get(chatId);
    if (!chat?.lastMessage || chat.unreadCount === 0) return;
    await client.markRead(chatId, { upTo: chat.lastMessage.id });
    this.parts.list.refresh();
  }

  /** The open chat's header line again (this tab's connection changed). */
  refreshHeaderLine(): void {
    const chatId = this.parts.view.openChatId;
    if (chatId) this.parts.view.setPresence(this.header(chatId).subtitle);
  }

  /** A peer's presence or typing changed: the header of their open 1:1 chat follows. */
  peerChanged(userId: string): void {
    if (this.parts.view.openChatId === userId && !this.parts.groups.has(userId)) {
      this.parts.view.setPresence(this.header(userId).subtitle);
    }
  }

  private header(chatId: string): { title: string; subtitle: string; group: boolean } {
    const { groups, presence, session } = this.parts;
    const group = groups.get(chatId);
    const subtitle = presence.headerLine(chatId, group, session.userId);
    return group ? { title: group.name, subtitle, group: true } : { title: chatId, subtitle, group: false };
  }
}
