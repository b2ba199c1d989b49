// The messenger screen: wires client events to the history and the views, and user actions to the client.
import { type ConnectionState, isParleyError, type ParleyError, type ReceivedMessage } from '@parley/client';
import { type PeerState, presenceLine } from './format.js';
import * as history from './history.js';
import { notifyMessage, setUpPermissionButton } from './notifications.js';
import { PendingSends } from './pending-sends.js';
import { type Session, USER_NAME } from './session.js';
import { TypingSender } from './typing.js';
import { ChatListView } from './views/chat-list.js';
import { ConversationView, type ShownMessage } from './views/conversation.js';
import { announce, byId } from './views/dom.js';
import { showScreen } from './views/screens.js';

const noop = () => {};

export class ChatApp {
  private readonly chats = new Map<string, history.ChatSummary>();
  private readonly peers = new Map<string, PeerState>();
  private readonly pending = new PendingSends();
  private readonly list = new ChatListView(byId('chat-list', HTMLUListElement), (chatId) => this.openChat(chatId));
  private readonly conversation = new ConversationView({
    onSend: (text) => this.send(text),
    onInput: (hasText) => {
      const chatId = this.conversation.openChatId;
      if (chatId) this.typing.input(chatId, hasText);
    },
    onBack: () => this.closeChat(),
  });
  private readonly typing: TypingSender;
  /** Client events and chat switches run one at a time, in order, so views never see stale state. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly session: Session,
    private readonly signOut: (error?: string) => Promise<void>,
  ) {
    this.typing = new TypingSender((chatId, typing) => void session.client.setTyping(chatId, typing).catch(noop));
  }

  async start(): Promise<void> {
    const { client, store, userId } = this.session;
    byId('me-name', HTMLElement).textContent = userId;
    setUpPermissionButton(byId('notifications', HTMLButtonElement));
    byId('sign-out', HTMLButtonElement).onclick = () => void this.signOut();
    byId('new-chat', HTMLFormElement).onsubmit = (event) => {
      event.preventDefault();
      this.newChat();
    };
    this.listen();
    for (const chat of await history.listChats(store)) this.chats.set(chat.chatId, chat);
    this.renderList();
    showScreen('messenger');
    document.addEventListener('visibilitychange', () => this.visibilityChanged());
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
    this.subscribePresence([...this.chats.keys()]);
  }

  private listen(): void {
    const { client, userId } = this.session;
    client.on('connection:state', ({ state }) => showConnection(state));
    client.on('message:received', (m) => this.serial(() => this.received(m)));
    client.on('message:sent', ({ id, chatId }) => this.serial(() => this.confirmed(id, chatId)));
    client.on('message:failed', ({ id, chatId, error }) => this.serial(() => this.confirmed(id, chatId, error)));
    // In the queue too: a receipt for a message whose bubble is still pending then waits for its
    // confirmation, which reads the status the receipt already stored.
    client.on('receipt:updated', (u) =>
      this.serial(async () => {
        // Reads on another device of this user concern incoming messages: no ticks to move.
        if (u.by !== userId && this.conversation.openChatId === u.chatId) {
          this.conversation.setStatus(u.messageId, u.status);
        }
      }),
    );
    client.on('presence:changed', ({ userId: peer, online, lastSeen }) => this.updatePeer(peer, { online, lastSeen }));
    client.on('typing:changed', ({ chatId, typing }) => this.updatePeer(chatId, { typing }));
  }

  private serial(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((error: unknown) => console.error('web chat:', error));
  }

  private async received(m: ReceivedMessage): Promise<void> {
    const message = history.toChatMessage(m);
    if (!message) return;
    const open = this.conversation.openChatId === m.chatId;
    const onScreen = open && !document.hidden;
    const { chat, added } = await history.recordMessage(this.session.store, message, { read: onScreen });
    if (!added) return;
    this.chats.set(chat.chatId, chat);
    // A message from the peer ends their typing, as the next keystroke would restart it.
    if (!m.outgoing && this.peers.get(m.chatId)?.typing) this.updatePeer(m.chatId, { typing: false });
    this.renderList();
    if (open) this.conversation.append({ ...message, status: m.outgoing ? 'sent' : undefined });
    if (m.outgoing) return;
    if (onScreen) void this.session.client.markRead(m.chatId, [m.id]).catch(noop);
    announce(open ? `${m.chatId}: ${message.text}` : `New message from ${m.chatId}`);
    notifyMessage(m.chatId, message.text, () => this.openChat(m.chatId));
  }

  /** The outbox is done with a message: stored by the server (`message:sent`) or refused (`message:failed`). */
  private async confirmed(id: string, chatId: string, error?: ParleyError): Promise<void> {
    const { client, store } = this.session;
    const stored = await client.getMessage(id);
    const message = stored && history.toChatMessage(stored);
    if (!message) return;
    const { chat } = await history.recordMessage(store, message, { read: true });
    this.chats.set(chatId, chat);
    this.renderList();
    const match = this.pending.confirm(chatId, message.text);
    if (this.conversation.openChatId !== chatId) return;
    const shown: ShownMessage = { ...message, status: await client.messageStatus(id) };
    if (match) this.conversation.confirm(match.tempId, shown);
    else this.conversation.append(shown);
    if (error) this.conversation.showError(explain(error, chatId));
  }

