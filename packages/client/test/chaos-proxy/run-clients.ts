import { createClient, memoryClientStore, type ParleyClient } from '@parley/client';
import { ChildClient } from '../chaos/chaos-child-client.js';
import type { ChaosLedger } from '../chaos/chaos-ledger.js';

/**
 * The clients of a proxy chaos run: in the run's process on a memory store, or (a few) each in a
 * process of its own on a file store (chaos/chaos-child.ts, which keeps a fsynced ledger file), so
 * the run can SIGKILL them and start them again. Both report to the run's chaos ledger.
 */
export interface RunClient {
  userId: string;
  partner: string;
  /** Index of its group. */
  group: number;
  /** Reconnect attempts, and `message:undecryptable` events. */
  drops: number;
  undecryptable: number;
  /** When it last became connected (Date.now()). */
  connectedAt: number;
  connected(): boolean;
  /** Sends a text; `settle` gets its id once the server acknowledged it, or null when refused. */
  send(chat: string, text: string, settle: (id: string | null) => void): void;
  close(): Promise<void>;
  /** Set for a client in this process. */
  local?: ParleyClient;
  /** Set for a client in a process of its own. */
  child?: ChildClient;
}

interface Common {
  userId: string;
  partner: string;
  group: number;
  url: string;
  ledger: ChaosLedger;
  /** Counts a reconnect attempt by its reason. */
  dropped(reason: string): void;
}

function base(o: Common): Omit<RunClient, 'connected' | 'send' | 'close'> {
  return { userId: o.userId, partner: o.partner, group: o.group, drops: 0, undecryptable: 0, connectedAt: 0 };
}

function onState(c: RunClient, o: Common, state: string, reason: string | undefined): void {
  if (state === 'connected') c.connectedAt = Date.now();
  if (state !== 'reconnecting') return;
  c.drops++;
  o.dropped(reason ?? 'unknown');
}

export function localRunClient(o: Common): RunClient {
  const client = createClient({
    url: o.url,
    userId: o.userId,
    store: memoryClientStore(),
    reconnect: { minDelayMs: 100, maxDelayMs: 1_000 },
  });
  const c: RunClient = {
    ...base(o),
    local: client,
    connected: () => client.state === 'connected',
    send(chat, text, settle) {
      client.sendText(chat, text).then(
        (r) => settle(r.id),
        () => settle(null),
      );
    },
    close: () => client.close(),
  };
  client.on('connection:state', (e) => onState(c, o, e.state, e.reason));
  client.on('message:received', (m) => {
    if (m.content.kind === 'text') o.ledger.receive(o.userId, m.content.text);
  });
  client.on('message:sent', (m) => o.ledger.announce(m.id));
  client.on('message:undecryptable', () => c.undecryptable++);
  return c;
}

/** A client in a process of its own: `start()` it (and after each kill) with the proxy's URL. */
export function childRunClient(o: Common & { dir: string; ledgerFile: string }): RunClient {
  let state = 'idle';
  const child: ChildClient = new ChildClient(
    { userId: o.userId, dir: o.dir, ledger: o.ledgerFile, urls: [], first: 0 },
    {
      state: (s) => {
        state = s;
        onState(c, o, s, undefined);
      },
      undecryptable: () => c.undecryptable++,
      line: (line) => {
        // The live view; the file is the final word (adopted at the end).
        if (line.k === 'recv' || (line.k === 'again' && line.text !== undefined)) {
          o.ledger.receive(o.userId, line.text ?? '');
        } else if (line.k === 'sent') o.ledger.announce(line.id);
      },
    },
  );
  const c: RunClient = {
    ...base(o),
    child,
    connected: () => child.alive && state === 'connected',
    send: (chat, text, settle) => child.send(chat, text, settle),
    close: () => child.close(),
  };
  return c;
}
