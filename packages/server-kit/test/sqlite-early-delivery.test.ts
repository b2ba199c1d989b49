// Issue 15: the SQLite queue stages entries in memory until their batch commits, so they can be
// delivered and acknowledged first (see queue-staging.ts). These check what staging promises.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EnqueueResult, OfflineQueue, QueueItem } from '../src/contracts/offline-queue.js';
import { committerFor } from '../src/sqlite/group-commit.js';
import { sqliteQueue } from '../src/sqlite/index.js';
import { manualTime } from './helpers/manual-time.js';

const bob = { userId: 'bob', deviceId: 1 };
const item = (id: string, device = bob): QueueItem => ({ device, id, data: new TextEncoder().encode(id) });
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function setUp(holdMs = 50) {
  const db = new Database(':memory:');
  open.push(db);
  const time = manualTime();
  committerFor(db, { gapMs: 0, holdMs, now: time.now, delay: time.delay });
  const queue = sqliteQueue({ db, clock: () => 1_000 });
  const rows = () => db.prepare('SELECT count(*) FROM queue').pluck().get() as number;
  const marks = () => db.prepare('SELECT count(*) FROM queue_acked').pluck().get() as number;
  return { db, queue, time, rows, marks };
}

/** Enqueues and returns what `onStaged` saw synchronously, with the call's promise. */
function enqueueEarly(queue: OfflineQueue, items: QueueItem[], wentOut = false) {
  let staged: EnqueueResult[] | undefined;
  const done = queue.enqueue(items, {
    onStaged: (results) => {
      staged = results;
      return wentOut;
    },
  });
  return { staged, done };
}

