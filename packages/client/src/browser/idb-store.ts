import { ParleyError } from '@parley/core';
import { type Logger, silentLogger, warnOnFailure } from '../logger.js';
import type { ClientStore } from '../stores/client-store.js';
import { copyStoreValue, StoreEngine, type StoreWrite } from '../stores/memory-store.js';
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
  /**
   * The lock manager that keeps tabs apart. Default: `navigator.locks` (Web Locks API), else a
   * lock within this page only.
   */
  locks?: LockManagerLike;
  /** Where clean-up failures the store recovers from are reported. Default: silent. */
  logger?: Logger;
}

const OBJECT_STORE = 'entries';
const VERSION = 1;

interface QueuedWrites {
  writes: ReadonlyArray<StoreWrite<unknown>>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * A durable {@link ClientStore} in IndexedDB, for browsers (and workers).
 *
 * Like the Node file store, the state lives in memory (loaded in one read at open) and each
 * committed transaction is written to IndexedDB before it resolves, in one IndexedDB transaction
 * with `durability: 'strict'` (flushed to disk, not just handed to the OS: Chrome's default is
 * relaxed). Transactions committed while a write is in flight share the next IndexedDB
 * transaction (group commit); IndexedDB's own atomicity means the database always holds a prefix
 * of the committed transactions. Entries are stored under `[namespace, key]` keys with their values
 * as structured clones (Uint8Array stays Uint8Array).
 *
 * One device per browser profile: the store holds a Web Lock named after the database while open,
 * so a second tab opening it gets `CONFLICT` (or waits, see `whenLocked`); the browser releases
 * the lock when the tab closes or crashes. If a write fails (quota, the user cleared site data),
 * every later transaction rejects with `STORE_FAILED`; reopen the store to recover.
 */
export async function idbClientStore(options: IdbClientStoreOptions = {}): Promise<ClientStore> {
  const name = options.name ?? 'parley';
  const factory = options.indexedDB ?? globalThis.indexedDB;
  if (!factory) {
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
  const store = new IdbStore(name, db, lock);
  try {
    await store.load();
  } catch (e) {
    await store
      .close()
      .catch(warnOnFailure(options.logger ?? silentLogger, 'closing a store that failed to load failed'));
    throw ParleyError.from(e, 'STORE_FAILED');
  }
  return { transaction: (fn) => store.engine.transaction(fn), close: () => store.close() };
}

class IdbStore {
  readonly engine = new StoreEngine<unknown>({
    encode: copyStoreValue,
    decode: copyStoreValue,
    persist: (writes) => this.persist(writes),
  });
  private queue: QueuedWrites[] = [];
  private draining = false;
  private drained: Promise<void> = Promise.resolve();
  private broken: ParleyError | undefined;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly name: string,
    private readonly db: IDBDatabase,
    private readonly lock: HeldLock,
  ) {
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

  /** Reads every entry in one IndexedDB transaction. */
  async load(): Promise<void> {
    const tx = this.db.transaction(OBJECT_STORE, 'readonly');
    const entries = tx.objectStore(OBJECT_STORE);
    const [keys, values] = await Promise.all([request(entries.getAllKeys()), request(entries.getAll())]);
    if (keys.length !== values.length)
      throw new ParleyError('STORE_FAILED', `IndexedDB database ${this.name} changed while loading`);
    for (const [i, key] of keys.entries()) {
      if (!Array.isArray(key) || key.length !== 2 || typeof key[0] !== 'string' || typeof key[1] !== 'string') {
        throw new ParleyError(
          'STORE_FAILED',
          `IndexedDB database ${this.name} holds a foreign key: not a Parley store`,
        );
      }
      this.engine.load(key[0], key[1], values[i]);
    }
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

  private persist(writes: ReadonlyArray<StoreWrite<unknown>>): Promise<void> {
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

  private write(writes: ReadonlyArray<StoreWrite<unknown>>): Promise<void> {
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
