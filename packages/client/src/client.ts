import { ParleyError, pb, type ServerFrame } from '@parley/core';
import { EventEmitter } from 'eventemitter3';
import type { MessageMeta } from './actions/action-types.js';
import { actionsApi, type MessageActionsApi } from './actions/actions-api.js';
import type { ClientOptions } from './client-options.js';
import { buildParts, type Parts } from './client-parts.js';
import { type Clock, systemClock } from './clock.js';
import type { ClientConnection } from './connection.js';
import { ConnectionEvents } from './connection-events.js';
import { type DeviceInfo, toDeviceInfo } from './devices/device-info.js';
import { accountSafetyNumber } from './e2ee/account-safety-number.js';
import { approveLinkCode, linkCodeOf } from './e2ee/device-link.js';
import type { ClientEvents, ConnectionState, MessageContent, SendableContent } from './events.js';
import { getGroup } from './groups/group-book.js';
import { type GroupsApi, groupsApi } from './groups/groups-api.js';
import { type ChatsApi, chatsApi } from './history/chats-api.js';
import { type MessageHistory, messageHistory } from './history/message-history.js';
import { type SearchOptions, searchMessages } from './history/search.js';
import { type Logger, silentLogger, warnOnFailure } from './logger.js';
import type { MediaAttachment, SendMediaOptions } from './media/attachment.js';
import { getMessage, type MessageStatus, type StoredMessage } from './messages/message-store.js';
import { markRead } from './messages/read-marker.js';
import { queueContent, type SendContentDeps, type SendHandle } from './messages/send-content.js';
import { type UnsentApi, unsentApi } from './messages/unsent-api.js';
import type { MessageRecord, SendResult } from './outbox/outbox.js';
import { type PresenceApi, PresenceCache, type PresenceInfo, TypingState } from './presence.js';

export type { ClientOptions } from './client-options.js';

/** `setLastSeenVisibility`'s names for the protocol's enum. */
const LAST_SEEN = {
  everyone: pb.LastSeenVisibility.LAST_SEEN_VISIBILITY_EVERYONE,
  contacts: pb.LastSeenVisibility.LAST_SEEN_VISIBILITY_CONTACTS,
  nobody: pb.LastSeenVisibility.LAST_SEEN_VISIBILITY_NOBODY,
};

const GROUP_ADD: Record<string, number> = {
  everyone: pb.GroupAddPolicy.GROUP_ADD_POLICY_EVERYONE,
  contacts: pb.GroupAddPolicy.GROUP_ADD_POLICY_CONTACTS,
  nobody: pb.GroupAddPolicy.GROUP_ADD_POLICY_NOBODY,
};

type MediaData = SendMediaOptions['data'];

/** What {@link ParleyClient.send} sends: a text, or a media file (see `sendMedia`). */
export type OutgoingMessage = string | { text: string } | { media: SendMediaOptions };
type MediaMeta = Omit<SendMediaOptions, 'kind' | 'data'>;

/**
 * The Parley client: a facade over the connection, outbox, inbox and the end-to-end encryption
 * (every message is encrypted per device with Signal sessions; the server sees only ciphertext).
 * The working parts are wired in client-parts.ts; each method delegates to one of them.
 */
export class ParleyClient extends EventEmitter<ClientEvents> {
  private parts: Parts | undefined;
  private opening: Promise<Parts> | undefined;
  private closed = false;
  private readonly clock: Clock;
  private readonly logger: Logger;
  /** What the app last said with setActive (the server assumes active on each new connection). */
  private active = true;
  private readonly presenceCache: PresenceCache;
  private readonly typingState = new TypingState((event) => this.emit('typing:changed', event));
  /** Each Welcome and each pushed frame: key publication, sync progress, presence and typing. */
  private readonly events: ConnectionEvents;
  /** Presence subscriptions: `presence.subscribe(userIds)` / `presence.unsubscribe(userIds)`. */
  readonly presence: PresenceApi = {
    subscribe: (userIds) => this.presenceCache.subscribe(userIds),
    unsubscribe: (userIds) => this.presenceCache.unsubscribe(userIds),
  };

