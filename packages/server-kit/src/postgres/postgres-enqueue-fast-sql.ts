/**
 * Migration step 9: `enqueue_batch`, a plain enqueue batch (no id twice, none already queued or
 * acknowledged, no device near a limit) as one statement, so one round trip instead of the five
 * of a transaction (BEGIN, reserve, lookup, insert, COMMIT). Sent on its own (autocommit), it
 * is committed when its answer arrives, and it never leaves a transaction open between round trips.
 *
 * It runs the steps of `storeBatch` (postgres-enqueue.ts) in the same order: the ordered reserve
 * (its row locks order enqueues to a device, and they are held to the commit), then, as a new
 * statement with a new snapshot (PL/pgSQL takes one per statement under READ COMMITTED, so it sees
 * every enqueue that held a row lock before), the checks; then the payload upsert (only when the
 * batch has payloads: PostgreSQL readies that table for writing even for no rows) and one insert.
 * When a check fails it raises SQLSTATE PY001, which rolls the reserve back, and the caller runs
 * the full path (duplicates, expired ids, exact size counts, per-call QUEUE_FULL).
 *
 * The size check is a bound: a device's rows have distinct seqs from its smallest queued seq to the
 * last one handed out before this batch, so that span plus the batch's entries must stay within the
 * smallest device or per-sender limit of the batch's calls on the device (per-sender counts are at
 * most the device's count). Items arrive in call order; a device's items get its reserved seqs in
 * that order. Returns per device the last seq handed out before the batch.
 */
export const enqueueBatchFunction = (s: string): string => `
  CREATE FUNCTION ${s}.enqueue_batch(
    p_users text[], p_devices bigint[], p_ids text[], p_data bytea[], p_shared text[], p_senders text[],
    p_stored bigint[], p_expires bigint[],
    p_dev_users text[], p_dev_ids bigint[], p_dev_n bigint[], p_dev_limit bigint[],
    p_keys text[], p_payloads bytea[], p_refs int[], p_lock_timeout text)
  RETURNS TABLE (o_user text, o_device bigint, o_before bigint)
  LANGUAGE plpgsql AS $fn$
  DECLARE
    r_users text[];
    r_devices bigint[];
    r_before bigint[];
  BEGIN
    -- The caller's lock bound, for this transaction only; generic plans, as the full path's.
    PERFORM set_config('lock_timeout', p_lock_timeout, true);
    PERFORM set_config('plan_cache_mode', 'force_generic_plan', true);
    -- Rows are taken in one order (bytewise user id, then device id) by every batch.
    WITH r AS (
      INSERT INTO ${s}.queue_devices AS qd (user_id, device_id, last_seq)
      SELECT u, d, n FROM unnest(p_dev_users, p_dev_ids, p_dev_n) AS t(u, d, n) ORDER BY u COLLATE "C", d
      ON CONFLICT (user_id, device_id) DO UPDATE SET last_seq = qd.last_seq + excluded.last_seq
      RETURNING qd.user_id, qd.device_id, qd.last_seq)
    SELECT array_agg(r.user_id), array_agg(r.device_id), array_agg(r.last_seq - t.n)
      INTO r_users, r_devices, r_before
      FROM r JOIN unnest(p_dev_users, p_dev_ids, p_dev_n) AS t(u, d, n) ON t.u = r.user_id AND t.d = r.device_id;
    IF EXISTS (
        SELECT 1 FROM unnest(p_users, p_devices, p_ids) AS t(u, d, id)
        JOIN ${s}.queue q ON q.user_id = t.u AND q.device_id = t.d AND q.id = t.id)
      OR EXISTS (
        SELECT 1 FROM unnest(p_users, p_devices, p_ids) AS t(u, d, id)
        JOIN ${s}.queue_acked a ON a.user_id = t.u AND a.device_id = t.d AND a.id = t.id)
      OR EXISTS (
        SELECT 1 FROM unnest(p_dev_users, p_dev_ids, p_dev_n, p_dev_limit) AS t(u, d, n, lim)
        JOIN unnest(r_users, r_devices, r_before) AS r(u, d, before) ON r.u = t.u AND r.d = t.d
        CROSS JOIN LATERAL (SELECT min(c.seq) AS lo FROM ${s}.queue c WHERE c.user_id = t.u AND c.device_id = t.d) m
        WHERE t.lim IS NOT NULL AND coalesce(r.before - m.lo + 1, 0) + t.n > t.lim)
    THEN
      RAISE EXCEPTION 'enqueue batch needs the full path' USING ERRCODE = 'PY001';
    END IF;
    -- Payload rows are taken in key order, as releases take them.
    IF cardinality(p_keys) > 0 THEN
      INSERT INTO ${s}.queue_payloads AS qp (key, data, refs)
      SELECT k, b, n FROM unnest(p_keys, p_payloads, p_refs) AS t(k, b, n) ORDER BY k COLLATE "C"
      ON CONFLICT (key) DO UPDATE SET refs = qp.refs + excluded.refs;
    END IF;
    INSERT INTO ${s}.queue (user_id, device_id, seq, id, data, shared_key, stored_at, expires_at, sender)
    SELECT t.u, t.d, r.before + row_number() OVER (PARTITION BY t.u, t.d ORDER BY t.o), t.id, t.b, t.k, t.st, t.ex, t.snd
      FROM unnest(p_users, p_devices, p_ids, p_data, p_shared, p_stored, p_expires, p_senders)
        WITH ORDINALITY AS t(u, d, id, b, k, st, ex, snd, o)
      JOIN unnest(r_users, r_devices, r_before) AS r(u, d, before) ON r.u = t.u AND r.d = t.d;
    RETURN QUERY SELECT * FROM unnest(r_users, r_devices, r_before);
  END
  $fn$;
  `;
