import { isParleyError } from '@parley/core';
import { describe, expect, it } from 'vitest';
import type { OfflineQueue, QueueEntry, QueueItem } from '../contracts/offline-queue.js';
import type { DeviceAddress } from '../contracts/types.js';
import { type ComplianceContext, type ComplianceOptions, useFixture } from './fixture.js';

/** What the offline queue suite hands to `create`. */
export interface OfflineQueueComplianceContext extends ComplianceContext {
  /** The entry lifetime the queue must use (not the 30-day default, to catch an ignored option). */
  ttlMs: number;
}

const TTL_MS = 60_000;
const alice1: DeviceAddress = { userId: 'alice', deviceId: 1 };
const alice2: DeviceAddress = { userId: 'alice', deviceId: 2 };
const bob1: DeviceAddress = { userId: 'bob', deviceId: 1 };

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);
const item = (device: DeviceAddress, id: string, text = id): QueueItem => ({ device, id, data: bytesOf(text) });

/** Reads a device's whole queue through `read` pages of `pageSize`. */
async function readAll(queue: OfflineQueue, device: DeviceAddress, pageSize = 100): Promise<QueueEntry[]> {
  const all: QueueEntry[] = [];
  let afterSeq = 0;
  for (;;) {
    const page = await queue.read(device, { afterSeq, limit: pageSize });
    all.push(...page);
    if (page.length < pageSize) return all;
    afterSeq = page[page.length - 1]!.seq;
  }
}

async function expectQueueFull(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isParleyError(error, 'QUEUE_FULL'), `expected QUEUE_FULL, got ${String(error)}`).toBe(true);
}

async function expectInvalid(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isParleyError(error, 'INVALID_ARGUMENT'), String(error)).toBe(true);
}

