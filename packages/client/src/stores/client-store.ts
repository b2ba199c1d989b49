/**
 * Values a client store holds: JSON-compatible data (objects, arrays, strings, finite numbers,
 * booleans, null) in which any leaf may also be a Uint8Array.
 */
export type StoreValue = unknown;

/** Reads and writes inside one transaction. Reads see the transaction's own earlier writes. */
export interface StoreTx {
  get<T = StoreValue>(namespace: string, key: string): Promise<T | undefined>;
  put(namespace: string, key: string, value: StoreValue): Promise<void>;
  delete(namespace: string, key: string): Promise<void>;
  /**
   * Entries of a namespace in key order (UTF-16 code unit order), ascending unless `reverse`:
   * those whose key starts with `prefix` and lies in `[start, end)`, at most `limit` of them
   * (counted from the first key in the chosen order, so `reverse` with `limit: 50` gives the 50
   * greatest keys). An ordered range read: its cost grows with the entries it returns, not with
   * the size of the namespace.
   */
  list<T = StoreValue>(namespace: string, options?: ListOptions): Promise<Array<[string, T]>>;
}

/** Which entries {@link StoreTx.list} returns. All optional; together they intersect. */
export interface ListOptions {
  /** Only keys that start with this. */
  prefix?: string;
  /** Only keys `>= start` (inclusive). `keyAfter(k)` starts just past `k`. */
  start?: string;
  /** Only keys `< end` (exclusive). */
  end?: string;
  /** Greatest key first. */
  reverse?: boolean;
  /** At most this many entries (a non-negative number; default all). */
  limit?: number;
}

/** The least key greater than `key`: `{ start: keyAfter(k) }` lists what comes after `k`. */
export const keyAfter = (key: string): string => `${key}\u0000`;

/**
 * The client's durable state: identity, outbox, inbox, crypto sessions, settings.
 *
 * Every implementation guarantees:
 * - `transaction` is atomic and durable: when it resolves, all its writes are stored (and survive
 *   a process crash for persistent stores); when `fn` throws, none of them is, and the error is rethrown.
 * - Transactions are serialized: one runs at a time, in call order, so read-modify-write is safe.
 * - Values come back equal to what was written (Uint8Array stays Uint8Array), never aliased to the
 *   caller's objects: mutating a value after `put` or after `get` does not change the store.
 */
export interface ClientStore {
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Reads one value in its own transaction. */
export function storeGet<T>(store: ClientStore, namespace: string, key: string): Promise<T | undefined> {
  return store.transaction((tx) => tx.get<T>(namespace, key));
}
