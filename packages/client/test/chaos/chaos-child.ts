// One chaos client in a process of its own (started by chaos-child-client.ts), so the run can
// SIGKILL it and start it again on the same file store. Every event it announces is appended to
// its ledger file and fsynced inside the handler, i.e. before the client forgets the event, then
// reported to the parent over IPC for the run's live view. The parent's commands come over IPC.

import { createClient, type ParleyClient } from '@parley/client';
import { fileClientStore } from '@parley/client/node';
import { isParleyError } from '@parley/core';
import { chatMessageIds, getMessage } from '../../src/messages/message-store.js';
import type { ClientStore } from '../../src/stores/client-store.js';
import { NS } from '../../src/stores/namespaces.js';
import { rotatingSocket } from './chaos-socket.js';
import { LedgerFile, type LedgerLine, readLedgerFile, summarize, unresolvedIntents } from './client-ledger-file.js';

/** What the parent passes in CHAOS_CHILD. */
export interface ChildConfig {
  userId: string;
  /** The client store's directory and the ledger file (both outlive the process). */
  dir: string;
  ledger: string;
  urls: string[];
  /** Which gateway the first connection goes to. */
  first: number;
}

/** Parent -> child. */
export type ChildCommand =
  | { t: 'send'; chat: string; text: string }
  | { t: 'urls'; urls: string[] }
  /** Die (SIGKILL) right after the next transaction that stores an event with its state commits, before the event is emitted. */
  | { t: 'crash-after-store' }
  | { t: 'close' };

/** Child -> parent. */
export type ChildReport =
  | { t: 'started' }
  /** connect() resolved: connected, and its keys are published (others can write to it). */
  | { t: 'ready' }
  | { t: 'line'; line: LedgerLine }
  | { t: 'state'; state: string }
  | { t: 'undecryptable' };

const config = JSON.parse(process.env.CHAOS_CHILD ?? '') as ChildConfig;
const report = (r: ChildReport) => process.send?.(r);
const file = new LedgerFile(config.ledger);
const record = (line: LedgerLine) => {
  file.append(line);
  report({ t: 'line', line });
};

const before = readLedgerFile(config.ledger);
const earlier = summarize(before);
const seenReceived = new Set(earlier.received.map((r) => r.id));
const seenSent = new Set(earlier.sent.keys());
let crashArmed = false;
const store = crashable(await fileClientStore({ dir: config.dir }));

/**
 * The file store, able to die at the worst moment for the event journal: right after a
 * transaction that stored a message or status with its event committed, before the client emits
 * the event (the crash window issue 14 point 3 was about).
 */
function crashable(inner: ClientStore): ClientStore {
  return {
    async transaction(fn) {
      let notes = false;
      const result = await inner.transaction((tx) =>
        fn({
          get: (ns, key) => tx.get(ns, key),
          put: (ns, key, value) => {
            if (ns === NS.announcements) notes = true;
            return tx.put(ns, key, value);
          },
          delete: (ns, key) => tx.delete(ns, key),
          list: (ns, options) => tx.list(ns, options),
        }),
      );
      if (crashArmed && notes) process.kill(process.pid, 'SIGKILL');
      return result;
    },
    close: () => inner.close(),
  };
}

// Sends an earlier lifetime intended but never heard the id of: queued if the store has them.
const unresolved = unresolvedIntents(before);
if (unresolved.length > 0) {
  const stored = await store.transaction(async (tx) => {
    const byText = new Map<string, string>();
    for (const chat of new Set(unresolved.map((u) => u.chat))) {
      for (const id of await chatMessageIds(tx, chat)) {
        const m = await getMessage(tx, id);
        if (m?.outgoing && m.content.kind === 'text') byText.set(m.content.text, id);
      }
    }
    return byText;
  });
  for (const { text } of unresolved) {
    const id = stored.get(text);
    record(id ? { k: 'id', text, id } : { k: 'dropped', text });
  }
}

const urls = [...config.urls];
const client: ParleyClient = createClient({
  url: urls[0] as string,
  userId: config.userId,
  store,
  WebSocket: rotatingSocket(urls, config.first),
});
client.on('connection:state', (e) => report({ t: 'state', state: e.state }));
client.on('message:undecryptable', () => report({ t: 'undecryptable' }));
client.on('message:received', (m) => {
  const text = m.content.kind === 'text' ? m.content.text : '';
  if (seenReceived.has(m.id)) record({ k: 'again', event: 'received', id: m.id, text });
  else record({ k: 'recv', text, id: m.id });
});
client.on('message:sent', (m) => {
  if (seenSent.has(m.id)) record({ k: 'again', event: 'sent', id: m.id });
  else record({ k: 'sent', id: m.id });
});

process.on('message', (raw) => {
  const command = raw as ChildCommand;
  switch (command.t) {
    case 'send':
      record({ k: 'intent', chat: command.chat, text: command.text });
      client.sendText(command.chat, command.text).then(
        (r) => record({ k: 'id', text: command.text, id: r.id }),
        (error: unknown) => {
          // Closed before the server acknowledged: still queued, resolved at the next start.
          if (!isParleyError(error, 'CLOSED')) record({ k: 'dropped', text: command.text, why: String(error) });
        },
      );
      return;
    case 'urls':
      urls.splice(0, urls.length, ...command.urls);
      return;
    case 'crash-after-store':
      crashArmed = true;
      return;
    case 'close':
      void client.close().finally(() => {
        file.close();
        process.exit(0);
      });
      return;
  }
});

report({ t: 'started' });
void client.connect().then(
  () => report({ t: 'ready' }),
  (error: unknown) => {
    process.stderr.write(`chaos child ${config.userId}: connect refused: ${String(error)}\n`);
    process.exit(2);
  },
);
