import { newMessageId, ParleyError, type parley, type ServerFrame } from '@parley/core';
import { EventEmitter } from 'eventemitter3';
import type { BackoffOptions } from './backoff.js';
import { ClientConnection } from './connection.js';
import { encodeContent } from './content.js';
import { type DeviceIdentity, loadOrCreateIdentity } from './device-identity.js';
import type { ClientEvents, ConnectionState } from './events.js';
import { Inbox, MESSAGES_NS, type StoredMessage } from './inbox.js';
import { Outbox, type SendResult } from './outbox.js';
import type { ClientStore } from './stores/client-store.js';
import { defaultWebSocket, type WebSocketConstructor } from './websocket.js';

export interface ClientOptions {
  /** Gateway URL, e.g. ws://127.0.0.1:8080 */
  url: string;
  userId: string;
  /** Durable state: `memoryClientStore()`, `fileClientStore({ dir })` from `@parley/client/node`, ... */
  store: ClientStore;
  /** This device's id; chosen at random on first use when omitted, then kept in the store. */
  deviceId?: number;
  /** For servers using token authentication. */
  token?: string;
  /** Per-request timeout. Default 15 s. */
  requestTimeoutMs?: number;
  reconnect?: BackoffOptions;
  /** WebSocket implementation. Default: the global one, else `ws` (Node). */
  WebSocket?: WebSocketConstructor;
}

/** The Parley client. Create with {@link createClient}. */
export class ParleyClient extends EventEmitter<ClientEvents> {
  private identity: DeviceIdentity | undefined;
  private connection: ClientConnection | undefined;
  private outbox: Outbox | undefined;
  private inbox: Inbox | undefined;
  private syncReceived = 0;
  private syncPending = 0;
  private opening: Promise<void> | undefined;
  private closed = false;

  constructor(private readonly options: ClientOptions) {
    super();
  }

  get userId(): string {
    return this.options.userId;
  }

  /** This device's id (known after `connect()` resolved or the store was opened). */
  get deviceId(): number {
    return this.identity?.deviceId ?? this.options.deviceId ?? 0;
  }

  get state(): ConnectionState {
    return this.connection?.currentState ?? 'idle';
  }

  /** Number of messages waiting for the server's acknowledgement. */
  get pendingSends(): number {
    return this.outbox?.size ?? 0;
  }

  /**
   * Opens the store, connects and authenticates. Resolves on the first successful
   * authentication; afterwards the client reconnects by itself until `close()`.
   * Rejects with AUTH_FAILED when the server refuses this device.
   */
  async connect(): Promise<void> {
    if (this.closed) throw new ParleyError('CLOSED', 'client is closed');
    this.opening ??= this.open();
    await this.opening;
    await (this.connection as ClientConnection).connect();
  }

  /** Stops reconnecting, closes the socket and the store. Unsent messages stay in the outbox. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.opening?.catch(() => {});
    this.outbox?.stop();
    this.connection?.close();
    await this.options.store.close();
  }

  /**
   * Sends a text. Resolves with status `sent` once the server durably stored it for every
   * recipient device; while offline it waits in the outbox (which survives restarts).
   * Rejects with UNKNOWN_RECIPIENT when the user has no device.
   */
  async sendText(to: string, text: string): Promise<SendResult> {
    if (typeof text !== 'string') throw new ParleyError('INVALID_ARGUMENT', 'text must be a string');
    return this.sendContent(to, { kind: 'text', text });
  }

  /** A stored message (sent or received) by id. */
  async getMessage(id: string): Promise<StoredMessage | undefined> {
    return this.options.store.transaction((tx) => tx.get<StoredMessage>(MESSAGES_NS, id));
  }

  /** Device ids of a user, as the server knows them. */
  async listDevices(userId: string): Promise<parley.v1.DeviceInfo[]> {
    const frame = await this.request({ devicesGet: { userId } });
    return (frame.deviceList?.devices ?? []) as parley.v1.DeviceInfo[];
  }

