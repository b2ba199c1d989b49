import { oneof, type parley } from '@parley/core';
import type { Clock } from './clock.js';
import { decodeContent } from './content.js';
import type { PeerAddress, ReceivedMessage } from './events.js';
import { type Logger, warnOnFailure } from './logger.js';
import type { Announcement, Noted } from './messages/announcements.js';
import { getMessage, hasMessage, putIncoming } from './messages/message-store.js';
import { SenderOrder } from './messages/sender-order.js';
import type { ClientStore, StoreTx } from './stores/client-store.js';

/** What opening an envelope's payload gave. */
export type Opened =
  /** `after` runs once the transaction committed (e.g. to report an identity change). */
  | { kind: 'content'; content: Uint8Array; after?: () => void; groupId?: string }
  /** A control payload handled by `onControl` (e.g. a retry request); nothing is stored. */
  | { kind: 'control'; handle(): void }
  /** Undecryptable: reported, acknowledged, and `retry` asks the sender to send it again. */
  | { kind: 'failed'; reason: string; retry: boolean }
  /** Already seen (a replay or redelivery): acknowledged silently. */
  | { kind: 'duplicate' };

export interface InboxEvents {
  /**
   * Before the frame's transaction: learns what checking the envelopes needs from the network (the
   * signed device lists of senders and of group record actors). A failure leaves the frame
   * unacknowledged, so it comes again.
   */
  know(envelopes: parley.v1.Envelope.$Properties[]): Promise<void>;
  /** Decrypts a payload inside the frame's transaction, so the ratchet commits with the message. */
  open(
    tx: StoreTx,
    envelope: parley.v1.Envelope.$Properties,
    payload: parley.v1.Payload.$Properties,
    from: PeerAddress,
  ): Promise<Opened>;
  /** Writes the `message:received` announcement in the transaction that stores the message. */
  note(tx: StoreTx, announcement: Announcement): Promise<Noted>;
  /** After commit: emits the noted announcements in order, then forgets them. */
  announce(noted: Noted[]): Promise<void>;
  undecryptable(event: { id: string; from: PeerAddress; reason: string; retry: boolean }): void;
  /** Applies a receipt inside the transaction; the returned callback runs after commit. */
  receipt(tx: StoreTx, event: parley.v1.ReceiptEvent.$Properties): Promise<(() => void) | undefined>;
  /** A signed group membership record, inside the transaction; the returned callback runs after commit. */
  groupRecord(tx: StoreTx, groupId: string, record: parley.v1.GroupRecord.$Properties): Promise<() => void>;
  /** Whether `userId` is a member of the group as this device verified it (for resent group messages). */
  isGroupMember(tx: StoreTx, groupId: string, userId: string): Promise<boolean>;
  /** Acknowledges queue ids to the server (after they are durably stored). */
  ack(ids: string[]): void;
}

/** Timing of the inbox's holds: the clock, the bound on a hold, and how to run something later. */
export interface InboxOptions {
  clock: Clock;
  logger: Logger;
  /** How long later messages wait for a retried earlier one (ms after the retry request). */
  holdMs?: number;
  /** Runs `fn` after `ms`; returns a cancel. Default setTimeout (tests inject their own with the clock). */
  schedule?: (fn: () => void, ms: number) => () => void;
}

const defaultSchedule = (fn: () => void, ms: number) => {
  const timer = setTimeout(fn, ms);
  return () => clearTimeout(timer);
};

/**
 * Turns Deliver frames into stored messages and events: opens (decrypts) each payload, drops
 * duplicates by message id, commits the whole frame in one transaction (with the announcement of
 * each new message, see messages/announcements.ts), emits in queue order, then acknowledges. A
 * crash between commit and ack only causes a redelivery, which the dedup absorbs, and the
 * announcements left unemitted are replayed at the next start; a failure before commit
 * acknowledges nothing. Per sender device and chat, messages after one being retried are held
 * back until it arrives or the wait is over (messages/sender-order.ts); a timer releases them.
 */
