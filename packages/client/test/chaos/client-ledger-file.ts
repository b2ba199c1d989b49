import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';

/**
 * What a chaos client process did, one JSON line per step, appended and fsynced before the step
 * counts (an event line is durable before its handler returns, so before the client forgets the
 * event). The file outlives every SIGKILL, so the parent judges from it across process lifetimes.
 */
export type LedgerLine =
  /** About to call sendText (written first: a send with no intent line never reached the client). */
  | { k: 'intent'; chat: string; text: string }
  /** The id of an intended send: from sendText, or found in the store after a restart. */
  | { k: 'id'; text: string; id: string }
  /** An intended send the client never stored (killed first) or refused: never promised. */
  | { k: 'dropped'; text: string; why?: string }
  /** `message:sent`. */
  | { k: 'sent'; id: string }
  /** `message:received`. */
  | { k: 'recv'; text: string; id: string }
  /**
   * An event announced again after a restart with an id a previous lifetime already recorded: the
   * documented at-least-once window (a kill after the handler ran, before the journal forgot it).
   * Apps dedup by id, and so does this ledger; counted apart.
   */
  | { k: 'again'; event: 'sent' | 'received'; id: string; text?: string };

/** Appends lines to a client's ledger file, each fsynced before `append` returns. */
export class LedgerFile {
  private readonly fd: number;

  constructor(path: string) {
    this.fd = openSync(path, 'a');
  }

  append(line: LedgerLine): void {
    writeSync(this.fd, `${JSON.stringify(line)}\n`);
    fsyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** The lines of a ledger file (none when it does not exist); a torn last line (a kill mid-write) is skipped. */
export function readLedgerFile(path: string): LedgerLine[] {
  if (!existsSync(path)) return [];
  const lines: LedgerLine[] = [];
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    if (!raw) continue;
    try {
      lines.push(JSON.parse(raw) as LedgerLine);
    } catch {
      // only the last line can be torn; it never counted
    }
  }
  return lines;
}

/** One client's ledger file summed up across its lifetimes. */
export interface ClientRecord {
  /** Texts it was asked to send and got to (an intent line). */
  intents: Set<string>;
  /** Intended texts by id, and those never stored or refused. */
  ids: Map<string, string>;
  dropped: Set<string>;
  /** `message:sent` lines per id. */
  sent: Map<string, number>;
  /** `message:received` in the order announced. */
  received: Array<{ text: string; id: string }>;
  /** Re-announcements after a restart, same id (see LedgerLine). */
  again: number;
}

export function summarize(lines: readonly LedgerLine[]): ClientRecord {
  const r: ClientRecord = {
    intents: new Set(),
    ids: new Map(),
    dropped: new Set(),
    sent: new Map(),
    received: [],
    again: 0,
  };
  for (const line of lines) {
    switch (line.k) {
      case 'intent':
        r.intents.add(line.text);
        break;
      case 'id':
        r.ids.set(line.text, line.id);
        break;
      case 'dropped':
        r.dropped.add(line.text);
        break;
      case 'sent':
        r.sent.set(line.id, (r.sent.get(line.id) ?? 0) + 1);
        break;
      case 'recv':
        r.received.push({ text: line.text, id: line.id });
        break;
      case 'again':
        r.again++;
        break;
    }
  }
  return r;
}

/** Intents with neither an id nor a drop yet: the store tells whether they were queued. */
export function unresolvedIntents(lines: readonly LedgerLine[]): Array<{ chat: string; text: string }> {
  const r = summarize(lines);
  return lines.flatMap((l) =>
    l.k === 'intent' && !r.ids.has(l.text) && !r.dropped.has(l.text) ? [{ chat: l.chat, text: l.text }] : [],
  );
}
