// Issue 15: entries enqueued with `forgetAcked` (the gateway's DELIVERED receipts) leave no dedup
// mark when acknowledged and are written without looking for one. These check what is written,
// per path, and how many statements each entry costs.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { QueueItem } from '../src/contracts/offline-queue.js';
import { committerFor } from '../src/sqlite/group-commit.js';
import { sqliteQueue } from '../src/sqlite/index.js';
import { migrate, SCHEMA_VERSION } from '../src/sqlite/migrations.js';

const bob = { userId: 'bob', deviceId: 1 };
const item = (id: string): QueueItem => ({ device: bob, id, data: new TextEncoder().encode(id) });
const forgetAcked = true;

const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function setUp(db = new Database(':memory:')) {
  open.push(db);
  committerFor(db, { gapMs: 0 });
  const queue = sqliteQueue({ db, clock: () => 1_000 });
  const rows = () => db.prepare('SELECT count(*) FROM queue').pluck().get() as number;
  const marks = () => db.prepare('SELECT id FROM queue_acked ORDER BY id').pluck().all() as string[];
  return { db, queue, rows, marks };
}

/** How many statements (run, get, all; BEGIN and COMMIT included) `work` ran. */
async function counting(work: () => Promise<unknown>): Promise<number> {
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<'run' | 'get' | 'all', unknown>;
  probe.close();
  const originals = { run: proto.run, get: proto.get, all: proto.all };
  let n = 0;
  for (const name of ['run', 'get', 'all'] as const) {
    const original = originals[name] as (...args: unknown[]) => unknown;
    proto[name] = function (this: unknown, ...args: unknown[]) {
      n++;
      return original.apply(this, args);
    };
  }
  try {
    await work();
  } finally {
    Object.assign(proto, originals);
  }
  return n;
}

describe('SQLite queue: forgetAcked entries', () => {
  it('a stored entry leaves no mark when acknowledged; one enqueued without the option does', async () => {
    const { queue, rows, marks } = setUp();
    await queue.enqueue([item('r1')], { forgetAcked });
    await queue.enqueue([item('m1')]);
    expect(rows()).toBe(2);
    expect(await queue.ack(bob, ['r1', 'm1'])).toBe(2);
    expect([rows(), marks()]).toEqual([0, ['m1']]);
    // No mark, no lookup: the forgotten id is stored again; the marked one is a duplicate.
    const [r] = await queue.enqueue([item('r1')], { forgetAcked });
    const [m] = await queue.enqueue([item('m1')]);
    expect([r?.duplicate, m?.duplicate]).toEqual([false, true]);
  });

  it('a staged entry acknowledged before its commit writes nothing at all', async () => {
    const { queue, rows, marks } = setUp();
    let acked: Promise<number> | undefined;
    const done = queue.enqueue([item('r1')], {
      forgetAcked,
      onStaged: () => {
        acked = queue.ack(bob, ['r1']);
        return false;
      },
    });
    await done;
    expect(await acked).toBe(1);
    expect([rows(), marks()]).toEqual([0, []]);
  });

  it('an entry that runs as a job (behind a clear in its batch) leaves no mark either', async () => {
    const { queue, rows, marks } = setUp();
    const cleared = queue.clear(bob); // later calls for bob in this batch run as savepoint jobs
    const [r] = await queue.enqueue([item('r1')], { forgetAcked });
    await cleared;
    expect([r?.duplicate, rows()]).toEqual([false, 1]);
    expect(await queue.ack(bob, ['r1'])).toBe(1);
    expect([rows(), marks()]).toEqual([0, []]);
  });

  it('costs per new entry one statement to enqueue and one to ack with forgetAcked, else two each', async () => {
    const { queue } = setUp();
    const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    /** Statements run by an enqueue and then an ack of `n` new entries, each call a batch of its own. */
    const cost = async (prefix: string, n: number, options: { forgetAcked?: boolean }) => {
      const enqueue = await counting(() => queue.enqueue(ids(prefix, n).map(item), options));
      const ack = await counting(() => queue.ack(bob, ids(prefix, n)));
      return { enqueue, ack };
    };
    await cost('warm', 1, {}); // the device's state and seq block, loaded and written once
    const [one, ten] = [await cost('a', 1, {}), await cost('b', 10, {})];
    // Mark lookup and insert per entry; a delete per entry and the marks in multi-row statements (10 = 8 + 2).
    expect([ten.enqueue - one.enqueue, ten.ack - one.ack]).toEqual([18, 10]);
    const [oneR, tenR] = [await cost('c', 1, { forgetAcked }), await cost('d', 10, { forgetAcked })];
    expect([tenR.enqueue - oneR.enqueue, tenR.ack - oneR.ack]).toEqual([9, 9]);
  });

  it('answers a resend of an acknowledged entry from its mark', async () => {
    const { queue, rows } = setUp();
    const [first] = await queue.enqueue([item('m1')]);
    await queue.ack(bob, ['m1']);
    const [late] = await queue.enqueue([item('m1')]);
    expect(late).toMatchObject({ duplicate: true, seq: first?.seq });
    expect(rows()).toBe(0);
  });

  it('upgrades a v9 database: entries stored before keep their marks when acknowledged', async () => {
    const db = new Database(':memory:');
    // A v9 database with a row written by the code of then (no forget column yet).
    migrate(db, 9);
    db.prepare(
      `INSERT INTO queue (user_id, device_id, seq, id, data, stored_at, expires_at, shared, sender)
       VALUES ('bob', 1, 1, 'old', x'6f6c64', 1000, 1000 + 86400000, NULL, NULL)`,
    ).run();
    db.prepare("INSERT INTO queue_devices (user_id, device_id, next_seq, size) VALUES ('bob', 1, 2, 0)").run();
    const upgraded = sqliteQueue({ db, clock: () => 2_000 });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect((await upgraded.read(bob, { limit: 10 })).map((e) => e.id)).toEqual(['old']);
    await upgraded.enqueue([item('new')], { forgetAcked });
    expect(await upgraded.ack(bob, ['old', 'new'])).toBe(2);
    expect(db.prepare('SELECT id FROM queue_acked').pluck().all()).toEqual(['old']);
    expect((await upgraded.enqueue([item('old')]))[0]?.duplicate).toBe(true);
  });
});
