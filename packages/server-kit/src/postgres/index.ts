/**
 * PostgreSQL parts of `@parley/server-kit` (subpath `@parley/server-kit/postgres`): what many
 * gateways share that must not be lost (offline queues, devices, keys, last seen and privacy
 * settings). Needs the optional peer dependency `pg` (and `ioredis` for `postgresStores`); every
 * factory takes a pool you made and never ends it.
 */
export {
  DEFAULT_PG_SCHEMA,
  migrate,
  PG_SCHEMA_VERSION,
  type PostgresSchemaOptions,
} from './migrations.js';
export { isPgUnavailable } from './pg-errors.js';
export { DEFAULT_PG_TIMEOUTS, type PgTimeouts, type PostgresTimeoutOptions } from './pg-timeouts.js';
export { type PostgresDeviceRegistryOptions, postgresDeviceRegistry } from './postgres-device-registry.js';
export {
  type PostgresGroupReceiptStoreOptions,
  postgresGroupReceiptStore,
} from './postgres-group-receipt-store.js';
export { type PostgresGroupStoreOptions, postgresGroupStore } from './postgres-group-store.js';
export { type PostgresKeyDirectoryOptions, postgresKeyDirectory } from './postgres-key-directory.js';
export {
  DEFAULT_MEDIA_CHUNK_BYTES,
  type PostgresMediaStoreOptions,
  postgresMediaStore,
} from './postgres-media-store.js';
export { type PostgresMediaTicketsOptions, postgresMediaTickets } from './postgres-media-tickets.js';
export { type PostgresPresenceStoreOptions, postgresPresenceStore } from './postgres-presence-store.js';
export { type PostgresQueueOptions, postgresQueue } from './postgres-queue.js';
export { type PostgresStoresOptions, postgresStores } from './postgres-stores.js';