  /** Groups: create and manage them; send to one with `sendText(groupId, …)` like to a user. */
  readonly groups: GroupsApi = groupsApi({
    manager: async () => {
      await this.connect();
      return (this.parts as Parts).groups;
    },
    local: async () => (await this.open()).groups,
    request: (body) => this.request(body),
    message: (id) => this.getMessage(id),
    sending: async () => {
      const parts = await this.open();
      return {
        store: { transaction: (fn) => this.options.store.transaction(fn), close: async () => {} },
        outbox: parts.outbox,
        self: parts.identity,
        clock: { now: () => this.clock.now() },
      };
    },
    identity: async () => (await (await this.open()).keys.identity()).identityKeyPair,
  });

  /** The chat list: `chats.list()` pages through chats, newest activity first, with unread counts. */
  readonly chats: ChatsApi;

  /** Messages this device sent that the server does not have yet: list, cancel, retry. */
  readonly unsent: UnsentApi;

  /** Replies, reactions, edits, deletes for everyone, mentions, forwards and disappearing messages. */
  readonly actions: MessageActionsApi = actionsApi({
    store: {
      transaction: (fn) => this.options.store.transaction(fn),
      close: async () => {},
    },
    parts: async () => {
      const parts = await this.open();
      return { outbox: parts.outbox, self: parts.identity, sweeper: parts.sweeper };
    },
    clock: { now: () => this.clock.now() },
    send: async (to, text, meta) => (await this.queue(to, { kind: 'text', text }, { meta })).sent,
    isGroup: async (chatId) => (await this.groups.get(chatId)) !== undefined,
    setGroupTimer: async (groupId, seconds) => {
      await this.groups.setDisappearing(groupId, seconds);
    },
    changed: (change) => {
      if (change.kind === 'updated') this.emit('message:updated', { message: change.message, change: change.change });
      if (change.kind === 'updated' && change.blob) {
        // Best effort: a blob left behind (offline now) is still purged with its lifetime on the server.
        const { blobId, deleteToken } = change.blob;
        void this.connect()
          .then(() => (this.parts as Parts).media.deleteBlob(blobId, deleteToken))
          .catch(warnOnFailure(this.logger, 'deleting the blob of a deleted message failed', { blobId }));
      }
      if (change.kind === 'setting') {
        this.emit('chat:setting', { chatId: change.chatId, disappearingS: change.disappearingS, by: this.userId });
      }
    },
  });

  constructor(private readonly options: ClientOptions) {
    super();
    this.chats = chatsApi(options.store, () => this.open());
    this.unsent = unsentApi(options.store, () => this.sendDeps());
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? silentLogger;
    this.presenceCache = new PresenceCache(
      (body) => this.request(body),
      (change) => this.emit('presence:changed', change),
      this.logger,
    );
    this.events = new ConnectionEvents({
      emit: this.emit.bind(this),
      logger: this.logger,
      presence: this.presenceCache,
      typing: this.typingState,
      parts: () => this.parts as Parts,
      active: () => this.active,
      closed: () => this.closed,
    });
  }

  get userId(): string {
    return this.options.userId;
  }

  /** This device's id (known once the store was opened). */
  get deviceId(): number {
    return this.parts?.identity.deviceId ?? this.options.deviceId ?? 0;
  }

  get state(): ConnectionState {
    return this.parts?.connection.currentState ?? 'idle';
  }

  /** Number of messages waiting for the server's acknowledgement. */
  get pendingSends(): number {
    return this.parts?.outbox.size ?? 0;
  }

  /**
   * Opens the store, connects, authenticates and publishes this device's keys. Resolves once the
   * device can send and receive; afterwards the client reconnects by itself until `close()`.
   * Rejects with AUTH_FAILED when the server refuses this device.
   */
  async connect(): Promise<void> {
    if (this.closed) throw new ParleyError('CLOSED', 'client is closed');
    const parts = await this.open();
    await parts.connection.connect();
    // Keys are published after each (re)connect; a connection lost meanwhile is waited out.
    await this.events.keysPublished(parts);
  }

