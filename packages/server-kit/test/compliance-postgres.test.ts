import { beforeAll, describe } from 'vitest';
import {
  migrate,
  postgresDeviceRegistry,
  postgresKeyDirectory,
  postgresPresenceStore,
  postgresQueue,
} from '../src/postgres/index.js';
import {
  deviceRegistryCompliance,
  keyDirectoryCompliance,
  offlineQueueCompliance,
  presenceStoreCompliance,
} from '../src/testing/index.js';
import { servicesAvailable, usePostgres } from './helpers/services.js';

const available = await servicesAvailable('postgres');

describe.skipIf(!available)('PostgreSQL adapters', () => {
  const db = usePostgres();
  beforeAll(() => migrate(db.pool, { schema: db.schema }));
  // Every test starts from empty tables in the file's own schema.
  const cleanup = () => db.reset();
  const on = () => ({ pool: db.pool, schema: db.schema });

  offlineQueueCompliance({ name: 'postgresQueue', create: async (ctx) => postgresQueue({ ...on(), ...ctx }), cleanup });
  deviceRegistryCompliance({
    name: 'postgresDeviceRegistry',
    create: async ({ clock }) => postgresDeviceRegistry({ ...on(), clock }),
    cleanup,
  });
  keyDirectoryCompliance({ name: 'postgresKeyDirectory', create: async () => postgresKeyDirectory(on()), cleanup });
  presenceStoreCompliance({ name: 'postgresPresenceStore', create: async () => postgresPresenceStore(on()), cleanup });
});
