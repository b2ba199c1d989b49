import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import { ParleyError } from '@parley/core';
import { type Logger, silentLogger, warnOnFailure } from '../logger.js';
import { BackedEngine, type BackedWrite } from '../stores/backed-engine.js';
import type { ClientStore } from '../stores/client-store.js';
import { type PayloadCodec, plainPayloads, sealedPayloads } from './at-rest-cipher.js';
import { acquireLock, type DirLock } from './dir-lock.js';
import { frame } from './frames.js';
import { BlockCache } from './lsm/block-cache.js';
import { type Cell, compareEntries, entryText, TOMBSTONE } from './lsm/cell.js';
import { readIfExists, syncDir, writeAll } from './lsm/disk.js';
import { InFlight } from './lsm/in-flight.js';
import { LEGACY_SNAPSHOT, readLegacySnapshot } from './lsm/legacy-snapshot.js';
import { replayLog } from './lsm/log-replay.js';
import { isSegmentFile, readManifest, segmentName, writeManifest } from './lsm/manifest.js';
import { Memtable } from './lsm/memtable.js';
import { pickMerge } from './lsm/merge-policy.js';
import { mergeNewestFirst } from './lsm/merge-sources.js';
import { type ReadView, viewGet, viewList } from './lsm/read-view.js';
import { type BlockEntries, Segment, SegmentWriter } from './lsm/segment.js';
import { makePrivateDir, PRIVATE_FILE_MODE, restrictFiles } from './private-files.js';
import { encodeValue } from './value-codec.js';

/** Options of {@link fileClientStore}. */
export interface FileClientStoreOptions {
  /** Directory that holds the store (created if missing). One process may open it at a time. */
  dir: string;
  /**
   * Write the logged transactions out as a sorted segment once the log has grown past this many
   * bytes. It bounds both the memory the recent writes take and the log replayed at open.
   * Default 4 MiB.
   */
  compactBytes?: number;
  /** Where clean-up failures the store recovers from are reported. Default: silent. */
  logger?: Logger;
  /**
   * Encrypts the store at rest with AES-256-GCM under this 32-byte key, which the app keeps
   * elsewhere (e.g. the OS keychain via keytar or Electron's safeStorage). The same key must be
   * given on every open: a wrong one rejects with `DECRYPTION_FAILED` and leaves the files as they
   * are; a store written without a key cannot be opened with one (and vice versa, `STORE_FAILED`).
   */
  encryptionKey?: Uint8Array;
}

const LOG = 'store.log';
const LOCK = 'LOCK';
/** Decoded 16 KiB blocks kept for repeated reads (a few MB at most). */
const CACHED_BLOCKS = 128;

/**
 * A durable {@link ClientStore} in a directory, for Node (Electron, CLIs, servers acting as clients),
 * that opens in the same time with 100,000 messages as with none and whose memory does not grow
 * with history: a log-structured merge design.
 *
 * Each committed transaction appends one checksummed record holding all its writes to `store.log`
 * and is fsync'ed before it resolves; transactions committed while a write is in flight share the
 * next fsync (group commit). Logged writes are also kept in a sorted in-memory table. Once the log
 * passes `compactBytes`, that table is written out as an immutable sorted segment file (`seg-N.dat`,
 * blocks plus a block index, see `lsm/segment.ts`), the manifest (`store.manifest`) is replaced to
 * name it, and the log is emptied. In the background, segments of similar size are merged so there
 * are only logarithmically many; a merge into the oldest segment drops deleted keys for good.
 * Reads look in the table, then the segments newest first, loading only the blocks they need.
 * Opening reads the manifest, each segment's block index and the short log: a record torn by a
 * crash fails its checksum and is dropped, so the store always reopens as a prefix of the committed
 * transactions. Records carry a sequence number and the manifest the last one its segments
 * contain, so a crash between installing a manifest and emptying the log cannot replay old records.
 *
 * A `LOCK` file keeps a second process (or a second store in this process) out: opening a locked
 * directory rejects with `STORE_FAILED`, as does a corrupt segment or manifest. If a disk write
 * fails, every later transaction rejects with `STORE_FAILED`; reopen the store to recover.
 * Values are serialized as described in `value-codec.ts` (JSON, Uint8Array as tagged base64).
 * A store written by an older version (one whole-state `store.snapshot`) is converted at its first open.
 */
