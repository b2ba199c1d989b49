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
  /** Entries of a namespace in ascending key order (UTF-16 code unit order), optionally by key prefix. */
  list<T = StoreValue>(namespace: string, options?: { prefix?: string; limit?: number }): Promise<Array<[string, T]>>;
}

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
