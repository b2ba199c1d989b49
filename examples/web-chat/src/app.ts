// The messenger screen: wires client events to the history and the views, and user actions to the client.
import { type ConnectionState, isParleyError, type ParleyError, type ReceivedMessage } from '@parley/client';
import { type PeerState, presenceLine } from './format.js';
import { type GroupInfo, membersLine } from './groups.js';
import * as history from './history.js';
import { kindOf, mediaLabel } from './media-info.js';
import { downloadBlob, MediaSends, type OutgoingMedia } from './media-sends.js';
import { MediaUrls } from './media-urls.js';
import { notifyMessage, setUpPermissionButton } from './notifications.js';
import { PendingSends } from './pending-sends.js';
import { type Session, USER_NAME } from './session.js';
import { TypingSender } from './typing.js';
import { ChatListView } from './views/chat-list.js';
import { ConversationView, type ShownMessage } from './views/conversation.js';
import { announce, byId } from './views/dom.js';
import { GroupPanelView } from './views/group-panel.js';
import { MessageActionsView } from './views/message-actions.js';
import { setUpNewGroupForm } from './views/new-group-form.js';
import { type IdentityNotice, identityNoticeText, SafetyPanelView } from './views/safety-panel.js';
import { showScreen } from './views/screens.js';
import { setUpVoiceButton } from './views/voice-button.js';

const noop = () => {};

