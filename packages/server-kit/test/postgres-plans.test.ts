import { usePostgres } from '@parley/test-utils/postgres-fixture';
import { POSTGRES_URL, servicesAvailable } from '@parley/test-utils/services';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrate, postgresQueue } from '../src/postgres/index.js';

const available = await servicesAvailable('postgres');

describe.skipIf(!available)('postgresQueue plans', () => {
  const db = usePostgres();
  beforeAll(() => migrate(db.pool, { schema: db.schema }));

  // Left to choose, PostgreSQL plans the lookup anew at every batch (its `$5 IS NOT NULL` branch
  // makes each custom plan look cheaper than the generic one): ~200 µs of its CPU per batch, more
  // than running the statement.
  it('runs the enqueue statements on generic plans, planned once per connection', async () => {
    const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 1 });
    try {
      await checkPlans(pool, db.schema);
    } finally {
      await pool.end();
    }
  });
});

async function checkPlans(pool: pg.Pool, schema: string): Promise<void> {
  const q = postgresQueue({ pool, schema });
  for (let i = 0; i < 12; i++) {
    // The id twice: the full path (a plain batch is one call of enqueue_batch, which sets its own).
    const item = { device: { userId: 'bob', deviceId: 1 }, id: `m${i}`, data: new Uint8Array([1]), sender: 'ann' };
    await q.enqueue([item, item], {
      maxPerDevice: 100,
      maxPerSender: 50,
    });
  }
  // One connection: this query sees the statements the enqueues prepared on it.
  const { rows } = await pool.query<{ statement: string; generic_plans: string; custom_plans: string }>(
    `SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE '%queue%' AND statement NOT LIKE '%enqueue_batch%'`,
  );
  const lookup = rows.find((r) => r.statement.includes('SELECT 0 AS kind'));
  expect(lookup, 'the lookup statement was prepared').toBeDefined();
  for (const row of rows)
    expect({ statement: row.statement, custom: Number(row.custom_plans) }).toMatchObject({ custom: 0 });
  expect(Number(lookup?.generic_plans)).toBe(12);
}
