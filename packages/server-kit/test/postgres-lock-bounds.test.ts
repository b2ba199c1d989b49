import { isParleyError } from '@parley/core';
import { usePostgres } from '@parley/test-utils/postgres-fixture';
import { servicesAvailable } from '@parley/test-utils/services';
import { describe, expect, it } from 'vitest';
import { migrate, postgresQueue } from '../src/postgres/index.js';
import { pgContext, statement } from '../src/postgres/pg-db.js';
import type { PgTimeouts } from '../src/postgres/pg-timeouts.js';

// A gateway paused mid-transaction (SIGSTOP) holds the row lock of a recipient's queue counter.
// The transaction bounds must cut it off, or make the other gateway's enqueue give up retryably,
// instead of blocking that gateway's every enqueue for as long as the pause lasts.

const available = await servicesAvailable('postgres');

const bob = { userId: 'bob', deviceId: 1 };
const item = (id: string) => ({ device: bob, id, data: new Uint8Array([1]) });

describe.skipIf(!available)('PostgreSQL transaction bounds', () => {
  const db = usePostgres();

  /**
   * A "paused gateway": a transaction of the adapters' own that takes bob's queue counter row, as
   * an enqueue does, then stops until `resume()`. Resolves `locked` once the lock is held.
   */
  function pausedGateway(timeouts: Partial<PgTimeouts>) {
    const ctx = pgContext(db.newPool(), db.schema, timeouts);
    const take = statement(`
      INSERT INTO ${ctx.s}.queue_devices AS qd (user_id, device_id, last_seq) VALUES ($1, $2, 1)
      ON CONFLICT (user_id, device_id) DO UPDATE SET last_seq = qd.last_seq + 1`);
    let resume: () => void = () => {};
    const resumed = new Promise<void>((resolve) => {
      resume = resolve;
    });
    let onLocked: () => void = () => {};
    const locked = new Promise<void>((resolve) => {
      onLocked = resolve;
    });
    const done = ctx.transaction(async (tx) => {
      await tx.run(take, [bob.userId, bob.deviceId]);
      onLocked();
      await resumed;
    });
    return { locked, resume, done };
  }

  it('cuts off a transaction idle past its bound, so the healthy gateway stores', async () => {
    await migrate(db.pool, { schema: db.schema });
    const paused = pausedGateway({ idleInTransactionTimeoutMs: 200 });
    const outcome = paused.done.then(
      () => 'committed',
      (error: unknown) => error,
    );
    await paused.locked;
    // The healthy gateway would wait for the lock as long as it takes: only the cut-off frees it.
    const healthy = postgresQueue({ pool: db.newPool(), schema: db.schema, timeouts: { lockTimeoutMs: 0 } });
    const [stored] = await healthy.enqueue([item('m1')]);
    expect(stored?.duplicate).toBe(false);
    // The paused one learns on waking that its transaction is gone: a retryable error, nothing stored.
    paused.resume();
    const error = await outcome;
    expect(isParleyError(error, 'UNAVAILABLE') && error.retryable).toBe(true);
    expect((await healthy.read(bob, { afterSeq: 0, limit: 10 })).map((e) => e.id)).toEqual(['m1']);
  });

  it('makes a waiter give up with a retryable UNAVAILABLE after its lock timeout', async () => {
    await db.reset();
    const paused = pausedGateway({ idleInTransactionTimeoutMs: 0 });
    await paused.locked;
    const healthy = postgresQueue({ pool: db.newPool(), schema: db.schema, timeouts: { lockTimeoutMs: 50 } });
    const error = await healthy.enqueue([item('m2')]).then(
      () => 'stored',
      (e: unknown) => e,
    );
    expect(isParleyError(error, 'UNAVAILABLE') && error.retryable).toBe(true);
    paused.resume();
    await paused.done;
    // Sent again once the lock is free, it is stored.
    const [stored] = await healthy.enqueue([item('m2')]);
    expect(stored?.duplicate).toBe(false);
  });

  it('rejects a bound that is not a whole number of milliseconds', () => {
    expect(() => pgContext(db.pool, db.schema, { lockTimeoutMs: 1.5 })).toThrow(RangeError);
  });
});