export class ChatApp {
  private readonly chats = new Map<string, history.ChatSummary>();
  private readonly peers = new Map<string, PeerState>();
  private readonly pending = new PendingSends();
  /** Groups this device verified (client.groups), by id: a chat id found here is a group chat. */
  private readonly groups = new Map<string, GroupInfo>();
  private readonly media = new MediaUrls((id) => downloadBlob(this.session.client, id));
  private readonly mediaSends: MediaSends;
  private readonly list = new ChatListView(byId('chat-list', HTMLUListElement), (chatId) => this.openChat(chatId));
  private readonly conversation = new ConversationView(
    {
      onSend: (text) => this.send(text),
      onInput: (hasText) => {
        const chatId = this.conversation.openChatId;
        // Typing indicators are 1:1 only.
        if (chatId && !this.groups.has(chatId)) this.typing.input(chatId, hasText);
      },
      onBack: () => this.closeChat(),
      onAttach: (file) => this.sendFile(file, { kind: kindOf(file.type), mimeType: file.type }),
    },
    this.media,
    () => this.session.userId,
  );
  private readonly actions = new MessageActionsView(
    {
      react: (id, emoji) => this.act(this.session.client.actions.react(id, emoji)),
      deleteForEveryone: (id) => this.act(this.session.client.actions.deleteForEveryone(id)),
      setDisappearing: (seconds) => {
        const chatId = this.conversation.openChatId;
        if (chatId) this.act(this.session.client.actions.setDisappearing(chatId, seconds));
      },
    },
    (id) => this.conversation.messageText(id),
  );
  private readonly groupPanel = new GroupPanelView({
    onAdd: (userId) => this.changeGroup((id) => this.session.client.groups.add(id, [userId])),
    onRemove: (userId) => this.changeGroup((id) => this.session.client.groups.remove(id, [userId])),
    onLeave: () => this.changeGroup((id) => this.session.client.groups.leave(id)),
  });
  private readonly safetyPanel = new SafetyPanelView((peer) => this.session.client.safetyNumber(peer));
  private readonly typing: TypingSender;
  /** Client events and chat switches run one at a time, in order, so views never see stale state. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly session: Session,
    private readonly signOut: (error?: string) => Promise<void>,
  ) {
    this.mediaSends = new MediaSends(session.client);
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
    setUpNewGroupForm(userId, (name, members) => this.newGroup(name, members));
    setUpVoiceButton(
      byId('record-voice', HTMLButtonElement),
      ({ blob, mimeType, durationMs }) => this.sendFile(blob, { kind: 'voice', mimeType, durationMs }),
      (text) => this.conversation.showError(text),
    );
    this.listen();
    for (const chat of await history.listChats(store)) this.chats.set(chat.chatId, chat);
    for (const group of await client.groups.list()) await this.rememberGroup(group);
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
    this.subscribePresence([...this.chats.keys()].filter((id) => !this.groups.has(id)));
  }

  private listen(): void {
    const { client, userId } = this.session;
    client.on('connection:state', ({ state }) => showConnection(state));
    client.on('message:received', (m) => this.serial(() => this.received(m)));
    client.on('message:sent', ({ id, chatId }) => this.serial(() => this.confirmed(id, chatId)));
    client.on('message:updated', ({ message }) => this.serial(() => this.updated(message)));
    client.on('chat:setting', ({ chatId, disappearingS }) => {
      if (this.conversation.openChatId === chatId) this.actions.showTimer(disappearingS);
    });
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
    client.on('group:updated', ({ group }) => this.serial(() => this.groupChanged(group)));
    const notify = (notice: IdentityNotice) => {
      if (this.conversation.openChatId === notice.userId) this.conversation.showError(identityNoticeText(notice));
    };
    client.on('identity:changed', (e) => notify({ kind: 'identity', ...e }));
    client.on('devices:changed', (e) => {
      if (e.added.length || e.removed.length) notify({ kind: 'devices', ...e });
    });
    client.on('devices:flagged', (e) => notify({ kind: 'flagged', ...e }));
    client.on('group:flagged', ({ groupId }) => {
      if (this.conversation.openChatId === groupId) {
        this.conversation.showError('The server sent a group change that does not verify: it was refused.');
      }
    });
  }

  private serial(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((error: unknown) => console.error('web chat:', error));
  }

  private async received(m: ReceivedMessage): Promise<void> {
    const message = history.toChatMessage(m);
    // A group message can arrive before this tab heard of the group: the client knows it already.
    if (!this.groups.has(m.chatId) && m.from.userId !== m.chatId && !m.outgoing) {
      const group = await this.session.client.groups.get(m.chatId);
      if (group) await this.rememberGroup(group);
    }
    const open = this.conversation.openChatId === m.chatId;
    const onScreen = open && !document.hidden;
    const { chat, added } = await history.recordMessage(this.session.store, message, { read: onScreen });
    if (!added) return;
    this.chats.set(chat.chatId, chat);
    // A message from the peer ends their typing, as the next keystroke would restart it.
    if (!m.outgoing && this.peers.get(m.from.userId)?.typing) this.updatePeer(m.from.userId, { typing: false });
    this.renderList();
    if (open) this.conversation.append({ ...message, status: m.outgoing ? 'sent' : undefined });
    if (m.outgoing) return;
    if (onScreen) void this.session.client.markRead(m.chatId, [m.id]).catch(noop);
    const group = this.groups.get(m.chatId);
    const sender = m.from.userId;
    announce(
      open
        ? `${sender}: ${message.text}`
        : group
          ? `New message from ${sender} in ${group.name}`
          : `New message from ${sender}`,
    );
    notifyMessage(group?.name ?? sender, group ? `${sender}: ${message.text}` : message.text, () =>
      this.openChat(m.chatId),
    );
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
    if (match?.file) this.media.remember(id, match.file);
    if (this.conversation.openChatId !== chatId) return;
    const shown: ShownMessage = { ...message, status: await client.messageStatus(id) };
    if (match) this.conversation.confirm(match.tempId, shown);
    else this.conversation.append(shown);
    if (error) this.conversation.showError(explain(error, chatId));
  }

  /** An action's failure shows in the chat (its success arrives as `message:updated`). */
  private act(doing: Promise<unknown>): void {
    doing.catch((error: unknown) =>
      this.conversation.showError(error instanceof Error ? error.message : String(error)),
    );
  }

  /** A reaction, edit or delete changed a message: its bubble and the stored copy follow. */
  private async updated(m: ReceivedMessage): Promise<void> {
    const message = history.toChatMessage(m);
    const chat = await history.updateMessage(this.session.store, message);
    if (chat) {
      this.chats.set(chat.chatId, chat);
      this.renderList();
    }
    if (this.conversation.openChatId !== m.chatId) return;
    const status = m.outgoing ? await this.session.client.messageStatus(m.id) : undefined;
    this.conversation.append({ ...message, status });
  }

