import { ParleyError } from '@parley/core';
import type { ListOptions, StoreTx, StoreValue } from './client-store.js';
import { type CheckedRange, checkRange, inRange } from './list-range.js';
import { copyStoreValue } from './memory-store.js';

/**
 * Where a {@link BackedEngine}'s committed state lives (e.g. IndexedDB): reads only. Values come
 * back as the engine's codec stored them.
 * @internal
 */
export interface StoreBacking {
  get(namespace: string, key: string): Promise<unknown>;
  /** Entries of `range` in listing order, at most `count` (range already checked). */
  list(namespace: string, range: CheckedRange, count: number): Promise<Array<[string, unknown]>>;
}

/** One committed write; `value` undefined means delete. @internal */
export type BackedWrite = readonly [namespace: string, key: string, value: unknown];

const DELETED: unique symbol = Symbol('deleted');
type Pending = { value: unknown } | typeof DELETED;

/**
 * Serialized, atomic transactions over state that lives elsewhere and is read on demand, so
 * opening costs nothing and memory holds only what is being written. A committed transaction's
 * writes go into an overlay at once (later reads see them) and are handed to `persist`; each leaves
 * the overlay when its write is durable, unless a later commit changed the key again.
 * @internal
 */
export class BackedEngine {
  /** Committed writes not yet durable in the backing: namespace -> key -> [commit number, value]. */
  private readonly overlay = new Map<string, Map<string, [number, Pending]>>();
  private commits = 0;
  private tail: Promise<void> = Promise.resolve();
  private closed = false;
  private failure: ParleyError | undefined;

  constructor(
    private readonly backing: StoreBacking,
    /** Called in commit order; the transaction resolves when the returned promise does. */
    private readonly persist: (writes: BackedWrite[]) => Promise<void>,
  ) {}

  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new ParleyError('CLOSED', 'client store is closed'));
    const run = this.tail.then(() => this.runOne(fn));
    // The next transaction waits for this one's fn and commit to the overlay, not for its write.
    this.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run.then(({ result, durable }) => (durable ? durable.then(() => result) : result));
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.tail;
  }

  /** Makes every later transaction reject with `error` (a write failed: the overlay may hold lost state). */
  fail(error: ParleyError): void {
    this.failure ??= error;
  }

  private async runOne<T>(fn: (tx: StoreTx) => Promise<T>): Promise<{ result: T; durable?: Promise<void> }> {
    if (this.failure) throw this.failure;
    const pending = new Map<string, Map<string, Pending>>();
    let finished = false;
    const check = () => {
      if (finished) throw new ParleyError('CLOSED', 'transaction has already finished');
    };
    const own = (ns: string) => {
      let keys = pending.get(ns);
      if (!keys) {
        keys = new Map();
        pending.set(ns, keys);
      }
      return keys;
    };
    const tx: StoreTx = {
      get: async <V = StoreValue>(ns: string, key: string) => {
        check();
        const mine = pending.get(ns)?.get(key) ?? this.overlay.get(ns)?.get(key)?.[1];
        const stored = mine === undefined ? await this.backing.get(ns, key) : mine === DELETED ? undefined : mine.value;
        return stored === undefined ? undefined : (copyStoreValue(stored) as V);
      },
      put: async (ns, key, value) => {
        check();
        own(ns).set(key, { value: copyStoreValue(value) });
      },
      delete: async (ns, key) => {
        check();
        own(ns).set(key, DELETED);
      },
      list: async <V = StoreValue>(ns: string, options: ListOptions = {}) => {
        check();
        return this.list<V>(ns, checkRange(options), pending.get(ns));
      },
    };
    let result: T;
    try {
      result = await fn(tx);
    } finally {
      finished = true;
    }
    const writes: BackedWrite[] = [];
    const commit = ++this.commits;
    for (const [ns, keys] of pending) {
      let layer = this.overlay.get(ns);
      if (!layer) {
        layer = new Map();
        this.overlay.set(ns, layer);
      }
      for (const [key, value] of keys) {
        layer.set(key, [commit, value]);
        writes.push([ns, key, value === DELETED ? undefined : value.value]);
      }
    }
    if (writes.length === 0) return { result };
    const durable = this.persist(writes).then(() => this.settle(writes, commit));
    return { result, durable };
  }

  /** A commit is durable: its entries leave the overlay unless a later commit wrote them again. */
  private settle(writes: BackedWrite[], commit: number): void {
    for (const [ns, key] of writes) {
      const layer = this.overlay.get(ns);
      if (layer?.get(key)?.[0] === commit) layer.delete(key);
      if (layer?.size === 0) this.overlay.delete(ns);
    }
  }

  private async list<V>(
    ns: string,
    range: CheckedRange,
    mine: Map<string, Pending> | undefined,
  ): Promise<Array<[string, V]>> {
    if (range.limit === 0) return [];
    // Overlay and own writes in range, taken before the backing read: an overlay entry may leave
    // while that read runs, and the read may not see its write yet.
    const merged = new Map<string, Pending>();
    for (const [key, [, value]] of this.overlay.get(ns) ?? []) if (inRange(range, key)) merged.set(key, value);
    for (const [key, value] of mine ?? []) if (inRange(range, key)) merged.set(key, value);
    // Every overlaid key may hide a backing row, so read that many more.
    const count = range.limit === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : range.limit + merged.size;
    const rows = new Map<string, unknown>(await this.backing.list(ns, range, count));
    for (const [key, value] of merged) {
      if (value === DELETED) rows.delete(key);
      else rows.set(key, value.value);
    }
    const keys = [...rows.keys()].sort();
    if (range.reverse) keys.reverse();
    // Exact: a backing row among the first `limit` results has at most `limit - 1` results and
    // `merged.size` hidden rows before it, so it was among the `count` rows read.
    return keys.slice(0, range.limit).map((key) => [key, copyStoreValue(rows.get(key)) as V]);
  }
}
