import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { ParleyError } from '@parley/core';
import { type CheckedRange, inRange, prefixUpperBound } from '../../stores/list-range.js';
import type { PayloadCodec } from '../at-rest-cipher.js';
import { frame, readFrames } from '../frames.js';
import { PRIVATE_FILE_MODE } from '../private-files.js';
import type { BlockCache } from './block-cache.js';
import { type Cell, compareEntries, entryText, ParsedCell, TOMBSTONE } from './cell.js';
import { readExactly, writeAll } from './disk.js';

/*
 * A segment file: an immutable sorted run of entries, written once (by a flush or a merge) and
 * fsync'ed before the manifest names it, so it is never torn; damage means the disk lost data.
 *
 *   [block frame]…[index frame][footer: "PSEG0001", u64 BE offset of the index frame]
 *
 * Frames are those of `frames.ts` (length, CRC-32, payload sealed when the store is encrypted).
 * A block's payload is a JSON array of entries, `[ns, key, value]` or `[ns, key]` for a deleted
 * key, sorted by namespace then key, about BLOCK_CHARS of text. The index frame's payload is
 * `{"v":1,"count":n,"blocks":[[ns, key, offset, length], …]}`, the first entry of every block, so
 * opening a segment reads only its index and a lookup reads one block.
 */

const MAGIC = Buffer.from('PSEG0001', 'latin1');
const FOOTER = 16;
/** Text per block: small enough that a lookup reads little, large enough that the index stays small. */
const BLOCK_CHARS = 16 * 1024;

type Entry = [ns: string, key: string, value?: unknown];
/** A block being read or read, as the block cache holds it. @internal */
export type BlockEntries = Promise<Entry[]>;
type BlockRef = readonly [ns: string, key: string, offset: number, length: number];

let nextSegmentId = 0;

/** Writes a new segment file from entries given in order. @internal */
export class SegmentWriter {
  private parts: string[] = [];
  private chars = 0;
  private offset = 0;
  private count = 0;
  private readonly blocks: BlockRef[] = [];
  private first: [string, string] | undefined;

  private constructor(
    readonly file: string,
    private readonly handle: FileHandle,
    private readonly codec: PayloadCodec,
  ) {}

  static async create(file: string, codec: PayloadCodec): Promise<SegmentWriter> {
    return new SegmentWriter(file, await fs.open(file, 'wx', PRIVATE_FILE_MODE), codec);
  }

  /** Appends one entry; entries must come sorted by namespace then key, each key once. */
  async add(ns: string, key: string, cell: Cell): Promise<void> {
    this.first ??= [ns, key];
    const text = entryText(ns, key, cell);
    this.parts.push(text);
    this.chars += text.length;
    this.count++;
    if (this.chars >= BLOCK_CHARS) await this.writeBlock();
  }

  get entries(): number {
    return this.count;
  }

  /** Writes the index and footer and fsyncs; returns the file size. */
  async finish(): Promise<number> {
    try {
      await this.writeBlock();
      const index = frame(`{"v":1,"count":${this.count},"blocks":${JSON.stringify(this.blocks)}}`, this.codec);
      const footer = Buffer.alloc(FOOTER);
      MAGIC.copy(footer, 0);
      footer.writeBigUInt64BE(BigInt(this.offset), 8);
      await writeAll(this.handle, Buffer.concat([index, footer]));
      await this.handle.sync();
      return this.offset + index.length + FOOTER;
    } finally {
      await this.handle.close();
    }
  }

  /** Gives up before `finish`: closes and removes the file. */
  async abort(): Promise<void> {
    try {
      await this.handle.close();
    } finally {
      await fs.rm(this.file, { force: true });
    }
  }

  private async writeBlock(): Promise<void> {
    if (this.parts.length === 0) return;
    const bytes = frame(`[${this.parts.join(',')}]`, this.codec);
    this.blocks.push([this.first![0], this.first![1], this.offset, bytes.length]);
    await writeAll(this.handle, bytes);
    this.offset += bytes.length;
    this.parts = [];
    this.chars = 0;
    this.first = undefined;
  }
}

/** An open segment file: point lookups and ordered range reads that load only the blocks they need. @internal */
export class Segment {
  /** Readers and merges using the segment; a segment replaced by a merge is deleted when this drops to 0. */
  refs = 0;
  obsolete = false;
  private readonly id = ++nextSegmentId;

  private constructor(
    readonly name: string,
    readonly size: number,
    readonly count: number,
    private readonly handle: FileHandle,
    private readonly blocks: readonly BlockRef[],
    private readonly codec: PayloadCodec,
    private readonly cache: BlockCache<BlockEntries>,
  ) {}

