import type { ClientRecord } from './client-ledger-file.js';

/**
 * What a chaos run sent and what every client saw, and the verdict: lost, duplicated and
 * reordered messages per (sender, conversation), and sends not announced exactly once.
 */

/** One message a client was asked to send. */
interface Sent {
  sender: string;
  chat: string;
  seq: number;
  /** Who must receive it: the peer of a 1:1 chat, every other member of a group. */
  recipients: string[];
  /** The client's message id once sendText resolved; undefined while pending, null if it rejected. */
  id: string | undefined | null;
}

/** The totals a run prints and the CI test asserts on. */
export interface LedgerTotals {
  sent: number;
  /** sendText calls that rejected (the message was never promised). */
  refused: number;
  /** sendText calls that never settled. */
  unsettled: number;
  /** Deliveries expected (message x recipient) and missing. */
  expected: number;
  lost: number;
  duplicated: number;
  reordered: number;
  /** Accepted sends with no `message:sent`, and with more than one. */
  notAnnounced: number;
  announcedTwice: number;
  /**
   * Events a client process announced again after a restart with the id an earlier lifetime had
   * recorded (the journal's documented at-least-once window; deduped by id, as apps do).
   */
  reannounced: number;
  /** Examples of each failure, for the report. */
  examples: string[];
}

/** The text of a chaos message: parseable back into its (sender, chat, seq). */
export const chaosText = (sender: string, chat: string, seq: number): string => `chaos|${sender}|${chat}|${seq}`;

const parse = (text: string): { sender: string; chat: string; seq: number } | undefined => {
  const m = /^chaos\|([^|]+)\|([^|]+)\|(\d+)$/.exec(text);
  return m ? { sender: m[1] as string, chat: m[2] as string, seq: Number(m[3]) } : undefined;
};

const key = (sender: string, chat: string, seq: number) => `${sender}|${chat}|${seq}`;

export class ChaosLedger {
  private readonly sent = new Map<string, Sent>();
  private readonly nextSeq = new Map<string, number>();
  /** Per recipient, per (sender, chat): the seqs in the order they arrived. */
  private readonly received = new Map<string, Map<string, number[]>>();
  /** Per message id: how many `message:sent` events it had. */
  private readonly announced = new Map<string, number>();
  private reannounced = 0;

  /** Records a send about to be made and returns its text. */
  send(sender: string, chat: string, recipients: string[]): { text: string; settle(id: string | null): void } {
    const conv = `${sender}|${chat}`;
    const seq = this.nextSeq.get(conv) ?? 0;
    this.nextSeq.set(conv, seq + 1);
    const entry: Sent = { sender, chat, seq, recipients, id: undefined };
    this.sent.set(key(sender, chat, seq), entry);
    return {
      text: chaosText(sender, chat, seq),
      settle: (id) => {
        entry.id = id;
      },
    };
  }

  /** A `message:received` at `recipient`; texts that are not chaos messages (warm-up, probes) are ignored. */
  receive(recipient: string, text: string): void {
    const m = parse(text);
    if (!m) return;
    let mine = this.received.get(recipient);
    if (!mine) {
      mine = new Map();
      this.received.set(recipient, mine);
    }
    const conv = `${m.sender}|${m.chat}`;
    const list = mine.get(conv) ?? [];
    list.push(m.seq);
    mine.set(conv, list);
  }

  /** How many messages from `sender` in `chat` have reached `recipient` so far. */
  arrived(recipient: string, sender: string, chat: string): number {
    return this.received.get(recipient)?.get(`${sender}|${chat}`)?.length ?? 0;
  }

  /**
   * Takes what a client process's ledger file says (across all its lifetimes) over the live view:
   * what it received, in the order announced; the id of each of its sends (none for a send it never
   * got to or never stored: not promised); its `message:sent` events.
   */
  adopt(user: string, record: ClientRecord): void {
    const mine = new Map<string, number[]>();
    for (const { text } of record.received) {
      const m = parse(text);
      if (!m) continue;
      const conv = `${m.sender}|${m.chat}`;
      mine.set(conv, [...(mine.get(conv) ?? []), m.seq]);
    }
    this.received.set(user, mine);
    for (const entry of this.sent.values()) {
      if (entry.sender !== user) continue;
      const text = chaosText(entry.sender, entry.chat, entry.seq);
      const id = record.ids.get(text);
      entry.id = id ?? (record.dropped.has(text) || !record.intents.has(text) ? null : undefined);
      if (id) this.announced.set(id, record.sent.get(id) ?? 0);
    }
    this.reannounced += record.again;
  }

  /** A `message:sent` event for `id`. */
  announce(id: string): void {
    this.announced.set(id, (this.announced.get(id) ?? 0) + 1);
  }

  /** Sends made so far (to tell later which existed when a fault ended). */
  snapshot(): Set<string> {
    return new Set(this.sent.keys());
  }

  /** How many deliveries of the messages in `which` are still missing (accepted sends only, and pending ones). */
  missing(which: Set<string>): number {
    let n = 0;
    for (const k of which) {
      const entry = this.sent.get(k);
      if (!entry || entry.id === null) continue;
      for (const r of entry.recipients) if (!this.has(r, entry)) n++;
    }
    return n;
  }

  private has(recipient: string, entry: Sent): boolean {
    return this.received.get(recipient)?.get(`${entry.sender}|${entry.chat}`)?.includes(entry.seq) ?? false;
  }

  totals(): LedgerTotals {
    const t: LedgerTotals = {
      sent: this.sent.size,
      refused: 0,
      unsettled: 0,
      expected: 0,
      lost: 0,
      duplicated: 0,
      reordered: 0,
      notAnnounced: 0,
      announcedTwice: 0,
      reannounced: this.reannounced,
      examples: [],
    };
    const example = (what: string) => {
      if (t.examples.length < 20) t.examples.push(what);
    };
    for (const entry of this.sent.values()) {
      if (entry.id === null) {
        t.refused++;
        continue;
      }
      if (entry.id === undefined) t.unsettled++;
      for (const r of entry.recipients) {
        t.expected++;
        if (!this.has(r, entry)) {
          t.lost++;
          example(`lost: ${entry.sender} -> ${r} in ${entry.chat} #${entry.seq}`);
        }
      }
      if (entry.id === undefined) continue;
      const times = this.announced.get(entry.id) ?? 0;
      if (times === 0) {
        t.notAnnounced++;
        example(`not announced: ${entry.sender} in ${entry.chat} #${entry.seq}`);
      } else if (times > 1) {
        t.announcedTwice++;
        example(`announced ${times} times: ${entry.sender} in ${entry.chat} #${entry.seq}`);
      }
    }
    for (const [recipient, convs] of this.received) {
      for (const [conv, seqs] of convs) {
        const seen = new Set<number>();
        let last = -1;
        for (const seq of seqs) {
          if (seen.has(seq)) {
            t.duplicated++;
            example(`duplicate at ${recipient}: ${conv} #${seq}`);
            continue;
          }
          seen.add(seq);
          if (seq < last) {
            t.reordered++;
            example(`reordered at ${recipient}: ${conv} #${seq} after #${last}`);
          }
          last = Math.max(last, seq);
        }
      }
    }
    return t;
  }
}
