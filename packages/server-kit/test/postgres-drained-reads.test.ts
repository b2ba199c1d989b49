// A read the queue answers "none" from memory (cluster/recent-entries.ts, the drained mark): after
// a short store read, while every later commit is remembered or still to be announced by a note.
// These run two gateways' queues on one schema: gateway 2 commits, gateway 1 reads, and news of
// gateway 2's commit reaches gateway 1 (or not) as the notes would.
import { usePostgres } from '@parley/test-utils/postgres-fixture';
import { servicesAvailable } from '@parley/test-utils/services';
import { beforeAll, describe, expect, it } from 'vitest';
import { type RecentEntriesPort, recentEntriesOf } from '../src/cluster/recent-entries.js';
import type { OfflineQueue } from '../src/contracts/offline-queue.js';
import type { DeviceAddress } from '../src/contracts/types.js';
import { migrate, postgresQueue } from '../src/postgres/index.js';
import { interceptPool, textOf } from './helpers/intercept-pool.js';

const available = await servicesAvailable('postgres');
const bob: DeviceAddress = { userId: 'bob', deviceId: 1 };
const item = (id: string) => ({ device: bob, id, data: new Uint8Array([1]) });
const ids = (entries: Array<{ id: string }>) => entries.map((e) => e.id);
/** What the gateway tells a queue of other gateways' commits (as notes arrive). */
const memory = (q: OfflineQueue) => recentEntriesOf(q) as RecentEntriesPort;

