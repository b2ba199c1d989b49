import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryResult, QueryResultRow } from 'pg';
import { DEFAULT_PG_SCHEMA, ensureMigrated, quoteSchema } from './migrations.js';
import { type ArrayElement, arrayParams, withBinaryArrays } from './pg-binary-arrays.js';
import { fromPgError, isPgRetryable } from './pg-errors.js';
import { beginStatement, type PgTimeouts } from './pg-timeouts.js';

/** A statement prepared once per connection, under a name derived from its text. */
export interface Statement {
  readonly name: string;
  readonly text: string;
  /** Per parameter, the element type of its array cast: those arrays go in binary format (pg-binary-arrays.ts). */
  readonly arrays?: ReadonlyArray<ArrayElement | undefined>;
}

/** Names a statement by a hash of its text (which includes the schema), so two schemas never clash. */
export function statement(text: string): Statement {
  return {
    name: `parley_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`,
    text,
    arrays: arrayParams(text),
  };
}

/** Runs statements on one connection inside a transaction. */
export interface Tx {
  run<R extends QueryResultRow>(stmt: Statement, values: unknown[]): Promise<QueryResult<R>>;
}

/** What every PostgreSQL adapter works with: the caller's pool and its own schema. */
export interface PgContext extends Tx {
  /** The schema, quoted for SQL. */
  readonly s: string;
  /** Runs `fn` in a transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
}

/** How a {@link PgContext} runs its transactions. */
export interface PgContextOptions {
  /**
   * Plan each prepared statement of a transaction once per connection (plan_cache_mode =
   * force_generic_plan, set with the transaction's limits: no extra round trip). For hot
   * statements whose plan does not depend on their values: left to choose, PostgreSQL plans a
   * statement with a parameter-dependent branch (such as `$5 IS NOT NULL`) anew at every run.
   */
  genericPlans?: boolean;
}

/** Attempts of a statement or transaction that lost a race (deadlock, serialization failure). */
const ATTEMPTS = 4;

/**
 * The adapters' access to the pool: migrates the schema before the first query, runs one
 * statement or one transaction again when it lost a race, bounds every transaction by `timeouts`
 * (a paused holder of a lock is cut off, a waiter gives up), and turns connection failures and
 * those bounds into ParleyError('UNAVAILABLE'). @internal
 */
export function pgContext(
  pool: Pool,
  schema: string | undefined,
  timeouts?: Partial<PgTimeouts>,
  options: PgContextOptions = {},
): PgContext {
  const s = quoteSchema(schema);
  const begin = beginStatement(timeouts, options.genericPlans);
  const name = schema ?? DEFAULT_PG_SCHEMA;
  const exec = <R extends QueryResultRow>(on: Pool | PoolClient, stmt: Statement, values: unknown[]) =>
    on.query<R>({
      name: stmt.name,
      text: stmt.text,
      values: stmt.arrays === undefined ? values : withBinaryArrays(values, stmt.arrays),
    });

  return {
    s,
    async run<R extends QueryResultRow>(stmt: Statement, values: unknown[]): Promise<QueryResult<R>> {
      for (let attempt = 1; ; attempt++) {
        try {
          await ensureMigrated(pool, name);
          return await exec<R>(pool, stmt, values);
        } catch (error) {
          if (attempt < ATTEMPTS && isPgRetryable(error)) continue;
          throw fromPgError(error);
        }
      }
    },

    async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        let client: PoolClient | undefined;
        let broken = false;
        // A checked-out client reports a dropped connection as an 'error' event besides failing
        // the query; unheard, that event would crash the process.
        const onError = (): void => {
          broken = true;
        };
        try {
          await ensureMigrated(pool, name);
          client = await pool.connect();
          client.on('error', onError);
          const on = client;
          await on.query(begin);
          const result = await fn({ run: (stmt, values) => exec(on, stmt, values) });
          // A COMMIT that fails for a lost connection leaves the outcome unknown: the caller gets
          // UNAVAILABLE and retries, which the idempotent writes make safe.
          await on.query('COMMIT');
          return result;
        } catch (error) {
          if (client) {
            await client.query('ROLLBACK').catch(() => {
              broken = true; // a connection that cannot roll back must not go back to the pool
            });
          }
          if (attempt < ATTEMPTS && isPgRetryable(error)) continue;
          throw fromPgError(error);
        } finally {
          client?.off('error', onError);
          client?.release(broken);
        }
      }
    },
  };
}

/** Copies bytes the driver returned (a pooled Buffer view) into a plain Uint8Array of their own. */
export const bytes = (b: Uint8Array): Uint8Array => new Uint8Array(b);

/** A `bigint` column as the driver returns it (a string) or a count, as a number. */
export const num = (value: string | number): number => (typeof value === 'number' ? value : Number(value));