/** Runs the {@link OfflineQueue} guarantees against an implementation. */
export function offlineQueueCompliance(options: ComplianceOptions<OfflineQueue, OfflineQueueComplianceContext>): void {
  describe(`OfflineQueue compliance: ${options.name}`, () => {
    const fx = useFixture(options, { ttlMs: TTL_MS });

    describe('enqueue and read', () => {
      it('stores entries and reads them back in seq order with their bytes and storedAt', async () => {
        const q = fx.subject;
        const results = await q.enqueue([item(alice1, 'a', 'one'), item(alice1, 'b', 'two')]);
        expect(results.map((r) => [r.device, r.id, r.duplicate, r.storedAt])).toEqual([
          [alice1, 'a', false, fx.time.now],
          [alice1, 'b', false, fx.time.now],
        ]);
        expect(results[1]!.seq).toBeGreaterThan(results[0]!.seq);
        const entries = await q.read(alice1, { limit: 10 });
        expect(entries).toEqual([
          { id: 'a', seq: results[0]!.seq, data: bytesOf('one'), storedAt: fx.time.now },
          { id: 'b', seq: results[1]!.seq, data: bytesOf('two'), storedAt: fx.time.now },
        ]);
        expect(entries[0]!.data).toBeInstanceOf(Uint8Array);
        expect(await q.count(alice1)).toBe(2);
      });

      it('returns an empty result for an empty enqueue and an unknown device', async () => {
        const q = fx.subject;
        expect(await q.enqueue([])).toEqual([]);
        expect(await q.read(alice1, { limit: 10 })).toEqual([]);
        expect(await q.count(alice1)).toBe(0);
        expect(await q.ack(alice1, ['nope'])).toBe(0);
      });

      it('keeps 1,000 entries in order, enqueued one by one and in one batch', async () => {
        const q = fx.subject;
        const ids = Array.from({ length: 1000 }, (_, i) => `m${i}`);
        for (const id of ids.slice(0, 500)) {
          await q.enqueue([item(alice1, id)]);
          fx.time.advance(1);
        }
        await q.enqueue(ids.slice(500).map((id) => item(alice1, id)));
        const entries = await readAll(q, alice1, 64);
        expect(entries.map((e) => e.id)).toEqual(ids);
        for (let i = 1; i < entries.length; i++) expect(entries[i]!.seq).toBeGreaterThan(entries[i - 1]!.seq);
        expect(new TextDecoder().decode(entries[999]!.data)).toBe('m999');
        expect(await q.count(alice1)).toBe(1000);
      });

      it('pages with afterSeq and limit', async () => {
        const q = fx.subject;
        const results = await q.enqueue(['a', 'b', 'c', 'd', 'e'].map((id) => item(alice1, id)));
        const seqs = results.map((r) => r.seq);
        expect((await q.read(alice1, { limit: 2 })).map((e) => e.id)).toEqual(['a', 'b']);
        expect((await q.read(alice1, { afterSeq: seqs[1]!, limit: 2 })).map((e) => e.id)).toEqual(['c', 'd']);
        expect((await q.read(alice1, { afterSeq: seqs[3]!, limit: 2 })).map((e) => e.id)).toEqual(['e']);
        expect(await q.read(alice1, { afterSeq: seqs[4]!, limit: 2 })).toEqual([]);
        expect((await q.read(alice1, { afterSeq: 0, limit: 100 })).length).toBe(5);
      });

      it('skips acknowledged entries when paging', async () => {
        const q = fx.subject;
        const results = await q.enqueue(['a', 'b', 'c', 'd'].map((id) => item(alice1, id)));
        await q.ack(alice1, ['b', 'c']);
        expect((await q.read(alice1, { limit: 1 })).map((e) => e.id)).toEqual(['a']);
        expect((await q.read(alice1, { afterSeq: results[0]!.seq, limit: 1 })).map((e) => e.id)).toEqual(['d']);
      });

      it('keeps seq strictly increasing after ack and clear', async () => {
        const q = fx.subject;
        const [a] = await q.enqueue([item(alice1, 'a')]);
        await q.ack(alice1, ['a']);
        const [b] = await q.enqueue([item(alice1, 'b')]);
        expect(b!.seq).toBeGreaterThan(a!.seq);
        await q.clear(alice1);
        const [c] = await q.enqueue([item(alice1, 'c')]);
        expect(c!.seq).toBeGreaterThan(b!.seq);
      });

      it('copies bytes in and out', async () => {
        const q = fx.subject;
        const data = new Uint8Array([1, 2, 3]);
        const stored = q.enqueue([{ device: alice1, id: 'a', data }]);
        // Changed before the call has even resolved: the queue must have copied at the call.
        data[0] = 99;
        await stored;
        const [first] = await q.read(alice1, { limit: 1 });
        expect(first!.data).toEqual(new Uint8Array([1, 2, 3]));
        first!.data[1] = 99;
        const [again] = await q.read(alice1, { limit: 1 });
        expect(again!.data).toEqual(new Uint8Array([1, 2, 3]));
      });

      it('copies a Buffer too (whose slice() would share memory)', async () => {
        const q = fx.subject;
        const data = Buffer.from([1, 2, 3]);
        await q.enqueue([{ device: alice1, id: 'a', data }]);
        data[0] = 99;
        const [first] = await q.read(alice1, { limit: 1 });
        expect([...first!.data]).toEqual([1, 2, 3]);
      });

      it('stores empty data', async () => {
        const q = fx.subject;
        await q.enqueue([{ device: alice1, id: 'empty', data: new Uint8Array(0) }]);
        const [entry] = await q.read(alice1, { limit: 1 });
        expect(entry!.data).toEqual(new Uint8Array(0));
      });
    });

    describe('idempotency', () => {
      it('returns the same seq and storedAt for a queued id and stores no second copy', async () => {
        const q = fx.subject;
        const [first] = await q.enqueue([item(alice1, 'a', 'original')]);
        fx.time.advance(1000);
        const [again] = await q.enqueue([item(alice1, 'a', 'changed')]);
        expect(again).toEqual({ device: alice1, id: 'a', seq: first!.seq, storedAt: first!.storedAt, duplicate: true });
        const entries = await q.read(alice1, { limit: 10 });
        expect(entries).toHaveLength(1);
        expect(entries[0]!.data).toEqual(bytesOf('original'));
        expect(await q.count(alice1)).toBe(1);
      });

      it('treats a repeated id within one call as a duplicate', async () => {
        const q = fx.subject;
        const [a, b] = await q.enqueue([item(alice1, 'a'), item(alice1, 'a')]);
        expect(a!.duplicate).toBe(false);
        expect(b).toEqual({ ...a!, duplicate: true });
        expect(await q.count(alice1)).toBe(1);
      });

      it('does not store again an id acknowledged before (late resend)', async () => {
        const q = fx.subject;
        const [first] = await q.enqueue([item(alice1, 'a')]);
        expect(await q.ack(alice1, ['a'])).toBe(1);
        fx.time.advance(TTL_MS - 1);
        expect(await q.purgeExpired()).toBe(0);
        const [resend] = await q.enqueue([item(alice1, 'a')]);
        expect(resend).toEqual({
          device: alice1,
          id: 'a',
          seq: first!.seq,
          storedAt: first!.storedAt,
          duplicate: true,
        });
        expect(await q.read(alice1, { limit: 10 })).toEqual([]);
        expect(await q.count(alice1)).toBe(0);
      });

      it('produces one entry from concurrent enqueues of the same id', async () => {
        const q = fx.subject;
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) => q.enqueue([item(alice1, 'same', `copy ${i}`)])),
        );
        const flat = results.map((r) => r[0]!);
        expect(flat.filter((r) => !r.duplicate)).toHaveLength(1);
        expect(new Set(flat.map((r) => r.seq)).size).toBe(1);
        expect(new Set(flat.map((r) => r.storedAt)).size).toBe(1);
        expect(await q.read(alice1, { limit: 10 })).toHaveLength(1);
      });

      it('stores an expired id again when it is resent', async () => {
        const q = fx.subject;
        const [first] = await q.enqueue([item(alice1, 'a', 'old')]);
        fx.time.advance(TTL_MS);
        const [again] = await q.enqueue([item(alice1, 'a', 'new')]);
        expect(again!.duplicate).toBe(false);
        expect(again!.seq).toBeGreaterThan(first!.seq);
        expect(again!.storedAt).toBe(fx.time.now);
        const entries = await q.read(alice1, { limit: 10 });
        expect(entries.map((e) => [e.id, e.seq, e.data])).toEqual([['a', again!.seq, bytesOf('new')]]);
      });
    });

    describe('ack', () => {
      it('removes only the given entries of the given device and counts them', async () => {
        const q = fx.subject;
        await q.enqueue([item(alice1, 'a'), item(alice1, 'b'), item(alice2, 'a'), item(bob1, 'a')]);
        expect(await q.ack(alice1, ['a', 'unknown', 'a'])).toBe(1);
        expect((await q.read(alice1, { limit: 10 })).map((e) => e.id)).toEqual(['b']);
        expect((await q.read(alice2, { limit: 10 })).map((e) => e.id)).toEqual(['a']);
        expect((await q.read(bob1, { limit: 10 })).map((e) => e.id)).toEqual(['a']);
        expect(await q.ack(alice1, ['a'])).toBe(0);
        expect(await q.ack(alice1, [])).toBe(0);
      });

      it('does not mark ids of other devices as acknowledged', async () => {
        const q = fx.subject;
        await q.enqueue([item(alice1, 'a')]);
        await q.ack(alice1, ['a']);
        const [other] = await q.enqueue([item(alice2, 'a')]);
        expect(other!.duplicate).toBe(false);
        expect(await q.count(alice2)).toBe(1);
      });

      it('drains a long queue acked page by page', async () => {
        const q = fx.subject;
        await q.enqueue(Array.from({ length: 300 }, (_, i) => item(alice1, `m${i}`)));
        let drained = 0;
        for (;;) {
          const page = await q.read(alice1, { limit: 50 });
          if (page.length === 0) break;
          expect(page[0]!.id).toBe(`m${drained}`);
          expect(
            await q.ack(
              alice1,
              page.map((e) => e.id),
            ),
          ).toBe(page.length);
          drained += page.length;
        }
        expect(drained).toBe(300);
        expect(await q.count(alice1)).toBe(0);
      });
    });

    describe('expiry', () => {
      it('hides an entry from read and count once ttl has passed', async () => {
        const q = fx.subject;
        await q.enqueue([item(alice1, 'old')]);
        fx.time.advance(TTL_MS / 2);
        await q.enqueue([item(alice1, 'new')]);
        fx.time.advance(TTL_MS / 2 - 1);
        expect((await q.read(alice1, { limit: 10 })).map((e) => e.id)).toEqual(['old', 'new']);
        fx.time.advance(1);
        expect((await q.read(alice1, { limit: 10 })).map((e) => e.id)).toEqual(['new']);
        expect(await q.count(alice1)).toBe(1);
        fx.time.advance(TTL_MS / 2);
        expect(await q.read(alice1, { limit: 10 })).toEqual([]);
        expect(await q.count(alice1)).toBe(0);
      });

      it('purgeExpired deletes expired entries only and returns how many', async () => {
        const q = fx.subject;
        await q.enqueue([item(alice1, 'a'), item(alice1, 'b'), item(bob1, 'c')]);
        fx.time.advance(TTL_MS / 2);
        await q.enqueue([item(alice1, 'd')]);
        expect(await q.purgeExpired()).toBe(0);
        fx.time.advance(TTL_MS / 2);
        expect(await q.purgeExpired()).toBe(3);
        expect(await q.purgeExpired()).toBe(0);
        expect((await q.read(alice1, { limit: 10 })).map((e) => e.id)).toEqual(['d']);
        expect(await q.count(bob1)).toBe(0);
        expect(await q.ack(alice1, ['a'])).toBe(0);
      });
    });

    describe('per-sender share (maxPerSender)', () => {
      const from = (device: DeviceAddress, id: string, sender: string): QueueItem => ({ ...item(device, id), sender });

      it('refuses one sender past its share while other senders still get through', async () => {
        const q = fx.subject;
        const opts = { maxPerDevice: 10, maxPerSender: 3 };
        for (const id of ['m1', 'm2', 'm3']) await q.enqueue([from(bob1, id, 'mallory')], opts);
        const error = await q.enqueue([from(bob1, 'm4', 'mallory')], opts).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(isParleyError(error, 'QUEUE_FULL'), String(error)).toBe(true);
        expect((error as { details: unknown }).details).toEqual({ device: bob1, sender: 'mallory' });
        const [ok] = await q.enqueue([from(bob1, 'a1', 'alice')], opts);
        expect(ok!.duplicate).toBe(false);
        // Entries without a sender are not counted against anyone's share.
        await q.enqueue([item(bob1, 'r1'), item(bob1, 'r2')], opts);
        expect((await q.read(bob1, { limit: 10 })).map((e) => e.id)).toEqual(['m1', 'm2', 'm3', 'a1', 'r1', 'r2']);
      });

      it('counts per device, frees the share on ack and expiry, and ignores duplicates', async () => {
        const q = fx.subject;
        const opts = { maxPerSender: 2 };
        await q.enqueue([from(bob1, 'm1', 'mallory'), from(bob1, 'm2', 'mallory')], opts);
        // Another device of the same user has its own share.
        await q.enqueue([from(alice1, 'm1', 'mallory'), from(alice1, 'm2', 'mallory')], opts);
        const [dup] = await q.enqueue([from(bob1, 'm2', 'mallory')], opts);
        expect(dup!.duplicate).toBe(true);
        await expectQueueFull(q.enqueue([from(bob1, 'm3', 'mallory')], opts));
        await q.ack(bob1, ['m1']);
        await q.enqueue([from(bob1, 'm3', 'mallory')], opts);
        await expectQueueFull(q.enqueue([from(bob1, 'm4', 'mallory')], opts));
        fx.time.advance(TTL_MS);
        const fresh = await q.enqueue([from(bob1, 'm4', 'mallory'), from(bob1, 'm5', 'mallory')], opts);
        expect(fresh.map((r) => r.duplicate)).toEqual([false, false]);
      });

      it("stores nothing of a call that passes one device's share, also among concurrent calls", async () => {
        const q = fx.subject;
        const opts = { maxPerSender: 2 };
        await q.enqueue([from(bob1, 'm1', 'mallory'), from(bob1, 'm2', 'mallory')], opts);
        // Concurrent calls may be decided in any order; only the one passing bob1's share fails.
        const [ok1, full, ok2] = await Promise.allSettled([
          q.enqueue([from(alice2, 'y', 'mallory')], opts),
          q.enqueue([from(alice1, 'x', 'mallory'), from(bob1, 'm3', 'mallory')], opts),
          q.enqueue([from(bob1, 'a1', 'alice')], opts),
        ]);
        expect(ok1.status).toBe('fulfilled');
        expect(ok2.status).toBe('fulfilled');
        expect(full.status === 'rejected' && isParleyError(full.reason, 'QUEUE_FULL')).toBe(true);
        expect(await q.count(alice1)).toBe(0);
        expect(await q.count(alice2)).toBe(1);
        expect((await q.read(bob1, { limit: 10 })).map((e) => e.id)).toEqual(['m1', 'm2', 'a1']);
      });

      it("counts every item of one call, a shared payload's entries included", async () => {
        const q = fx.subject;
        const items = ['g1', 'g2', 'g3'].map((id) => ({ ...from(bob1, id, 'mallory'), shared: 'p' }));
        await expectQueueFull(q.enqueue(items, { maxPerSender: 2, shared: [{ key: 'p', data: bytesOf('x') }] }));
        expect(await q.count(bob1)).toBe(0);
      });
    });

    describe('storage time (now)', () => {
      it('stores entries at the given time, and a duplicate keeps its first time', async () => {
        const q = fx.subject;
        const at = fx.time.now - 5;
        const [first] = await q.enqueue([item(alice1, 'a')], { now: at });
        expect(first!.storedAt).toBe(at);
        expect((await q.read(alice1, { limit: 1 }))[0]!.storedAt).toBe(at);
        fx.time.advance(10);
        const [dup] = await q.enqueue([item(alice1, 'a')], { now: fx.time.now });
        expect(dup).toMatchObject({ duplicate: true, storedAt: at });
      });
    });

    describe('capacity and atomicity', () => {
      it('refuses with QUEUE_FULL once a device holds maxPerDevice entries', async () => {
        const q = fx.subject;
        await q.enqueue([item(alice1, 'a'), item(alice1, 'b')], { maxPerDevice: 2 });
        await expectQueueFull(q.enqueue([item(alice1, 'c')], { maxPerDevice: 2 }));
        expect(await q.count(alice1)).toBe(2);
        await q.ack(alice1, ['a']);
        const [c] = await q.enqueue([item(alice1, 'c')], { maxPerDevice: 2 });
        expect(c!.duplicate).toBe(false);
      });

      it('stores nothing when a call would overfill one device', async () => {
        const q = fx.subject;
        await q.enqueue([item(alice1, 'a')]);
        await expectQueueFull(q.enqueue([item(alice1, 'b'), item(alice1, 'c')], { maxPerDevice: 2 }));
        expect((await q.read(alice1, { limit: 10 })).map((e) => e.id)).toEqual(['a']);
      });

      it('stores nothing for the other devices of a call that fails with QUEUE_FULL', async () => {
        const q = fx.subject;
        await q.enqueue([item(alice1, 'a'), item(alice1, 'b')]);
        await expectQueueFull(
          q.enqueue([item(bob1, 'x'), item(alice2, 'y'), item(alice1, 'c'), item(bob1, 'z')], { maxPerDevice: 2 }),
        );
        expect(await q.count(bob1)).toBe(0);
        expect(await q.count(alice2)).toBe(0);
        expect(await q.read(bob1, { limit: 10 })).toEqual([]);
        expect(await q.count(alice1)).toBe(2);
        // Nothing of the failed call was recorded: the same ids are new afterwards.
        const retried = await q.enqueue([item(bob1, 'x'), item(alice2, 'y')], { maxPerDevice: 2 });
        expect(retried.map((r) => r.duplicate)).toEqual([false, false]);
      });

      it('fails only the overfilling call among concurrent calls', async () => {
        const q = fx.subject;
        await q.enqueue([item(alice1, 'a')]);
        const [ok1, full, ok2] = await Promise.allSettled([
          q.enqueue([item(bob1, 'x')], { maxPerDevice: 1 }),
          q.enqueue([item(alice2, 'y'), item(alice1, 'b')], { maxPerDevice: 1 }),
          q.enqueue([item(alice2, 'z')], { maxPerDevice: 1 }),
        ]);
        expect(ok1.status).toBe('fulfilled');
        expect(ok2.status).toBe('fulfilled');
        expect(full.status === 'rejected' && isParleyError(full.reason, 'QUEUE_FULL')).toBe(true);
        expect((await q.read(bob1, { limit: 10 })).map((e) => e.id)).toEqual(['x']);
        expect((await q.read(alice2, { limit: 10 })).map((e) => e.id)).toEqual(['z']);
        expect((await q.read(alice1, { limit: 10 })).map((e) => e.id)).toEqual(['a']);
      });

      it('does not count duplicates or expired entries against maxPerDevice', async () => {
        const q = fx.subject;
        await q.enqueue([item(alice1, 'a'), item(alice1, 'b')]);
        const [dup] = await q.enqueue([item(alice1, 'a')], { maxPerDevice: 2 });
        expect(dup!.duplicate).toBe(true);
        fx.time.advance(TTL_MS);
        const fresh = await q.enqueue([item(alice1, 'c'), item(alice1, 'd')], { maxPerDevice: 2 });
        expect(fresh.map((r) => r.duplicate)).toEqual([false, false]);
        expect((await q.read(alice1, { limit: 10 })).map((e) => e.id)).toEqual(['c', 'd']);
      });
    });

    describe('shared payloads', () => {
      const withShared = (device: DeviceAddress, id: string, key: string): QueueItem => ({
        ...item(device, id),
        shared: key,
      });
      const sharedOf = async (device: DeviceAddress) => (await q().read(device, { limit: 10 })).map((e) => e.shared);
      const q = () => fx.subject;

      it('returns the payload with every entry that references it, beside each entry own data', async () => {
        await q().enqueue([withShared(alice1, 'm', 'k'), withShared(bob1, 'm', 'k'), item(alice2, 'plain')], {
          shared: [{ key: 'k', data: bytesOf('payload') }],
        });
        const [a] = await q().read(alice1, { limit: 10 });
        expect(a?.data).toEqual(bytesOf('m'));
        expect(a?.shared).toEqual(bytesOf('payload'));
        expect(a?.shared).toBeInstanceOf(Uint8Array);
        expect(await sharedOf(bob1)).toEqual([bytesOf('payload')]);
        expect((await q().read(alice2, { limit: 10 }))[0]?.shared).toBeUndefined();
      });

      it('keeps the payload until the last referencing entry is acknowledged, then forgets it', async () => {
        const shared = [{ key: 'k', data: bytesOf('first') }];
        await q().enqueue([withShared(alice1, 'm', 'k'), withShared(bob1, 'm', 'k')], { shared });
        await q().ack(alice1, ['m']);
        // Still referenced by bob1's entry: a new entry naming the key keeps the stored bytes.
        await q().enqueue([withShared(alice2, 'n', 'k')], { shared: [{ key: 'k', data: bytesOf('second') }] });
        expect(await sharedOf(alice2)).toEqual([bytesOf('first')]);
        expect(await sharedOf(bob1)).toEqual([bytesOf('first')]);
        await q().ack(bob1, ['m']);
        await q().ack(alice2, ['n']);
        // Gone with its last reference: the key stores new bytes.
        await q().enqueue([withShared(bob1, 'o', 'k')], { shared: [{ key: 'k', data: bytesOf('third') }] });
        expect(await sharedOf(bob1)).toEqual([bytesOf('third')]);
      });

      it('releases the payload when its entries expire or are cleared', async () => {
        await q().enqueue([withShared(alice1, 'm', 'k')], { shared: [{ key: 'k', data: bytesOf('old') }] });
        fx.time.advance(TTL_MS);
        expect(await q().purgeExpired()).toBe(1);
        await q().enqueue([withShared(alice1, 'n', 'k')], { shared: [{ key: 'k', data: bytesOf('new') }] });
        expect(await sharedOf(alice1)).toEqual([bytesOf('new')]);
        await q().clear(alice1);
        await q().enqueue([withShared(bob1, 'p', 'k')], { shared: [{ key: 'k', data: bytesOf('newer') }] });
        expect(await sharedOf(bob1)).toEqual([bytesOf('newer')]);
      });

      it('answers a repeated enqueue as duplicates and still serves the payload', async () => {
        const call = () =>
          q().enqueue([withShared(alice1, 'm', 'k'), withShared(bob1, 'm', 'k')], {
            shared: [{ key: 'k', data: bytesOf('payload') }],
          });
        await call();
        expect((await call()).map((r) => r.duplicate)).toEqual([true, true]);
        await q().ack(alice1, ['m']);
        expect(await sharedOf(bob1)).toEqual([bytesOf('payload')]);
      });

      it('refuses keys that do not match the items, storing nothing', async () => {
        const refused = expectInvalid;
        await refused(q().enqueue([withShared(alice1, 'm', 'missing')]));
        await refused(q().enqueue([item(alice1, 'm')], { shared: [{ key: 'unused', data: bytesOf('x') }] }));
        await refused(
          q().enqueue([withShared(alice1, 'm', 'k')], {
            shared: [
              { key: 'k', data: bytesOf('x') },
              { key: 'k', data: bytesOf('y') },
            ],
          }),
        );
        expect(await q().count(alice1)).toBe(0);
      });

      it('stores no payload for a call refused with QUEUE_FULL', async () => {
        await q().enqueue([item(bob1, 'full')]);
        await expectQueueFull(
          q().enqueue([withShared(alice1, 'm', 'k'), withShared(bob1, 'm', 'k')], {
            shared: [{ key: 'k', data: bytesOf('refused') }],
            maxPerDevice: 1,
          }),
        );
        await q().enqueue([withShared(alice2, 'n', 'k')], { shared: [{ key: 'k', data: bytesOf('kept') }] });
        expect(await sharedOf(alice2)).toEqual([bytesOf('kept')]);
      });

      it('hands out copies of the payload', async () => {
        const data = bytesOf('payload');
        await q().enqueue([withShared(alice1, 'm', 'k')], { shared: [{ key: 'k', data }] });
        data[0] = 0;
        const [first] = await q().read(alice1, { limit: 1 });
        first!.shared![1] = 0;
        expect(await sharedOf(alice1)).toEqual([bytesOf('payload')]);
      });
    });

    describe('fan-out calls (fanOut)', () => {
      const q = () => fx.subject;
      const member = (device: DeviceAddress): QueueItem => ({ ...item(device, 'g'), shared: 'k' });
      const fanOut = (devices: DeviceAddress[], now?: number) =>
        q().enqueue(devices.map(member), {
          shared: [{ key: 'k', data: bytesOf('payload') }],
          fanOut: true,
          ...(now !== undefined ? { now } : {}),
        });

      it('answers a resend as duplicates at the first call time, while queued and after every ack', async () => {
        const first = await fanOut([alice1, bob1], 1_000);
        expect(first.map((r) => [r.duplicate, r.storedAt])).toEqual([
          [false, 1_000],
          [false, 1_000],
        ]);
        const queued = await fanOut([alice1, bob1], 2_000);
        expect(queued.map((r) => [r.device, r.duplicate, r.storedAt])).toEqual([
          [alice1, true, 1_000],
          [bob1, true, 1_000],
        ]);
        await q().ack(alice1, ['g']);
        await q().ack(bob1, ['g']);
        const acked = await fanOut([alice1, bob1], 3_000);
        expect(acked.map((r) => [r.duplicate, r.storedAt])).toEqual([
          [true, 1_000],
          [true, 1_000],
        ]);
        expect(await q().count(alice1)).toBe(0);
        expect(await q().count(bob1)).toBe(0);
      });

      it('a resend after one device acked delivers nothing again: each device keeps at most its one entry', async () => {
        await fanOut([alice1, bob1]);
        await q().ack(alice1, ['g']);
        expect((await fanOut([alice1, bob1])).every((r) => r.duplicate)).toBe(true);
        expect(await readAll(q(), alice1)).toEqual([]);
        expect((await readAll(q(), bob1)).map((e) => [e.id, e.shared])).toEqual([['g', bytesOf('payload')]]);
      });

      it('deduplicates for at least one entry lifetime after the ack, then stores a resend again', async () => {
        await fanOut([alice1]);
        fx.time.advance(TTL_MS / 2);
        await q().ack(alice1, ['g']);
        fx.time.advance(TTL_MS - 1);
        await q().purgeExpired();
        expect((await fanOut([alice1])).map((r) => r.duplicate)).toEqual([true]);
        fx.time.advance(2 * TTL_MS);
        await q().purgeExpired();
        expect((await fanOut([alice1])).map((r) => r.duplicate)).toEqual([false]);
        expect((await readAll(q(), alice1)).map((e) => e.shared)).toEqual([bytesOf('payload')]);
      });

      it('refuses a fan-out without exactly one shared payload that every item names', async () => {
        const refused = expectInvalid;
        await refused(q().enqueue([item(alice1, 'g')], { fanOut: true }));
        await refused(
          q().enqueue([member(alice1), item(bob1, 'g')], { shared: [{ key: 'k', data: bytesOf('x') }], fanOut: true }),
        );
        await refused(
          q().enqueue([member(alice1), { ...item(bob1, 'g'), shared: 'j' }], {
            shared: [
              { key: 'k', data: bytesOf('x') },
              { key: 'j', data: bytesOf('y') },
            ],
            fanOut: true,
          }),
        );
        expect(await q().count(alice1)).toBe(0);
        expect(await q().count(bob1)).toBe(0);
      });
    });

    describe('call order (seqsInCallOrder)', () => {
      // Only for queues that say so: the gateway then starts a sender's next send before the
      // previous one is durable, and one sender's messages must still land in call order.
      it('hands out seqs in call order among overlapping calls, also behind calls near a limit', async () => {
        const q = fx.subject;
        if (!q.seqsInCallOrder) return;
        const calls = [
          q.enqueue([item(bob1, 'b1')]), // a device seen for the first time
          q.enqueue([item(alice1, 'a1'), item(bob1, 'b2')]),
          q.enqueue([item(alice1, 'a2')], { maxPerDevice: 2 }), // at the cap: decided the slow way
          q.enqueue([item(alice1, 'a3'), item(bob1, 'b3')]),
          q.enqueue([{ ...item(alice1, 'a4'), sender: 'carol' }], { maxPerSender: 1 }),
          q.enqueue([item(alice1, 'a1'), item(alice1, 'a5')]), // a duplicate beside a new one
          q.enqueue([item(bob1, 'b4')]),
        ];
        await Promise.all(calls);
        const ids = async (device: DeviceAddress) => (await readAll(q, device)).map((e) => e.id);
        expect(await ids(alice1)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
        expect(await ids(bob1)).toEqual(['b1', 'b2', 'b3', 'b4']);
        const seqs = (await readAll(q, alice1)).map((e) => e.seq);
        expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
      });

      it('keeps call order when a call in between is refused', async () => {
        const q = fx.subject;
        if (!q.seqsInCallOrder) return;
        await q.enqueue([item(alice1, 'a1')]);
        const [, refused, after] = await Promise.allSettled([
          q.enqueue([item(alice1, 'a2')]),
          q.enqueue([item(alice1, 'a3')], { maxPerDevice: 2 }), // the queue holds 2 by then
          q.enqueue([item(alice1, 'a4')]),
        ]);
        expect(refused.status === 'rejected' && isParleyError(refused.reason, 'QUEUE_FULL')).toBe(true);
        expect(after.status).toBe('fulfilled');
        expect((await readAll(q, alice1)).map((e) => e.id)).toEqual(['a1', 'a2', 'a4']);
      });
    });

    describe('isolation and clear', () => {
      it('keeps devices of one user and users with one device id apart', async () => {
        const q = fx.subject;
        await q.enqueue([item(alice1, 'x', 'alice1'), item(alice2, 'x', 'alice2'), item(bob1, 'x', 'bob1')]);
        const one = async (device: DeviceAddress) => (await q.read(device, { limit: 10 })).map((e) => e.data);
        expect(await one(alice1)).toEqual([bytesOf('alice1')]);
        expect(await one(alice2)).toEqual([bytesOf('alice2')]);
        expect(await one(bob1)).toEqual([bytesOf('bob1')]);
      });

      it('clear drops every entry of one device only', async () => {
        const q = fx.subject;
        await q.enqueue([item(alice1, 'a'), item(alice1, 'b'), item(alice2, 'a')]);
        await q.clear(alice1);
        expect(await q.read(alice1, { limit: 10 })).toEqual([]);
        expect(await q.count(alice1)).toBe(0);
        expect(await q.count(alice2)).toBe(1);
        await q.clear(bob1);
        const [again] = await q.enqueue([item(alice1, 'c')], { maxPerDevice: 1 });
        expect(again!.duplicate).toBe(false);
      });
    });
  });
}