describe.skipIf(!available)('postgresQueue: reads answered none from memory', () => {
  const db = usePostgres();
  beforeAll(() => migrate(db.pool, { schema: db.schema }));

  /** Gateway 1's queue, whose queue reads' answers are held (after the statement ran) while `hold` is set. */
  function gateway1() {
    let onHeld: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      onHeld = resolve;
    });
    /** `held` resolves once a held read's statement has run (its answer then waits for `release`). */
    const state = { hold: false, reads: 0, release: () => {}, held };
    const pool = interceptPool(db.newPool(), (query, run) => {
      if (!textOf(query).includes('p.data AS shared')) return run();
      state.reads++;
      if (!state.hold) return run();
      return run().then(
        (result) =>
          new Promise((resolve) => {
            state.release = () => resolve(result);
            onHeld();
          }),
      );
    });
    return { q: postgresQueue({ pool, schema: db.schema }), state };
  }

  /** Both gateways' queues on a fresh schema, after gateway 2 stored m1 and gateway 1 read it from the store. */
  async function afterFirstRead() {
    await db.reset();
    const { q: q1, state } = gateway1();
    const q2 = postgresQueue({ pool: db.newPool(), schema: db.schema });
    await q2.enqueue([item('m1')]);
    expect(ids(await q1.read(bob, { afterSeq: 0, limit: 10 }))).toEqual(['m1']);
    return { q1, q2, state };
  }

  it('spares the read after a short one when nothing new is known, and reads again once news comes', async () => {
    const { q1, q2, state } = await afterFirstRead();
    expect(await q1.read(bob, { afterSeq: 1, limit: 10 })).toEqual([]);
    expect(state.reads).toBe(1);
    // Gateway 2 commits m2 and its note tells gateway 1 without the entry: the next read goes to the store.
    await q2.enqueue([item('m2')]);
    memory(q1).forget(bob);
    expect(ids(await q1.read(bob, { afterSeq: 1, limit: 10 }))).toEqual(['m2']);
    expect(state.reads).toBe(2);
    // A note with the entry: answered from memory, then none again without a read.
    const [m3] = await q2.enqueue([item('m3')]);
    memory(q1).remember(bob, [{ id: 'm3', seq: m3?.seq as number, data: new Uint8Array([1]), storedAt: Date.now() }]);
    expect(ids(await q1.read(bob, { afterSeq: 2, limit: 10 }))).toEqual(['m3']);
    expect(await q1.read(bob, { afterSeq: 3, limit: 10 })).toEqual([]);
    expect(state.reads).toBe(2);
  });

  it('a full page proves nothing: the next read goes to the store', async () => {
    await db.reset();
    const { q: q1, state } = gateway1();
    const q2 = postgresQueue({ pool: db.newPool(), schema: db.schema });
    await q2.enqueue([item('m1'), item('m2'), item('m3')]);
    expect(ids(await q1.read(bob, { afterSeq: 0, limit: 2 }))).toEqual(['m1', 'm2']);
    expect(ids(await q1.read(bob, { afterSeq: 2, limit: 2 }))).toEqual(['m3']);
    expect(state.reads).toBe(2);
  });

  it('news that comes while a store read is under way spoils what that read proves', async () => {
    const { q1, q2, state } = await afterFirstRead();
    // A store read whose snapshot is taken before m2's commit, and whose answer comes after the
    // note of m2 (without its entry) reached gateway 1.
    memory(q1).forget(bob);
    state.hold = true;
    const reading = q1.read(bob, { afterSeq: 1, limit: 10 });
    await state.held;
    await q2.enqueue([item('m2')]);
    memory(q1).forget(bob);
    state.hold = false;
    state.release();
    expect(await reading).toEqual([]);
    // The note's nudge reads again: the store, not memory, answers.
    expect(ids(await q1.read(bob, { afterSeq: 1, limit: 10 }))).toEqual(['m2']);
    expect(state.reads).toBe(3);
  });

  it('an enqueue found a duplicate (stored by a commit whose answer was lost): the next read goes to the store', async () => {
    const { q1, q2, state } = await afterFirstRead();
    // m2 was committed for gateway 1 by a batch whose answer never came (here: another queue).
    await q2.enqueue([item('m2')]);
    expect(await q1.read(bob, { afterSeq: 1, limit: 10 })).toEqual([]);
    // The sender's resend on gateway 1 finds it stored; bob's gateway nudges his pump.
    const [resent] = await q1.enqueue([item('m2')]);
    expect(resent?.duplicate).toBe(true);
    expect(ids(await q1.read(bob, { afterSeq: 1, limit: 10 }))).toEqual(['m2']);
    expect(state.reads).toBe(2);
  });

  it('an enqueue whose answer was lost after its commit: the next read goes to the store', async () => {
    await db.reset();
    let loseAnswer = false;
    const pool = interceptPool(db.newPool(), async (query, run) => {
      const result = await run();
      if (loseAnswer && textOf(query).includes('enqueue_batch(')) throw new Error('connection cut');
      return result;
    });
    const q1 = postgresQueue({ pool, schema: db.schema });
    await q1.enqueue([item('m1')]);
    expect(ids(await q1.read(bob, { afterSeq: 0, limit: 10 }))).toEqual(['m1']);
    loseAnswer = true;
    await expect(q1.enqueue([item('m2')])).rejects.toThrow();
    loseAnswer = false;
    expect(ids(await q1.read(bob, { afterSeq: 1, limit: 10 }))).toEqual(['m2']);
  });

  it('a store read that failed proves nothing', async () => {
    await db.reset();
    let fail = false;
    const pool = interceptPool(db.newPool(), (query, run) =>
      fail && textOf(query).includes('p.data AS shared') ? Promise.reject(new Error('connection cut')) : run(),
    );
    const q1 = postgresQueue({ pool, schema: db.schema });
    const q2 = postgresQueue({ pool: db.newPool(), schema: db.schema });
    await q2.enqueue([item('m1')]);
    expect(ids(await q1.read(bob, { afterSeq: 0, limit: 10 }))).toEqual(['m1']);
    await q2.enqueue([item('m2')]);
    memory(q1).forget(bob);
    fail = true;
    await expect(q1.read(bob, { afterSeq: 1, limit: 10 })).rejects.toThrow();
    fail = false;
    expect(ids(await q1.read(bob, { afterSeq: 1, limit: 10 }))).toEqual(['m2']);
  });
});
