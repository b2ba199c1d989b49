// Migration step 12: the lookups of the one-statement enqueue and ack planned on indexes whatever
// the tables' statistics say. These functions run on generic plans (planned once per connection,
// kept until the table's statistics change), and a gateway plans them at its first batch: on a
// new schema, tables without statistics look empty, so each lookup was planned as a hash join over
// a sequential scan of the whole queue (dead rows included), and the smallest queued seq was read
// through queue_by_id (every entry of the device). Until autovacuum's first pass, the cost of every
// enqueue and ack grew with every message the schema had seen (pg-statement-cost.ts: 97 -> 317
// blocks per enqueue over 2,000 of them). Every lookup here starts from a parameter array of a
// batch's few keys, so a nested loop over an index is right for any table size.
// The step itself is `indexPlansStep` in postgres-forget-acked-sql.ts, beside the bodies it replaces.

/**
 * PL/pgSQL: the planner settings of the index lookups that follow (plpgsql plans each statement
 * at its first run with the settings of that moment, so the statements after this one keep these
 * plans). Transaction-local; the function is the whole transaction.
 */
export const INDEX_PLANS_ON = `
    PERFORM set_config('enable_seqscan', 'off', true), set_config('enable_hashjoin', 'off', true),
      set_config('enable_mergejoin', 'off', true);`;

/** PL/pgSQL declarations: the settings INDEX_PLANS_ON changes, as they were when the function started. */
export const INDEX_PLANS_DECLARATIONS = `
    g_plans text[] := ARRAY[current_setting('enable_seqscan'), current_setting('enable_hashjoin'),
      current_setting('enable_mergejoin')];`;

/**
 * PL/pgSQL: the settings back as they were (needs INDEX_PLANS_DECLARATIONS), for statements that
 * join parameter arrays to each other (a hash join of a 1,000-device batch, not a nested loop).
 */
export const INDEX_PLANS_OFF = `
    PERFORM set_config('enable_seqscan', g_plans[1], true), set_config('enable_hashjoin', g_plans[2], true),
      set_config('enable_mergejoin', g_plans[3], true);`;
