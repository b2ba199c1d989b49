// Browser entry (`@parley/client/browser`): stores and helpers that need browser APIs
// (IndexedDB, Web Locks). Everything in the main entry works in browsers too.
export { type IdbClientStoreOptions, idbClientStore } from './browser/idb-store.js';
export type { LockManagerLike } from './browser/tab-lock.js';