  private async request(body: Parameters<ClientConnection['request']>[0]): Promise<ServerFrame> {
    await this.connect();
    return (this.connection as ClientConnection).request(body);
  }

  private async sendContent(to: string, content: { kind: 'text'; text: string }): Promise<SendResult> {
    if (!to) throw new ParleyError('INVALID_ARGUMENT', 'recipient required');
    this.opening ??= this.open();
    await this.opening;
    // A send on a client that was never connected starts the connection; failures show as connection:state.
    if (this.state === 'idle') void this.connect().catch(() => {});
    const id = newMessageId();
    const sentAt = Date.now();
    const self = this.identity as DeviceIdentity;
    const data = encodeContent(content, sentAt, { toUserId: to });
    const message: StoredMessage = {
      id,
      chatId: to,
      from: { userId: self.userId, deviceId: self.deviceId },
      content,
      sentAt,
      serverTime: 0,
      outgoing: true,
      status: 'pending',
    };
    return (this.outbox as Outbox).add(
      { id, chatId: to, createdAt: sentAt, send: { messageId: id, userId: to, shared: { type: 1, data } } },
      (tx) => tx.put(MESSAGES_NS, id, message),
    );
  }

  private async open(): Promise<void> {
    const { options } = this;
    this.identity = await loadOrCreateIdentity(options.store, options.userId, options.deviceId);
    const connection = new ClientConnection({
      url: options.url,
      identity: this.identity,
      WebSocket: options.WebSocket ?? defaultWebSocket(),
      ...(options.token ? { token: options.token } : {}),
      requestTimeoutMs: options.requestTimeoutMs ?? 15_000,
      backoff: options.reconnect ?? {},
      clientInfo: 'parley-js/0.1',
      onPush: (frame) => this.onPush(frame),
      onReady: (welcome) => this.onReady(welcome),
      onState: (state, detail) => this.emit('connection:state', { state, ...detail }),
    });
    this.connection = connection;
    this.inbox = new Inbox(options.store, options.userId, {
      received: (m) => this.emit('message:received', m),
      undecryptable: (e) => this.emit('message:undecryptable', e),
      ack: (ids) => connection.notify({ deliverAck: { ids } }),
    });
    this.outbox = new Outbox(options.store, connection, {
      onSent: async (tx, record, serverTime) => {
        const m = await tx.get<StoredMessage>(MESSAGES_NS, record.id);
        if (m) await tx.put(MESSAGES_NS, record.id, { ...m, status: 'sent', serverTime });
      },
      afterSent: (record, serverTime) =>
        this.emit('message:sent', { id: record.id, chatId: record.chatId, serverTime }),
      onFailed: async (tx, record) => {
        const m = await tx.get<StoredMessage>(MESSAGES_NS, record.id);
        if (m) await tx.put(MESSAGES_NS, record.id, { ...m, status: 'failed' });
      },
      afterFailed: (record, error) => this.emit('message:failed', { id: record.id, chatId: record.chatId, error }),
    });
    await this.outbox.load();
  }

  private onReady(welcome: parley.v1.Welcome.$Properties): void {
    this.syncReceived = 0;
    this.syncPending = welcome.pending ?? 0;
    this.emit('sync:progress', { received: 0, pending: this.syncPending, done: false });
    this.outbox?.onReady();
  }

  private async onPush(frame: ServerFrame): Promise<void> {
    if (frame.body === 'deliver') {
      const envelopes = (frame.deliver?.envelopes ?? []) as parley.v1.Envelope[];
      const n = await (this.inbox as Inbox).handle(envelopes);
      if (this.syncPending > 0 && this.syncReceived < this.syncPending) {
        this.syncReceived += n;
        this.emit('sync:progress', { received: this.syncReceived, pending: this.syncPending, done: false });
      }
    } else if (frame.body === 'syncComplete') {
      this.emit('sync:progress', { received: this.syncReceived, pending: this.syncPending, done: true });
    }
  }
}

/** Creates a client. Nothing happens on the network until `connect()` or a send. */
export function createClient(options: ClientOptions): ParleyClient {
  return new ParleyClient(options);
}
