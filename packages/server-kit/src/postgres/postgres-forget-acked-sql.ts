// Migration step 11: EnqueueOptions.forgetAcked on PostgreSQL, and acks that skip what they do not
// need. Measured before (pg-statement-cost.ts, ARCHITECTURE 15): of an ack of one 1:1 entry on
// generic plans, the dedup mark cost PostgreSQL 20-30% and the payload-release CTEs 15-25%, both
// run even when they had nothing to do (a DELIVERED receipt needs no mark; a 1:1 entry has no
// shared payload). Steps 9 and 10 stay as released: their text is not built from this file.
import { releasePayloads } from './postgres-ack-sql.js';
import { INDEX_PLANS_DECLARATIONS, INDEX_PLANS_OFF, INDEX_PLANS_ON } from './postgres-index-plans-sql.js';

/** Whether a function's text is step 11's, or step 12's, which plans its lookups on indexes (see INDEX_PLANS_ON). */
export type Plans = 'any' | 'index';

/**
 * The ack in schema `s` as PL/pgSQL (the body of `ack_batch` from step 11 on): deletes the named
 * entries, then writes dedup marks only for those not enqueued with `forgetAcked` (column
 * `forget`), and releases shared payloads only when a deleted entry had one; each of those
 * statements runs only when it has rows. Row locks in the order the one-statement ack took them
 * (queue rows, then payload rows in key order). Declares nothing: the caller's block declares
 * `a_users`, `a_devices`, `a_ids` (the acked entries) and the other variables below.
 */
const ackBody = (
  s: string,
  a: { users: string; devices: string; ids: string; ackedAt: string },
  plans: Plans,
): string => `${plans === 'index' ? INDEX_PLANS_ON : ''}
    WITH d AS (
      DELETE FROM ${s}.queue q USING unnest(${a.users}, ${a.devices}, ${a.ids}) AS t(u, d, id)
      WHERE q.user_id = t.u AND q.device_id = t.d AND q.id = t.id
      RETURNING q.user_id, q.device_id, q.id, q.seq, q.stored_at, q.shared_key, q.forget)
    SELECT array_agg(d.user_id), array_agg(d.device_id), array_agg(d.id),
      array_agg(d.user_id) FILTER (WHERE d.forget IS NOT TRUE),
      array_agg(d.device_id) FILTER (WHERE d.forget IS NOT TRUE),
      array_agg(d.id) FILTER (WHERE d.forget IS NOT TRUE),
      array_agg(d.seq) FILTER (WHERE d.forget IS NOT TRUE),
      array_agg(d.stored_at) FILTER (WHERE d.forget IS NOT TRUE),
      array_agg(d.shared_key) FILTER (WHERE d.shared_key IS NOT NULL)
      INTO a_users, a_devices, a_ids, m_users, m_devices, m_ids, m_seqs, m_stored, r_keys
      FROM d;
    IF m_users IS NOT NULL THEN
      INSERT INTO ${s}.queue_acked (user_id, device_id, id, seq, stored_at, acked_at)
      SELECT t.u, t.d, t.id, t.seq, t.st, ${a.ackedAt}
        FROM unnest(m_users, m_devices, m_ids, m_seqs, m_stored) AS t(u, d, id, seq, st)
      ON CONFLICT (user_id, device_id, id)
      DO UPDATE SET seq = excluded.seq, stored_at = excluded.stored_at, acked_at = excluded.acked_at;
    END IF;
    IF r_keys IS NOT NULL THEN
      WITH d AS (SELECT unnest(r_keys) AS shared_key),
      ${releasePayloads(s)}
      SELECT count(*) INTO r_released FROM l;
    END IF;`;

const ackDeclarations = `
    a_users text[]; a_devices bigint[]; a_ids text[];
    m_users text[]; m_devices bigint[]; m_ids text[]; m_seqs bigint[]; m_stored bigint[];
    r_keys text[]; r_released bigint;`;

/**
 * `ack_batch`, replaced (same signature, so gateways of step 10 call it unchanged; they never
 * write `forget`, so their acks still mark every entry).
 */
