import { ParleyError } from '@parley/core';
import type { ClientStore, ListOptions, StoreTx, StoreValue } from './client-store.js';
import { type CheckedRange, checkRange, inRange } from './list-range.js';

/**
 * A {@link ClientStore} that keeps everything in memory: for tests, and for clients that must not
 * leave state behind. Values are validated and deep-copied on `put` and on every read, exactly as
 * a persistent store would return them, so code tested against it behaves the same on disk.
 */
export function memoryClientStore(): ClientStore {
  const engine = new StoreEngine<StoreValue>({ encode: copyStoreValue, decode: copyStoreValue });
  return { transaction: (fn) => engine.transaction(fn), close: () => engine.close() };
}

// ---------------------------------------------------------------------------------------------
// The transaction engine of the memory store. Exported for tests of its parts; not part of the API.

/**
 * How an engine holds values. `encode` validates a value and detaches it from the caller (a copy
 * or a serialized form); `decode` returns a fresh value the caller may mutate.
 * @internal
 */
export interface ValueCodec<S> {
  encode(value: StoreValue): S;
  decode(stored: S): unknown;
}

/** One committed write; `value` undefined means delete. @internal */
export type StoreWrite<S> = readonly [namespace: string, key: string, value: S | undefined];

const DELETED: unique symbol = Symbol('deleted');
type Pending<S> = S | typeof DELETED;
const noop = (): void => {};

/**
 * Serialized, atomic transactions over sorted in-memory namespaces.
 * @internal
 */
export class StoreEngine<S> {
  private readonly namespaces = new Map<string, Namespace<S>>();
  private tail: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: ValueCodec<S>) {}

  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    if (this.closed)
      return Promise.reject(
        new ParleyError(
          'CLOSED',
          'client store is closed (client.close() closes the store it was given; pass closeStore: false to reuse it)',
        ),
      );
    const run = this.tail.then(() => this.runOne(fn));
    this.tail = run.then(noop, noop);
    return run;
  }

  /** Rejects further transactions and resolves once every transaction already called has run. */
  async close(): Promise<void> {
    this.closed = true;
    await this.tail;
  }

  private async runOne<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    const tx = new EngineTx(this.namespaces, this.options);
    let result: T;
    try {
      result = await fn(tx);
    } finally {
      tx.finished = true;
    }
    const writes = tx.writes();
    for (const [name, key, value] of writes) {
      if (value === undefined) {
        const ns = this.namespaces.get(name);
        ns?.delete(key);
        if (ns?.values.size === 0) this.namespaces.delete(name);
      } else {
        this.namespace(name).set(key, value);
      }
    }
    return result;
  }

  private namespace(name: string): Namespace<S> {
    let ns = this.namespaces.get(name);
    if (!ns) {
      ns = new Namespace<S>();
      this.namespaces.set(name, ns);
    }
    return ns;
  }
}

/** Buffers writes (already encoded, so later caller mutations cannot reach them) until commit. */
class EngineTx<S> implements StoreTx {
  finished = false;
  private readonly pending = new Map<string, Map<string, Pending<S>>>();

  constructor(
    private readonly namespaces: ReadonlyMap<string, Namespace<S>>,
    private readonly codec: ValueCodec<S>,
  ) {}

  async get<T = StoreValue>(namespace: string, key: string): Promise<T | undefined> {
    this.check();
    const own = this.pending.get(namespace)?.get(key);
    const stored = own === undefined ? this.namespaces.get(namespace)?.values.get(key) : own;
    return stored === undefined || stored === DELETED ? undefined : (this.codec.decode(stored) as T);
  }

  async put(namespace: string, key: string, value: StoreValue): Promise<void> {
    this.check();
    this.writeSet(namespace).set(key, this.codec.encode(value));
  }

  async delete(namespace: string, key: string): Promise<void> {
    this.check();
    this.writeSet(namespace).set(key, DELETED);
  }

  async list<T = StoreValue>(namespace: string, options: ListOptions = {}): Promise<Array<[string, T]>> {
    this.check();
    const range = checkRange(options);
    const base = this.namespaces.get(namespace);
    const own = this.pending.get(namespace);
    const ownKeys = own ? [...own.keys()].filter((k) => inRange(range, k)).sort() : [];
    if (range.reverse) ownKeys.reverse();
    const baseKeys = base ? base.keysInRange(range) : [][Symbol.iterator]();
    // `a` comes first in the listing order.
    const before = range.reverse ? (a: string, b: string) => a >= b : (a: string, b: string) => a <= b;
    const out: Array<[string, T]> = [];
    // Merge the committed keys with this transaction's own, both in listing order; own writes win.
    let b = baseKeys.next();
    let j = 0;
    while (out.length < range.limit) {
      const baseKey = b.done ? undefined : b.value;
      const ownKey = ownKeys[j];
      let stored: Pending<S> | undefined;
      let key: string;
      if (ownKey !== undefined && (baseKey === undefined || before(ownKey, baseKey))) {
        if (ownKey === baseKey) b = baseKeys.next();
        j++;
        key = ownKey;
        stored = own?.get(ownKey);
      } else if (baseKey !== undefined) {
        b = baseKeys.next();
        key = baseKey;
        stored = base?.values.get(baseKey);
      } else {
        break;
      }
      if (stored !== undefined && stored !== DELETED) out.push([key, this.codec.decode(stored) as T]);
    }
    return out;
  }