  private send(text: string): void {
    const chatId = this.conversation.openChatId;
    if (!chatId) return;
    const mode = this.actions.take();
    if (mode.kind === 'edit') {
      this.act(this.session.client.actions.edit(mode.messageId, text));
      return;
    }
    if (mode.kind === 'reply') {
      // The reply's bubble appears when the client has stored it (message:sent).
      this.act(this.session.client.actions.reply(mode.messageId, text));
      return;
    }
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

  /** Sends a picked file or a recording; its bubble shows a label until the client confirms it. */
  /** Sends a picked file or a recording; its bubble shows a label until the client confirms it. */
  private sendFile(file: Blob, meta: OutgoingMedia): void {
    const chatId = this.conversation.openChatId;
    if (!chatId) return;
    const fileName = file instanceof File ? file.name : undefined;
    const label = mediaLabel({ kind: meta.kind, ...(fileName ? { fileName } : {}) });
    const pending = this.pending.add(chatId, label, Date.now());
    pending.file = file;
    this.conversation.showError('');
    this.conversation.append({ id: pending.tempId, chatId, outgoing: true, text: label, sentAt: pending.sentAt });
    this.mediaSends.send(chatId, file, { ...meta, ...(fileName ? { fileName } : {}) }).catch((error: unknown) =>
      this.serial(async () => {
        if (!this.pending.remove(pending)) return;
        this.conversation.setStatus(pending.tempId, 'failed');
        this.conversation.showError(explain(error, chatId));
      }),
    );
  }

  private openChat(chatId: string): void {
    this.serial(async () => {
      const { client, store } = this.session;
      if (this.conversation.openChatId !== chatId) {
        this.typing.stop();
        this.media.revokeAll();
      }
      const messages = await history.loadMessages(store, chatId);
      const shown: ShownMessage[] = await Promise.all(
        messages.map(async (m) => (m.outgoing ? { ...m, status: await client.messageStatus(m.id) } : m)),
      );
      for (const p of this.pending.of(chatId)) {
        shown.push({ id: p.tempId, chatId, outgoing: true, text: p.text, sentAt: p.sentAt });
      }
      const group = this.groups.get(chatId);
      this.conversation.open(chatId, shown, this.header(chatId));
      this.actions.reset();
      this.actions.showTimer(await this.session.client.actions.disappearing(chatId));
      this.groupPanel.show(group, this.session.userId);
      this.safetyPanel.show(group ? undefined : chatId);
      this.setComposerEnabled(!group || group.isMember);
      this.renderList();
      if (!document.hidden) await this.markChatRead(chatId);
      if (!group) this.subscribePresence([chatId]);
    });
  }

  private header(chatId: string): { title: string; subtitle: string; group: boolean } {
    const group = this.groups.get(chatId);
    if (group) return { title: group.name, subtitle: membersLine(group, this.session.userId), group: true };
    return { title: chatId, subtitle: presenceLine(this.peers.get(chatId), Date.now()), group: false };
  }

  private setComposerEnabled(enabled: boolean): void {
    for (const control of byId('composer', HTMLFormElement).elements) {
      (control as HTMLInputElement).disabled = !enabled;
    }
  }

  /** Keeps a group this device verified, and its chat in the list (named after the group). */
  private async rememberGroup(group: GroupInfo): Promise<void> {
    this.groups.set(group.id, group);
    this.chats.set(group.id, await history.ensureChat(this.session.store, group.id, { name: group.name }));
  }

  /** A verified change to a group (created, renamed, members added, removed, left). */
  private async groupChanged(group: GroupInfo): Promise<void> {
    await this.rememberGroup(group);
    this.renderList();
    if (this.conversation.openChatId !== group.id) return;
    const { subtitle } = this.header(group.id);
    this.conversation.setPresence(subtitle);
    byId('peer-name', HTMLElement).textContent = group.name;
    this.groupPanel.show(group, this.session.userId);
    this.setComposerEnabled(group.isMember);
  }

  private changeGroup(change: (groupId: string) => Promise<GroupInfo>): void {
    const groupId = this.conversation.openChatId;
    if (!groupId) return;
    this.groupPanel.showError('');
    change(groupId).then(
      (group) => this.serial(() => this.groupChanged(group)),
      (error: unknown) => this.groupPanel.showError(`Not changed: ${(error as Error).message}`),
    );
  }

  private async newGroup(name: string, members: string[]): Promise<void> {
    const group = await this.session.client.groups.create({ name, members });
    this.serial(async () => {
      await this.rememberGroup(group);
      this.renderList();
    });
    this.openChat(group.id);
  }

  private closeChat(): void {
    const chatId = this.conversation.openChatId;
    this.typing.stop();
    this.media.revokeAll();
    this.conversation.close();
    this.groupPanel.show(undefined, this.session.userId);
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
    if (this.conversation.openChatId === userId && !this.groups.has(userId)) {
      this.conversation.setPresence(presenceLine(peer, Date.now()));
    }
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
