/**
 * SQLite parts of `@parley/server-kit` (subpath `@parley/server-kit/sqlite`). Needs the optional
 * peer dependency `better-sqlite3`.
 */
export { type SqliteDeviceRegistryOptions, sqliteDeviceRegistry } from './sqlite-device-registry.js';
export { type SqliteGroupReceiptStoreOptions, sqliteGroupReceiptStore } from './sqlite-group-receipt-store.js';
export { type SqliteGroupStoreOptions, sqliteGroupStore } from './sqlite-group-store.js';
export { type SqliteKeyDirectoryOptions, sqliteKeyDirectory } from './sqlite-key-directory.js';
export { type SqlitePresenceStoreOptions, sqlitePresenceStore } from './sqlite-presence-store.js';
export { type SqliteQueueOptions, sqliteQueue } from './sqlite-queue.js';
export { type SqliteStoresExtra, type SqliteStoresOptions, sqliteStores } from './sqlite-stores.js';
