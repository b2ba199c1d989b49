import { ParleyError } from '@parley/core';
import type Database from 'better-sqlite3';
import type { ClientStore, ListOptions, StoreTx, StoreValue } from '../stores/client-store.js';
import { decodeValue, encodeValue } from './value-codec.js';

/** Options of {@link sqliteClientStore}. */
export interface SqliteClientStoreOptions {
  /**
   * An open better-sqlite3 database that only this store uses while it is open (its transactions
   * span awaits, so other statements on the connection would run inside them). The store creates
   * its table, turns on WAL and `synchronous = FULL` (each commit durable), and never closes `db`.
   */
  db: Database.Database;
  /** Table name. Default `parley_client_store`. */
  table?: string;
}

/**
 * A durable {@link ClientStore} in SQLite, for Node (Electron, CLIs, bots) with long histories:
 * nothing is loaded at open and each read is an index lookup or range scan, so opening takes the
 * same time with 100,000 messages as with none, and memory does not grow with history.
 *
 * Each `transaction` is one SQLite transaction (`BEGIN IMMEDIATE` … `COMMIT`, or `ROLLBACK` when
 * `fn` throws), run one at a time in call order. Keys are stored as UTF-16BE blobs, whose byte
 * order is UTF-16 code unit order, so `list` orders exactly as the other stores do; values are the
 * file store's JSON encoding (`value-codec.ts`). `better-sqlite3` is an optional peer dependency.
 */
export async function sqliteClientStore(options: SqliteClientStoreOptions): Promise<ClientStore> {
  const table = options.table ?? 'parley_client_store';
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(table))
    throw new ParleyError('INVALID_ARGUMENT', `bad table name ${table}`);
  const { db } = options;
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${table} (ns TEXT NOT NULL, key BLOB NOT NULL, value TEXT NOT NULL, PRIMARY KEY (ns, key)) WITHOUT ROWID`,
    );
  } catch (e) {
    throw new ParleyError('STORE_FAILED', 'cannot set up the SQLite client store', { cause: e });
  }
  return new SqliteStore(db, table);
}

type Bound = Buffer | null;

class SqliteStore implements ClientStore {
  private tail: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly get: Database.Statement<[string, Buffer], { value: string }>;
  private readonly put: Database.Statement<[string, Buffer, string]>;
  private readonly del: Database.Statement<[string, Buffer]>;
  private readonly lists = new Map<string, Database.Statement<unknown[], { key: Buffer; value: string }>>();

  constructor(
    private readonly db: Database.Database,
    private readonly table: string,
  ) {
    this.get = db.prepare(`SELECT value FROM ${table} WHERE ns = ? AND key = ?`);
    this.put = db.prepare(`INSERT OR REPLACE INTO ${table} (ns, key, value) VALUES (?, ?, ?)`);
    this.del = db.prepare(`DELETE FROM ${table} WHERE ns = ? AND key = ?`);
  }

  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new ParleyError('CLOSED', 'client store is closed'));
    const run = this.tail.then(() => this.runOne(fn));
    this.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.tail;
  }

  private async runOne<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } catch (e) {
      throw new ParleyError('STORE_FAILED', 'cannot begin a SQLite transaction', { cause: e });
    }
    let finished = false;
    const check = () => {
      if (finished) throw new ParleyError('CLOSED', 'transaction has already finished');
    };
    const tx: StoreTx = {
      get: async <V = StoreValue>(ns: string, key: string) => {
        check();
        const row = this.get.get(ns, keyBytes(key));
        return row === undefined ? undefined : (decodeValue(row.value) as V);
      },
      put: async (ns, key, value) => {
        check();
        this.put.run(ns, keyBytes(key), encodeValue(value));
      },
      delete: async (ns, key) => {
        check();
        this.del.run(ns, keyBytes(key));
      },
      list: async <V = StoreValue>(ns: string, options: ListOptions = {}) => {
        check();
        return this.list<V>(ns, options);
      },
    };
    let result: T;
    try {
      result = await fn(tx);
    } catch (error) {
      finished = true;
      this.db.exec('ROLLBACK');
      throw error;
    }
    finished = true;
    try {
      this.db.exec('COMMIT');
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw new ParleyError('STORE_FAILED', 'SQLite commit failed', { cause: e });
    }
    return result;
  }

  private list<V>(ns: string, options: ListOptions): Array<[string, V]> {
    const limit = options.limit ?? -1;
    if (options.limit !== undefined && !(options.limit >= 0)) {
      throw new ParleyError('INVALID_ARGUMENT', 'list limit must be a non-negative number');
    }
    for (const field of ['prefix', 'start', 'end'] as const) {
      const value = options[field];
      if (value !== undefined && typeof value !== 'string') {
        throw new ParleyError('INVALID_ARGUMENT', `list ${field} must be a string`);
      }
    }
    if (limit === 0) return [];
    const prefix = options.prefix ? keyBytes(options.prefix) : undefined;
    const start = options.start !== undefined ? keyBytes(options.start) : undefined;
    const lower = prefix && (!start || Buffer.compare(prefix, start) > 0) ? prefix : start;
    const prefixEnd = prefix ? bytesAfterPrefix(prefix) : undefined;
    const bounds: Bound[] = [
      lower ?? null,
      options.end !== undefined ? keyBytes(options.end) : null,
      prefixEnd ?? null,
    ];
    const rows = this.listStatement(bounds, options.reverse === true).all(
      ns,
      ...bounds.filter((b): b is Buffer => b !== null),
      Math.floor(limit === Number.POSITIVE_INFINITY ? -1 : limit),
    );
    return rows.map((row) => [keyString(row.key), decodeValue(row.value) as V]);
  }

  /** One prepared statement per shape of range (which bounds are present, and the order). */
  private listStatement(bounds: Bound[], reverse: boolean) {
    const shape = `${bounds.map((b) => (b ? '1' : '0')).join('')}${reverse ? 'r' : 'f'}`;
    let statement = this.lists.get(shape);
    if (!statement) {
      const where = ['ns = ?'];
      if (bounds[0]) where.push('key >= ?');
      if (bounds[1]) where.push('key < ?');
      if (bounds[2]) where.push('key < ?');
      statement = this.db.prepare(
        `SELECT key, value FROM ${this.table} WHERE ${where.join(' AND ')} ORDER BY key ${reverse ? 'DESC' : 'ASC'} LIMIT ?`,
      );
      this.lists.set(shape, statement);
    }
    return statement;
  }
}

/** A key as UTF-16BE bytes: their byte order is the UTF-16 code unit order the store contract promises. */
function keyBytes(key: string): Buffer {
  if (typeof key !== 'string') throw new ParleyError('INVALID_ARGUMENT', 'store keys must be strings');
  return Buffer.from(key, 'utf16le').swap16();
}

function keyString(bytes: Buffer): string {
  return Buffer.from(bytes).swap16().toString('utf16le');
}

/** The least byte string greater than every one that starts with `prefix`; undefined when none is (all 0xff). */
function bytesAfterPrefix(prefix: Buffer): Buffer | undefined {
  const out = Buffer.from(prefix);
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i]! < 0xff) {
      out[i] = out[i]! + 1;
      return out.subarray(0, i + 1);
    }
  }
  return undefined;
}
