// Acks of many devices in one round trip. Every delivered message and receipt is acknowledged by
// its device, each ack a statement of its own: 1.4 of the ~3.3 PostgreSQL round trips per
// delivered message in bench:delivery --gateways 2 once device lists were cached. The queue's
// group commit (postgres-queue.ts) gathers them: alone in an `ack_batch` statement, or riding
// with an enqueue batch in its `ack_enqueue_batch` statement.
import type { DeviceAddress } from '../contracts/types.js';
import { type PgContext, type Statement, statement } from './pg-db.js';
import { ackCtes } from './postgres-ack-sql.js';

/** Most ids one batch takes (more wait for the next), so one statement stays short. */
export const MAX_ACK_BATCH_IDS = 5000;

/** An ack call waiting for its statement: it resolves with how many of its ids it removed. */
export interface AckWaiting {
  device: DeviceAddress;
  ids: string[];
  resolve: (removed: number) => void;
  reject: (error: unknown) => void;
}

/** A row the ack statements return per removed entry. */
export type AckedRow = { user_id: string; device_id: string; id: string };

/**
 * The batched ack in schema `s`, for a transaction (which sets generic plans itself): the acked
 * entries' user, device and id.
 */
export function ackStatement(s: string): Statement {
  return statement(`
    ${ackCtes(s, { users: '$1::text[]', devices: '$2::bigint[]', ids: '$3::text[]', ackedAt: '$4::bigint' })}
    SELECT user_id, device_id, id FROM d`);
}

/**
 * The batched ack sent on its own: `ack_batch` (schema step 10; its body replaced by step 11's,
 * postgres-forget-acked-sql.ts), which runs it on generic plans.
 */
export function ackBatchStatement(s: string): Statement {
  return statement(`
    SELECT o_user AS user_id, o_device AS device_id, o_id AS id
    FROM ${s}.ack_batch($1::text[], $2::bigint[], $3::text[], $4::bigint)`);
}

const keyOf = (userId: string, deviceId: number | string, id: string) => `${userId}\u0000${deviceId}\u0000${id}`;

/** Takes acks off the front of `pending`, in call order, up to MAX_ACK_BATCH_IDS ids (at least one call). */
export function takeAcks(pending: AckWaiting[]): AckWaiting[] {
  let size = 0;
  let n = 0;
  while (n < pending.length && (n === 0 || size + (pending[n] as AckWaiting).ids.length <= MAX_ACK_BATCH_IDS)) {
    size += (pending[n] as AckWaiting).ids.length;
    n++;
  }
  return pending.splice(0, n);
}

/** The ack statements' first three parameters for `batch`: users, devices, ids, one per id. */
export function ackColumns(batch: readonly AckWaiting[]): [string[], number[], string[]] {
  const users: string[] = [];
  const devices: number[] = [];
  const ids: string[] = [];
  for (const w of batch) {
    for (const id of w.ids) {
      users.push(w.device.userId);
      devices.push(w.device.deviceId);
      ids.push(id);
    }
  }
  return [users, devices, ids];
}

/**
 * Resolves each call of `batch` with how many of its own ids `rows` say were removed; an id two
 * calls name counts for the first.
 */
export function settleAcks(batch: readonly AckWaiting[], rows: readonly AckedRow[]): void {
  const removed = new Set(rows.map((r) => keyOf(r.user_id, r.device_id, r.id)));
  for (const w of batch) {
    let n = 0;
    for (const id of new Set(w.ids)) {
      if (removed.delete(keyOf(w.device.userId, w.device.deviceId, id))) n++;
    }
    w.resolve(n);
  }
}

/**
 * Runs `batch` as one `stmt` (delete, dedup marks, payload releases for all of them). A batch
 * that fails is retried call by call, so one bad call cannot fail the others.
 */
export async function runAcks(db: PgContext, stmt: Statement, now: number, batch: AckWaiting[]): Promise<void> {
  let rows: AckedRow[];
  try {
    ({ rows } = await db.run<AckedRow>(stmt, [...ackColumns(batch), now]));
  } catch (error) {
    if (batch.length === 1) (batch[0] as AckWaiting).reject(error);
    else await Promise.all(batch.map((w) => runAcks(db, stmt, now, [w])));
    return;
  }
  settleAcks(batch, rows);
}
