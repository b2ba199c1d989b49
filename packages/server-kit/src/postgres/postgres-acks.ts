// Acks of many devices in one round trip. Every delivered message and receipt is acknowledged by
// its device, each ack a statement of its own: 1.4 of the ~3.3 PostgreSQL round trips per
// delivered message in bench:delivery --gateways 2 once device lists were cached.
import type { DeviceAddress } from '../contracts/types.js';
import { type PgContext, type Statement, statement } from './pg-db.js';
import { ackCtes } from './postgres-ack-sql.js';

/** Ack batches one queue runs at once: calls made meanwhile wait and share the next batch. */
const MAX_ACK_BATCHES_IN_FLIGHT = 1;

/** Most ids one batch takes (more wait for the next), so one statement stays short. */
const MAX_ACK_BATCH_IDS = 5000;

interface Waiting {
  device: DeviceAddress;
  ids: string[];
  resolve: (removed: number) => void;
  reject: (error: unknown) => void;
}

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

/**
 * Group-acknowledges: an ack starts a statement at once when none is running; acks made while one
 * runs wait and go together in the next (one statement for all of them: delete, dedup marks,
 * payload releases). Each call still learns how many of its own ids it removed; an id two calls
 * of one batch name counts for the first. A batch that fails is retried call by call, so one bad
 * call cannot fail the others.
 */
export function postgresAcks(db: PgContext, stmt: Statement, clock: () => number) {
  const pending: Waiting[] = [];
  let running = 0;

  const runBatch = async (batch: Waiting[]): Promise<void> => {
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
    let removed: Set<string>;
    try {
      const { rows } = await db.run<{ user_id: string; device_id: string; id: string }>(stmt, [
        users,
        devices,
        ids,
        clock(),
      ]);
      removed = new Set(rows.map((r) => keyOf(r.user_id, r.device_id, r.id)));
    } catch (error) {
      if (batch.length === 1) (batch[0] as Waiting).reject(error);
      else await Promise.all(batch.map((w) => runBatch([w])));
      return;
    }
    for (const w of batch) {
      let n = 0;
      for (const id of new Set(w.ids)) {
        if (removed.delete(keyOf(w.device.userId, w.device.deviceId, id))) n++;
      }
      w.resolve(n);
    }
  };

  const start = (): void => {
    while (pending.length > 0 && running < MAX_ACK_BATCHES_IN_FLIGHT) {
      const batch: Waiting[] = [];
      let size = 0;
      while (
        pending.length > 0 &&
        (batch.length === 0 || size + (pending[0] as Waiting).ids.length <= MAX_ACK_BATCH_IDS)
      ) {
        const next = pending.shift() as Waiting;
        size += next.ids.length;
        batch.push(next);
      }
      running++;
      void runBatch(batch).finally(() => {
        running--;
        start();
      });
    }
  };

  return (device: DeviceAddress, ids: readonly string[]): Promise<number> => {
    if (ids.length === 0) return Promise.resolve(0);
    return new Promise((resolve, reject) => {
      pending.push({ device: { userId: device.userId, deviceId: device.deviceId }, ids: [...ids], resolve, reject });
      start();
    });
  };
}