export async function fileClientStore(options: FileClientStoreOptions): Promise<ClientStore> {
  let dir = path.resolve(options.dir);
  const codec = options.encryptionKey ? sealedPayloads(options.encryptionKey) : plainPayloads;
  try {
    // Owner-only (0700 / 0600), fixed on every open: the store holds private keys and messages.
    await makePrivateDir(dir);
    await restrictFiles(dir);
    // The lock is tracked per path within this process: resolve symlinks so two paths to one
    // directory cannot both hold it.
    dir = await fs.realpath(dir);
  } catch (e) {
    throw new ParleyError('STORE_FAILED', `cannot create client store directory ${dir}`, { cause: e });
  }
  const lock = await acquireLock(path.join(dir, LOCK));
  const logger = options.logger ?? silentLogger;
  const store = new FileStore(dir, lock, options.compactBytes ?? 4 * 1024 * 1024, logger, codec);
  try {
    await store.open();
  } catch (e) {
    await store.close().catch(warnOnFailure(logger, 'closing a file store that failed to open failed', { dir }));
    throw ParleyError.from(e, 'STORE_FAILED');
  }
  return { transaction: (fn) => store.engine.transaction(fn), close: () => store.close() };
}

type LoggedWrite = readonly [ns: string, key: string, cell: string | typeof TOMBSTONE];

