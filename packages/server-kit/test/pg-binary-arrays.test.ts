import { usePostgres } from '@parley/test-utils/postgres-fixture';
import { servicesAvailable } from '@parley/test-utils/services';
import { describe, expect, it } from 'vitest';
import { arrayParams, binaryArray, withBinaryArrays } from '../src/postgres/pg-binary-arrays.js';
import { pgContext, statement } from '../src/postgres/pg-db.js';
import { arrayValue } from './helpers/binary-array-values.js';

const available = await servicesAvailable('postgres');

describe('arrayParams', () => {
  it('types a parameter only when every occurrence has the same known array cast', () => {
    expect(arrayParams('SELECT $1::text[], $2::bigint[], $3::bytea[], $4::int[], $5::boolean[], $6::text')).toEqual([
      'text',
      'bigint',
      'bytea',
      'int',
      'boolean',
      undefined,
    ]);
    expect(arrayParams('SELECT $1::bigint[] IS NULL OR d = ANY($1::bigint[])')).toEqual(['bigint']);
    expect(arrayParams('SELECT $1::text[], $1')).toEqual([undefined]);
    expect(arrayParams('SELECT $1::text[], $1::bigint[]')).toEqual([undefined]);
    expect(arrayParams('SELECT $1::uuid[]')).toEqual([undefined]);
    // $10 is not $1 followed by a 0.
    expect(arrayParams('SELECT $10::text[], $1::int[]')[0]).toBe('int');
  });
});

describe('binaryArray', () => {
  it('lays out array_recv: dimensions, null flag, element oid, length, lower bound, then each element', () => {
    expect([...(binaryArray('int', [7, null]) as Buffer)]).toEqual([
      ...[0, 0, 0, 1],
      ...[0, 0, 0, 1],
      ...[0, 0, 0, 23],
      ...[0, 0, 0, 2],
      ...[0, 0, 0, 1],
      ...[0, 0, 0, 4, 0, 0, 0, 7],
      ...[255, 255, 255, 255],
    ]);
    expect([...(binaryArray('bytea', []) as Buffer)]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 17]);
  });

  it('turns down an element not of the type, so the value goes as the driver sends it', () => {
    expect(binaryArray('text', ['a', 1])).toBeUndefined();
    expect(binaryArray('bigint', [1.5])).toBeUndefined();
    expect(binaryArray('bigint', [2 ** 53])).toBeUndefined();
    expect(binaryArray('bigint', ['12'])).toBeUndefined();
    expect(binaryArray('int', [2 ** 31])).toBeUndefined();
    expect(binaryArray('bytea', ['ab'])).toBeUndefined();
    expect(binaryArray('boolean', [1])).toBeUndefined();
    expect(binaryArray('text', [['nested']])).toBeUndefined();
  });

  it('leaves values without a typed array as they are, and copies before replacing one', () => {
    const values = [['a'], 'b', [1]];
    const out = withBinaryArrays(values, ['text', 'text', undefined]);
    expect(out[0]).toBeInstanceOf(Buffer);
    expect(out.slice(1)).toEqual(['b', [1]]);
    expect(values[0]).toEqual(['a']);
    const untouched = [['a', 2]];
    expect(withBinaryArrays(untouched, ['text'])).toBe(untouched);
  });
});

describe.skipIf(!available)('binary array parameters on PostgreSQL', () => {
  const db = usePostgres();

  it('arrive as the same values the text literal carried, nulls, edge integers and odd text included', async () => {
    const ctx = pgContext(db.pool, db.schema);
    const texts = ['', 'a,b', '"quoted"', 'back\\slash', '{braces}', 'NULL', 'ünïcødé ✓', null];
    const bigints = [0, -1, 1, 2 ** 32, -(2 ** 32) - 1, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, null];
    const ints = [0, -1, 2 ** 31 - 1, -(2 ** 31), null];
    const bytes = [new Uint8Array([0, 1, 255]), new Uint8Array(0), null, new Uint8Array(3000).fill(7)];
    const bools = [true, false, null];
    const stmt = statement(
      'SELECT $1::text[] AS t, $2::bigint[]::text[] AS b, $3::int[] AS i, $4::bytea[] AS y, $5::boolean[] AS z, ' +
        'cardinality($6::text[]) AS e',
    );
    expect(stmt.arrays).toEqual(['text', 'bigint', 'int', 'bytea', 'boolean', 'text']);
    const { rows } = await ctx.run<{ t: unknown; b: unknown; i: unknown; y: unknown; z: unknown; e: unknown }>(stmt, [
      texts,
      bigints,
      ints,
      bytes,
      bools,
      [],
    ]);
    const row = rows[0];
    expect(row?.t).toEqual(texts);
    expect(row?.b).toEqual(bigints.map((n) => (n === null ? null : String(n))));
    expect(row?.i).toEqual(ints);
    expect(((row?.y ?? []) as Array<Uint8Array | null>).map((b) => (b === null ? null : [...b]))).toEqual(
      bytes.map((b) => (b === null ? null : [...b])),
    );
    expect(row?.z).toEqual(bools);
    expect(row?.e).toBe(0);
  });

  it("the batch statements' arrays go as binary parameters, half the bytes of hex for a payload", async () => {
    const pool = db.newPool();
    const sent: unknown[][] = [];
    pool.on('connect', (client) => {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
        const values = (args[0] as { values?: unknown[] } | undefined)?.values;
        if (values) sent.push(values);
        return query(...args);
      };
    });
    const ctx = pgContext(pool, db.schema);
    const payload = new Uint8Array(100).fill(9);
    await ctx.run(statement('SELECT cardinality($1::bytea[]) AS n, $2::text AS s'), [[payload], 'x']);
    const [data, text] = sent[0] ?? [];
    expect(data).toBeInstanceOf(Buffer);
    expect((data as Buffer).length).toBe(20 + 4 + 100);
    expect(arrayValue(data)).toEqual([payload]);
    expect(text).toBe('x');
  });

  it('a value the encoder turns down still goes, as a text literal', async () => {
    const ctx = pgContext(db.pool, db.schema);
    const { rows } = await ctx.run<{ b: unknown }>(statement('SELECT $1::bigint[]::text[] AS b'), [['12', 3]]);
    expect(rows[0]?.b).toEqual(['12', '3']);
  });
});