  private send(text: string): void {
    const chatId = this.conversation.openChatId;
    if (!chatId) return;
    this.typing.stop();
    const pending = this.pending.add(chatId, text, Date.now());
    this.conversation.showError('');
    this.conversation.append({ id: pending.tempId, chatId, outgoing: true, text, sentAt: pending.sentAt });
    this.session.client.sendText(chatId, text).catch((error: unknown) =>
      this.serial(async () => {
        // Refusals were handled by message:failed; this is a send the outbox never took.
        if (!this.pending.remove(pending)) return;
        this.conversation.setStatus(pending.tempId, 'failed');
        this.conversation.showError(explain(error, chatId));
      }),
    );
  }

  private openChat(chatId: string): void {
    this.serial(async () => {
      const { client, store } = this.session;
      if (this.conversation.openChatId !== chatId) this.typing.stop();
      const messages = await history.loadMessages(store, chatId);
      const shown: ShownMessage[] = await Promise.all(
        messages.map(async (m) => (m.outgoing ? { ...m, status: await client.messageStatus(m.id) } : m)),
      );
      for (const p of this.pending.of(chatId)) {
        shown.push({ id: p.tempId, chatId, outgoing: true, text: p.text, sentAt: p.sentAt });
      }
      this.conversation.open(chatId, shown, presenceLine(this.peers.get(chatId), Date.now()));
      this.renderList();
      if (!document.hidden) await this.markChatRead(chatId);
      this.subscribePresence([chatId]);
    });
  }

  private closeChat(): void {
    const chatId = this.conversation.openChatId;
    this.typing.stop();
    this.conversation.close();
    this.renderList();
    if (chatId)
      byId('chat-list', HTMLUListElement)
        .querySelector<HTMLButtonElement>(`[data-chat-id="${CSS.escape(chatId)}"]`)
        ?.focus();
  }

  private async markChatRead(chatId: string): Promise<void> {
    const chat = this.chats.get(chatId);
    if (!chat?.last || chat.unread === 0) return;
    await this.session.client.markRead(chatId, { upTo: chat.last.id });
    const cleared = await history.clearUnread(this.session.store, chatId);
    if (cleared) this.chats.set(chatId, cleared);
    this.renderList();
  }

  private newChat(): void {
    const input = byId('new-chat-user', HTMLInputElement);
    const error = byId('new-chat-error', HTMLElement);
    const userId = input.value.trim().toLowerCase();
    if (!USER_NAME.test(userId)) {
      error.textContent = 'Enter a user name (lowercase letters, digits, dot, dash, underscore).';
      return;
    }
    if (userId === this.session.userId) {
      error.textContent = 'That is you: pick someone else.';
      return;
    }
    error.textContent = '';
    input.value = '';
    this.serial(async () => {
      this.chats.set(userId, await history.ensureChat(this.session.store, userId));
      this.renderList();
    });
    this.openChat(userId);
    // Tell now, not at the first send, when the peer has no device to write to (once the chat is
    // open: the check must not hold up the event queue while offline).
    this.serial(async () => {
      void this.session.client
        .listDevices(userId)
        .then((devices) => {
          if (devices.length === 0 && this.conversation.openChatId === userId) {
            this.conversation.showError(`${userId} has not signed in yet: messages cannot reach them until they do.`);
          }
        })
        .catch(noop);
    });
  }

  private updatePeer(userId: string, change: Partial<PeerState>): void {
    const peer: PeerState = { typing: false, ...this.peers.get(userId), ...change };
    this.peers.set(userId, peer);
    if (this.conversation.openChatId === userId) this.conversation.setPresence(presenceLine(peer, Date.now()));
    this.renderList();
  }

  private subscribePresence(userIds: string[]): void {
    if (userIds.length > 0) void this.session.client.presence.subscribe(userIds).catch(noop);
  }

  private visibilityChanged(): void {
    const { client } = this.session;
    void client.setActive(!document.hidden).catch(noop);
    if (document.hidden) {
      this.typing.stop();
      return;
    }
    const chatId = this.conversation.openChatId;
    if (chatId) this.serial(() => this.markChatRead(chatId));
  }

  private renderList(): void {
    const peers = [...this.peers.entries()];
    this.list.render([...this.chats.values()].sort(history.byActivity), {
      openChatId: this.conversation.openChatId,
      typing: new Set(peers.filter(([, p]) => p.typing).map(([id]) => id)),
      online: new Set(peers.filter(([, p]) => p.online).map(([id]) => id)),
      now: Date.now(),
    });
  }
}

function showConnection(state: ConnectionState): void {
  const text: Record<ConnectionState, string> = {
    idle: '',
    connecting: 'Connecting…',
    connected: '',
    reconnecting: 'Offline: new messages wait here and go out when the connection is back.',
    closed: 'Signed out.',
  };
  const element = byId('connection', HTMLElement);
  element.dataset.state = state;
  element.textContent = text[state];
}

function explain(error: unknown, chatId: string): string {
  if (isParleyError(error, 'UNKNOWN_RECIPIENT')) {
    return `Not sent: ${chatId} has not signed in yet, so there is no device to deliver to.`;
  }
  return `Not sent: ${(error as Error).message}`;
}
