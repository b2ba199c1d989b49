import { ParleyError } from '@parley/core';
import type { Logger } from '../logger.js';
import { BackedEngine, type BackedWrite, type StoreBacking } from '../stores/backed-engine.js';
import type { ClientStore } from '../stores/client-store.js';
import { type CheckedRange, prefixUpperBound } from '../stores/list-range.js';
import { acquireTabLock, type HeldLock, type LockManagerLike, realmLocks } from './tab-lock.js';

/** Options of {@link idbClientStore}. */
export interface IdbClientStoreOptions {
  /** Name of the IndexedDB database. Default `'parley'`; use one per signed-in user. */
  name?: string;
  /**
   * What to do when the store is already open in another tab, window or worker of this browser
   * profile (or elsewhere in this page): `'fail'` (default) rejects with `CONFLICT`; `'wait'` waits
   * until the other one closes it (e.g. its tab is closed), or until `signal` aborts (`CLOSED`).
   */
  whenLocked?: 'fail' | 'wait';
  /** Aborts a `whenLocked: 'wait'` open. */
  signal?: AbortSignal;
  /** The IndexedDB factory. Default: `globalThis.indexedDB` (tests pass fake-indexeddb's). */
  indexedDB?: IDBFactory;
  /** The key range class of that IndexedDB. Default: `globalThis.IDBKeyRange` (tests pass fake-indexeddb's). */
  IDBKeyRange?: typeof IDBKeyRange;
  /**
   * The lock manager that keeps tabs apart. Default: `navigator.locks` (Web Locks API), else a
   * lock within this page only.
   */
  locks?: LockManagerLike;
  /**
   * Accepted for compatibility: the store used it for failures while loading everything at open,
   * and since it reads on demand it has no failure left that it recovers from (every failure
   * rejects the transaction that met it).
   */
  logger?: Logger;
}

const OBJECT_STORE = 'entries';
const VERSION = 1;

interface QueuedWrites {
  writes: ReadonlyArray<BackedWrite>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * A durable {@link ClientStore} in IndexedDB, for browsers (and workers).
 *
 * Nothing is loaded at open: reads go to IndexedDB (a key lookup, or a key-range read for `list`),
 * so opening takes the same time with 100,000 messages as with none and memory does not grow with
 * history. Each committed transaction is written to IndexedDB before it resolves, in one IndexedDB
 * transaction with `durability: 'strict'` (flushed to disk, not just handed to the OS: Chrome's
 * default is relaxed); until then its writes sit in an in-memory overlay that reads consult first
 * (stores/backed-engine.ts). Transactions committed while a write is in flight share the next
 * IndexedDB transaction (group commit); IndexedDB's own atomicity means the database always holds
 * a prefix of the committed transactions. Entries are stored under `[namespace, key]` keys with
 * their values as structured clones (Uint8Array stays Uint8Array).
 *
 * One device per browser profile: the store holds a Web Lock named after the database while open,
 * so a second tab opening it gets `CONFLICT` (or waits, see `whenLocked`); the browser releases
 * the lock when the tab closes or crashes. If a write fails (quota, the user cleared site data),
 * every later transaction rejects with `STORE_FAILED`; reopen the store to recover.
 */
export async function idbClientStore(options: IdbClientStoreOptions = {}): Promise<ClientStore> {
  const name = options.name ?? 'parley';
  const factory = options.indexedDB ?? globalThis.indexedDB;
  const ranges = options.IDBKeyRange ?? globalThis.IDBKeyRange;
  if (!factory || !ranges) {
    throw new ParleyError('STORE_FAILED', 'IndexedDB is not available here (not a browser, or storage is disabled)');
  }
  const locks = options.locks ?? (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  const lock = await acquireTabLock(locks ?? realmLocks(), `parley-client-store:${name}`, {
    wait: options.whenLocked === 'wait',
    signal: options.signal,
  });
  let db: IDBDatabase;
  try {
    db = await openDatabase(factory, name);
  } catch (e) {
    await lock.release();
    throw ParleyError.from(e, 'STORE_FAILED');
  }
  const store = new IdbStore(name, db, lock, ranges);
  return { transaction: (fn) => store.engine.transaction(fn), close: () => store.close() };
}

class IdbStore {
  readonly engine: BackedEngine;
  private queue: QueuedWrites[] = [];
  private draining = false;
  private drained: Promise<void> = Promise.resolve();
  private broken: ParleyError | undefined;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly name: string,
    private readonly db: IDBDatabase,
    private readonly lock: HeldLock,
    ranges: typeof IDBKeyRange,
  ) {
    this.engine = new BackedEngine(idbBacking(db, name, ranges), (writes) => this.persist(writes));
    // Someone deleted or upgraded the database (site data cleared, devtools): let go of it.
    db.onversionchange = () => {
      db.close();
      this.breakWith(new ParleyError('STORE_FAILED', `IndexedDB database ${name} was deleted or upgraded elsewhere`));
    };
    // The browser closed the connection abnormally (storage cleared, disk failure).
    db.addEventListener('close', () =>
      this.breakWith(new ParleyError('STORE_FAILED', `IndexedDB closed the database ${name}`)),
    );
  }

  async close(): Promise<void> {
    this.closing ??= (async () => {
      try {
        await this.engine.close();
        while (this.draining) await this.drained;
        this.db.close();
      } finally {
        await this.lock.release();
      }
    })();
    return this.closing;
  }

  private breakWith(error: ParleyError): void {
    this.broken ??= error;
    this.engine.fail(this.broken);
  }

  private persist(writes: ReadonlyArray<BackedWrite>): Promise<void> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.queue.push({ writes, resolve, reject });
      if (!this.draining) this.drained = this.drain();
    });
  }

  /** Writes queued commits in batches, one IndexedDB transaction per batch, until the queue is empty. */
  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0);
        try {
          if (this.broken) throw this.broken;
          await this.write(batch.flatMap((queued) => queued.writes));
        } catch (e) {
          // Memory now holds writes that are not stored: refuse further work; reopening reloads
          // the last committed state.
          this.breakWith(ParleyError.from(e, 'STORE_FAILED'));
          for (const queued of [...batch, ...this.queue.splice(0)]) queued.reject(this.broken);
          return;
        }
        for (const queued of batch) queued.resolve();
      }
    } finally {
      this.draining = false;
    }
  }

  private write(writes: ReadonlyArray<BackedWrite>): Promise<void> {
    return new Promise((resolve, reject) => {
      const tx = this.db.transaction(OBJECT_STORE, 'readwrite', { durability: 'strict' });
      const entries = tx.objectStore(OBJECT_STORE);
      // Later writes of a key in the batch win: IndexedDB applies requests in order.
      for (const [namespace, key, value] of writes) {
        if (value === undefined) entries.delete([namespace, key]);
        else entries.put(value, [namespace, key]);
      }
      tx.oncomplete = () => resolve();
      tx.onabort = () =>
        reject(new ParleyError('STORE_FAILED', `IndexedDB write to ${this.name} failed`, { cause: tx.error }));
    });
  }
}