  /**
   * While waiting to reconnect after losing the server, tries again now instead of after the
   * backoff (a "reconnect now" button). The client already does this by itself when the browser
   * says the network is back or the app came to the foreground. Does nothing while connected.
   */
  reconnectNow(): void {
    this.parts?.connection.retryNow();
  }

  /** Stops reconnecting, closes the socket and the store. Unsent messages stay in the outbox. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.typingState.stop();
    this.parts?.sweeper.stop();
    const parts = await this.opening?.catch((error: unknown) => {
      this.logger.warn('closing a client whose store never opened', { error });
      return undefined;
    });
    parts?.outbox.stop();
    parts?.inbox.stop();
    parts?.connection.close();
    if (this.options.closeStore !== false) await this.options.store.close();
  }

  /**
   * Sends a text, end-to-end encrypted to every device of `to` and this user's other devices.
   * Resolves with status `sent` once the server durably stored it for all of them; while offline it
   * waits in the outbox (which survives restarts). Rejects with UNKNOWN_RECIPIENT when the user has
   * no device that can receive.
   */
  async sendText(to: string, text: string): Promise<SendResult> {
    return (await this.send(to, text)).sent;
  }

  /**
   * Sends a text or media message with local echo: resolves as soon as the message is stored and
   * queued, with its id and stored form (status `pending`) to show at once; `handle.sent` resolves
   * like `sendText` once the server stored it (`message:sent` follows) and rejects if it was refused
   * for good (`message:failed`, see `unsent.retry`) or cancelled (`unsent.cancel`). Offline, the
   * message waits in the outbox (which survives restarts) and goes out after reconnecting.
   */
  async send(to: string, message: OutgoingMessage): Promise<SendHandle> {
    if (!to) throw new ParleyError('INVALID_ARGUMENT', 'recipient required');
    if (typeof message === 'object' && message !== null && 'media' in message) {
      const { content, upload } = await (await this.open()).media.prepare(message.media);
      return this.queue(to, content, { upload });
    }
    const text = typeof message === 'string' ? message : message?.text;
    if (typeof text !== 'string') throw new ParleyError('INVALID_ARGUMENT', 'text must be a string');
    return this.queue(to, { kind: 'text', text });
  }

  /**
   * One chat's history on this device: `messages(chatId).page({ before, limit })` pages back from the
   * newest message, `.around(id)` jumps to one, plus search, delete for me and clear.
   */
  messages(chatId: string): MessageHistory {
    return messageHistory(this.options.store, chatId);
  }

  /** Messages of every chat whose text contains `text` (ignoring case), newest first. */
  search(text: string, options: SearchOptions = {}): Promise<StoredMessage[]> {
    return searchMessages(this.options.store, text, options);
  }

  /**
   * Sends an image, video, voice note or document: encrypts the file on this device (streaming,
   * into the media spool), uploads the ciphertext, then sends the message carrying its key and
   * digest like `sendText` (and, like it, survives being offline or restarted with a persistent
   * store and spool). The server never sees the file or its metadata.
   */
  async sendMedia(to: string, media: SendMediaOptions): Promise<SendResult> {
    if (!to) throw new ParleyError('INVALID_ARGUMENT', 'recipient required');
    return (await this.send(to, { media })).sent;
  }

  /** `sendMedia` for one kind: `sendImage(to, data, { mimeType, caption, width, height })`, … */
  sendImage = (to: string, data: MediaData, meta: MediaMeta) => this.sendMedia(to, { ...meta, kind: 'image', data });
  sendVideo = (to: string, data: MediaData, meta: MediaMeta) => this.sendMedia(to, { ...meta, kind: 'video', data });
  sendVoice = (to: string, data: MediaData, meta: MediaMeta) => this.sendMedia(to, { ...meta, kind: 'voice', data });
  sendDocument = (to: string, data: MediaData, meta: MediaMeta) =>
    this.sendMedia(to, { ...meta, kind: 'document', data });

