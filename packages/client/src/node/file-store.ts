import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import { ParleyError } from '@parley/core';
import { type Logger, silentLogger, warnOnFailure } from '../logger.js';
import type { ClientStore } from '../stores/client-store.js';
import { StoreEngine, type StoreWrite } from '../stores/memory-store.js';
import { type PayloadCodec, plainPayloads, sealedPayloads } from './at-rest-cipher.js';
import { acquireLock, type DirLock } from './dir-lock.js';
import { frame, readFrames } from './frames.js';
import { makePrivateDir, PRIVATE_FILE_MODE, restrictFiles } from './private-files.js';
import { decodeValue, encodeValue } from './value-codec.js';

/** Options of {@link fileClientStore}. */
export interface FileClientStoreOptions {
  /** Directory that holds the store (created if missing). One process may open it at a time. */
  dir: string;
  /**
   * Compact once the log has grown past this many bytes, or past the size of the last snapshot if
   * that is larger (so compaction costs stay proportional to the writes). Default 8 MiB.
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
const SNAPSHOT = 'store.snapshot';
const SNAPSHOT_TMP = 'store.snapshot.tmp';
const LOCK = 'LOCK';
const SNAPSHOT_CHUNK = 1 << 20;

/**
 * A durable {@link ClientStore} in a directory, for Node (Electron, CLIs, servers acting as clients).
 *
 * The state lives in memory. Each committed transaction appends one checksummed record holding all
 * its writes to `store.log` and is fsync'ed before it resolves; transactions committed while a
 * write is in flight share the next fsync (group commit). A record torn by a crash fails its
 * checksum and is dropped on load, so the store always reopens as a prefix of the committed
 * transactions. The log is compacted into `store.snapshot` (written to a temp file, fsync'ed,
 * renamed) at open and whenever it grows large. Records and snapshots carry a sequence number, so
 * a crash between installing a snapshot and truncating the log cannot replay old records.
 *
 * A `LOCK` file keeps a second process (or a second store in this process) out: opening a locked
 * directory rejects with `STORE_FAILED`, as does a corrupt snapshot. If a disk write fails, every
 * later transaction rejects with `STORE_FAILED`; reopen the store to recover.
 * Values are serialized as described in `value-codec.ts` (JSON, Uint8Array as tagged base64).
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
  const store = new FileStore(dir, lock, options.compactBytes ?? 8 * 1024 * 1024, logger, codec);
  try {
    await store.open();
  } catch (e) {
    await store.close().catch(warnOnFailure(logger, 'closing a file store that failed to open failed', { dir }));
    throw ParleyError.from(e, 'STORE_FAILED');
  }
  return { transaction: (fn) => store.engine.transaction(fn), close: () => store.close() };
}

interface QueuedRecord {
  seq: number;
  bytes: Buffer;
  resolve: () => void;
  reject: (error: unknown) => void;
}

class FileStore {
  readonly engine = new StoreEngine<string>({
    encode: encodeValue,
    decode: decodeValue,
    persist: (writes) => this.persist(writes),
  });
  private log: FileHandle | undefined;
  /** Sequence number of the last transaction applied in memory. */
  private seq = 0;
  /** Sequence number contained in the installed snapshot; log records up to it are redundant. */
  private snapshotSeq = 0;
  private logBytes = 0;
  private compactAt: number;
  private queue: QueuedRecord[] = [];
  private draining = false;
  private drained: Promise<void> = Promise.resolve();
  private broken: ParleyError | undefined;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly dir: string,
    private readonly lock: DirLock,
    private readonly compactBytes: number,
    private readonly logger: Logger,
    private readonly codec: PayloadCodec,
  ) {
    this.compactAt = compactBytes;
  }

  async open(): Promise<void> {
    await fs.rm(this.file(SNAPSHOT_TMP), { force: true });
    await this.loadSnapshot();
    const logData = await readIfExists(this.file(LOG));
    const validEnd = this.replayLog(logData ?? Buffer.alloc(0));
    this.log = await fs.open(this.file(LOG), 'a', PRIVATE_FILE_MODE);
    if (logData === undefined) await syncDir(this.dir);
    if (logData && validEnd < logData.length) {
      // Drop a torn tail before anything is appended after it.
      await this.log.truncate(validEnd);
      await this.log.datasync();
    }
    this.logBytes = validEnd;
    if (validEnd > 0) await this.compact();
  }

  async close(): Promise<void> {
    this.closing ??= (async () => {
      try {
        await this.engine.close();
        while (this.draining) await this.drained;
        await this.log?.close();
      } finally {
        await this.lock.release();
      }
    })();
    return this.closing;
  }

  private persist(writes: ReadonlyArray<StoreWrite<string>>): Promise<void> {
    if (this.broken) return Promise.reject(this.broken);
    const seq = ++this.seq;
    const body = writes.map(([ns, key, value]) =>
      value === undefined
        ? `[${JSON.stringify(ns)},${JSON.stringify(key)}]`
        : `[${JSON.stringify(ns)},${JSON.stringify(key)},${value}]`,
    );
    const bytes = frame(`{"s":${seq},"w":[${body.join(',')}]}`, this.codec);
    return new Promise((resolve, reject) => {
      this.queue.push({ seq, bytes, resolve, reject });
      if (!this.draining) this.drained = this.drain();
    });
  }

  /** Writes queued records in batches, one fsync per batch, until the queue is empty. */
  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0 && !this.broken) {
        const batch = this.queue.splice(0);
        // Records already covered by a snapshot taken after they were queued need no log write.
        const live = batch.filter((r) => r.seq > this.snapshotSeq).map((r) => r.bytes);
        try {
          if (live.length > 0) {
            const bytes = live.length === 1 ? live[0]! : Buffer.concat(live);
            await writeAll(this.log!, bytes);
            await this.log!.datasync();
            this.logBytes += bytes.length;
          }
        } catch (e) {
          // The log may now end in a partial record and memory holds writes that are not on disk:
          // refuse further work; reopening reloads a consistent prefix.
          this.broken = new ParleyError('STORE_FAILED', 'client store log write failed', { cause: e });
          this.engine.fail(this.broken);
          for (const r of [...batch, ...this.queue.splice(0)]) r.reject(this.broken);
          return;
        }
        for (const r of batch) r.resolve();
        if (this.logBytes >= this.compactAt) await this.compactInBackground();
      }
    } finally {
      this.draining = false;
    }
  }

  private async compactInBackground(): Promise<void> {
    try {
      await this.compact();
    } catch (error) {
      // The log is still complete, so nothing is lost; try again after as many bytes more.
      this.logger.warn('compacting the file store failed; retried later', { dir: this.dir, error });
      this.compactAt = this.logBytes + this.compactBytes;
      await fs
        .rm(this.file(SNAPSHOT_TMP), { force: true })
        .catch(warnOnFailure(this.logger, 'removing a half-written snapshot failed', { dir: this.dir }));
    }
  }

  /** Writes the whole state as a snapshot, installs it atomically, then empties the log. */
  private async compact(): Promise<void> {
    // Captured synchronously, so the snapshot is exactly the state after transaction `seq`.
    const seq = this.seq;
    const chunks: Buffer[] = [];
    let entries: string[] = [];
    let chunkChars = 0;
    let count = 0;
    for (const [ns, key, value] of this.engine.entries()) {
      const entry = `[${JSON.stringify(ns)},${JSON.stringify(key)},${value}]`;
      entries.push(entry);
      chunkChars += entry.length;
      count++;
      if (chunkChars >= SNAPSHOT_CHUNK) {
        chunks.push(frame(`{"e":[${entries.join(',')}]}`, this.codec));
        entries = [];
        chunkChars = 0;
      }
    }
    if (entries.length > 0) chunks.push(frame(`{"e":[${entries.join(',')}]}`, this.codec));
    chunks.push(frame(`{"end":{"v":1,"seq":${seq},"count":${count}}}`, this.codec));

    const tmp = await fs.open(this.file(SNAPSHOT_TMP), 'w', PRIVATE_FILE_MODE);
    let size = 0;
    try {
      for (const chunk of chunks) {
        await writeAll(tmp, chunk);
        size += chunk.length;
      }
      await tmp.sync();
    } finally {
      await tmp.close();
    }
    await fs.rename(this.file(SNAPSHOT_TMP), this.file(SNAPSHOT));
    await syncDir(this.dir);
    this.snapshotSeq = seq;
    await this.log!.truncate(0);
    await this.log!.datasync();
    this.logBytes = 0;
    this.compactAt = Math.max(this.compactBytes, size);
  }

  private async loadSnapshot(): Promise<void> {
    const data = await readIfExists(this.file(SNAPSHOT));
    if (data === undefined) return;
    // A snapshot is fsync'ed before it is renamed into place, so unlike the log it is never torn:
    // damage means the disk lost data, and opening with part of the state would hide that.
    const corrupt = () => new ParleyError('STORE_FAILED', `client store snapshot ${this.file(SNAPSHOT)} is corrupt`);
    const { payloads, end } = readFrames(data, this.codec);
    if (end !== data.length || payloads.length === 0) throw corrupt();
    let count = 0;
    for (const [i, payload] of payloads.entries()) {
      const parsed = JSON.parse(payload) as {
        e?: Array<[string, string, unknown]>;
        end?: { v: number; seq: number; count: number };
      };
      if (parsed.e && i < payloads.length - 1) {
        for (const [ns, key, value] of parsed.e) this.engine.load(ns, key, JSON.stringify(value));
        count += parsed.e.length;
      } else if (parsed.end?.v === 1 && i === payloads.length - 1 && parsed.end.count === count) {
        this.seq = this.snapshotSeq = parsed.end.seq;
      } else {
        throw corrupt();
      }
    }
  }

  /** Applies the log records that follow the snapshot; returns where the valid records end. */
  private replayLog(data: Buffer): number {
    const { payloads, ends } = readFrames(data, this.codec);
    let validEnd = 0;
    for (const [i, payload] of payloads.entries()) {
      let record: { s: number; w: Array<[string, string, unknown?]> };
      try {
        record = JSON.parse(payload);
      } catch {
        break;
      }
      if (record.s > this.seq + 1) break; // a gap: nothing after it can be trusted
      if (record.s === this.seq + 1) {
        for (const [ns, key, ...value] of record.w) {
          this.engine.load(ns, key, value.length === 0 ? undefined : JSON.stringify(value[0]));
        }
        this.seq = record.s;
      }
      validEnd = ends[i]!;
    }
    return validEnd;
  }

  private file(name: string): string {
    return path.join(this.dir, name);
  }
}

async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

async function writeAll(handle: FileHandle, bytes: Buffer): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    offset += bytesWritten;
  }
}

/** Makes a rename or file creation in `dir` durable (POSIX needs an fsync of the directory). */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return; // directories cannot be opened for fsync there
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
