import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { type ClientStore, createClient, memoryClientStore } from '@parley/client';
import { idbClientStore } from '@parley/client/browser';
import { fileClientStore } from '@parley/client/node';
import { sqliteClientStore } from '@parley/client/sqlite';
import { seedHistory } from '@parley/client/testing';
import Database from 'better-sqlite3';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';

/** One store kind: how to open it over the same storage again. */
export interface StoreKind {
  name: string;
  /** Opens the store over its storage (a fresh storage per `prepare`). */
  open(): Promise<ClientStore>;
  /** Whether reopening reads what was written (false for the memory store, which is kept open). */
  persistent: boolean;
}

/** What one run measured. */
export interface HistoryFigures {
  store: string;
  messages: number;
  seedMs: number;
  /** Opening the store with the history in it (undefined for the memory store: nothing to open). */
  openMs: number | undefined;
  /** Heap growth from before the open to after the first page and chat list, after GC (MB). */
  heapMb: number;
  /** Median time of a 50-message page, scrolling back from the newest. */
  pageMs: number;
  /** Time of the first chat list page (20 chats). */
  chatListMs: number;
}

const CHATS = 20;

/** The store kinds, each over new storage in `root`. */
export function storeKinds(root: string): Array<() => StoreKind> {
  let n = 0;
  return [
    () => {
      const store = memoryClientStore();
      return { name: 'memory', persistent: false, open: async () => store };
    },
    () => {
      const dir = path.join(root, `file-${++n}`);
      return { name: 'file', persistent: true, open: () => fileClientStore({ dir }) };
    },
    () => {
      const file = path.join(root, `sqlite-${++n}.db`);
      return {
        name: 'sqlite',
        persistent: true,
        open: async () => {
          const db = new Database(file);
          const store = await sqliteClientStore({ db });
          return {
            transaction: (fn) => store.transaction(fn),
            close: async () => {
              await store.close();
              db.close();
            },
          };
        },
      };
    },
    () => {
      const indexedDB = new IDBFactory();
      const name = `idb-${++n}`;
      return {
        name: 'indexeddb (fake-indexeddb)',
        persistent: true,
        open: () => idbClientStore({ name, indexedDB, IDBKeyRange }),
      };
    },
  ];
}

const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  return process.memoryUsage().heapUsed;
};
const since = (t: number) => performance.now() - t;

/** Seeds `messages` into a new store of `kind`, reopens it, and measures open, memory and reads. */
export async function measure(kind: StoreKind, messages: number): Promise<HistoryFigures> {
  let t = performance.now();
  const seeded = await kind.open();
  await seedHistory(seeded, { messages, chats: CHATS });
  const seedMs = since(t);
  if (kind.persistent) await seeded.close();

  const before = heap();
  t = performance.now();
  const store = kind.persistent ? await kind.open() : seeded;
  const openMs = kind.persistent ? since(t) : undefined;
  // No network: history and the chat list read only the store.
  const client = createClient({ url: 'ws://127.0.0.1:1', userId: 'me', store });
  // Warm up (JIT, prepared statements, the client's one-time key generation) on another chat.
  await client.messages('peer-1').page({ limit: 50 });
  await client.chats.list({ limit: 1 });
  const history = client.messages('peer-0');
  const times: number[] = [];
  let before50: string | undefined;
  // Up to 21 pages back through chat peer-0 (its messages / 50 when fewer).
  const pages = Math.max(1, Math.min(21, Math.floor(messages / CHATS / 50)));
  for (let i = 0; i < pages; i++) {
    t = performance.now();
    const page = await history.page({ limit: 50, ...(before50 ? { before: before50 } : {}) });
    times.push(since(t));
    if (page.messages.length !== 50) throw new Error(`a page held ${page.messages.length} messages, not 50`);
    before50 = page.messages[0]?.id;
  }
  t = performance.now();
  const chats = await client.chats.list({ limit: CHATS });
  const chatListMs = since(t);
  if (chats.chats.length !== CHATS) throw new Error(`the chat list held ${chats.chats.length} chats`);
  const heapMb = (heap() - before) / 2 ** 20;
  await client.close(); // closes the store
  times.sort((a, b) => a - b);
  return {
    store: kind.name,
    messages,
    seedMs,
    openMs,
    heapMb,
    pageMs: times[Math.floor(times.length / 2)] as number,
    chatListMs,
  };
}

/** Runs every store kind at every size. */
export async function historyBench(sizes: number[]): Promise<HistoryFigures[]> {
  const root = await fs.mkdtemp(path.join(tmpdir(), 'parley-bench-history-'));
  try {
    const out: HistoryFigures[] = [];
    for (const size of sizes) {
      for (const make of storeKinds(root)) out.push(await measure(make(), size));
    }
    return out;
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}

/** The figures as a table. */
export function formatHistoryFigures(rows: HistoryFigures[]): string {
  const ms = (v: number | undefined) => (v === undefined ? 'n/a' : v < 10 ? v.toFixed(2) : v.toFixed(0));
  const lines = [
    `history bench: ${CHATS} chats; open = reopening the store with the history in it; page = median 50-message page scrolling back; heap = growth after GC${gc ? '' : ' (no --expose-gc: rough)'}`,
    'store                       messages   seed ms   open ms   heap MB   page ms   chat list ms',
  ];
  for (const r of rows) {
    lines.push(
      `${r.store.padEnd(27)} ${String(r.messages).padStart(8)} ${ms(r.seedMs).padStart(9)} ${ms(r.openMs).padStart(9)} ${r.heapMb.toFixed(1).padStart(9)} ${ms(r.pageMs).padStart(9)} ${ms(r.chatListMs).padStart(14)}`,
    );
  }
  return lines.join('\n');
}
