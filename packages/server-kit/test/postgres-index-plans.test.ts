// Schema step 12 (postgres-index-plans-sql.ts): the lookups of enqueue_batch, ack_batch and
// ack_enqueue_batch are planned on indexes even when the gateway plans them on a new schema whose
// tables have no statistics yet (they look empty, and a sequential scan of the whole queue was
// planned once and kept). The plans actually run are read with auto_explain, sent to this client
// as notices; the test skips where the server lets this role not load it.
import { usePostgres } from '@parley/test-utils/postgres-fixture';
import { POSTGRES_URL, servicesAvailable } from '@parley/test-utils/services';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueWithAckOf } from '../src/cluster/enqueue-with-ack.js';
import type { DeviceAddress } from '../src/contracts/types.js';
import { migrate, PG_SCHEMA_VERSION, postgresQueue } from '../src/postgres/index.js';

const available = await servicesAvailable('postgres');

/** A one-connection pool whose statements, nested ones included, report their plans as notices. */
async function explainingPool(): Promise<{ pool: pg.Pool; plans: string[] } | undefined> {
  const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 1, idleTimeoutMillis: 0 });
  const plans: string[] = [];
  const client = await pool.connect();
  try {
    await client.query(`LOAD 'auto_explain'`);
    await client.query(`SET auto_explain.log_min_duration = 0; SET auto_explain.log_nested_statements = on;
      SET auto_explain.log_level = notice; SET client_min_messages = notice`);
  } catch {
    client.release();
    await pool.end();
    return undefined;
  }
  client.on('notice', (n) => plans.push(n.message ?? ''));
  client.release();
  return { pool, plans };
}

const probe = available ? await explainingPool() : undefined;
await probe?.pool.end();

describe.skipIf(!available)('postgresQueue lookups on indexes (schema step 12)', () => {
  const db = usePostgres();
  let explaining: { pool: pg.Pool; plans: string[] } | undefined;
  beforeAll(async () => {
    await migrate(db.pool, { schema: db.schema });
    explaining = await explainingPool();
  });
  afterAll(() => explaining?.pool.end());

  const bob: DeviceAddress = { userId: 'bob', deviceId: 1 };
  const alice: DeviceAddress = { userId: 'alice', deviceId: 1 };
  const data = new Uint8Array([1, 2, 3]);

  it('is schema version 12 or later', () => {
    expect(PG_SCHEMA_VERSION).toBeGreaterThanOrEqual(12);
  });

  it.skipIf(!probe)('plans every lookup of a new schema on an index, never a scan of the queue', async () => {
    const { pool, plans } = explaining as { pool: pg.Pool; plans: string[] };
    const q = postgresQueue({ pool, schema: db.schema, recentEntriesMs: 0 });
    // The first run of each function plans it on the empty tables; the plans are kept after.
    await q.enqueue([{ device: bob, id: 'm1', data, sender: 'alice' }], { maxPerDevice: 100 });
    await q.enqueue([{ device: bob, id: 'm2', data, shared: 'k' }], { shared: [{ key: 'k', data }] });
    expect(await q.ack(bob, ['m1', 'm2'])).toBe(2);
    await q.enqueue([{ device: bob, id: 'm3', data }]);
    const withAck = enqueueWithAckOf(q);
    expect(withAck).toBeDefined();
    await withAck?.enqueueWithAck(
      [{ device: alice, id: 'r3', data }],
      { forgetAcked: true },
      { device: bob, ids: ['m3'] },
    );
    expect(await q.count(bob)).toBe(0);
    expect(await q.count(alice)).toBe(1);

    const nested = plans.filter((p) => /Query Text: (WITH d AS|SELECT 1 FROM unnest|.*min\(c\.seq\))/s.test(p));
    // The ack's delete, the dedup lookups and the smallest-seq lookup, each planned at least once.
    expect(nested.some((p) => p.includes('DELETE FROM') && p.includes('queue_by_id'))).toBe(true);
    expect(nested.some((p) => p.includes('queue_acked') && p.includes('Index'))).toBe(true);
    expect(nested.some((p) => p.includes('min(c.seq)') && p.includes('queue_pkey'))).toBe(true);
    for (const plan of plans) {
      expect(plan).not.toMatch(/Seq Scan on (queue|queue_acked|queue_payloads) /);
    }
  });
});
