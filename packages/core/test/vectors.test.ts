import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromHex, pb, toHex } from '../src/index.js';

interface Vector {
  name: string;
  type: string;
  json: Record<string, unknown>;
  hex: string;
}

const file = join(import.meta.dirname, '../../../proto/parley/v1/vectors.json');
const { vectors } = JSON.parse(readFileSync(file, 'utf8')) as { vectors: Vector[] };

type Codec = {
  fromObject(o: unknown): unknown;
  encode(m: unknown): { finish(): Uint8Array };
  decode(b: Uint8Array): unknown;
  toObject(m: unknown, o: unknown): unknown;
};

describe('golden wire vectors', () => {
  it('cover the core frames', () => {
    expect(vectors.map((v) => v.name)).toEqual(
      expect.arrayContaining([
        'hello',
        'challenge',
        'auth',
        'welcome',
        'send',
        'send_ack',
        'deliver',
        'deliver_ack',
        'sync_complete',
      ]),
    );
  });

  for (const v of vectors) {
    const T = (pb as unknown as Record<string, Codec>)[v.type.replace('parley.v1.', '')] as Codec;
    it(`${v.name} encodes to the golden bytes`, () => {
      expect(toHex(T.encode(T.fromObject(v.json)).finish())).toBe(v.hex);
    });
    it(`${v.name} decodes from the golden bytes`, () => {
      const decoded = T.toObject(T.decode(fromHex(v.hex)), { enums: String, bytes: String, longs: Number });
      expect(decoded).toEqual(v.json);
    });
  }
});
