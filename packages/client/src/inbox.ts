import { oneof, type parley } from '@parley/core';
import { decodeContent } from './content.js';
import type { PeerAddress } from './events.js';
import type { Announcement, Noted } from './messages/announcements.js';
import { type Filed, fileContent, wasFiled } from './messages/file-content.js';
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
  /** After commit: what filing a content asked to report besides announcements (refusals, settings, unknown kinds). */
  report(filed: Exclude<Filed, { kind: 'announce' }>): void;
  /** The current time (an expired disappearing message is not stored). */
  now(): number;
}

/**
 * Turns Deliver frames into stored messages and events: opens (decrypts) each payload, drops
 * duplicates by message id, commits the whole frame in one transaction (with the announcement of
 * each new message, see messages/announcements.ts), emits in queue order, then acknowledges. A
 * crash between commit and ack only causes a redelivery, which the dedup absorbs, and the
 * announcements left unemitted are replayed at the next start; a failure before commit
 * acknowledges nothing.
 */
export class Inbox {
  constructor(
    private readonly store: ClientStore,
    private readonly selfUserId: string,
    private readonly events: InboxEvents,
  ) {}

  /** Returns how many envelopes were processed (for sync progress). */
  async handle(envelopes: parley.v1.Envelope.$Properties[]): Promise<number> {
    const fresh: Noted[] = [];
    const failures: Array<{ id: string; from: PeerAddress; reason: string; retry: boolean }> = [];
    const controls: Array<() => void> = [];
    const reports: Array<Exclude<Filed, { kind: 'announce' }>> = [];
    const now = this.events.now();
    await this.store.transaction(async (tx) => {
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
        if (seen.has(id) || (await wasFiled(tx, id))) continue;
        const opened = await this.events.open(tx, envelope, body.value, from);
        if (opened.kind === 'duplicate') continue;
        if (opened.kind === 'control') {
          controls.push(opened.handle);
          continue;
        }
        if (opened.kind === 'failed') {
          failures.push({ id, from, reason: opened.reason, retry: opened.retry });
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
        const chatId = groupId
          ? groupId
          : outgoing
            ? envelope.conversationUserId || decoded.toUserId || from.userId
            : from.userId;
        const origin = { id, from, chatId, serverTime: envelope.serverTime ?? 0, selfUserId: this.selfUserId, now };
        for (const item of await fileContent(tx, decoded, origin)) {
          if (item.kind === 'announce') fresh.push(await this.events.note(tx, item.announcement));
          else reports.push(item);
        }
      }
    });
    const announced = this.events.announce(fresh); // emits at once; forgetting them commits later
    for (const failure of failures) this.events.undecryptable(failure);
    for (const report of reports) this.events.report(report);
    for (const handle of controls) handle();
    this.events.ack(envelopes.map((e) => e.id ?? ''));
    await announced;
    return envelopes.length;
  }
}
