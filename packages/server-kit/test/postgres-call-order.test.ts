// postgresQueue declares seqsInCallOrder: two enqueue batches in flight run on two pooled
// connections, and a later batch writing to a device must not reach PostgreSQL before an earlier
// batch to that device has ended (its row locks then no longer order them: a plain batch is one
// statement, so the later one would reserve first). A pool wrapper here holds the first batch's
// statement and lets anything sent meanwhile go first; the queue must not send a batch to the same
// device meanwhile, and must not hold up a batch to other devices.

import { usePostgres } from '@parley/test-utils/postgres-fixture';
import { servicesAvailable } from '@parley/test-utils/services';
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DeviceAddress } from '../src/contracts/types.js';
import { migrate, postgresQueue } from '../src/postgres/index.js';
import { arrayValue } from './helpers/binary-array-values.js';
import { interceptPool, textOf } from './helpers/intercept-pool.js';

const available = await servicesAvailable('postgres');

/** The statement of an enqueue batch: the plain path's function call or the full path's reserve. */
const isEnqueue = (query: unknown): boolean => /enqueue_batch|INSERT INTO \S+queue_devices/.test(textOf(query));

/**
 * A pool whose first enqueue statement is held until `release()`; every later one runs at once
 * and its ids are recorded (`sent`), so a test sees what the queue sent while the first batch was
 * in flight.
 */
function holdingPool(pool: pg.Pool) {
  let enqueues = 0;
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let onHeld: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    onHeld = resolve;
  });
  const sent: unknown[] = [];
  const holding = interceptPool(pool, (query, run) => {
    if (!isEnqueue(query)) return run();
    if (enqueues++ === 0) {
      onHeld();
      return released.then(run);
    }
    sent.push(arrayValue((query as pg.QueryConfig).values?.[2]));
    return run();
  });
  return { pool: holding, held, release, sent };
}

/** A pool whose first enqueue statement fails as a deadlock would (40P01: it may run again). */
function deadlockOncePool(pool: pg.Pool) {
  let failed = false;
  return interceptPool(pool, (query, run) => {
    if (failed || !isEnqueue(query)) return run();
    failed = true;
    return Promise.reject(Object.assign(new Error('deadlock detected'), { code: '40P01' }));
  });
}

const item = (device: DeviceAddress, id: string) => ({ device, id, data: new TextEncoder().encode(id) });

describe.skipIf(!available)('postgresQueue: seqs in call order across batches in flight', () => {
  const db = usePostgres();
  beforeAll(() => migrate(db.pool, { schema: db.schema }));

  it('sends a batch to a device only after the batch in flight to it ended', async () => {
    await db.reset();
    const holding = holdingPool(db.pool);
    const q = postgresQueue({ pool: holding.pool, schema: db.schema, recentEntriesMs: 0 });
    expect(q.seqsInCallOrder).toBe(true);
    const bob = { userId: 'bob', deviceId: 1 };
    const alice = { userId: 'alice', deviceId: 1 };
    const carol = { userId: 'carol', deviceId: 1 };
    const first = q.enqueue([item(bob, 'b1')]);
    await holding.held;
    // A batch to other devices is not held up by the one in flight.
    await q.enqueue([item(alice, 'a0')]);
    const second = q.enqueue([item(bob, 'b2'), item(alice, 'a1')]);
    const third = q.enqueue([item(alice, 'a2')]); // behind the second, in call order
    // A later call to a device no earlier waiting call writes to goes ahead.
    await q.enqueue([item(carol, 'c1')]);
    expect(holding.sent).toEqual([['a0'], ['c1']]);
    holding.release();
    const [[b1], [b2]] = await Promise.all([first, second, third]);
    expect(b2?.seq).toBeGreaterThan(b1?.seq ?? Number.POSITIVE_INFINITY);
    expect(holding.sent).toEqual([['a0'], ['c1'], ['b2', 'a1', 'a2']]);
    expect((await q.read(bob, { limit: 10 })).map((e) => e.id)).toEqual(['b1', 'b2']);
    expect((await q.read(alice, { limit: 10 })).map((e) => e.id)).toEqual(['a0', 'a1', 'a2']);
  });

  it('runs a batch that lost a race again: later batches to its devices are still waiting', async () => {
    await db.reset();
    const q = postgresQueue({ pool: deadlockOncePool(db.pool), schema: db.schema, recentEntriesMs: 0 });
    const bob = { userId: 'bob', deviceId: 1 };
    const [[b1], [b2]] = await Promise.all([q.enqueue([item(bob, 'b1')]), q.enqueue([item(bob, 'b2')])]);
    expect(b2?.seq).toBeGreaterThan(b1?.seq ?? Number.POSITIVE_INFINITY);
    expect((await q.read(bob, { limit: 10 })).map((e) => e.id)).toEqual(['b1', 'b2']);
  });
});
