import { isParleyError, ParleyError, type parley } from '@parley/core';
import type { ClientConnection } from './connection.js';
import type { PendingUpload } from './media/media-service.js';
import type { ClientStore, StoreTx } from './stores/client-store.js';

/** A message waiting for the server's SendAck. Stored before the first attempt. */
export interface OutboxRecord {
  seq: number;
  id: string;
  chatId: string;
  /**
   * The Send frame body, re-sent unchanged (same message id) until acknowledged. Its per-device
   * copies are filled in by `prepare` (encryption) and dropped when the device lists change.
   */
  send: parley.v1.Send.$Properties;
  createdAt: number;
  /** The plaintext Content, kept until the server has the message so copies can be rebuilt. */
  content?: Uint8Array;
  /** `message`: a user's message. `resend`: a message re-encrypted for one device that asked for it. */
  kind?: 'message' | 'resend' | 'receipt';
  /** For a receipt record: the Receipt request to send. */
  receipt?: parley.v1.Receipt.$Properties;
  /** For a resend: the device it is for. */
  resendTo?: { userId: string; deviceId: number };
  /** For a media message: its encrypted file, waiting in the media spool until uploaded. */
  upload?: PendingUpload;
}

export interface OutboxEvents {
  /**
   * Makes the record ready to send (e.g. encrypts a copy per device and stores them with the
   * record in one transaction); returns the Send body to transmit.
   */
  prepare?(record: OutboxRecord): Promise<parley.v1.Send.$Properties>;
  /** Uploads a media record's file and stores the record without `upload` (before `prepare`). */
  upload?(record: OutboxRecord): Promise<void>;
  /** The server refused the copies for a stale device list: refresh what `details` names. */
  onDevicesMismatch?(record: OutboxRecord, details: unknown): Promise<void>;
  /** The server stored the message; runs inside the transaction that removes it from the outbox. */
  onSent(tx: StoreTx, record: OutboxRecord, serverTime: number): Promise<void>;
  /** Emits after commit. */
  afterSent(record: OutboxRecord, serverTime: number): void;
  onFailed(tx: StoreTx, record: OutboxRecord, error: ParleyError): Promise<void>;
  afterFailed(record: OutboxRecord, error: ParleyError): void;
}

export interface SendResult {
  id: string;
  status: 'sent';
  serverTime: number;
}

const NS = 'outbox';
const META = 'meta';
const SEQ_KEY = 'outbox.seq';
const seqKey = (seq: number) => seq.toString().padStart(16, '0');

/**
 * Persist -> send -> ack. Records survive restarts and are re-sent (same id, so the server's
 * idempotent enqueue makes that safe) after every reconnect. One message per conversation is
 * in flight at a time, which keeps each conversation in order even when a send fails and is retried.
 */
export class Outbox {
  /** Unsent records per conversation, oldest first. */
  private readonly chats = new Map<string, OutboxRecord[]>();
  /** Conversations with an attempt in flight or waiting to retry, with that attempt's token. */
  private readonly inflightChats = new Map<string, number>();
  private readonly retryTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private nextToken = 1;
  private readonly mismatches = new Map<string, number>();
  private readonly waiters = new Map<string, { resolve(r: SendResult): void; reject(e: ParleyError): void }>();
  private retryDelayMs = 500;
  private stopped = false;

  constructor(
    private readonly store: ClientStore,
    private readonly connection: ClientConnection,
    private readonly events: OutboxEvents,
  ) {}

  /** Persists changes `prepare` made to a record (called inside its transaction). */
  static async save(tx: StoreTx, record: OutboxRecord): Promise<void> {
    await tx.put(NS, seqKey(record.seq), record);
  }

  /** Queues a record that is not a new user message (e.g. a resend for one device); no waiter. */
  async addInternal(record: Omit<OutboxRecord, 'seq'>): Promise<void> {
    const stored = await this.store.transaction(async (tx) => {
      const seq = ((await tx.get<number>(META, SEQ_KEY)) ?? 0) + 1;
      const full: OutboxRecord = { ...record, seq };
      await tx.put(META, SEQ_KEY, seq);
      await tx.put(NS, seqKey(seq), full);
      return full;
    });
    this.push(stored);
    this.pump();
  }

  /** Loads what a previous run left unsent. */
  async load(): Promise<void> {
    const rows = await this.store.transaction((tx) => tx.list<OutboxRecord>(NS));
    for (const [, record] of rows) this.push(record);
  }

  /** Number of messages not yet acknowledged by the server. */
  get size(): number {
    let n = 0;
    for (const list of this.chats.values()) n += list.length;
    return n;
  }

