import { ackCtes } from './postgres-ack-sql.js';

/**
 * `ack_batch`: the batched ack (postgres-acks.ts) on generic plans. Sent on its own (autocommit),
 * the statement was planned anew at every run: its `unnest` of parameter arrays makes each custom
 * plan look cheaper than the generic one, and planning cost PostgreSQL as much as running it or
 * more (pg-statement-cost.ts). A function can set `plan_cache_mode` for its own transaction.
 */
const ackBatchFunction = (s: string): string => `
  CREATE FUNCTION ${s}.ack_batch(p_ack_users text[], p_ack_devices bigint[], p_ack_ids text[], p_acked_at bigint)
  RETURNS TABLE (o_user text, o_device bigint, o_id text)
  LANGUAGE plpgsql AS $fn$
  BEGIN
    PERFORM set_config('plan_cache_mode', 'force_generic_plan', true);
    RETURN QUERY
      ${ackCtes(s, { users: 'p_ack_users', devices: 'p_ack_devices', ids: 'p_ack_ids', ackedAt: 'p_acked_at' })}
      SELECT d.user_id, d.device_id, d.id FROM d;
  END
  $fn$;
  `;

/**
 * Migration step 10 (with `ack_batch` above): `ack_enqueue_batch`, a plain enqueue batch (`enqueue_batch`, step 9) and the
 * acks that ride with it, as one statement: a device's ack of 1:1 messages and the DELIVERED
 * receipt it makes for their sender commit together, in one round trip and one commit instead of
 * two of each. Both or neither: a receipt is never queued for an entry still queued (which would
 * be delivered and acknowledged again, making the receipt again), and an entry never goes without
 * its receipt.
 *
 * The batch runs first (its row locks on `queue_devices`, then payload rows), then the acks
 * (queue rows, then payload rows in key order): counters before queue rows before payloads, as
 * the other statements take them. When the batch is not plain, `enqueue_batch` raises PY001, which
 * rolls back everything, acks included, and the caller runs the full path's transaction with the
 * acks in it. Returns the batch's rows (`o_id` NULL) and one row per entry the acks removed
 * (`o_before` NULL).
 */
export const ackEnqueueBatchFunction = (s: string): string => `
  ${ackBatchFunction(s)}
  CREATE FUNCTION ${s}.ack_enqueue_batch(
    p_ack_users text[], p_ack_devices bigint[], p_ack_ids text[], p_acked_at bigint,
    p_users text[], p_devices bigint[], p_ids text[], p_data bytea[], p_shared text[], p_senders text[],
    p_stored bigint[], p_expires bigint[],
    p_dev_users text[], p_dev_ids bigint[], p_dev_n bigint[], p_dev_limit bigint[],
    p_keys text[], p_payloads bytea[], p_refs int[], p_lock_timeout text)
  RETURNS TABLE (o_user text, o_device bigint, o_before bigint, o_id text)
  LANGUAGE plpgsql AS $fn$
  BEGIN
    RETURN QUERY SELECT e.o_user, e.o_device, e.o_before, NULL::text
      FROM ${s}.enqueue_batch(p_users, p_devices, p_ids, p_data, p_shared, p_senders, p_stored, p_expires,
        p_dev_users, p_dev_ids, p_dev_n, p_dev_limit, p_keys, p_payloads, p_refs, p_lock_timeout) e;
    RETURN QUERY
      ${ackCtes(s, { users: 'p_ack_users', devices: 'p_ack_devices', ids: 'p_ack_ids', ackedAt: 'p_acked_at' })}
      SELECT d.user_id, d.device_id, NULL::bigint, d.id FROM d;
  END
  $fn$;
  `;
