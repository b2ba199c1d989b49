import { afterEach, describe, expect, it } from 'vitest';
import { type ClientStore, keyAfter, type ListOptions, type StoreTx } from '../stores/client-store.js';

/** Options of {@link clientStoreCompliance}. */
export interface ClientStoreComplianceOptions {
  /** Name of the implementation, used as the `describe` title. */
  name: string;
  /** Opens a new, empty store. The suite closes every store it opens. */
  create: () => Promise<ClientStore>;
  /**
   * For persistent stores: opens a new store over the same storage as `closed`, which the suite has
   * already closed. When given, the suite also checks that committed state survives close/reopen.
   */
  reopen?: (closed: ClientStore) => Promise<ClientStore>;
}

/**
 * Registers vitest tests checking that a {@link ClientStore} keeps every guarantee of its TSDoc:
 * atomic commits, serialized transactions, reads of own writes, ordered listing and range reads, Uint8Array
 * round-trips, no aliasing and (with `reopen`) durability. Call it at the top level of a test file.
 */
export function clientStoreCompliance(options: ClientStoreComplianceOptions): void {
  const { create, reopen } = options;

  describe(`ClientStore compliance: ${options.name}`, () => {
    const open = new Set<ClientStore>();

    afterEach(async () => {
      const stores = [...open];
      open.clear();
      await Promise.all(stores.map((s) => s.close()));
    });

    async function fresh(): Promise<ClientStore> {
      const store = await create();
      open.add(store);
      return store;
    }

    async function closeAndReopen(store: ClientStore): Promise<ClientStore> {
      open.delete(store);
      await store.close();
      const again = await reopen!(store);
      open.add(again);
      return again;
    }

    const put = (store: ClientStore, ns: string, key: string, value: unknown) =>
      store.transaction((tx) => tx.put(ns, key, value));
    const get = (store: ClientStore, ns: string, key: string) => store.transaction((tx) => tx.get(ns, key));
    const list = (store: ClientStore, ns: string, opts?: ListOptions) => store.transaction((tx) => tx.list(ns, opts));

    describe('basic reads and writes', () => {
      it('returns undefined for a missing key and the transaction result', async () => {
        const store = await fresh();
        expect(await get(store, 'ns', 'missing')).toBeUndefined();
        expect(await store.transaction(async () => 42)).toBe(42);
      });

      it('stores plain JSON data', async () => {
        const store = await fresh();
        const value = {
          s: 'héllo 😀',
          n: -1.5,
          z: 0,
          t: true,
          f: false,
          nil: null,
          a: [1, 'two', [3], {}],
          o: { x: {} },
        };
        await put(store, 'ns', 'k', value);
        const scalars = ['', 'text', 0, 7.25, true, false, null, []];
        await store.transaction(async (tx) => {
          for (const [i, scalar] of scalars.entries()) await tx.put('scalars', String(i), scalar);
        });
        expect(await get(store, 'ns', 'k')).toEqual(value);
        expect((await list(store, 'scalars')).map(([, v]) => v)).toStrictEqual(scalars);
      });

      it('overwrites, deletes, and keeps namespaces apart', async () => {
        const store = await fresh();
        await put(store, 'a', 'k', 1);
        await put(store, 'b', 'k', 2);
        await put(store, 'a', 'k', 3);
        expect(await get(store, 'a', 'k')).toBe(3);
        expect(await get(store, 'b', 'k')).toBe(2);
        await store.transaction((tx) => tx.delete('a', 'k'));
        await store.transaction((tx) => tx.delete('a', 'never-written'));
        expect(await get(store, 'a', 'k')).toBeUndefined();
        expect(await get(store, 'b', 'k')).toBe(2);
        expect(await list(store, 'a')).toEqual([]);
      });
    });

    describe('transactions', () => {
      it('reads see the transaction’s own writes and deletes', async () => {
        const store = await fresh();
        await put(store, 'ns', 'old', 'committed');
        await store.transaction(async (tx) => {
          await tx.put('ns', 'new', 'mine');
          expect(await tx.get('ns', 'new')).toBe('mine');
          await tx.put('ns', 'old', 'changed');
          expect(await tx.get('ns', 'old')).toBe('changed');
          expect(await tx.list('ns')).toEqual([
            ['new', 'mine'],
            ['old', 'changed'],
          ]);
          await tx.delete('ns', 'old');
          expect(await tx.get('ns', 'old')).toBeUndefined();
          expect(await tx.list('ns')).toEqual([['new', 'mine']]);
          await tx.put('ns', 'old', 'again');
          expect(await tx.get('ns', 'old')).toBe('again');
        });
        expect(await list(store, 'ns')).toEqual([
          ['new', 'mine'],
          ['old', 'again'],
        ]);
      });

      it('is atomic: a throwing fn stores nothing and its error is rethrown as is', async () => {
        const store = await fresh();
        await put(store, 'ns', 'keep', 'original');
        await put(store, 'ns', 'doomed', 'original');
        const boom = new Error('boom');
        const result = store.transaction(async (tx) => {
          await tx.put('ns', 'keep', 'overwritten');
          await tx.delete('ns', 'doomed');
          await tx.put('ns', 'added', 1);
          await tx.put('other', 'added', 1);
          await new Promise((resolve) => setTimeout(resolve, 1));
          throw boom;
        });
        await expect(result).rejects.toBe(boom);
        expect(await list(store, 'ns')).toEqual([
          ['doomed', 'original'],
          ['keep', 'original'],
        ]);
        expect(await list(store, 'other')).toEqual([]);
        // The store keeps working after a failed transaction.
        await put(store, 'ns', 'after', true);
        expect(await get(store, 'ns', 'after')).toBe(true);
      });

      it('serializes concurrent read-modify-write transactions', async () => {
        const store = await fresh();
        const increment = (tx: StoreTx) =>
          (async () => {
            const n = (await tx.get<number>('counter', 'n')) ?? 0;
            // Yield to the event loop so unserialized transactions would interleave here.
            await new Promise((resolve) => setTimeout(resolve, 0));
            await tx.put('counter', 'n', n + 1);
            return n + 1;
          })();
        const results = await Promise.all(Array.from({ length: 100 }, () => store.transaction(increment)));
        expect(await get(store, 'counter', 'n')).toBe(100);
        // ...and runs them in call order.
        expect(results).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      });

      it('runs the next transaction after a failed one, in call order', async () => {
        const store = await fresh();
        const order: number[] = [];
        const runs = [0, 1, 2, 3].map((i) =>
          store.transaction(async (tx) => {
            order.push(i);
            await tx.put('ns', String(i), i);
            if (i === 1) throw new Error('fail 1');
          }),
        );
        const settled = await Promise.allSettled(runs);
        expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
        expect(order).toEqual([0, 1, 2, 3]);
        expect((await list(store, 'ns')).map(([k]) => k)).toEqual(['0', '2', '3']);
      });
    });

    describe('list', () => {
      const keys = ['b', 'a', 'ab', 'a/2', 'a/10', 'a/1', 'B', '~', 'é', '😀', '\uffff', 'a\u0000', ''];

      it('returns entries in ascending UTF-16 code unit order', async () => {
        const store = await fresh();
        await store.transaction(async (tx) => {
          for (const key of keys) await tx.put('ns', key, key.length);
        });
        const expected = [...keys].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
        expect((await list(store, 'ns')).map(([k]) => k)).toEqual(expected);
        expect(await list(store, 'ns', { limit: 1 })).toEqual([['', 0]]);
      });

      it('filters by prefix and applies the limit', async () => {
        const store = await fresh();
        for (const key of keys) await put(store, 'ns', key, key);
        await put(store, 'ns2', 'a/0', 'other namespace');
        expect((await list(store, 'ns', { prefix: 'a/' })).map(([k]) => k)).toEqual(['a/1', 'a/10', 'a/2']);
        expect(await list(store, 'ns', { prefix: 'a/', limit: 2 })).toEqual([
          ['a/1', 'a/1'],
          ['a/10', 'a/10'],
        ]);
        expect((await list(store, 'ns', { prefix: 'a' })).map(([k]) => k)).toEqual([
          'a',
          'a\u0000',
          'a/1',
          'a/10',
          'a/2',
          'ab',
        ]);
        expect(await list(store, 'ns', { prefix: 'zz' })).toEqual([]);
        expect(await list(store, 'ns', { limit: 0 })).toEqual([]);
        expect(await list(store, 'empty')).toEqual([]);
      });

      it('merges the transaction’s own writes into the order, prefix and limit', async () => {
        const store = await fresh();
        for (const key of ['m/1', 'm/3', 'm/5']) await put(store, 'ns', key, 'old');
        await store.transaction(async (tx) => {
          await tx.put('ns', 'm/4', 'new');
          await tx.put('ns', 'm/0', 'new');
          await tx.put('ns', 'm/3', 'changed');
          await tx.delete('ns', 'm/1');
          await tx.put('ns', 'n/1', 'outside prefix');
          expect(await tx.list('ns', { prefix: 'm/' })).toEqual([
            ['m/0', 'new'],
            ['m/3', 'changed'],
            ['m/4', 'new'],
            ['m/5', 'old'],
          ]);
          expect(await tx.list('ns', { prefix: 'm/', limit: 2 })).toEqual([
            ['m/0', 'new'],
            ['m/3', 'changed'],
          ]);
        });
      });

      it('lists many keys written in random order', async () => {
        const store = await fresh();
        const all = Array.from({ length: 500 }, (_, i) => `k${String(i).padStart(4, '0')}`);
        const shuffled = [...all].sort(() => Math.random() - 0.5);
        for (let i = 0; i < shuffled.length; i += 50) {
          await store.transaction(async (tx) => {
            for (const key of shuffled.slice(i, i + 50)) await tx.put('ns', key, key);
          });
        }
        await store.transaction(async (tx) => {
          for (const key of all.filter((_, i) => i % 3 === 0)) await tx.delete('ns', key);
        });
        expect((await list(store, 'ns')).map(([k]) => k)).toEqual(all.filter((_, i) => i % 3 !== 0));
        expect((await list(store, 'ns', { prefix: 'k01', limit: 5 })).map(([k]) => k)).toEqual([
          'k0100',
          'k0101',
          'k0103',
          'k0104',
          'k0106',
        ]);
      });
    });

    describe('ordered range reads', () => {
      const ids = Array.from({ length: 40 }, (_, i) => `m${String(i).padStart(3, '0')}`);
      const keysOf = (rows: Array<[string, unknown]>) => rows.map(([k]) => k);

      it('reads [start, end) forwards and backwards, with a limit counted in listing order', async () => {
        const store = await fresh();
        await store.transaction(async (tx) => {
          for (const id of ids) await tx.put('ns', id, id);
          await tx.put('ns', 'n000', 'after the range');
        });
        expect(keysOf(await list(store, 'ns', { start: 'm010', end: 'm014' }))).toEqual([
          'm010',
          'm011',
          'm012',
          'm013',
        ]);
        expect(keysOf(await list(store, 'ns', { start: 'm010', end: 'm014', reverse: true }))).toEqual([
          'm013',
          'm012',
          'm011',
          'm010',
        ]);
        // The last page before a key: what a chat history's "scroll back" asks for.
        expect(keysOf(await list(store, 'ns', { end: 'm020', reverse: true, limit: 3 }))).toEqual([
          'm019',
          'm018',
          'm017',
        ]);
        expect(keysOf(await list(store, 'ns', { start: keyAfter('m037'), prefix: 'm' }))).toEqual(['m038', 'm039']);
        expect(keysOf(await list(store, 'ns', { reverse: true, limit: 2 }))).toEqual(['n000', 'm039']);
        expect(keysOf(await list(store, 'ns', { prefix: 'm', reverse: true, limit: 2 }))).toEqual(['m039', 'm038']);
        expect(keysOf(await list(store, 'ns', { prefix: 'm03', start: 'm035', end: 'm037' }))).toEqual([
          'm035',
          'm036',
        ]);
        expect(await list(store, 'ns', { start: 'm020', end: 'm020' })).toEqual([]);
        expect(await list(store, 'ns', { start: 'm030', end: 'm020' })).toEqual([]);
        expect(await list(store, 'ns', { start: 'z' })).toEqual([]);
        expect(await list(store, 'ns', { end: '', reverse: true })).toEqual([]);
        expect(await list(store, 'ns', { prefix: 'm', start: 'n' })).toEqual([]);
      });

      it('merges the transaction’s own writes into a reversed range', async () => {
        const store = await fresh();
        await store.transaction(async (tx) => {
          for (const id of ids.slice(0, 10)) await tx.put('ns', id, 'old');
        });
        await store.transaction(async (tx) => {
          await tx.delete('ns', 'm008');
          await tx.put('ns', 'm007', 'changed');
          await tx.put('ns', 'm0075', 'new');
          await tx.put('ns', 'm010', 'new, past the end');
          expect(await tx.list('ns', { end: 'm010', reverse: true, limit: 4 })).toEqual([
            ['m009', 'old'],
            ['m0075', 'new'],
            ['m007', 'changed'],
            ['m006', 'old'],
          ]);
          expect(keysOf(await tx.list('ns', { start: 'm007', end: 'm009' }))).toEqual(['m007', 'm0075']);
        });
      });

      it('agrees with a sorted model on random ranges over random writes', async () => {
        const store = await fresh();
        const model = new Map<string, number>();
        let seed = 7;
        const random = (n: number) => {
          seed = (seed * 1103515245 + 12345) % 2147483648;
          return seed % n;
        };
        const randomKey = () => `k${random(60)}${random(3) === 0 ? `/${random(5)}` : ''}`;
        for (let round = 0; round < 20; round++) {
          await store.transaction(async (tx) => {
            for (let i = 0; i < 10; i++) {
              const key = randomKey();
              if (random(4) === 0) {
                await tx.delete('ns', key);
                model.delete(key);
              } else {
                await tx.put('ns', key, round);
                model.set(key, round);
              }
            }
          });
        }
        const sorted = [...model.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        for (let q = 0; q < 200; q++) {
          const options: ListOptions = {};
          if (random(2)) options.start = randomKey();
          if (random(2)) options.end = randomKey();
          if (random(3) === 0) options.prefix = `k${random(6)}`;
          if (random(2)) options.reverse = true;
          if (random(2)) options.limit = random(8);
          let expected = sorted.filter(
            ([k]) =>
              (options.start === undefined || k >= options.start) &&
              (options.end === undefined || k < options.end) &&
              k.startsWith(options.prefix ?? ''),
          );
          if (options.reverse) expected = expected.reverse();
          expected = expected.slice(0, options.limit ?? expected.length);
          expect(await list(store, 'ns', options), JSON.stringify(options)).toEqual(expected);
        }
      });

      it('rejects a range bound that is not a string', async () => {
        const store = await fresh();
        await expect(list(store, 'ns', { start: 5 as unknown as string })).rejects.toMatchObject({
          code: 'INVALID_ARGUMENT',
        });
      });
    });

    describe('values', () => {
      it('round-trips Uint8Array, also nested and as a view of a larger buffer', async () => {
        const store = await fresh();
        const backing = new Uint8Array([9, 9, 1, 2, 3, 9]);
        const value = {
          key: new Uint8Array([0, 1, 254, 255]),
          empty: new Uint8Array(0),
          view: backing.subarray(2, 5),
          list: [new Uint8Array([7]), { deep: [new Uint8Array(300).fill(0xab)] }],
        };
        await put(store, 'ns', 'obj', value);
        await put(store, 'ns', 'top', new Uint8Array([42, 0, 42]));
        const back = (await get(store, 'ns', 'obj')) as typeof value;
        expect(back).toEqual({ ...value, view: new Uint8Array([1, 2, 3]) });
        expect(back.key).toBeInstanceOf(Uint8Array);
        expect(back.view.byteLength).toBe(3);
        expect((back.list[1] as { deep: Uint8Array[] }).deep[0]).toBeInstanceOf(Uint8Array);
        const top = await get(store, 'ns', 'top');
        expect(top).toBeInstanceOf(Uint8Array);
        expect(top).toEqual(new Uint8Array([42, 0, 42]));
        expect((await list(store, 'ns'))[0]![1]).toEqual({ ...value, view: new Uint8Array([1, 2, 3]) });
      });

      it('round-trips objects that look like an encoding of something else', async () => {
        const store = await fresh();
        const tricky = [
          { $bytes: 'AAEC' },
          { $obj: { $bytes: 'AAEC' } },
          { $bytes: 'AAEC', other: 1 },
          { type: 'Buffer', data: [1, 2] },
          { __proto__x: 1, 'a"b': '\\"$bytes"' },
          ['$bytes', { $obj: null }],
        ];
        await put(store, 'ns', 'k', tricky);
        expect(await get(store, 'ns', 'k')).toEqual(tricky);
      });

      it('does not alias values: mutating after put or after get leaves the store unchanged', async () => {
        const store = await fresh();
        const value = { list: [1, 2], nested: { n: 1 }, bytes: new Uint8Array([1, 2, 3]) };
        await store.transaction(async (tx) => {
          await tx.put('ns', 'k', value);
          value.list.push(99);
          value.bytes[0] = 99;
          expect(await tx.get('ns', 'k')).toEqual({ list: [1, 2], nested: { n: 1 }, bytes: new Uint8Array([1, 2, 3]) });
        });
        value.nested.n = 99;
        const expected = { list: [1, 2], nested: { n: 1 }, bytes: new Uint8Array([1, 2, 3]) };
        expect(await get(store, 'ns', 'k')).toEqual(expected);

        const first = (await get(store, 'ns', 'k')) as typeof value;
        first.list.push(5);
        first.nested.n = 5;
        first.bytes[1] = 5;
        expect(await get(store, 'ns', 'k')).toEqual(expected);

        const listed = (await list(store, 'ns'))[0]![1] as typeof value;
        listed.bytes.fill(0);
        expect(await get(store, 'ns', 'k')).toEqual(expected);

        await store.transaction(async (tx) => {
          const mine = (await tx.get('ns', 'k')) as typeof value;
          mine.list.length = 0;
          expect(await tx.get('ns', 'k')).toEqual(expected);
        });
        expect(await get(store, 'ns', 'k')).toEqual(expected);
      });

      it('returns a fresh copy on every read', async () => {
        const store = await fresh();
        await put(store, 'ns', 'k', { a: [1] });
        const [x, y] = await store.transaction(async (tx) => [await tx.get('ns', 'k'), await tx.get('ns', 'k')]);
        expect(x).toEqual(y);
        expect(x).not.toBe(y);
      });
    });

    if (reopen) {
      describe('durability', () => {
        it('keeps committed state across close and reopen', async () => {
          let store = await fresh();
          const bytes = new Uint8Array([1, 2, 3, 250]);
          await put(store, 'ns', 'b', { bytes, text: 'x' });
          await put(store, 'ns', 'a', [1, { two: 2 }]);
          await put(store, 'ns', 'gone', 1);
          await put(store, 'other', 'k', null);
          await store.transaction((tx) => tx.delete('ns', 'gone'));
          await expect(
            store.transaction(async (tx) => {
              await tx.put('ns', 'rolled-back', 1);
              throw new Error('abort');
            }),
          ).rejects.toThrow('abort');

          store = await closeAndReopen(store);
          expect(await list(store, 'ns')).toEqual([
            ['a', [1, { two: 2 }]],
            ['b', { bytes, text: 'x' }],
          ]);
          expect(await get(store, 'other', 'k')).toBeNull();
          expect(await get(store, 'ns', 'gone')).toBeUndefined();

          // Writes after a reopen persist too.
          await put(store, 'ns', 'c', 'third');
          store = await closeAndReopen(store);
          expect((await list(store, 'ns')).map(([k]) => k)).toEqual(['a', 'b', 'c']);
        });

        it('persists every one of many concurrent transactions', async () => {
          let store = await fresh();
          await Promise.all(
            Array.from({ length: 300 }, (_, i) =>
              store.transaction(async (tx) => {
                const n = (await tx.get<number>('counter', 'n')) ?? 0;
                await tx.put('counter', 'n', n + 1);
                await tx.put('items', `i${String(i).padStart(3, '0')}`, { i, bytes: new Uint8Array([i & 0xff]) });
              }),
            ),
          );
          store = await closeAndReopen(store);
          expect(await get(store, 'counter', 'n')).toBe(300);
          const items = await list(store, 'items');
          expect(items).toHaveLength(300);
          expect(items[299]).toEqual(['i299', { i: 299, bytes: new Uint8Array([299 & 0xff]) }]);
        });
      });
    }
  });
}
