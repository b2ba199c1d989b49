import type { PeerAddress, ReceivedMessage } from '../events.js';
import type { Logger } from '../logger.js';
import type { StoreTx } from '../stores/client-store.js';
import { NS } from '../stores/namespaces.js';

// Keeps each sender device's messages in order within a conversation across retries. A message
// that could not be decrypted comes back later through the retry path (a resend), after messages
// its sender sent after it. Every message carries the sending device's sequence number in the chat
// (messages/send-seq.ts, inside the encryption), so a gap is visible: while a retry is outstanding
// for a sender in a chat, its later messages that leave a gap are stored but held back (not
// announced) until the missing one fills the gap or the wait is over, then announced in seq order.
// The wait is bounded (`holdMs` after the last retry request), so a resend that never comes delays
// but never blocks a conversation. State and held messages are in the store, so a restart resumes.

/** The default bound on holding later messages while an earlier one is retried. */
export const DEFAULT_HOLD_MS = 10_000;
/** Past this many held messages for one sender in one chat, all are released (a bound on memory and wait). */
const MAX_HELD = 500;
/** Outstanding retries remembered per sender device and chat. */
const MAX_RETRIES = 100;

interface Held {
  seq: number;
  message: ReceivedMessage;
}

/** Per (chat, sender device), only while something is outstanding or held. */
interface Waiting {
  /** Retry requests sent for this sender's undecryptable messages in this chat, not yet answered. */
  retries: Array<{ id: string; at: number }>;
  /** Messages held back, by seq ascending. */
  held: Held[];
}

// Two kinds of record in the namespace: `l\u001f<key>` the last seq announced, `w\u001f<key>` a Waiting.
const LAST = 'l\u001f';
const WAIT = 'w\u001f';
const senderKey = (chatId: string, from: PeerAddress) => `${chatId}\u001f${from.userId}\u001f${from.deviceId}`;

export interface SenderOrderOptions {
  clock: { now(): number };
  logger: Logger;
  holdMs?: number;
}

/** The one owner of the sender-order namespace (see the comment above). All methods run inside a transaction. */
export class SenderOrder {
  private readonly holdMs: number;

  constructor(private readonly o: SenderOrderOptions) {
    this.holdMs = o.holdMs ?? DEFAULT_HOLD_MS;
  }

  /** A message of `from` in `chatId` could not be decrypted and its resend was requested: later ones wait for it. */
  async noteRetry(tx: StoreTx, chatId: string, from: PeerAddress, id: string): Promise<void> {
    const key = senderKey(chatId, from);
    const w = await this.waiting(tx, key);
    w.retries = w.retries.filter((r) => r.id !== id);
    w.retries.push({ id, at: this.o.clock.now() });
    if (w.retries.length > MAX_RETRIES) w.retries.shift();
    await tx.put(NS.senderOrder, WAIT + key, w);
  }

  /**
   * A decrypted message with the sender's `seq` (0 when the sender sets none): the messages to
   * announce now, in order. Empty when it is held back; it may release messages held before it.
   */
  async admit(tx: StoreTx, message: ReceivedMessage, seq: number): Promise<ReceivedMessage[]> {
    const key = senderKey(message.chatId, message.from);
    const w = await this.waiting(tx, key);
    const last = (await tx.get<number>(NS.senderOrder, LAST + key)) ?? 0;
    const stored = w.retries.length > 0 || w.held.length > 0;
    const now = this.o.clock.now();
    w.retries = w.retries.filter((r) => r.id !== message.id && r.at + this.holdMs > now);
    const out: ReceivedMessage[] = [];
    if (seq === 0 || seq <= last) {
      // No order to keep (an older client), or late: later ones were released without it.
      if (seq !== 0) this.o.logger.info('a message arrived after later ones of its sender', describe(key, seq));
      out.push(message);
    } else if (!w.held.some((h) => h.seq === seq)) {
      w.held.push({ seq, message });
      w.held.sort((a, b) => a.seq - b.seq);
    }
    out.push(...(await this.settle(tx, key, last, w, stored)));
    return out;
  }

  /** Releases, in seq order, what was held for retries whose wait is over; the messages to announce. */
  async releaseDue(tx: StoreTx): Promise<ReceivedMessage[]> {
    const now = this.o.clock.now();
    const out: ReceivedMessage[] = [];
    for (const [record, w] of await tx.list<Waiting>(NS.senderOrder, { prefix: WAIT })) {
      const open = w.retries.filter((r) => r.at + this.holdMs > now);
      if (open.length === w.retries.length) continue;
      w.retries = open;
      const key = record.slice(WAIT.length);
      const last = (await tx.get<number>(NS.senderOrder, LAST + key)) ?? 0;
      out.push(...(await this.settle(tx, key, last, w, true)));
    }
    return out;
  }

  /** When the earliest outstanding retry's wait is over (clock ms), or undefined when nothing waits. */
  async nextDeadline(tx: StoreTx): Promise<number | undefined> {
    let next: number | undefined;
    for (const [, w] of await tx.list<Waiting>(NS.senderOrder, { prefix: WAIT })) {
      for (const r of w.retries) next = Math.min(next ?? Number.POSITIVE_INFINITY, r.at + this.holdMs);
    }
    return next;
  }

  /**
   * Releases held messages that are in order, or all of them when nothing is outstanding any more
   * (or too many are held); logs a gap left behind. Writes the state back.
   */
  private async settle(
    tx: StoreTx,
    key: string,
    last: number,
    w: Waiting,
    /** Whether a waiting record was stored (a gap is worth a warning only when something waited). */
    stored: boolean,
  ): Promise<ReceivedMessage[]> {
    const out: ReceivedMessage[] = [];
    let seen = last;
    const releaseAll = w.retries.length === 0 || w.held.length > MAX_HELD;
    while (w.held.length > 0) {
      const first = w.held[0] as Held;
      if (!releaseAll && first.seq !== seen + 1) break;
      if (first.seq !== seen + 1 && stored) {
        this.o.logger.warn('messages released with a gap in their sender\u2019s sequence', {
          ...describe(key, first.seq),
          missing: { from: seen + 1, to: first.seq - 1 },
          reason: w.retries.length === 0 ? 'retry not answered in time' : 'too many held',
        });
      }
      seen = Math.max(seen, first.seq);
      out.push(first.message);
      w.held.shift();
    }
    if (seen !== last) await tx.put(NS.senderOrder, LAST + key, seen);
    if (w.retries.length > 0 || w.held.length > 0) await tx.put(NS.senderOrder, WAIT + key, w);
    else if (stored) await tx.delete(NS.senderOrder, WAIT + key);
    return out;
  }

  private async waiting(tx: StoreTx, key: string): Promise<Waiting> {
    return (await tx.get<Waiting>(NS.senderOrder, WAIT + key)) ?? { retries: [], held: [] };
  }
}

/** Log context of a sender key (chat, user, device) and a seq. */
function describe(key: string, seq: number): Record<string, unknown> {
  const [chatId, userId, deviceId] = key.split('\u001f');
  return { chatId, from: { userId, deviceId: Number(deviceId) }, seq };
}