export class Inbox {
  private readonly order: SenderOrder;
  private readonly schedule: (fn: () => void, ms: number) => () => void;
  private cancelTimer: (() => void) | undefined;
  private timerAt: number | undefined;
  /** Frames and releases run one at a time, so announcements go out in the order they were committed. */
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly store: ClientStore,
    private readonly selfUserId: string,
    private readonly events: InboxEvents,
    private readonly options: InboxOptions,
  ) {
    this.order = new SenderOrder(options);
    this.schedule = options.schedule ?? defaultSchedule;
  }

  /** At start (after the announcement replay): releases holds that are over, and times the rest. */
  start(): Promise<void> {
    return this.release();
  }

  /** Stops the release timer (held messages stay stored and are released after the next start). */
  stop(): void {
    this.stopped = true;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
  }

  /** Returns how many envelopes were processed (for sync progress). */
  handle(envelopes: parley.v1.Envelope.$Properties[]): Promise<number> {
    return this.serially(() => this.handleFrame(envelopes));
  }

  /** Announces what was held for retries whose wait is over, then times the next release. */
  release(): Promise<void> {
    return this.serially(async () => {
      let fresh: Noted[] = [];
      const next = await this.store.transaction(async (tx) => {
        const released = await this.order.releaseDue(tx);
        fresh = await this.noteAll(tx, released);
        return this.order.nextDeadline(tx);
      });
      this.timeRelease(next);
      await this.events.announce(fresh);
    });
  }

  /** Runs `fn` after the runs before it have ended (whether they succeeded or not; each caller gets its own failure). */
  private async serially<T>(fn: () => Promise<T>): Promise<T> {
    const before = this.running;
    let done: () => void = () => {};
    this.running = new Promise<void>((resolve) => {
      done = resolve;
    });
    await before;
    try {
      return await fn();
    } finally {
      done();
    }
  }

  /** Notes the announcement of each message as it is stored now (a held one may have been deleted meanwhile). */
  private async noteAll(tx: StoreTx, messages: ReceivedMessage[]): Promise<Noted[]> {
    const noted: Noted[] = [];
    for (const { id } of messages) {
      const stored = await getMessage(tx, id);
      if (stored) noted.push(await this.events.note(tx, { kind: 'received', message: stored }));
    }
    return noted;
  }

  /** Sets the release timer to `at` (clock ms), unless one is set for then already. */
  private timeRelease(at: number | undefined): void {
    if (this.stopped || at === this.timerAt) return;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.timerAt = at;
    if (at === undefined) return;
    this.cancelTimer = this.schedule(
      () => {
        this.cancelTimer = undefined;
        this.timerAt = undefined;
        void this.release().catch(warnOnFailure(this.options.logger, 'releasing held messages failed'));
      },
      Math.max(0, at - this.options.clock.now()),
    );
  }

  private async handleFrame(envelopes: parley.v1.Envelope.$Properties[]): Promise<number> {
    const fresh: Noted[] = [];
    const failures: Array<{ id: string; from: PeerAddress; reason: string; retry: boolean }> = [];
    const controls: Array<() => void> = [];
    await this.events.know(envelopes);
    const next = await this.store.transaction(async (tx) => {
      const seen = new Set<string>();
      for (const envelope of envelopes) {
        const body = oneof(envelope, 'body');
        if (body.case === 'receipt') {
          const after = await this.events.receipt(tx, body.value);
          if (after) controls.push(after);
          continue;
        }
        if (body.case === 'groupRecord') {
          controls.push(await this.events.groupRecord(tx, envelope.groupId ?? '', body.value));
          continue;
        }
        if (body.case !== 'message') continue; // other kinds land with later features
        const id = envelope.messageId || envelope.id || '';
        const from = { userId: envelope.sender?.userId ?? '', deviceId: envelope.sender?.deviceId ?? 0 };
        if (seen.has(id) || (await hasMessage(tx, id))) continue;
        const opened = await this.events.open(tx, envelope, body.value, from);
        if (opened.kind === 'duplicate') continue;
        if (opened.kind === 'control') {
          controls.push(opened.handle);
          continue;
        }
        if (opened.kind === 'failed') {
          failures.push({ id, from, reason: opened.reason, retry: opened.retry });
          const chatId = this.chatOfFailed(envelope, from);
          // Its resend will come after later messages of the same sender: those wait for it.
          if (opened.retry && chatId) await this.order.noteRetry(tx, chatId, from, id);
          continue;
        }
        if (opened.after) controls.push(opened.after);
        let decoded: ReturnType<typeof decodeContent>;
        try {
          decoded = decodeContent(opened.content);
        } catch (error) {
          failures.push({ id, from, reason: String((error as Error).message), retry: false });
          continue;
        }
        // A group message names its group inside the encryption too; a resent one (pairwise) only there.
        const groupId = opened.groupId ?? decoded.groupId;
        const groupOk = opened.groupId
          ? decoded.groupId === opened.groupId
          : !groupId || (await this.events.isGroupMember(tx, groupId, from.userId));
        if (!groupOk) {
          failures.push({ id, from, reason: 'group does not match', retry: false });
          continue;
        }
        seen.add(id);
        const outgoing = from.userId === this.selfUserId;
        const message: ReceivedMessage = {
          id,
          chatId: groupId
            ? groupId
            : outgoing
              ? envelope.conversationUserId || decoded.toUserId || from.userId
              : from.userId,
          from,
          content: decoded.content,
          sentAt: decoded.sentAt,
          serverTime: envelope.serverTime ?? 0,
          outgoing,
        };
        await putIncoming(tx, { ...message, ...(decoded.seq ? { seq: decoded.seq } : {}) });
        fresh.push(...(await this.noteAll(tx, await this.order.admit(tx, message, decoded.seq))));
      }
      return this.order.nextDeadline(tx);
    });
    this.timeRelease(next);
    const announced = this.events.announce(fresh); // emits at once; forgetting them commits later
    for (const failure of failures) this.events.undecryptable(failure);
    for (const handle of controls) handle();
    this.events.ack(envelopes.map((e) => e.id ?? ''));
    await announced;
    return envelopes.length;
  }

  /** The chat an undecryptable message was sent in, as far as its envelope tells (undefined when it does not). */
  private chatOfFailed(envelope: parley.v1.Envelope.$Properties, from: PeerAddress): string | undefined {
    if (envelope.groupId) return envelope.groupId;
    return from.userId === this.selfUserId ? envelope.conversationUserId || undefined : from.userId;
  }
}
