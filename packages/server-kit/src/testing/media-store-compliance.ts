import { concatBytes, isParleyError } from '@parley/core';
import { describe, expect, it } from 'vitest';
import type { MediaStore } from '../contracts/media-store.js';
import { type ComplianceOptions, useFixture } from './fixture.js';

const DAY = 24 * 60 * 60 * 1000;
const idOf = (n: number) => n.toString(16).padStart(32, '0');

function bytes(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (i * 31 + seed) & 0xff;
  return out;
}

async function* from(chunks: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const c of chunks) yield c;
}

async function readAll(data: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const c of data) parts.push(new Uint8Array(c));
  return concatBytes(...parts);
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (e: unknown) => (isParleyError(e) ? e.code : String(e)),
  );
}

/** Runs the {@link MediaStore} guarantees against an implementation. */
export function mediaStoreCompliance(options: ComplianceOptions<MediaStore>): void {
  describe(`MediaStore compliance: ${options.name}`, () => {
    const fx = useFixture(options, {});

    it('stores streamed pieces and gives back the exact bytes, size and stored time', async () => {
      const s = fx.subject;
      const pieces = [bytes(10), new Uint8Array(0), bytes(70_000, 2), bytes(1, 3)];
      const info = await s.put(idOf(1), from(pieces), { maxBytes: 1_000_000 });
      expect(info).toEqual({ size: 70_011, storedAt: fx.time.now });
      const blob = await s.get(idOf(1));
      expect(blob).toMatchObject({ size: 70_011, storedAt: fx.time.now });
      const expected = await readAll(from(pieces));
      expect(Buffer.from(await readAll(blob?.data ?? from([]))).equals(Buffer.from(expected))).toBe(true);
      expect(await s.get(idOf(2))).toBeUndefined();
    });

    it('streams a multi-megabyte blob in and out', async () => {
      const s = fx.subject;
      const piece = bytes(64 * 1024, 9);
      const pieces = Array.from({ length: 80 }, () => piece);
      await s.put(idOf(3), from(pieces), { maxBytes: 80 * piece.length });
      const blob = await s.get(idOf(3));
      let size = 0;
      let pieceCount = 0;
      for await (const c of blob?.data ?? from([])) {
        size += c.length;
        pieceCount++;
      }
      expect(size).toBe(80 * piece.length);
      expect(pieceCount).toBeGreaterThan(1);
    });

    it('accepts exactly maxBytes; refuses one more with MEDIA_TOO_LARGE without reading on, storing nothing', async () => {
      const s = fx.subject;
      await s.put(idOf(4), from([bytes(100)]), { maxBytes: 100 });
      expect((await s.get(idOf(4)))?.size).toBe(100);
      let pulled = 0;
      async function* endless(): AsyncGenerator<Uint8Array> {
        for (;;) {
          pulled++;
          yield bytes(40);
        }
      }
      expect(await codeOf(s.put(idOf(5), endless(), { maxBytes: 100 }))).toBe('MEDIA_TOO_LARGE');
      expect(pulled).toBeLessThanOrEqual(4);
      expect(await s.get(idOf(5))).toBeUndefined();
      // Nothing left behind: the same id can be stored afterwards.
      await s.put(idOf(5), from([bytes(5)]), { maxBytes: 100 });
      expect((await s.get(idOf(5)))?.size).toBe(5);
    });

    it('stores nothing when the source fails mid-way', async () => {
      const s = fx.subject;
      async function* broken(): AsyncGenerator<Uint8Array> {
        yield bytes(1000);
        throw new Error('connection reset');
      }
      expect(await codeOf(s.put(idOf(6), broken(), { maxBytes: 10_000 }))).toBe('Error: connection reset');
      expect(await s.get(idOf(6))).toBeUndefined();
      await s.put(idOf(6), from([bytes(3)]), { maxBytes: 10 });
      expect((await s.get(idOf(6)))?.size).toBe(3);
    });

    it('never overwrites: a second put to an id is CONFLICT and the first blob stays', async () => {
      const s = fx.subject;
      await s.put(idOf(7), from([bytes(10, 1)]), { maxBytes: 100 });
      expect(await codeOf(s.put(idOf(7), from([bytes(20, 2)]), { maxBytes: 100 }))).toBe('CONFLICT');
      const blob = await s.get(idOf(7));
      expect(Buffer.from(await readAll(blob?.data ?? from([]))).equals(Buffer.from(bytes(10, 1)))).toBe(true);
    });

    it('deletes a blob once', async () => {
      const s = fx.subject;
      await s.put(idOf(8), from([bytes(10)]), { maxBytes: 100 });
      expect(await s.delete(idOf(8))).toBe(true);
      expect(await s.delete(idOf(8))).toBe(false);
      expect(await s.get(idOf(8))).toBeUndefined();
    });

    it('purges blobs stored before the cutoff and keeps the rest', async () => {
      const s = fx.subject;
      const start = fx.time.now;
      await s.put(idOf(9), from([bytes(10)]), { maxBytes: 100 });
      fx.time.advance(10 * DAY);
      await s.put(idOf(10), from([bytes(10)]), { maxBytes: 100 });
      expect(await s.purgeStoredBefore(start + 5 * DAY)).toBe(1);
      expect(await s.get(idOf(9))).toBeUndefined();
      expect((await s.get(idOf(10)))?.storedAt).toBe(start + 10 * DAY);
      expect(await s.purgeStoredBefore(start + 10 * DAY)).toBe(0);
      expect(await s.purgeStoredBefore(start + 10 * DAY + 1)).toBe(1);
    });

    it('stores concurrent puts of distinct ids independently', async () => {
      const s = fx.subject;
      await Promise.all(
        Array.from({ length: 8 }, (_, i) => s.put(idOf(100 + i), from([bytes(1000 + i, i)]), { maxBytes: 10_000 })),
      );
      for (let i = 0; i < 8; i++) expect((await s.get(idOf(100 + i)))?.size).toBe(1000 + i);
    });

    it('refuses malformed ids with INVALID_ARGUMENT', async () => {
      const s = fx.subject;
      for (const bad of ['', '../../etc/passwd', 'A'.repeat(32), idOf(1).slice(1), `${idOf(1)}0`]) {
        expect(await codeOf(s.put(bad, from([bytes(1)]), { maxBytes: 10 }))).toBe('INVALID_ARGUMENT');
        expect(await codeOf(s.get(bad))).toBe('INVALID_ARGUMENT');
        expect(await codeOf(s.delete(bad))).toBe('INVALID_ARGUMENT');
      }
    });
  });
}