interface QueuedRecord {
  seq: number;
  bytes: Buffer;
  writes: LoggedWrite[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

class FileStore {
  readonly engine: BackedEngine;
  /** Writes logged since the last flush. */
  private memtable = new Memtable();
  /** Live segments, oldest first. */
  private segments: Segment[] = [];
  private readonly cache = new BlockCache<BlockEntries>(CACHED_BLOCKS);
  private log: FileHandle | undefined;
  /** Sequence number of the last committed transaction (its record may still be queued). */
  private seq = 0;
  /** Sequence number of the last record in the log and the memtable. */
  private appliedSeq = 0;
  /** Sequence number the manifest records: its segments contain every record up to it. */
  private coveredSeq = 0;
  /** Number of the next new segment file. */
  private nextFile = 1;
  private logBytes = 0;
  private flushAt: number;
  private queue: QueuedRecord[] = [];
  private draining = false;
  private drained: Promise<void> = Promise.resolve();
  private broken: ParleyError | undefined;
  private closing: Promise<void> | undefined;
  private stopping = false;
  private merging: Promise<void> | undefined;
  /** Reads in flight; a merge waits for them to finish before each step, so it does not slow them down. */
  private readonly reads = new InFlight();
  /** Manifest installs, one at a time (flushes and merges both install). */
  private installs: Promise<void> = Promise.resolve();

  constructor(
    private readonly dir: string,
    private readonly lock: DirLock,
    private readonly compactBytes: number,
    private readonly logger: Logger,
    private readonly codec: PayloadCodec,
  ) {
    this.flushAt = compactBytes;
    this.engine = new BackedEngine(
      {
        get: (ns, key) => this.read((view) => viewGet(view, ns, key)),
        list: (ns, range, count) => this.read((view) => viewList(view, ns, range, count)),
      },
      (writes) => this.persist(writes),
    );
  }

  async open(): Promise<void> {
    const manifest = await readManifest(this.dir, this.codec);
    let legacy = false;
    if (manifest) {
      this.seq = this.appliedSeq = this.coveredSeq = manifest.seq;
      this.nextFile = manifest.next;
      for (const name of manifest.segments) {
        this.segments.push(await Segment.open(this.file(name), name, this.codec, this.cache));
      }
    } else {
      const snapshot = await readIfExists(this.file(LEGACY_SNAPSHOT));
      if (snapshot) {
        // Read once into memory and written out as the first segment below.
        this.seq = this.appliedSeq = readLegacySnapshot(snapshot, this.codec, (ns, key, text) =>
          this.memtable.set(ns, key, text),
        );
        legacy = true;
      }
    }
    // Files of a flush or merge that crashed before its manifest was installed.
    const live = new Set(this.segments.map((s) => s.name));
    for (const name of await fs.readdir(this.dir)) {
      if ((isSegmentFile(name) && !live.has(name)) || (manifest && name === LEGACY_SNAPSHOT)) {
        await fs.rm(this.file(name), { force: true });
      }
    }
    const logData = await readIfExists(this.file(LOG));
    const replayed = replayLog(logData ?? Buffer.alloc(0), this.codec, this.seq, (ns, key, cell) =>
      this.memtable.set(ns, key, cell),
    );
    this.seq = this.appliedSeq = replayed.seq;
    const validEnd = replayed.end;
    this.log = await fs.open(this.file(LOG), 'a', PRIVATE_FILE_MODE);
    if (logData === undefined) await syncDir(this.dir);
    if (logData && validEnd < logData.length) {
      // Drop a torn tail before anything is appended after it.
      await this.log.truncate(validEnd);
      await this.log.datasync();
    }
    this.logBytes = validEnd;
    if (legacy) {
      await this.flush();
      await fs.rm(this.file(LEGACY_SNAPSHOT), { force: true });
    } else if (this.logBytes >= this.flushAt) {
      await this.flush();
    }
    this.scheduleMerge(); // one a close cut short
  }

  async close(): Promise<void> {
    this.closing ??= (async () => {
      try {
        this.stopping = true;
        await this.engine.close();
        while (this.draining) await this.drained;
        while (this.merging) await this.merging;
        await this.installs;
        await this.log?.close();
        for (const segment of this.segments) await segment.close();
      } finally {
        await this.lock.release();
      }
    })();
    return this.closing;
  }

  private persist(writes: ReadonlyArray<BackedWrite>): Promise<void> {
    if (this.broken) return Promise.reject(this.broken);
    const seq = ++this.seq;
    const logged: LoggedWrite[] = writes.map(([ns, key, value]) => [
      ns,
      key,
      value === undefined ? TOMBSTONE : encodeValue(value),
    ]);
    const bytes = frame(
      `{"s":${seq},"w":[${logged.map(([ns, key, cell]) => entryText(ns, key, cell)).join(',')}]}`,
      this.codec,
    );
    return new Promise((resolve, reject) => {
      this.queue.push({ seq, bytes, writes: logged, resolve, reject });
      if (!this.draining) this.drained = this.drain();
    });
  }

  /** Writes queued records in batches, one fsync per batch, until the queue is empty. */
  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0 && !this.broken) {
        const batch = this.queue.splice(0);
        try {
          const bytes = batch.length === 1 ? batch[0]!.bytes : Buffer.concat(batch.map((r) => r.bytes));
          await writeAll(this.log!, bytes);
          await this.log!.datasync();
          this.logBytes += bytes.length;
        } catch (e) {
          // The log may now end in a partial record and the engine holds writes that are not on
          // disk: refuse further work; reopening reloads a consistent prefix.
          this.broken = new ParleyError('STORE_FAILED', 'client store log write failed', { cause: e });
          this.engine.fail(this.broken);
          for (const r of [...batch, ...this.queue.splice(0)]) r.reject(this.broken);
          return;
        }
        // Readable from the memtable before the engine drops the writes from its overlay.
        for (const record of batch) {
          for (const [ns, key, cell] of record.writes) this.memtable.set(ns, key, cell);
          this.appliedSeq = record.seq;
        }
        for (const r of batch) r.resolve();
        if (this.logBytes >= this.flushAt) await this.flushInBackground();
      }
    } finally {
      this.draining = false;
    }
  }

  private async flushInBackground(): Promise<void> {
    try {
      await this.flush();
    } catch (error) {
      // The log is still complete, so nothing is lost; try again after as many bytes more.
      this.logger.warn('flushing the file store log failed; retried later', { dir: this.dir, error });
      this.flushAt = this.logBytes + this.compactBytes;
    }
  }

  /**
   * Writes the memtable out as a segment, installs a manifest naming it, then empties the log.
   * Runs inside `drain` (or at open), so no record is applied meanwhile.
   */
  private async flush(): Promise<void> {
    const memtable = this.memtable;
    const seq = this.appliedSeq;
    const older = this.segments;
    const segment = await this.writeSegment(async (writer) => {
      for (const [ns, key, cell] of memtable.entries()) {
        if (cell !== TOMBSTONE || (await liveIn(older, ns, key))) await writer.add(ns, key, cell);
      }
    });
    await this.installOrClose(segment, seq, (segments) => (segment ? [...segments, segment] : segments));
    this.memtable = new Memtable();
    await this.log!.truncate(0);
    await this.log!.datasync();
    this.logBytes = 0;
    this.flushAt = this.compactBytes;
    this.scheduleMerge();
  }

  /** Writes a new segment with `fill` and opens it; undefined when `fill` added nothing. */
  private async writeSegment(fill: (writer: SegmentWriter) => Promise<void>): Promise<Segment | undefined> {
    const name = segmentName(this.nextFile++);
    const writer = await SegmentWriter.create(this.file(name), this.codec);
    try {
      await fill(writer);
    } catch (e) {
      await writer.abort();
      throw e;
    }
    if (writer.entries === 0) {
      await writer.abort();
      return undefined;
    }
    // Once finished the file may be named by a manifest even if a later step fails, so it is
    // never removed here: open removes it if no manifest names it.
    await writer.finish();
    return Segment.open(this.file(name), name, this.codec, this.cache);
  }

  /** {@link install}, closing the new segment if that fails (its file stays until the next open sorts it out). */
  private async installOrClose(
    segment: Segment | undefined,
    seq: number | undefined,
    change: (segments: Segment[]) => Segment[],
  ): Promise<void> {
    try {
      await this.install(seq, change);
    } catch (error) {
      await segment?.close();
      throw error;
    }
  }

  /** Installs the segment list `change` makes of the current one: manifest first, then memory. */
  private install(seq: number | undefined, change: (segments: Segment[]) => Segment[]): Promise<void> {
    const run = this.installs.then(async () => {
      const segments = change(this.segments);
      const covered = seq ?? this.coveredSeq;
      await writeManifest(this.dir, this.codec, {
        seq: covered,
        next: this.nextFile,
        segments: segments.map((s) => s.name),
      });
      this.segments = segments;
      this.coveredSeq = covered;
    });
    // The next install waits for this one, whatever its outcome (the caller gets the failure from `run`).
    this.installs = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private scheduleMerge(): void {
    if (this.merging || this.stopping) return;
    const run = pickMerge(this.segments.map((s) => s.size));
    if (!run) return;
    const inputs = this.segments.slice(run.from, run.from + run.count);
    this.merging = this.merge(inputs).then(
      () => {
        this.merging = undefined;
        this.scheduleMerge();
      },
      (error: unknown) => {
        this.merging = undefined;
        if (!isAborted(error))
          this.logger.warn('merging file store segments failed; retried after the next flush', {
            dir: this.dir,
            error,
          });
      },
    );
  }

  /** Merges adjacent segments (oldest first) into one and installs it in their place. */
  private async merge(inputs: Segment[]): Promise<void> {
    for (const s of inputs) s.refs++;
    try {
      const older = this.segments.slice(0, this.segments.indexOf(inputs[0]!));
      const sources = inputs.map((s) => s.scan()).reverse();
      const byEntry = (a: [string, string, Cell], b: [string, string, Cell]) => compareEntries(a[0], a[1], b[0], b[1]);
      const merged = await this.writeSegment(async (writer) => {
        for await (const [ns, key, cell] of mergeNewestFirst(sources, byEntry)) {
          if (this.reads.busy) await this.reads.idle();
          if (this.stopping) throw ABORTED;
          if (cell !== TOMBSTONE || (await liveIn(older, ns, key))) await writer.add(ns, key, cell);
        }
      });
      await this.installOrClose(merged, undefined, (segments) => {
        const at = segments.indexOf(inputs[0]!);
        return [...segments.slice(0, at), ...(merged ? [merged] : []), ...segments.slice(at + inputs.length)];
      });
      for (const s of inputs) s.obsolete = true;
    } finally {
      for (const s of inputs) this.release(s);
    }
  }

  /** Runs a read over the current view, its segments pinned so a merge cannot delete them meanwhile. */
  private async read<T>(fn: (view: ReadView) => Promise<T>): Promise<T> {
    const view: ReadView = { memtable: this.memtable, segments: this.segments };
    for (const s of view.segments) s.refs++;
    this.reads.begin();
    try {
      return await fn(view);
    } finally {
      for (const s of view.segments) this.release(s);
      this.reads.end();
    }
  }

  private release(segment: Segment): void {
    segment.refs--;
    if (segment.refs > 0 || !segment.obsolete) return;
    segment
      .close()
      .then(() => fs.rm(this.file(segment.name), { force: true }))
      .catch(warnOnFailure(this.logger, 'removing a merged segment failed', { dir: this.dir, segment: segment.name }));
  }

  private file(name: string): string {
    return path.join(this.dir, name);
  }
}

/**
 * Whether `segments` (oldest first) hold a live value for the key. A deletion is written out only
 * then: one that hides nothing would otherwise stay in every range read that passes it (a chat
 * list re-keyed on every message leaves a deleted key per message) until a merge into the oldest segment.
 */
async function liveIn(segments: readonly Segment[], ns: string, key: string): Promise<boolean> {
  for (let i = segments.length - 1; i >= 0; i--) {
    const cell = await segments[i]!.get(ns, key);
    if (cell !== undefined) return cell !== TOMBSTONE;
  }
  return false;
}

const ABORTED = new Error('file store closing');
const isAborted = (error: unknown) => error === ABORTED;