const ackBatchFunction = (s: string, plans: Plans = 'any'): string => `
  CREATE OR REPLACE FUNCTION ${s}.ack_batch(p_ack_users text[], p_ack_devices bigint[], p_ack_ids text[], p_acked_at bigint)
  RETURNS TABLE (o_user text, o_device bigint, o_id text)
  LANGUAGE plpgsql AS $fn$
  DECLARE ${ackDeclarations}
  BEGIN
    PERFORM set_config('plan_cache_mode', 'force_generic_plan', true);
    ${ackBody(s, { users: 'p_ack_users', devices: 'p_ack_devices', ids: 'p_ack_ids', ackedAt: 'p_acked_at' }, plans)}
    RETURN QUERY SELECT * FROM unnest(a_users, a_devices, a_ids);
  END
  $fn$;
  `;

/**
 * `enqueue_batch` with one more argument, `p_forget` (per item true: enqueued with `forgetAcked`,
 * else NULL): such an item is not looked up among the dedup marks (a queued id is still a
 * duplicate) and its row is stored with `forget`, so its ack writes no mark. Otherwise as step
 * 9's (postgres-enqueue-fast-sql.ts), which stays for gateways of steps 9 and 10.
 */
const enqueueBatchFunction = (s: string, plans: Plans = 'any'): string => `
  CREATE ${plans === 'index' ? 'OR REPLACE ' : ''}FUNCTION ${s}.enqueue_batch(
    p_users text[], p_devices bigint[], p_ids text[], p_data bytea[], p_shared text[], p_senders text[],
    p_stored bigint[], p_expires bigint[],
    p_dev_users text[], p_dev_ids bigint[], p_dev_n bigint[], p_dev_limit bigint[],
    p_keys text[], p_payloads bytea[], p_refs int[], p_lock_timeout text, p_forget boolean[])
  RETURNS TABLE (o_user text, o_device bigint, o_before bigint)
  LANGUAGE plpgsql AS $fn$
  DECLARE
    r_users text[];
    r_devices bigint[];
    r_before bigint[];${plans === 'index' ? INDEX_PLANS_DECLARATIONS : ''}
  BEGIN
    PERFORM set_config('lock_timeout', p_lock_timeout, true);
    PERFORM set_config('plan_cache_mode', 'force_generic_plan', true);
    WITH r AS (
      INSERT INTO ${s}.queue_devices AS qd (user_id, device_id, last_seq)
      SELECT u, d, n FROM unnest(p_dev_users, p_dev_ids, p_dev_n) AS t(u, d, n) ORDER BY u COLLATE "C", d
      ON CONFLICT (user_id, device_id) DO UPDATE SET last_seq = qd.last_seq + excluded.last_seq
      RETURNING qd.user_id, qd.device_id, qd.last_seq)
    SELECT array_agg(r.user_id), array_agg(r.device_id), array_agg(r.last_seq - t.n)
      INTO r_users, r_devices, r_before
      FROM r JOIN unnest(p_dev_users, p_dev_ids, p_dev_n) AS t(u, d, n) ON t.u = r.user_id AND t.d = r.device_id;${plans === 'index' ? INDEX_PLANS_ON : ''}
    IF EXISTS (
        SELECT 1 FROM unnest(p_users, p_devices, p_ids) AS t(u, d, id)
        JOIN ${s}.queue q ON q.user_id = t.u AND q.device_id = t.d AND q.id = t.id)
      OR EXISTS (
        SELECT 1 FROM unnest(p_users, p_devices, p_ids, p_forget) AS t(u, d, id, f)
        JOIN ${s}.queue_acked a ON a.user_id = t.u AND a.device_id = t.d AND a.id = t.id
        WHERE t.f IS NOT TRUE)
      OR EXISTS (
        SELECT 1 FROM unnest(p_dev_users, p_dev_ids, p_dev_n, p_dev_limit) AS t(u, d, n, lim)
        JOIN unnest(r_users, r_devices, r_before) AS r(u, d, before) ON r.u = t.u AND r.d = t.d
        CROSS JOIN LATERAL (SELECT min(c.seq) AS lo FROM ${s}.queue c WHERE c.user_id = t.u AND c.device_id = t.d) m
        WHERE t.lim IS NOT NULL AND coalesce(r.before - m.lo + 1, 0) + t.n > t.lim)
    THEN
      RAISE EXCEPTION 'enqueue batch needs the full path' USING ERRCODE = 'PY001';
    END IF;${plans === 'index' ? INDEX_PLANS_OFF : ''}
    IF cardinality(p_keys) > 0 THEN
      INSERT INTO ${s}.queue_payloads AS qp (key, data, refs)
      SELECT k, b, n FROM unnest(p_keys, p_payloads, p_refs) AS t(k, b, n) ORDER BY k COLLATE "C"
      ON CONFLICT (key) DO UPDATE SET refs = qp.refs + excluded.refs;
    END IF;
    INSERT INTO ${s}.queue (user_id, device_id, seq, id, data, shared_key, stored_at, expires_at, sender, forget)
    SELECT t.u, t.d, r.before + row_number() OVER (PARTITION BY t.u, t.d ORDER BY t.o), t.id, t.b, t.k, t.st, t.ex,
        t.snd, t.f
      FROM unnest(p_users, p_devices, p_ids, p_data, p_shared, p_stored, p_expires, p_senders, p_forget)
        WITH ORDINALITY AS t(u, d, id, b, k, st, ex, snd, f, o)
      JOIN unnest(r_users, r_devices, r_before) AS r(u, d, before) ON r.u = t.u AND r.d = t.d;
    RETURN QUERY SELECT * FROM unnest(r_users, r_devices, r_before);
  END
  $fn$;
  `;