  /** This transaction's net writes, in first-write order. */
  writes(): Array<StoreWrite<S>> {
    const out: Array<StoreWrite<S>> = [];
    for (const [name, keys] of this.pending) {
      for (const [key, value] of keys) out.push([name, key, value === DELETED ? undefined : value]);
    }
    return out;
  }

  private writeSet(namespace: string): Map<string, Pending<S>> {
    let keys = this.pending.get(namespace);
    if (!keys) {
      keys = new Map();
      this.pending.set(namespace, keys);
    }
    return keys;
  }

  private check(): void {
    // A tx kept past its fn would otherwise write outside any transaction, or into a later one.
    if (this.finished) throw new ParleyError('CLOSED', 'transaction has already finished');
  }
}

/**
 * One namespace: a Map for lookups plus a sorted key array so `list` costs O(log n + k) instead of
 * sorting the namespace on every call. New keys are placed by binary search (a memmove of the tail;
 * appending, the common case for time-ordered ids, is O(1)).
 */
class Namespace<S> {
  readonly values = new Map<string, S>();
  private readonly sorted: string[] = [];

  set(key: string, value: S): void {
    if (!this.values.has(key)) this.sorted.splice(lowerBound(this.sorted, key), 0, key);
    this.values.set(key, value);
  }

  delete(key: string): void {
    if (this.values.delete(key)) this.sorted.splice(lowerBound(this.sorted, key), 1);
  }

  /** Keys of `range` in listing order, found by binary search: O(log n) plus one step per key. */
  *keysInRange(range: CheckedRange): Generator<string, void, undefined> {
    const keys = this.sorted;
    if (range.reverse) {
      let top = prefixEnd(keys, range.prefix);
      if (range.end !== undefined) top = Math.min(top, lowerBound(keys, range.end));
      for (let i = top - 1; i >= 0; i--) {
        const key = keys[i]!;
        if (key < range.start) return;
        yield key;
      }
      return;
    }
    for (let i = lowerBound(keys, range.start); i < keys.length; i++) {
      const key = keys[i]!;
      if (range.end !== undefined && key >= range.end) return;
      if (!key.startsWith(range.prefix)) return;
      yield key;
    }
  }
}

/** First index past the keys that start with `prefix` (they are contiguous in sorted order). */
function prefixEnd(keys: readonly string[], prefix: string): number {
  let lo = lowerBound(keys, prefix);
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]!.startsWith(prefix)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose key is >= `key` (plain string comparison: UTF-16 code unit order). */
function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Deep-copies a store value and rejects what a persistent store could not round-trip (functions,
 * class instances such as Date or Map, non-finite numbers, typed arrays other than Uint8Array).
 * Object properties that are `undefined` are dropped, as JSON does. Cycles overflow the stack.
 * @internal
 */
export function copyStoreValue(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    throw invalidValue('a non-finite number');
  }
  if (value instanceof Uint8Array) return new Uint8Array(value);
  if (Array.isArray(value)) return value.map(copyArrayItem);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const item = value[key];
      if (item === undefined) continue;
      // Assignment to `__proto__` would set the prototype instead of an own property.
      if (key === '__proto__') {
        Object.defineProperty(out, key, {
          value: copyStoreValue(item),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else {
        out[key] = copyStoreValue(item);
      }
    }
    return out;
  }
  throw invalidValue(describe(value));
}

function copyArrayItem(item: unknown): unknown {
  if (item === undefined) throw invalidValue('undefined in an array');
  return copyStoreValue(item);
}

/** True for `{...}` literals and `Object.create(null)`, the only objects a store keeps. @internal */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** @internal */
export function invalidValue(what: string): ParleyError {
  return new ParleyError('INVALID_ARGUMENT', `client store cannot hold ${what}`);
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value !== 'object' || value === null) return `a ${typeof value}`;
  return `a ${Object.getPrototypeOf(value)?.constructor?.name ?? 'non-plain object'}`;
}