  static async open(
    file: string,
    name: string,
    codec: PayloadCodec,
    cache: BlockCache<BlockEntries>,
  ): Promise<Segment> {
    const handle = await fs.open(file, 'r');
    try {
      const corrupt = (why: string) =>
        new ParleyError('STORE_FAILED', `client store segment ${file} is corrupt: ${why}`);
      const { size } = await handle.stat();
      if (size < FOOTER) throw corrupt('too short');
      const footer = await readExactly(handle, size - FOOTER, FOOTER);
      if (!footer.subarray(0, 8).equals(MAGIC)) throw corrupt('no footer');
      const indexAt = Number(footer.readBigUInt64BE(8));
      if (indexAt > size - FOOTER) throw corrupt('bad index offset');
      const indexBytes = await readExactly(handle, indexAt, size - FOOTER - indexAt);
      const { payloads, end } = readFrames(indexBytes, codec);
      if (payloads.length !== 1 || end !== indexBytes.length) throw corrupt('bad index frame');
      const index = JSON.parse(payloads[0]!) as { v?: number; count?: number; blocks?: BlockRef[] };
      if (index.v !== 1 || !Array.isArray(index.blocks) || typeof index.count !== 'number') throw corrupt('bad index');
      return new Segment(name, size, index.count, handle, index.blocks, codec, cache);
    } catch (e) {
      await handle.close();
      throw e;
    }
  }

  async close(): Promise<void> {
    await this.handle.close();
  }

  /** The key's cell in this segment (TOMBSTONE if deleted here), or undefined if the segment does not have it. */
  async get(ns: string, key: string): Promise<Cell | undefined> {
    const b = this.lastBlockBefore((bns, bkey) => compareEntries(bns, bkey, ns, key) <= 0);
    if (b < 0) return undefined;
    const entries = await this.block(b, true);
    const j = lowerBoundEntry(entries, ns, key);
    const entry = entries[j];
    return entry && entry[0] === ns && entry[1] === key ? cellOf(entry) : undefined;
  }

  /** The cells of `range` in namespace `ns`, in listing order, tombstones included. */
  async *range(ns: string, range: CheckedRange): AsyncGenerator<[string, Cell]> {
    if (range.reverse) {
      yield* this.reverseRange(ns, range);
      return;
    }
    let b = Math.max(
      0,
      this.lastBlockBefore((bns, bkey) => compareEntries(bns, bkey, ns, range.start) <= 0),
    );
    for (let first = true; b < this.blocks.length; b++, first = false) {
      const entries = await this.block(b, true);
      for (let j = first ? lowerBoundEntry(entries, ns, range.start) : 0; j < entries.length; j++) {
        const entry = entries[j]!;
        if (entry[0] !== ns) return; // past the namespace (the search started at or after its start)
        if ((range.end !== undefined && entry[1] >= range.end) || !entry[1].startsWith(range.prefix)) return;
        yield [entry[1], cellOf(entry)];
      }
    }
  }

  /** Every entry in order, read past the cache (a merge reads each block once). */
  async *scan(): AsyncGenerator<[string, string, Cell]> {
    for (let b = 0; b < this.blocks.length; b++) {
      for (const entry of await this.block(b, false)) yield [entry[0], entry[1], cellOf(entry)];
    }
  }

  private async *reverseRange(ns: string, range: CheckedRange): AsyncGenerator<[string, Cell]> {
    // Entries before the upper limit: the least of `end` and the first key past the prefix.
    const prefixEnd = prefixUpperBound(range.prefix);
    const top = range.end !== undefined && (prefixEnd === undefined || range.end < prefixEnd) ? range.end : prefixEnd;
    const below = (ens: string, ekey: string) =>
      top === undefined ? ens <= ns : compareEntries(ens, ekey, ns, top) < 0;
    for (let b = this.lastBlockBefore(below), first = true; b >= 0; b--, first = false) {
      const entries = await this.block(b, true);
      let j = entries.length - 1;
      if (first) while (j >= 0 && !below(entries[j]![0], entries[j]![1])) j--;
      for (; j >= 0; j--) {
        const entry = entries[j]!;
        if (entry[0] !== ns || entry[1] < range.start) return;
        if (inRange(range, entry[1])) yield [entry[1], cellOf(entry)];
      }
    }
  }

  /** The last block whose first entry satisfies `before` (which holds for a prefix of the blocks), or -1. */
  private lastBlockBefore(before: (ns: string, key: string) => boolean): number {
    let lo = 0;
    let hi = this.blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const ref = this.blocks[mid]!;
      if (before(ref[0], ref[1])) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  private block(b: number, cached: boolean): Promise<Entry[]> {
    if (!cached) return this.readBlock(b);
    // The promise is cached, so concurrent lookups in one block (a history page) read it once.
    const id = `${this.id}/${b}`;
    const hit = this.cache.get(id);
    if (hit) return hit;
    const read = this.readBlock(b);
    this.cache.set(id, read);
    // A failed read is not cached (the caller gets its error from `read`).
    read.catch(() => this.cache.delete(id));
    return read;
  }

  private async readBlock(b: number): Promise<Entry[]> {
    const [, , offset, length] = this.blocks[b]!;
    const bytes = await readExactly(this.handle, offset, length);
    const { payloads, end } = readFrames(bytes, this.codec);
    if (payloads.length !== 1 || end !== length) {
      throw new ParleyError('STORE_FAILED', `client store segment ${this.name} is corrupt: bad block ${b}`);
    }
    return JSON.parse(payloads[0]!) as Entry[];
  }
}

function cellOf(entry: Entry): Cell {
  return entry.length === 2 ? TOMBSTONE : new ParsedCell(entry[2]);
}

/** First index whose entry is >= (ns, key). */
function lowerBoundEntry(entries: readonly Entry[], ns: string, key: string): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const e = entries[mid]!;
    if (compareEntries(e[0], e[1], ns, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