/** Reads from the object store, each in its own read-only IndexedDB transaction. */
function idbBacking(db: IDBDatabase, name: string, ranges: typeof IDBKeyRange): StoreBacking {
  const entries = () => db.transaction(OBJECT_STORE, 'readonly').objectStore(OBJECT_STORE);
  // Gets issued in the same task share one read-only transaction (a page of messages is one round);
  // once it has finished, IndexedDB refuses new requests on it and a new one is started.
  let reader: IDBObjectStore | undefined;
  const get = (namespace: string, key: string) => {
    if (reader) {
      try {
        return request(reader.get([namespace, key]));
      } catch (error) {
        // Only "that transaction is over" starts a new one; anything else is a real failure.
        if ((error as { name?: unknown } | null)?.name !== 'TransactionInactiveError') throw error;
      }
    }
    reader = entries();
    return request(reader.get([namespace, key]));
  };
  return {
    get,
    async list(namespace, range, count) {
      const bounds = keyRange(ranges, namespace, range);
      const rows: Array<[string, unknown]> = [];
      if (!bounds || count === 0) return rows;
      if (!range.reverse) {
        const limit = Number.isFinite(count) ? count : undefined;
        const store = entries();
        const [keys, values] = await Promise.all([
          request(store.getAllKeys(bounds, limit)),
          request(store.getAll(bounds, limit)),
        ]);
        for (const [i, key] of keys.entries()) rows.push([keyOf(key, name), values[i]]);
        return rows;
      }
      // getAll has no direction: walk a cursor backwards, one step per row wanted.
      return new Promise((resolve, reject) => {
        const cursor = entries().openCursor(bounds, 'prev');
        cursor.onsuccess = () => {
          const at = cursor.result;
          if (!at || rows.length >= count) {
            resolve(rows);
            return;
          }
          try {
            rows.push([keyOf(at.primaryKey, name), at.value]);
          } catch (e) {
            reject(e);
            return;
          }
          at.continue();
        };
        cursor.onerror = () =>
          reject(new ParleyError('STORE_FAILED', 'IndexedDB read failed', { cause: cursor.error }));
      });
    },
  };
}

/**
 * The IndexedDB key range of a namespace's range. Keys are `[namespace, key]`; an array sorts
 * after every string, so `[namespace, []]` bounds a namespace from above.
 */
function keyRange(ranges: typeof IDBKeyRange, namespace: string, range: CheckedRange): IDBKeyRange | undefined {
  let upper: string | undefined = prefixUpperBound(range.prefix);
  if (range.end !== undefined && (upper === undefined || range.end < upper)) upper = range.end;
  if (upper === undefined) return ranges.bound([namespace, range.start], [namespace, []], false, true);
  // An empty range (IDBKeyRange.bound throws when lower > upper).
  if (range.start >= upper) return undefined;
  return ranges.bound([namespace, range.start], [namespace, upper], false, true);
}

function keyOf(key: IDBValidKey, name: string): string {
  if (!Array.isArray(key) || key.length !== 2 || typeof key[0] !== 'string' || typeof key[1] !== 'string') {
    throw new ParleyError('STORE_FAILED', `IndexedDB database ${name} holds a foreign key: not a Parley store`);
  }
  return key[1];
}

function openDatabase(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = factory.open(name, VERSION);
    open.onupgradeneeded = () => {
      if (!open.result.objectStoreNames.contains(OBJECT_STORE)) open.result.createObjectStore(OBJECT_STORE);
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () =>
      reject(new ParleyError('STORE_FAILED', `cannot open IndexedDB database ${name}`, { cause: open.error }));
  });
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(new ParleyError('STORE_FAILED', 'IndexedDB read failed', { cause: req.error }));
  });
}