describe('SQLite queue staging (early delivery)', () => {
  it('stages inside the call: readable, counted and acknowledgeable before the commit', async () => {
    const { queue, rows } = setUp();
    const { staged, done } = enqueueEarly(queue, [item('m1')]);
    expect(staged?.map((r) => [r.id, r.duplicate])).toEqual([['m1', false]]);
    expect(rows()).toBe(0); // not written yet
    expect((await queue.read(bob, { limit: 10 })).map((e) => [e.id, e.seq])).toEqual([['m1', staged?.[0]?.seq]]);
    expect(await queue.count(bob)).toBe(1);
    await done;
    expect(rows()).toBe(1);
  });

  it('never writes an entry acknowledged before its commit, only its mark: a late resend is a duplicate', async () => {
    const { queue, rows, marks } = setUp();
    const { staged, done } = enqueueEarly(queue, [item('m1')]);
    const acked = queue.ack(bob, ['m1']);
    expect(await queue.read(bob, { limit: 10 })).toEqual([]);
    expect(await queue.count(bob)).toBe(0);
    await Promise.all([done, acked]);
    expect(await acked).toBe(1);
    expect([rows(), marks()]).toEqual([0, 1]);
    const [again] = await queue.enqueue([item('m1')]);
    expect(again).toMatchObject({ duplicate: true, seq: staged?.[0]?.seq });
  });

  it('holds a batch whose entries went out until they are acknowledged, or until the hold ends', async () => {
    const { queue, time } = setUp(50);
    let settled = false;
    const first = enqueueEarly(queue, [item('m1')], true);
    void first.done.then(() => {
      settled = true;
    });
    await nextTurn();
    await nextTurn();
    expect(settled).toBe(false); // waiting for bob's ack
    await Promise.all([queue.ack(bob, ['m1']), first.done]); // the ack releases the batch
    expect(settled).toBe(true);

    let second = false;
    void enqueueEarly(queue, [item('m2')], true).done.then(() => {
      second = true;
    });
    await nextTurn();
    expect(second).toBe(false);
    time.advance(49);
    await nextTurn();
    expect(second).toBe(false);
    time.advance(1); // no ack came: the hold ends and the entry is written
    await vi.waitFor(() => expect(second).toBe(true));
    expect((await queue.read(bob, { limit: 10 })).map((e) => e.id)).toEqual(['m2']);
  });

  it('never holds a batch past the hold time after its first hold, however acks and new entries interleave', async () => {
    const { queue, time } = setUp(50);
    let settled = false;
    const first = enqueueEarly(queue, [item('m1')], true);
    void first.done.then(() => {
      settled = true;
    });
    time.advance(30);
    void queue.ack(bob, ['m1']); // releases the batch...
    void enqueueEarly(queue, [item('m2')], true).done; // ...and a new entry out holds it again
    await nextTurn();
    expect(settled).toBe(false);
    time.advance(20); // 50 ms after the first hold: it commits, whatever is still out
    await vi.waitFor(() => expect(settled).toBe(true));
  });

  it('does not hold a batch whose entries did not go out', async () => {
    const { queue } = setUp(60_000);
    await enqueueEarly(queue, [item('m1')], false).done; // resolves on the next turn, no time moved
  });

  it('drops the staged entries of a failed commit, rejects their calls and never hands their seqs out again', async () => {
    const { db, queue, rows } = setUp();
    db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON queue WHEN NEW.id = 'boom'
             BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const a = enqueueEarly(queue, [item('a')]);
    const boom = enqueueEarly(queue, [item('boom')]);
    await expect(a.done).rejects.toThrow('disk full');
    await expect(boom.done).rejects.toThrow('disk full');
    expect(rows()).toBe(0);
    expect(await queue.read(bob, { limit: 10 })).toEqual([]);
    const [c] = await queue.enqueue([item('c')]);
    expect(c?.seq).toBeGreaterThan(boom.staged?.[0]?.seq ?? Number.POSITIVE_INFINITY);
    // The resend of the failed ones is stored normally.
    const [aAgain] = await queue.enqueue([item('a')]);
    expect(aAgain?.duplicate).toBe(false);
    expect((await queue.read(bob, { limit: 10 })).map((e) => e.id)).toEqual(['c', 'a']);
  });

  it('keeps call order when a call must run as a job: later calls for that device queue behind it', async () => {
    const { queue } = setUp();
    await queue.enqueue([item('old')]);
    // Past the share's quick bound the call needs the table (a job); the next call for bob must not jump it.
    const full = queue.enqueue([{ ...item('j1'), sender: 'alice' }], { maxPerSender: 1 });
    const { staged, done } = enqueueEarly(queue, [item('j2')]);
    expect(staged).toBeUndefined(); // not staged: it waits behind the job
    await Promise.all([full, done]);
    const entries = await queue.read(bob, { limit: 10 });
    expect(entries.map((e) => e.id)).toEqual(['old', 'j1', 'j2']);
    expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((x, y) => x - y));
  });

  it('clears what was staged before a clear and keeps what was enqueued after it', async () => {
    const { queue } = setUp();
    const before = queue.enqueue([item('before')]);
    const cleared = queue.clear(bob);
    const after = queue.enqueue([item('after')]);
    await Promise.all([before, cleared, after]);
    expect((await queue.read(bob, { limit: 10 })).map((e) => e.id)).toEqual(['after']);
    expect(await queue.count(bob)).toBe(1);
  });

  it('acks stored entries in the batch: they leave the queue, counted, and a late resend is a duplicate', async () => {
    const { queue, rows, marks } = setUp();
    await queue.enqueue([item('s1'), item('s2'), item('s3')]);
    const removed = queue.ack(bob, ['s1', 's3', 'unknown']);
    const alsoStaged = enqueueEarly(queue, [item('s4')]);
    expect(await removed).toBe(2);
    await alsoStaged.done;
    expect(rows()).toBe(2);
    expect(marks()).toBe(2);
    expect(await queue.count(bob)).toBe(2);
    expect((await queue.read(bob, { limit: 10 })).map((e) => e.id)).toEqual(['s2', 's4']);
    expect((await queue.enqueue([item('s1')]))[0]?.duplicate).toBe(true);
  });

  it('rejects the acks of a failed batch and keeps their entries queued, to be acked again', async () => {
    const { db, queue, rows } = setUp();
    await queue.enqueue([item('s1')]);
    db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON queue WHEN NEW.id = 'boom'
             BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const acked = queue.ack(bob, ['s1']);
    const boom = enqueueEarly(queue, [item('boom')]);
    await expect(acked).rejects.toThrow('disk full');
    await expect(boom.done).rejects.toThrow('disk full');
    expect(rows()).toBe(1);
    expect(await queue.count(bob)).toBe(1);
    expect(await queue.ack(bob, ['s1'])).toBe(1);
    expect(await queue.count(bob)).toBe(0);
  });

  it('acks in call order behind a clear of the same batch: an entry cleared first is not marked acknowledged', async () => {
    const { queue, marks } = setUp();
    await queue.enqueue([item('s1')]);
    const cleared = queue.clear(bob);
    const acked = queue.ack(bob, ['s1']);
    await cleared;
    expect(await acked).toBe(0); // the clear took it: nothing to acknowledge
    expect(marks()).toBe(0);
    // Never acknowledged by the device, so enqueueing it again stores it anew.
    expect((await queue.enqueue([item('s1')]))[0]?.duplicate).toBe(false);
  });

  // The queue keeps no reference to the caller's items: a staged call copies each entry's device,
  // id and bytes out of them inside the call (one copy per distinct buffer), a call that runs as a
  // job snapshots them there too. Changing any of them before the commit changes nothing stored.
  it.each([
    ['staged', false],
    ['as a job (behind a clear)', true],
  ])(
    'reads the items only inside the call (%s): changing them before the commit changes nothing stored',
    async (_, asJob) => {
      const { queue } = setUp(0);
      const alice = { userId: 'alice', deviceId: 1 };
      const one = new Uint8Array([1, 1]);
      const two = new Uint8Array([2, 2]);
      // `one` twice, and not next to each other: the second distinct buffer makes the copy map.
      const items: QueueItem[] = [
        { device: { ...bob }, id: 'a', data: one },
        { device: { ...alice }, id: 'b', data: two },
        { device: { ...bob }, id: 'c', data: one },
      ];
      const cleared = asJob ? queue.clear(bob) : Promise.resolve();
      const done = queue.enqueue(items);
      one.fill(9);
      two.fill(9);
      for (const it of items) {
        it.device.userId = 'mallory';
        it.id = `${it.id}!`;
      }
      items.length = 0;
      await Promise.all([cleared, done]);
      const entries = async (device: typeof bob) =>
        (await queue.read(device, { limit: 10 })).map((e) => [e.id, [...e.data]]);
      expect(await entries(bob)).toEqual([
        ['a', [1, 1]],
        ['c', [1, 1]],
      ]);
      expect(await entries(alice)).toEqual([['b', [2, 2]]]);
      expect(await entries({ userId: 'mallory', deviceId: 1 })).toEqual([]);
    },
  );
});