  /**
   * The file of a media message (or attachment): downloaded, checked against its digest and MAC,
   * then decrypted. `{ as: 'stream' }` gives a web ReadableStream instead of bytes (memory stays
   * bounded; the verified ciphertext waits in the media spool). MEDIA_INTEGRITY when the blob was
   * altered, truncated or extended, and not a byte of plaintext is given out then.
   */
  downloadMedia(message: { content: MessageContent } | MediaAttachment): Promise<Uint8Array>;
  downloadMedia(
    message: { content: MessageContent } | MediaAttachment,
    options: { as: 'stream' },
  ): Promise<ReadableStream<Uint8Array>>;
  async downloadMedia(message: { content: MessageContent } | MediaAttachment, options: { as?: 'stream' } = {}) {
    const media =
      'content' in message ? (message.content.kind === 'media' ? message.content.media : undefined) : message;
    if (!media) throw new ParleyError('INVALID_ARGUMENT', 'not a media message');
    await this.connect();
    return (this.parts as Parts).media.download(media, options.as === 'stream' ? 'stream' : 'bytes');
  }

  /** A stored message (sent or received) by id. */
  async getMessage(id: string): Promise<StoredMessage | undefined> {
    return this.options.store.transaction((tx) => getMessage(tx, id));
  }

  /** The status of a message this user sent: pending, sent, delivered, read or failed. */
  async messageStatus(messageId: string): Promise<MessageStatus | undefined> {
    const m = await this.getMessage(messageId);
    return m?.outgoing ? m.status : undefined;
  }

  /**
   * Marks received messages of a 1:1 chat read (the given ids, or every unread one up to and including
   * `upTo`), tells the sender (unless either side turned read receipts off, which the server enforces)
   * and this user's other devices. Queued in the outbox like a message, so it survives being offline.
   */
  async markRead(chatId: string, which: string[] | { upTo: string }): Promise<void> {
    const { outbox } = await this.open();
    await markRead({ store: this.options.store, outbox, clock: this.clock }, chatId, which);
  }

  /** Registers where this device's push notifications go (e.g. `registerPushToken('fcm', token)`); an empty token clears it. */
  async registerPushToken(provider: string, token: string): Promise<void> {
    await this.request({ registerPushToken: { provider, token } });
  }

  /** Turns read receipts on or off for this user (both sending and seeing them, in 1:1 chats). */
  async setReadReceipts(enabled: boolean): Promise<void> {
    await this.request({ setPrivacy: { readReceipts: enabled } });
  }

  /** The cached presence of a subscribed user; undefined when unknown or not visible to this user. */
  getPresence(userId: string): PresenceInfo | undefined {
    return this.presenceCache.get(userId);
  }

  /** Tells the server whether the app is in use (foreground); a connected device is active by default. */
  async setActive(active: boolean): Promise<void> {
    this.active = active;
    await this.request({ setActive: { active } });
  }

  /** Replaces this user's contact list on the server (used for `'contacts'` last seen visibility). */
  async setContacts(userIds: string[]): Promise<void> {
    await this.request({ setContacts: { userIds } });
  }

  /** Who sees this user's last seen and online status; with `'nobody'` this user sees nobody's either. */
  async setLastSeenVisibility(visibility: 'everyone' | 'contacts' | 'nobody'): Promise<void> {
    const lastSeen = LAST_SEEN[visibility];
    if (!lastSeen) throw new ParleyError('INVALID_ARGUMENT', `visibility must be 'everyone', 'contacts' or 'nobody'`);
    await this.request({ setPrivacy: { lastSeen } });
  }

  /**
   * Who may add this user to groups (default `'everyone'`): with `'contacts'`, only the users in
   * this user's contact list ({@link ParleyClient.setContacts}); with `'nobody'`, nobody. Anyone
   * refused gets GROUP_ADD_REFUSED and can send an invitation instead, which this user may accept.
   */
  async setGroupAdd(who: 'everyone' | 'contacts' | 'nobody'): Promise<void> {
    const groupAdd = Object.hasOwn(GROUP_ADD, who) ? GROUP_ADD[who] : undefined;
    if (!groupAdd) throw new ParleyError('INVALID_ARGUMENT', `who must be 'everyone', 'contacts' or 'nobody'`);
    await this.request({ setPrivacy: { groupAdd } });
  }

