/**
 * Bounds on every transaction the PostgreSQL adapters run, so that one gateway that stops
 * mid-transaction (paused by SIGSTOP, stuck in a GC pause, cut off by the network) cannot hold row
 * locks the other gateways need for longer than a few seconds. All in milliseconds; 0 disables one.
 */
export interface PgTimeouts {
  /**
   * How long a statement may wait for a lock another session holds before it fails (SQLSTATE
   * 55P03, reported as a retryable `UNAVAILABLE`, so the client sends again). Default 2,000.
   */
  lockTimeoutMs: number;
  /** How long one statement of a transaction may run. Default 10,000. */
  statementTimeoutMs: number;
  /**
   * How long a transaction may sit idle between its statements before PostgreSQL ends its session
   * and releases its locks: the bound on how long a paused gateway blocks the others. Default 5,000.
   */
  idleInTransactionTimeoutMs: number;
}

/** The defaults of {@link PgTimeouts}. */
export const DEFAULT_PG_TIMEOUTS: Readonly<PgTimeouts> = Object.freeze({
  lockTimeoutMs: 2_000,
  statementTimeoutMs: 10_000,
  idleInTransactionTimeoutMs: 5_000,
});

/** Options of the PostgreSQL adapters that run transactions. */
export interface PostgresTimeoutOptions {
  /** Bounds on each transaction (see {@link PgTimeouts}); unset fields keep their defaults. */
  timeouts?: Partial<PgTimeouts>;
}

const ms = (value: number, what: string): number => {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${what} must be a whole number of ms >= 0`);
  return value;
};

/**
 * The statement that opens a bounded transaction: BEGIN and the three limits as SET LOCAL, sent as
 * one simple query (one round trip, as BEGIN alone), so they end with the transaction and never leak
 * into the pool's connections. With `genericPlans`, the transaction's prepared statements also run
 * their generic plan every time (see PgContextOptions). @internal
 */
export function beginStatement(timeouts: Partial<PgTimeouts> | undefined, genericPlans = false): string {
  const t = { ...DEFAULT_PG_TIMEOUTS, ...timeouts };
  return [
    'BEGIN',
    `SET LOCAL lock_timeout = ${ms(t.lockTimeoutMs, 'lockTimeoutMs')}`,
    `SET LOCAL statement_timeout = ${ms(t.statementTimeoutMs, 'statementTimeoutMs')}`,
    `SET LOCAL idle_in_transaction_session_timeout = ${ms(t.idleInTransactionTimeoutMs, 'idleInTransactionTimeoutMs')}`,
    ...(genericPlans ? ['SET LOCAL plan_cache_mode = force_generic_plan'] : []),
  ].join('; ');
}
