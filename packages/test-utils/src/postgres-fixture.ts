import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { POSTGRES_URL, uniqueName } from './services.js';

/** PostgreSQL for one test file: its own fresh schema, dropped with everything in it after the file. */
export interface PostgresFixture {
  /** A pool for the file (ended after it). */
  readonly pool: pg.Pool;
  /** The file's schema, to pass as the adapters' `schema` option. */
  readonly schema: string;
  /** Another pool on the same database, as a second gateway would have (ended after the file). */
  newPool(): pg.Pool;
  /** Deletes every row of the schema's tables (between tests; the schema and its version stay). */
  reset(): Promise<void>;
}

/** Registers beforeAll/afterAll hooks giving the current file (or describe block) a {@link PostgresFixture}. */
export function usePostgres(): PostgresFixture {
  const schema = uniqueName('pg');
  const pools: pg.Pool[] = [];
  const newPool = (): pg.Pool => {
    // The tests check the adapters' behaviour, not the server's fsync: commits that do not wait
    // for the disk keep them fast. (postgres-throughput.test.ts measures with durable commits.)
    const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 10, options: '-c synchronous_commit=off' });
    pool.on('error', () => {}); // an idle client's broken connection: the next query reports it
    pools.push(pool);
    return pool;
  };
  let main: pg.Pool | undefined;
  beforeAll(() => {
    main = newPool();
  });
  afterAll(async () => {
    await main?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await Promise.all(pools.splice(0).map((p) => p.end()));
  });
  return {
    get pool() {
      if (!main) throw new Error('usePostgres: pool used outside the tests');
      return main;
    },
    schema,
    newPool,
    async reset() {
      const pool = main;
      if (!pool) throw new Error('usePostgres: reset outside the tests');
      const { rows } = await pool.query<{ tablename: string }>(
        `SELECT tablename FROM pg_tables WHERE schemaname = $1 AND tablename <> 'schema_migrations'`,
        [schema],
      );
      if (rows.length === 0) return;
      await pool.query(rows.map((r) => `DELETE FROM "${schema}"."${r.tablename}";`).join('\n'));
    },
  };
}
