export { type SqliteClientStoreOptions, sqliteClientStore } from './node/sqlite-store.js';
