// Runs crypto operations one at a time per (store object, address). Internal to crypto/.
//
// The Signal library has its own lock: a process-wide queue keyed by the address string alone. Its
// jobs call the store, and a client's store runs those calls inside the client's serialized
// transactions, so the two locks can wait on each other: a call made outside a transaction holds
// the library's lock for "bob.1" while its store call waits for the transaction, and the
// transaction's own call for "bob.1" waits for that lock. Deadlock. It also couples unrelated stores
// (two accounts in one process) that merely talk to the same address.
//
// So Parley gives every library call a unique, throw-away address (its lock never makes anyone
// wait) and serializes here instead, per store OBJECT and address: two concurrent calls for the
// same address and store cannot interleave their read-modify-write of the session record, while a
// client that passes a store bound to its transaction gets its transactions' own ordering, and
// stores never wait on each other.
import type { SignalAddress } from './signal-store.js';

const queues = new WeakMap<object, Map<string, Promise<unknown>>>();

export function addressKey(address: SignalAddress): string {
  return `${address.deviceId}:${address.userId}`;
}

/** Runs `job` after every earlier job for the same store and address has settled. */
export function withAddressLock<T>(store: object, address: SignalAddress, job: () => Promise<T>): Promise<T> {
  let perStore = queues.get(store);
  if (!perStore) {
    perStore = new Map();
    queues.set(store, perStore);
  }
  const key = addressKey(address);
  const previous = perStore.get(key) ?? Promise.resolve();
  const run = previous.then(job);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  perStore.set(key, tail);
  void tail.then(() => {
    if (perStore.get(key) === tail) perStore.delete(key);
  });
  return run;
}

let sequence = 0;

/** A name for the library's address that no other call uses, so its own lock never waits. */
export function throwAwayName(): string {
  sequence = (sequence + 1) % Number.MAX_SAFE_INTEGER;
  return `parley-op-${sequence}`;
}
