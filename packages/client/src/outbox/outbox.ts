import { isParleyError, ParleyError, type parley } from '@parley/core';
import type { ClientConnection } from '../connection.js';
import type { ClientStore, StoreTx } from '../stores/client-store.js';
import type { MessageRecord, NewRecord, OutboxRecord, SendRecord } from './outbox-record.js';
import { appendRecord, deleteRecord, loadRecords } from './outbox-store.js';
import { SendOutcome, type SendResult } from './send-outcome.js';

export type {
  MessageRecord,
  NewRecord,
  OutboxRecord,
  ReceiptRecord,
  ResendRecord,
  SendRecord,
} from './outbox-record.js';

export interface OutboxEvents {
  /**
   * Makes the record ready to send (e.g. encrypts a copy per device and stores them with the
   * record in one transaction); returns the Send body to transmit.
   */
  prepare?(record: SendRecord): Promise<parley.v1.Send.$Properties>;
  /** Uploads a media record's file and stores the record without `upload` (before `prepare`). */
  upload?(record: MessageRecord): Promise<void>;
  /** The server refused the copies for a stale device list: refresh what `details` names. */
  onDevicesMismatch?(record: SendRecord, details: unknown): Promise<void>;
  /**
   * The server stored the message; runs inside the transaction that removes it from the outbox.
   * `deliveredAt`: the recipient already had it (SendAck.delivered_at, 1:1 only), 0 when not.
   */
  onSent(tx: StoreTx, record: OutboxRecord, serverTime: number, deliveredAt: number): Promise<void>;
  /** Emits after commit. */
  afterSent(record: OutboxRecord, serverTime: number): void;
  onFailed(tx: StoreTx, record: OutboxRecord, error: ParleyError): Promise<void>;
  afterFailed(record: OutboxRecord, error: ParleyError): void;
}

export type { SendResult } from './send-outcome.js';

/** First delay of the outbox's own backoff after a retryable refusal without a retry-after hint. */
const MIN_RETRY_DELAY_MS = 500;
const MAX_RETRY_DELAY_MS = 30_000;

/**
 * Refusals about the sender or the server as a whole, not one conversation: with a retry-after,
 * every lane waits that long, not only the refused one, so an overloaded server is not hit again
 * at once through the other conversations.
 */
const HOLD_CODES: ReadonlySet<string> = new Set(['OVERLOADED', 'RATE_LIMITED', 'UNAVAILABLE']);

/**
 * Persist -> send -> ack. Records survive restarts and are re-sent (same id, so the server's
 * idempotent enqueue makes that safe) after every reconnect. One message per conversation is
 * in flight at a time, which keeps each conversation in order even when a send fails and is retried.
 */
