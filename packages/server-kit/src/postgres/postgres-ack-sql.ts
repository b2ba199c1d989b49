// The SQL of an ack (delete the entries, write their dedup marks, release their payloads) as one
// statement of CTEs, shared by the full path's ack (postgres-acks.ts `ackStatement`, in the enqueue
// transaction) and schema step 10's functions. Step 10 is built from this text: a change here
// changes those functions for new schemas only, so it needs a new schema step too. From step 11 on,
// `ack_batch` and the new `ack_enqueue_batch` run their own version (postgres-forget-acked-sql.ts),
// which skips marks of `forget` entries and the payload release when no entry had a payload.

/**
 * Releases the shared payloads referenced by the rows of a CTE `d` that deleted queue entries
 * (it must return `shared_key`): each payload's count drops by its deleted entries, and a payload
 * left without entries is deleted, in the same statement. Payload rows are locked in key order
 * (as enqueue takes them), so concurrent releases and enqueues queue up instead of deadlocking.
 */
export const releasePayloads = (s: string) => `
  r AS (SELECT shared_key AS key, count(*)::int AS n FROM d WHERE shared_key IS NOT NULL GROUP BY shared_key),
  l AS (SELECT p.key, p.refs - r.n AS refs FROM ${s}.queue_payloads p JOIN r ON r.key = p.key
        ORDER BY p.key COLLATE "C" FOR UPDATE OF p),
  u AS (UPDATE ${s}.queue_payloads p SET refs = l.refs FROM l WHERE p.key = l.key AND l.refs > 0),
  x AS (DELETE FROM ${s}.queue_payloads p USING l WHERE p.key = l.key AND l.refs <= 0)`;

/** The SQL names of an ack's inputs: arrays of user ids, device ids and entry ids, and the ack time. */
export interface AckInputs {
  users: string;
  devices: string;
  ids: string;
  ackedAt: string;
}

/**
 * The CTEs of an ack in schema `s`: `d` deletes the named entries (returning user_id, device_id
 * and id among others), `m` marks them acknowledged, and their payloads are released. The caller
 * ends the statement with a SELECT over `d`.
 */
export const ackCtes = (s: string, a: AckInputs) => `
  WITH d AS (
    DELETE FROM ${s}.queue q USING unnest(${a.users}, ${a.devices}, ${a.ids}) AS t(u, d, id)
    WHERE q.user_id = t.u AND q.device_id = t.d AND q.id = t.id
    RETURNING q.user_id, q.device_id, q.id, q.seq, q.stored_at, q.shared_key),
  m AS (
    INSERT INTO ${s}.queue_acked (user_id, device_id, id, seq, stored_at, acked_at)
    SELECT user_id, device_id, id, seq, stored_at, ${a.ackedAt} FROM d
    ON CONFLICT (user_id, device_id, id)
    DO UPDATE SET seq = excluded.seq, stored_at = excluded.stored_at, acked_at = excluded.acked_at),
  ${releasePayloads(s)}`;
