import type { EnqueueResult } from '../contracts/offline-queue.js';
import { type DeviceAddress, deviceKey } from '../contracts/types.js';
import { num, type Statement, statement } from './pg-db.js';
import type { CallOutcome, EnqueueCall } from './postgres-enqueue.js';

/** SQLSTATE `enqueue_batch` raises when the batch is not plain: the caller runs the full path. */
const FULL_PATH_NEEDED = 'PY001';

/** True for the error `enqueue_batch` raises when a batch needs the full path (nothing was written). */
export const needsFullPath = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === FULL_PATH_NEEDED;

/**
 * The call of migration step 11's `enqueue_batch` (step 9's, postgres-enqueue-fast-sql.ts, with
 * `p_forget` last: postgres-forget-acked-sql.ts), in the schema `s`.
 */
export const enqueueBatchStatement = (s: string): Statement =>
  statement(`
    SELECT o_user, o_device, o_before FROM ${s}.enqueue_batch($1::text[], $2::bigint[], $3::text[], $4::bytea[],
      $5::text[], $6::text[], $7::bigint[], $8::bigint[], $9::text[], $10::bigint[], $11::bigint[], $12::bigint[],
      $13::text[], $14::bytea[], $15::int[], $16::text, $17::boolean[])`);

/**
 * The call of migration step 11's `ack_enqueue_batch` (postgres-forget-acked-sql.ts): the acks'
 * users, devices, ids and time, then `enqueue_batch`'s parameters.
 */
export const ackEnqueueBatchStatement = (s: string): Statement =>
  statement(`
    SELECT o_user, o_device, o_before, o_id FROM ${s}.ack_enqueue_batch($1::text[], $2::bigint[], $3::text[],
      $4::bigint, $5::text[], $6::bigint[], $7::text[], $8::bytea[], $9::text[], $10::text[], $11::bigint[],
      $12::bigint[], $13::text[], $14::bigint[], $15::bigint[], $16::bigint[], $17::text[], $18::bytea[],
      $19::int[], $20::text, $21::boolean[])`);

/**
 * The parameters of `enqueue_batch` for `calls`, or undefined when an id repeats within the
 * batch (the full path decides which one is stored). Items go in call order, one seq each.
 */
export function plainBatch(calls: EnqueueCall[], ttlMs: number, lockTimeoutMs: number): unknown[] | undefined {
  const seen = new Set<string>();
  const devices = new Map<string, { device: DeviceAddress; n: number; limit: number | undefined }>();
  const payloads = new Map<string, { data: Uint8Array; refs: number }>();
  const items: Array<EnqueueCall['items'][number] & { now: number; forget: boolean }> = [];
  for (const call of calls) {
    // The smallest limit of any call on the device bounds them all (see the function's size check).
    const limits = [call.max, call.maxPerSender].filter((l): l is number => l !== undefined);
    const limit = limits.length > 0 ? Math.min(...limits) : undefined;
    for (const item of call.items) {
      const dk = deviceKey(item.device);
      const key = `${dk}\u0000${item.id}`;
      if (seen.has(key)) return undefined;
      seen.add(key);
      items.push({ ...item, now: call.now, forget: call.forgetAcked === true });
      const slot = devices.get(dk);
      if (slot) {
        slot.n++;
        if (limit !== undefined) slot.limit = slot.limit === undefined ? limit : Math.min(slot.limit, limit);
      } else devices.set(dk, { device: item.device, n: 1, limit });
      if (item.shared === undefined) continue;
      const payload = payloads.get(item.shared);
      if (payload) payload.refs++;
      else payloads.set(item.shared, { data: call.shared.get(item.shared) as Uint8Array, refs: 1 });
    }
  }
  const list = [...devices.values()];
  const keys = [...payloads.keys()];
  return [
    items.map((i) => i.device.userId),
    items.map((i) => i.device.deviceId),
    items.map((i) => i.id),
    items.map((i) => i.data),
    items.map((i) => i.shared ?? null),
    items.map((i) => i.sender ?? null),
    items.map((i) => i.now),
    items.map((i) => i.now + ttlMs),
    list.map((d) => d.device.userId),
    list.map((d) => d.device.deviceId),
    list.map((d) => d.n),
    list.map((d) => d.limit ?? null),
    keys,
    keys.map((k) => (payloads.get(k) as { data: Uint8Array }).data),
    keys.map((k) => (payloads.get(k) as { refs: number }).refs),
    String(lockTimeoutMs),
    // NULL, not false, for an entry that keeps its mark: as the rows of gateways before step 11.
    items.map((i) => (i.forget ? true : null)),
  ];
}

/**
 * Every call's results after `enqueue_batch` stored them all: per device, seqs follow on from the
 * last one handed out before the batch, in call order (as the function numbered them).
 */
export function plainOutcomes(
  calls: EnqueueCall[],
  rows: Array<{ o_user: string; o_device: string; o_before: string }>,
): CallOutcome[] {
  const next = new Map<string, number>();
  for (const row of rows) next.set(deviceKey({ userId: row.o_user, deviceId: num(row.o_device) }), num(row.o_before));
  return calls.map((call) => ({
    ok: true,
    results: call.items.map((item): EnqueueResult => {
      const dk = deviceKey(item.device);
      const seq = (next.get(dk) as number) + 1;
      next.set(dk, seq);
      return {
        device: { userId: item.device.userId, deviceId: item.device.deviceId },
        id: item.id,
        seq,
        storedAt: call.now,
        duplicate: false,
      };
    }),
  }));
}
