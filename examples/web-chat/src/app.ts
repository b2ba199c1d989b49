// The messenger screen: wires client events to the history and the views, and user actions to the client.
import {
  type ConnectionState,
  isParleyError,
  type ReceivedMessage,
  type SendHandle,
  type StoredMessage,
} from '@parley/client';
import { toChatMessage } from './chat-message.js';
import { type ChatRow, chatRows } from './chat-rows.js';
import { type PeerState, presenceLine } from './format.js';
import { type GroupInfo, membersLine } from './groups.js';
import { kindOf } from './media-info.js';
import { downloadBlob, MediaSends, type OutgoingMedia } from './media-sends.js';
import { MediaUrls } from './media-urls.js';
import { notifyMessage, setUpPermissionButton } from './notifications.js';
import { type Session, USER_NAME } from './session.js';
import { TypingSender } from './typing.js';
import { ChatListView } from './views/chat-list.js';
import { ConversationView, type ShownPage } from './views/conversation.js';
import { announce, byId } from './views/dom.js';
import { GroupPanelView } from './views/group-panel.js';
import { PAGE_SIZE } from './views/history-window.js';
import { setUpImageViewer } from './views/image-viewer.js';
import { MessageActionsView } from './views/message-actions.js';
import { setUpNewGroupForm } from './views/new-group-form.js';
import { type IdentityNotice, identityNoticeText, SafetyPanelView } from './views/safety-panel.js';
import { showScreen } from './views/screens.js';
import { setUpVoiceButton } from './views/voice-button.js';

const noop = () => {};

/** Chats the list shows at most (the client pages further; a demo has a few dozen). */
const LIST_LIMIT = 200;

