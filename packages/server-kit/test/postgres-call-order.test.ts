// postgresQueue declares seqsInCallOrder: two enqueue batches in flight run on two pooled
// connections, and the later batch's seq reservation must not overtake the earlier one's on its way
// to PostgreSQL. A pool wrapper here lets the later batch's reserve go first whenever it is sent
// before the earlier one's has returned; the queue must never send it that early.

import { isParleyError } from '@parley/core';
import { usePostgres } from '@parley/test-utils/postgres-fixture';
import { servicesAvailable } from '@parley/test-utils/services';
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DeviceAddress } from '../src/contracts/types.js';
import { migrate, postgresQueue } from '../src/postgres/index.js';

const available = await servicesAvailable('postgres');

const isReserve = (query: unknown): boolean =>
  typeof query === 'object' &&
  query !== null &&
  /INSERT INTO \S+queue_devices/.test(String((query as pg.QueryConfig).text));
const isBegin = (query: unknown): boolean => typeof query === 'string' && query.startsWith('BEGIN');

/**
 * A pool whose first reserve statement is held until the next transaction's BEGIN has returned and
 * that transaction had its chance to send its own reserve (one macrotask later, after the promise
 * jobs that would send it): if it did, that reserve reaches PostgreSQL and returns first
 * (`overtaken`), and the held one follows.
 */
function racingPool(pool: pg.Pool) {
  let held: (() => void) | undefined;
  let second: Promise<unknown> | undefined;
  let reserves = 0;
  let begun = 0;
  const state = { overtaken: false };
  /** Once the first reserve is held and the second transaction has begun: one macrotask later, release. */
  const maybeRelease = () => {
    if (!held || begun < 2) return;
    const release = held;
    held = undefined;
    setImmediate(() => void Promise.resolve(second).then(release));
  };
  const wrap = (client: pg.PoolClient): pg.PoolClient =>
    new Proxy(client, {
      get(target, prop, receiver) {
        if (prop !== 'query') return Reflect.get(target, prop, receiver);
        return (query: unknown, ...rest: unknown[]) => {
          const run = () => (target.query as (...a: unknown[]) => Promise<unknown>).call(target, query, ...rest);
          if (isReserve(query) && reserves++ === 0) {
            const waiting = new Promise<void>((resolve) => {
              held = resolve;
            });
            maybeRelease();
            return waiting.then(run);
          }
          if (isReserve(query)) {
            if (held) state.overtaken = true;
            second = run();
            return second;
          }
          const result = run();
          if (isBegin(query)) {
            void result.then(() => {
              begun++;
              maybeRelease();
            });
          }
          return result;
        };
      },
    });
  const racing = new Proxy(pool, {
    get(target, prop, receiver) {
      if (prop === 'connect') return async () => wrap(await target.connect());
      // Everything else on the real pool (its own query() calls connect() with a callback).
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { pool: racing, state };
}

/** A pool whose first dedup lookup fails as a deadlock would (40P01: the transaction may run again). */
function deadlockOncePool(pool: pg.Pool) {
  let failed = false;
  return new Proxy(pool, {
    get(target, prop, receiver) {
      if (prop === 'connect') {
        return async () => {
          const client = await target.connect();
          return new Proxy(client, {
            get(c, p, r) {
              if (p !== 'query') return Reflect.get(c, p, r);
              return (query: unknown, ...rest: unknown[]) => {
                const text = typeof query === 'object' && query !== null ? String((query as pg.QueryConfig).text) : '';
                if (!failed && text.includes('AS kind')) {
                  failed = true;
                  return Promise.reject(Object.assign(new Error('deadlock detected'), { code: '40P01' }));
                }
                return (c.query as (...a: unknown[]) => Promise<unknown>).call(c, query, ...rest);
              };
            },
          });
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const item = (device: DeviceAddress, id: string) => ({ device, id, data: new TextEncoder().encode(id) });

describe.skipIf(!available)('postgresQueue: seqs in call order across batches in flight', () => {
  const db = usePostgres();
  beforeAll(() => migrate(db.pool, { schema: db.schema }));

  it('sends a batch reserve only after the previous batch reserve returned', async () => {
    await db.reset();
    const racing = racingPool(db.pool);
    const q = postgresQueue({ pool: racing.pool, schema: db.schema, recentEntriesMs: 0 });
    expect(q.seqsInCallOrder).toBe(true);
    const bob = { userId: 'bob', deviceId: 1 };
    const alice = { userId: 'alice', deviceId: 1 };
    // Two batches in flight at once: the first call starts one, the second another.
    const [first, second] = await Promise.all([
      q.enqueue([item(bob, 'b1')]),
      q.enqueue([item(bob, 'b2'), item(alice, 'a1')]),
    ]);
    expect(racing.state.overtaken).toBe(false);
    expect(second?.[0]?.seq).toBeGreaterThan(first?.[0]?.seq ?? Number.POSITIVE_INFINITY);
    expect((await q.read(bob, { limit: 10 })).map((e) => e.id)).toEqual(['b1', 'b2']);
  });

  it('fails a batch that lost a race after reserving instead of running it again behind later calls', async () => {
    await db.reset();
    const q = postgresQueue({ pool: deadlockOncePool(db.pool), schema: db.schema, recentEntriesMs: 0 });
    const bob = { userId: 'bob', deviceId: 1 };
    const lost = await q.enqueue([item(bob, 'b1')]).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isParleyError(lost, 'UNAVAILABLE'), String(lost)).toBe(true);
    expect((lost as { retryable?: boolean }).retryable).toBe(true);
    // Nothing of it was stored; the sender's resend is.
    expect(await q.read(bob, { limit: 10 })).toEqual([]);
    await q.enqueue([item(bob, 'b1')]);
    expect((await q.read(bob, { limit: 10 })).map((e) => e.id)).toEqual(['b1']);
  });
});