  /**
   * Stores a record in the same transaction as `alsoWrite`, then sends it when connected.
   * Resolves once the server acknowledged it; rejects only when the server refused it for good.
   */
  async add(record: Omit<OutboxRecord, 'seq'>, alsoWrite: (tx: StoreTx) => Promise<void>): Promise<SendResult> {
    const stored = await this.store.transaction(async (tx) => {
      const seq = ((await tx.get<number>(META, SEQ_KEY)) ?? 0) + 1;
      const full: OutboxRecord = { ...record, seq };
      await tx.put(META, SEQ_KEY, seq);
      await tx.put(NS, seqKey(seq), full);
      await alsoWrite(tx);
      return full;
    });
    const result = new Promise<SendResult>((resolve, reject) => this.waiters.set(stored.id, { resolve, reject }));
    this.push(stored);
    this.pump();
    return result;
  }

  /** Connection (re)established: everything unacknowledged goes again. */
  onReady(): void {
    // Retries waiting for a timer go now; attempts of the old connection have already failed.
    for (const [chatId, timer] of this.retryTimers) {
      clearTimeout(timer);
      this.inflightChats.delete(chatId);
    }
    this.retryTimers.clear();
    this.retryDelayMs = 500;
    this.pump();
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.retryTimers.values()) clearTimeout(t);
    for (const w of this.waiters.values())
      w.reject(new ParleyError('CLOSED', 'client closed before the server acknowledged'));
    this.waiters.clear();
  }

  private pump(): void {
    if (this.stopped || !this.connection.isReady) return;
    for (const [chatId, list] of this.chats) {
      const record = list[0];
      if (!record || this.inflightChats.has(chatId)) continue;
      const token = this.nextToken++;
      this.inflightChats.set(chatId, token);
      void this.attempt(record, token);
    }
  }

  private async attempt(record: OutboxRecord, token: number): Promise<void> {
    let release = true;
    try {
      let frame: Awaited<ReturnType<ClientConnection['request']>>;
      if (record.kind === 'receipt') {
        frame = await this.connection.request({ receipt: record.receipt ?? {} });
      } else {
        if (record.upload) await this.events.upload?.(record);
        const send = this.events.prepare ? await this.events.prepare(record) : record.send;
        frame = await this.connection.request({ send });
      }
      this.mismatches.delete(record.id);
      const serverTime = frame.sendAck?.serverTime ?? 0;
      await this.store.transaction(async (tx) => {
        await tx.delete(NS, seqKey(record.seq));
        await this.events.onSent(tx, record, serverTime);
      });
      this.remove(record);
      this.events.afterSent(record, serverTime);
      this.waiters.get(record.id)?.resolve({ id: record.id, status: 'sent', serverTime });
      this.waiters.delete(record.id);
    } catch (e) {
      const error = ParleyError.from(e);
      const mismatches = this.mismatches.get(record.id) ?? 0;
      if (error.code === 'DEVICES_MISMATCH' && this.events.onDevicesMismatch && mismatches < 5) {
        // Stale device list: refresh it and go again at once; the app never notices.
        this.mismatches.set(record.id, mismatches + 1);
        await this.events.onDevicesMismatch(record, error.details);
      } else if (isParleyError(error) && !error.retryable && error.code !== 'CLOSED' && error.code !== 'STORE_FAILED') {
        await this.store.transaction(async (tx) => {
          await tx.delete(NS, seqKey(record.seq));
          await this.events.onFailed(tx, record, error);
        });
        this.remove(record);
        this.events.afterFailed(record, error);
        this.waiters.get(record.id)?.reject(error);
        this.waiters.delete(record.id);
      } else if (error.code !== 'CONNECTION_CLOSED') {
        // Retryable refusal (busy store, full queue, rate limit): keep order, try again later.
        release = false;
        this.scheduleRetry(record, token, error.retryAfterMs);
      }
    } finally {
      if (release && this.inflightChats.get(record.chatId) === token) {
        this.inflightChats.delete(record.chatId);
        this.pump();
      }
    }
  }

  private scheduleRetry(record: OutboxRecord, token: number, hintMs: number): void {
    const delay = Math.max(hintMs, this.retryDelayMs);
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, 30_000);
    const timer = setTimeout(() => {
      this.retryTimers.delete(record.chatId);
      if (this.inflightChats.get(record.chatId) === token) this.inflightChats.delete(record.chatId);
      this.pump();
    }, delay);
    this.retryTimers.set(record.chatId, timer);
  }

  private push(record: OutboxRecord): void {
    const list = this.chats.get(record.chatId);
    if (list) list.push(record);
    else this.chats.set(record.chatId, [record]);
  }

  private remove(record: OutboxRecord): void {
    const list = this.chats.get(record.chatId);
    if (list?.[0] === record) list.shift();
    if (list && list.length === 0) this.chats.delete(record.chatId);
  }
}