export class Outbox {
  /** Unsent records per lane (see lane.ts), oldest first. */
  private readonly lanes = new Map<string, OutboxRecord[]>();
  /** Lanes with an attempt in flight or waiting to retry, with that attempt's token. */
  private readonly inflightLanes = new Map<string, number>();
  private readonly retryTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private nextToken = 1;
  private readonly mismatches = new Map<string, number>();
  private readonly waiters = new Map<string, SendOutcome>();
  private retryDelayMs = MIN_RETRY_DELAY_MS;
  /** Set while the server asked the whole outbox to wait (see HOLD_CODES); its end pumps again. */
  private holdTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly store: ClientStore,
    private readonly connection: ClientConnection,
    private readonly events: OutboxEvents,
  ) {}

  /** Queues a record that is not a new user message (e.g. a resend for one device); no waiter. */
  async addInternal(record: NewRecord): Promise<void> {
    const stored = await this.store.transaction((tx) => appendRecord(tx, record));
    this.push(stored);
    this.pump();
  }

  /** Loads what a previous run left unsent. */
  async load(): Promise<void> {
    for (const record of await this.store.transaction(loadRecords)) this.push(record);
  }

  /** Number of messages not yet acknowledged by the server. */
  get size(): number {
    let n = 0;
    for (const list of this.lanes.values()) n += list.length;
    return n;
  }

  /**
   * Stores the record `build` makes inside the transaction (which may write what goes with it, and
   * take numbers that must follow the outbox's order), then sends it when connected.
   * Resolves once the server acknowledged it; rejects only when the server refused it for good.
   */
  async add(build: (tx: StoreTx) => Promise<NewRecord<MessageRecord>>): Promise<SendResult> {
    return (await this.enqueue(async (tx) => ({ record: await build(tx), written: undefined }))).sent.promise;
  }

  /**
   * Stores the record `build` makes inside the transaction (with whatever it writes alongside) and
   * resolves at once with what `build` returned as `written`; `sent` settles once the server
   * acknowledged the record (or refused it for good, or the send was cancelled or the outbox stopped).
   */
  async enqueue<T>(
    build: (tx: StoreTx) => Promise<{ record: NewRecord<MessageRecord>; written: T }>,
  ): Promise<{ written: T; sent: SendOutcome }> {
    const { stored, written } = await this.store.transaction(async (tx) => {
      const built = await build(tx);
      return { stored: await appendRecord(tx, built.record), written: built.written };
    });
    const sent = new SendOutcome();
    this.waiters.set(stored.id, sent);
    this.push(stored);
    this.pump();
    return { written, sent };
  }

  /**
   * Takes a user's message out of the outbox before the server has it, in the transaction that
   * also runs `alsoWrite` (removing it from history). False when it is not queued here (sent,
   * failed, unknown) or is on its way to the server right now (too late to take back).
   */
  async cancel(id: string, alsoWrite: (tx: StoreTx) => Promise<void>): Promise<boolean> {
    const found = this.findMessage(id);
    if (!found) return false;
    const { record, list } = found;
    const head = list[0] === record;
    if (head && this.inflightLanes.has(record.lane) && !this.retryTimers.has(record.lane)) return false;
    await this.store.transaction(async (tx) => {
      await deleteRecord(tx, record);
      await alsoWrite(tx);
    });
    if (head) {
      // A lane waiting to retry this record moves on to the next one.
      const timer = this.retryTimers.get(record.lane);
      if (timer) clearTimeout(timer);
      this.retryTimers.delete(record.lane);
      this.inflightLanes.delete(record.lane);
    }
    list.splice(list.indexOf(record), 1);
    if (list.length === 0) this.lanes.delete(record.lane);
    this.waiters.get(id)?.reject(new ParleyError('CLOSED', `send of ${id} was cancelled`));
    this.waiters.delete(id);
    this.pump();
    return true;
  }

  /** A user's message waiting in the outbox, with its lane's list. */
  private findMessage(id: string): { record: MessageRecord; list: OutboxRecord[] } | undefined {
    for (const list of this.lanes.values()) {
      for (const record of list) if (record.kind === 'message' && record.id === id) return { record, list };
    }
    return undefined;
  }

  /** Connection (re)established: everything unacknowledged goes again. */
  onReady(): void {
    // Retries waiting for a timer go now; attempts of the old connection have already failed.
    for (const [lane, timer] of this.retryTimers) {
      clearTimeout(timer);
      this.inflightLanes.delete(lane);
    }
    this.retryTimers.clear();
    this.endHold();
    this.retryDelayMs = MIN_RETRY_DELAY_MS;
    this.pump();
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.retryTimers.values()) clearTimeout(t);
    this.endHold();
    for (const w of this.waiters.values())
      w.reject(new ParleyError('CLOSED', 'client closed before the server acknowledged'));
    this.waiters.clear();
  }

  private pump(): void {
    if (this.stopped || this.holdTimer || !this.connection.isReady) return;
    for (const [lane, list] of this.lanes) {
      const record = list[0];
      if (!record || this.inflightLanes.has(lane)) continue;
      const token = this.nextToken++;
      this.inflightLanes.set(lane, token);
      void this.attempt(record, token);
    }
  }

  /**
   * One send of a lane's oldest record. Never calls itself again without yielding: after a failure
   * the lane waits for a timer (a retryable refusal) or for the next `onReady` (connection lost), so
   * a connection that fails every request can never turn this into a loop that starves the event loop.
   */
  private async attempt(record: OutboxRecord, token: number): Promise<void> {
    let release = true;
    let next = true;
    try {
      let frame: Awaited<ReturnType<ClientConnection['request']>>;
      if (record.kind === 'receipt') {
        frame = await this.connection.request({ receipt: record.receipt });
      } else {
        if (record.kind === 'message' && record.upload) await this.events.upload?.(record);
        const send = this.events.prepare ? await this.events.prepare(record) : record.send;
        // A 1:1 send asks for its delivered receipt in the SendAck when the recipient is that quick
        // (PROTOCOL 8.1): no receipt to queue and acknowledge. Group sends ignore it.
        frame = await this.connection.request({ send: send.userId ? { ...send, ackDelivered: true } : send });
      }
      this.mismatches.delete(record.id);
      this.retryDelayMs = MIN_RETRY_DELAY_MS; // the server takes sends again: start the backoff afresh
      const serverTime = frame.sendAck?.serverTime ?? 0;
      const deliveredAt = frame.sendAck?.deliveredAt ?? 0;
      await this.store.transaction(async (tx) => {
        await deleteRecord(tx, record);
        await this.events.onSent(tx, record, serverTime, deliveredAt);
      });
      this.remove(record);
      this.events.afterSent(record, serverTime);
      this.waiters.get(record.id)?.resolve({ id: record.id, status: 'sent', serverTime });
      this.waiters.delete(record.id);
    } catch (e) {
      const error = ParleyError.from(e);
      if (this.stopped) return; // the client closed: the record stays stored for the next start
      const mismatches = this.mismatches.get(record.id) ?? 0;
      if (
        error.code === 'DEVICES_MISMATCH' &&
        record.kind !== 'receipt' &&
        this.events.onDevicesMismatch &&
        mismatches < 5
      ) {
        // Stale device list: refresh it and go again at once; the app never notices.
        this.mismatches.set(record.id, mismatches + 1);
        await this.events.onDevicesMismatch(record, error.details);
      } else if (isParleyError(error) && !error.retryable && error.code !== 'CLOSED' && error.code !== 'STORE_FAILED') {
        await this.store.transaction(async (tx) => {
          await deleteRecord(tx, record);
          await this.events.onFailed(tx, record, error);
        });
        this.remove(record);
        this.events.afterFailed(record, error);
        this.waiters.get(record.id)?.reject(error);
        this.waiters.delete(record.id);
      } else if (error.code !== 'CONNECTION_CLOSED' || this.connection.isReady) {
        // Retryable refusal (busy store, full queue, rate limit): keep order, try again later.
        release = false;
        this.scheduleRetry(record, token, error);
      } else {
        // Connection lost: the lane goes again from `onReady` once the client is connected.
        next = false;
      }
    } finally {
      if (release && this.inflightLanes.get(record.lane) === token) {
        this.inflightLanes.delete(record.lane);
        if (next) this.pump();
      }
    }
  }

  /**
   * Retries a lane's refused record later: after the server's retry-after when it gave one (the
   * whole outbox holds for that long when the refusal is about the sender or the server, see
   * HOLD_CODES), else after the outbox's own doubling backoff.
   */
  private scheduleRetry(record: OutboxRecord, token: number, error: ParleyError): void {
    if (this.stopped) return;
    const hintMs = error.retryAfterMs;
    let delay: number;
    if (hintMs > 0) {
      delay = Math.min(hintMs, MAX_RETRY_DELAY_MS);
      if (HOLD_CODES.has(error.code)) this.hold(delay);
    } else {
      delay = this.retryDelayMs;
      this.retryDelayMs = Math.min(this.retryDelayMs * 2, MAX_RETRY_DELAY_MS);
    }
    const timer = setTimeout(() => {
      this.retryTimers.delete(record.lane);
      if (this.inflightLanes.get(record.lane) === token) this.inflightLanes.delete(record.lane);
      this.pump();
    }, delay);
    this.retryTimers.set(record.lane, timer);
  }

  /** No lane starts a send for `ms` (a later hold replaces an earlier one); then the outbox pumps again. */
  private hold(ms: number): void {
    this.endHold();
    this.holdTimer = setTimeout(() => {
      this.holdTimer = undefined;
      this.pump();
    }, ms);
  }

  private endHold(): void {
    if (this.holdTimer) clearTimeout(this.holdTimer);
    this.holdTimer = undefined;
  }

  private push(record: OutboxRecord): void {
    const list = this.lanes.get(record.lane);
    if (list) list.push(record);
    else this.lanes.set(record.lane, [record]);
  }

  private remove(record: OutboxRecord): void {
    const list = this.lanes.get(record.lane);
    if (list?.[0] === record) list.shift();
    if (list && list.length === 0) this.lanes.delete(record.lane);
  }
}