  /**
   * Tells the peer of a 1:1 chat (`chatId` = their user id), or the other members of a group
   * (`chatId` = the group id), that this user is typing; refresh within 10 s to keep it on.
   */
  async setTyping(chatId: string, typing: boolean): Promise<void> {
    if (!chatId) throw new ParleyError('INVALID_ARGUMENT', 'chat id required');
    const group = await this.options.store.transaction((tx) => getGroup(tx, chatId));
    await this.request({ typing: group ? { groupId: chatId, typing } : { userId: chatId, typing } });
  }

  /**
   * The devices of a user as the server lists them (not a verified view: the client encrypts only to
   * devices the user's signed device list vouches for, see `devices:changed` and `devices:flagged`).
   */
  async listDevices(userId: string): Promise<DeviceInfo[]> {
    const frame = await this.request({ devicesGet: { userId } });
    return (frame.deviceList?.devices ?? []).map(toDeviceInfo);
  }

  /**
   * The 60-digit safety number with `userId`, over both users' account keys: identical on every device
   * of both users, and one comparison (out of band) covers all their devices. It changes when an
   * account key changes (`identity:changed` with device id 0), not when a device is linked.
   */
  async safetyNumber(userId: string): Promise<string> {
    await this.connect();
    return accountSafetyNumber((this.parts as Parts).lists, this.userId, userId);
  }

  /** On a new device: the code to show, which an existing device of the user approves. */
  async linkCode(): Promise<string> {
    const parts = await this.open();
    return linkCodeOf(parts.identity, (await parts.keys.identity()).identityKeyPair.publicKey);
  }

  /**
   * On an existing device: adds the new device behind `code` to this user's signed device list and
   * approves it; hand the result to the new device.
   */
  async approveDevice(code: string, options: { ttlMs?: number } = {}): Promise<string> {
    await this.connect();
    const parts = this.parts as Parts;
    return approveLinkCode(parts.identity, code, options.ttlMs ?? 10 * 60 * 1000, this.clock.now(), (id, key) =>
      parts.ownList.add(id, key),
    );
  }

  private async request(body: Parameters<ClientConnection['request']>[0]): Promise<ServerFrame> {
    await this.connect();
    return (this.parts as Parts).connection.request(body);
  }

  private async queue(
    to: string,
    content: SendableContent,
    extra: Pick<MessageRecord, 'upload'> & { meta?: MessageMeta } = {},
  ): Promise<SendHandle> {
    if (!to) throw new ParleyError('INVALID_ARGUMENT', 'recipient required');
    return queueContent(await this.sendDeps(), to, content, extra);
  }

  private async sendDeps(): Promise<SendContentDeps> {
    const { outbox, identity, sweeper } = await this.open();
    // A send on a client that was never connected starts the connection; failures show as connection:state.
    if (this.state === 'idle') void this.connect().catch(warnOnFailure(this.logger, 'connecting for a send failed'));
    return {
      store: this.options.store,
      outbox,
      self: identity,
      clock: this.clock,
      expires: (at: number) => sweeper.wake(at),
    };
  }

  private open(): Promise<Parts> {
    this.opening ??= buildParts({
      options: this.options,
      logger: this.logger,
      clock: this.clock,
      emit: this.emit.bind(this),
      onPush: (frame) => this.events.onPush(frame),
      onReady: (welcome) => this.events.onReady(welcome),
    }).then((parts) => {
      this.parts = parts;
      return parts;
    });
    return this.opening;
  }
}

/** Creates a client. Nothing happens on the network until `connect()` or a send. */
export function createClient(options: ClientOptions): ParleyClient {
  return new ParleyClient(options);
}