/**
 * `ack_enqueue_batch` with `p_forget` last: step 11's `enqueue_batch`, then step 11's ack, in one
 * statement and one commit, both or neither (as step 10's, which stays for gateways of step 10).
 */
const ackEnqueueBatchFunction = (s: string, plans: Plans = 'any'): string => `
  CREATE ${plans === 'index' ? 'OR REPLACE ' : ''}FUNCTION ${s}.ack_enqueue_batch(
    p_ack_users text[], p_ack_devices bigint[], p_ack_ids text[], p_acked_at bigint,
    p_users text[], p_devices bigint[], p_ids text[], p_data bytea[], p_shared text[], p_senders text[],
    p_stored bigint[], p_expires bigint[],
    p_dev_users text[], p_dev_ids bigint[], p_dev_n bigint[], p_dev_limit bigint[],
    p_keys text[], p_payloads bytea[], p_refs int[], p_lock_timeout text, p_forget boolean[])
  RETURNS TABLE (o_user text, o_device bigint, o_before bigint, o_id text)
  LANGUAGE plpgsql AS $fn$
  DECLARE ${ackDeclarations}
  BEGIN
    RETURN QUERY SELECT e.o_user, e.o_device, e.o_before, NULL::text
      FROM ${s}.enqueue_batch(p_users, p_devices, p_ids, p_data, p_shared, p_senders, p_stored, p_expires,
        p_dev_users, p_dev_ids, p_dev_n, p_dev_limit, p_keys, p_payloads, p_refs, p_lock_timeout, p_forget) e;
    ${ackBody(s, { users: 'p_ack_users', devices: 'p_ack_devices', ids: 'p_ack_ids', ackedAt: 'p_acked_at' }, plans)}
    RETURN QUERY SELECT t.u, t.d, NULL::bigint, t.id FROM unnest(a_users, a_devices, a_ids) AS t(u, d, id);
  END
  $fn$;
  `;

/**
 * Step 11. `queue.forget`: true for an entry enqueued with `forgetAcked` (its ack writes no dedup
 * mark), NULL otherwise (a nullable column without default: no table rewrite). Gateways of step
 * 10 keep working on it while they run: their functions stay or keep their signatures, and their
 * entries, written without `forget`, are marked at their ack as before.
 */
export const forgetAckedStep = (s: string): string => `
  ALTER TABLE ${s}.queue ADD COLUMN forget boolean;
  ${ackBatchFunction(s)}
  ${enqueueBatchFunction(s)}
  ${ackEnqueueBatchFunction(s)}
  `;

/**
 * Step 12: `enqueue_batch`, `ack_batch` and `ack_enqueue_batch` replaced (same signatures, so a
 * gateway already running keeps calling them) by the bodies above with their lookups planned on
 * indexes. No table changes.
 */
export const indexPlansStep = (s: string): string => `
  ${enqueueBatchFunction(s, 'index')}
  ${ackBatchFunction(s, 'index')}
  ${ackEnqueueBatchFunction(s, 'index')}
  `;