export class ChatApp {
  /** The chat list as last read from the client (`client.chats.list`). */
  private rows: ChatRow[] = [];
  /** Chats started here ("new chat") that have no message yet, so the client's list lacks them. */
  private readonly started = new Set<string>();
  private readonly peers = new Map<string, PeerState>();
  /** Groups this device verified (client.groups), by id: a chat id found here is a group chat. */
  private readonly groups = new Map<string, GroupInfo>();
  private readonly media = new MediaUrls((id) => downloadBlob(this.session.client, id));
  private readonly mediaSends: MediaSends;
  private readonly list = new ChatListView(byId('chat-list', HTMLUListElement), (chatId) => this.openChat(chatId));
  private readonly conversation = new ConversationView(
    {
      onSend: (text) => this.send(text),
      onSendFiles: (files, caption) => {
        for (const [i, file] of files.entries()) {
          this.sendFile(file, {
            kind: kindOf(file.type),
            mimeType: file.type,
            // One caption for what was sent together: on the first file.
            ...(i === 0 && caption ? { caption } : {}),
          });
        }
      },
      onInput: (hasText) => {
        const chatId = this.conversation.openChatId;
        // Typing indicators are 1:1 only.
        if (chatId && !this.groups.has(chatId)) this.typing.input(chatId, hasText);
      },
      onBack: () => this.closeChat(),
      loadPage: (chatId, range) => this.page(chatId, range),
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
      retry: (id) => this.retry(id),
      cancel: (id) => this.cancel(id),
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
  /** The chat list is read again once the read in progress is done (many events, one read). */
  private listRead: Promise<void> | undefined;
  private listStale = false;
  /** This tab's own link to the server; while it is down, peers' presence is unknown. */
  private connection: ConnectionState = 'idle';

  constructor(
    private readonly session: Session,
    private readonly signOut: (error?: string) => Promise<void>,
  ) {
    this.mediaSends = new MediaSends(session.client);
    this.typing = new TypingSender((chatId, typing) => void session.client.setTyping(chatId, typing).catch(noop));
  }

  async start(): Promise<void> {
    const { client, userId } = this.session;
    byId('me-name', HTMLElement).textContent = userId;
    setUpPermissionButton(byId('notifications', HTMLButtonElement));
    setUpImageViewer();
    byId('sign-out', HTMLButtonElement).onclick = () => void this.signOut();
    byId('reconnect', HTMLButtonElement).onclick = () => client.reconnectNow();
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
    for (const group of await client.groups.list()) this.groups.set(group.id, group);
    await this.refreshList();
    showScreen('messenger');
    document.addEventListener('visibilitychange', () => this.visibilityChanged());
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

  private listen(): void {
    const { client, userId } = this.session;
    client.on('connection:state', ({ state }) => {
      this.connection = state;
      // Peers' presence is not shown while this tab is not connected (it would be stale); the
      // client renews its subscriptions after a reconnect and reports what changed meanwhile.
      if (state === 'connected') this.subscribePresence(this.directChats());
      this.showConnection();
    });
    client.on('message:received', (m) => this.serial(() => this.received(m)));
    client.on('message:sent', ({ id }) => this.serial(() => this.showStored(id)));
    client.on('message:updated', ({ message }) => this.serial(() => this.updated(message)));
    client.on('message:expired', ({ id, chatId }) =>
      this.serial(async () => {
        if (this.conversation.openChatId === chatId) this.conversation.remove(id);
        this.refreshList();
      }),
    );
    client.on('chat:setting', ({ chatId, disappearingS }) => {
      if (this.conversation.openChatId === chatId) this.actions.showTimer(disappearingS);
    });
    client.on('message:failed', ({ id, chatId, error }) =>
      this.serial(async () => {
        await this.showStored(id);
        if (this.conversation.openChatId === chatId) this.conversation.showError(explain(error, chatId));
      }),
    );
    // In the queue too: a receipt for a message whose bubble is being drawn waits for it.
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

  private async received(m: StoredMessage): Promise<void> {
    // A group message can arrive before this tab heard of the group: the client knows it already.
    if (!this.groups.has(m.chatId) && m.from.userId !== m.chatId && !m.outgoing) {
      const group = await this.session.client.groups.get(m.chatId);
      if (group) this.groups.set(group.id, group);
    }
    const message = toChatMessage(m);
    const open = this.conversation.openChatId === m.chatId;
    const onScreen = open && !document.hidden;
    // A message from the peer ends their typing, as the next keystroke would restart it.
    if (!m.outgoing && this.peers.get(m.from.userId)?.typing) this.updatePeer(m.from.userId, { typing: false });
    if (open) this.conversation.upsert(message);
    if (!m.outgoing && onScreen) await this.session.client.markRead(m.chatId, [m.id]).catch(noop);
    this.refreshList();
    if (m.outgoing) return;
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

  /** Shows a message as the client stored it now (sent, failed, or a reply this device queued). */
  private async showStored(id: string): Promise<void> {
    const stored = await this.session.client.getMessage(id);
    if (!stored) return;
    if (this.conversation.openChatId === stored.chatId) this.conversation.upsert(toChatMessage(stored));
    this.refreshList();
  }

  /** A send was queued: its bubble shows at once, pending (the local echo). */
  private echo(handle: SendHandle): void {
    this.started.delete(handle.message.chatId);
    if (this.conversation.openChatId === handle.message.chatId) this.conversation.upsert(toChatMessage(handle.message));
    this.refreshList();
  }

  /** An action's failure shows in the chat (its success arrives as `message:updated`). */
  private act(doing: Promise<unknown>): void {
    doing.catch((error: unknown) =>
      this.conversation.showError(error instanceof Error ? error.message : String(error)),
    );
  }

  /** A reaction, edit or delete changed a message: its bubble follows, and the list when it is the last one. */
  private async updated(m: ReceivedMessage): Promise<void> {
    if (this.conversation.openChatId === m.chatId) {
      const stored = await this.session.client.getMessage(m.id);
      this.conversation.upsert(toChatMessage(stored ?? m));
    }
    this.refreshList();
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
      // The reply's bubble appears when the client has stored and sent it (message:sent).
      this.act(this.session.client.actions.reply(mode.messageId, text));
      return;
    }
    this.typing.stop();
    this.conversation.showError('');
    this.serial(async () => {
      // Sending from an older part of the history: back to the newest messages, where this one goes.
      if (!this.conversation.showsLatest) await this.showChat(chatId);
      try {
        this.echo(await this.session.client.send(chatId, text));
      } catch (error) {
        // Not even queued (e.g. too long): nothing was stored, so say why.
        this.conversation.showError(explain(error, chatId));
      }
    });
  }

  /** Sends a picked file or a recording; its bubble shows as soon as the client queued it. */
  private sendFile(file: Blob, meta: OutgoingMedia): void {
    const chatId = this.conversation.openChatId;
    if (!chatId) return;
    const fileName = file instanceof File ? file.name : undefined;
    this.conversation.showError('');
    this.mediaSends.send(chatId, file, { ...meta, ...(fileName ? { fileName } : {}) }).then(
      (handle) =>
        this.serial(async () => {
          // This tab shows its own file from memory, also before the upload is done.
          this.media.remember(handle.id, file);
          this.echo(handle);
        }),
      (error: unknown) => this.conversation.showError(explain(error, chatId)),
    );
  }

  /** Sends a failed message again, under its own id (it turns pending again). */
  private retry(id: string): void {
    this.conversation.showError('');
    this.serial(async () => {
      try {
        this.echo(await this.session.client.unsent.retry(id));
      } catch (error) {
        this.conversation.showError(`Not sent again: ${(error as Error).message}`);
      }
    });
  }

  /** Takes back a message still waiting in the outbox. */
  private cancel(id: string): void {
    this.serial(async () => {
      const chatId = this.conversation.openChatId;
      if (await this.session.client.unsent.cancel(id)) {
        if (chatId) this.conversation.remove(id);
        this.refreshList();
      } else {
        this.conversation.showError('Too late to cancel: the message is on its way.');
      }
    });
  }

  /** A page of a chat's history from the client, as the views show it. */
  private async page(chatId: string, range: { before?: string; after?: string } = {}): Promise<ShownPage> {
    const page = await this.session.client.messages(chatId).page({ ...range, limit: PAGE_SIZE });
    return { messages: page.messages.map(toChatMessage), hasOlder: page.hasOlder, hasNewer: page.hasNewer };
  }

  private openChat(chatId: string): void {
    this.serial(async () => {
      if (this.conversation.openChatId !== chatId) {
        this.typing.stop();
        this.media.revokeAll();
      }
      await this.showChat(chatId);
      const group = this.groups.get(chatId);
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

  /** Shows the newest page of a chat. */
  private async showChat(chatId: string): Promise<void> {
    this.conversation.open(chatId, await this.page(chatId), this.header(chatId));
  }

  private header(chatId: string): { title: string; subtitle: string; group: boolean } {
    const group = this.groups.get(chatId);
    const offline = connectionLine(this.connection);
    if (group) return { title: group.name, subtitle: offline ?? membersLine(group, this.session.userId), group: true };
    return { title: chatId, subtitle: offline ?? presenceLine(this.peers.get(chatId), Date.now()), group: false };
  }

  private setComposerEnabled(enabled: boolean): void {
    for (const control of byId('composer', HTMLFormElement).elements) {
      (control as HTMLInputElement).disabled = !enabled;
    }
  }

  /** A verified change to a group (created, renamed, members added, removed, left). */
  private async groupChanged(group: GroupInfo): Promise<void> {
    this.groups.set(group.id, group);
    this.refreshList();
    if (this.conversation.openChatId !== group.id) return;
    this.conversation.setPresence(this.header(group.id).subtitle);
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
    this.groups.set(group.id, group);
    this.refreshList();
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
    const chat = await this.session.client.chats.get(chatId);
    if (!chat?.lastMessage || chat.unreadCount === 0) return;
    await this.session.client.markRead(chatId, { upTo: chat.lastMessage.id });
    this.refreshList();
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
    if (!this.rows.some((row) => row.chatId === userId)) this.started.add(userId);
    this.refreshList();
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
      this.conversation.setPresence(this.header(userId).subtitle);
    }
    this.renderList();
  }

  private directChats(): string[] {
    return this.rows.filter((row) => !row.group).map((row) => row.chatId);
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

  /** The connection banner (with "Reconnect now" while waiting to retry) and the open chat's header line. */
  private showConnection(): void {
    const state = navigator.onLine ? this.connection : 'offline';
    const element = byId('connection', HTMLElement);
    element.dataset.state = state;
    byId('connection-text', HTMLElement).textContent = CONNECTION_TEXT[state];
    byId('reconnect', HTMLButtonElement).hidden = state !== 'reconnecting' && state !== 'offline';
    const chatId = this.conversation.openChatId;
    if (chatId) this.conversation.setPresence(this.header(chatId).subtitle);
    this.renderList();
  }

  /** Reads the chat list from the client again (coalesced: many events in a row cost one or two reads). */
  private refreshList(): void {
    if (this.listRead) {
      this.listStale = true;
      return;
    }
    this.listRead = (async () => {
      do {
        this.listStale = false;
        const { chats } = await this.session.client.chats.list({ limit: LIST_LIMIT });
        const before = new Set(this.directChats());
        this.rows = chatRows(chats, this.groups, this.started);
        // A started chat with a first message is in the client's list now.
        for (const chat of chats) this.started.delete(chat.chatId);
        this.renderList();
        const added = this.directChats().filter((id) => !before.has(id));
        if (this.connection === 'connected') this.subscribePresence(added);
      } while (this.listStale);
    })()
      .catch((error: unknown) => console.error('web chat: reading the chat list failed', error))
      .finally(() => {
        this.listRead = undefined;
      });
  }

  private renderList(): void {
    const live = this.connection === 'connected' && navigator.onLine;
    const peers = [...this.peers.entries()];
    this.list.render(this.rows, {
      openChatId: this.conversation.openChatId,
      typing: new Set(peers.filter(([, p]) => live && p.typing).map(([id]) => id)),
      online: new Set(peers.filter(([, p]) => live && p.online).map(([id]) => id)),
      now: Date.now(),
    });
  }
}

const CONNECTION_TEXT: Record<ConnectionState | 'offline', string> = {
  idle: '',
  connecting: 'Connecting…',
  connected: '',
  reconnecting: 'Not connected: new messages wait here and go out when the connection is back.',
  offline: 'This device is offline: new messages wait here and go out when the network is back.',
  closed: 'Signed out.',
};

/** The header line while this tab is not connected (a peer's presence would be stale then). */
function connectionLine(state: ConnectionState): string | undefined {
  // Said of this tab ("you"), so it cannot be read as the peer being offline.
  if (!navigator.onLine) return 'you are offline';
  if (state === 'connecting') return 'connecting…';
  if (state === 'reconnecting' || state === 'closed') return 'you are offline';
  return undefined;
}

function explain(error: unknown, chatId: string): string {
  if (isParleyError(error, 'UNKNOWN_RECIPIENT')) {
    return `Not sent: ${chatId} has not signed in yet, so there is no device to deliver to.`;
  }
  return `Not sent: ${(error as Error).message}`;
}
