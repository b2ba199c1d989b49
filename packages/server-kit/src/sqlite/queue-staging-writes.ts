import { deviceKey } from '../contracts/types.js';
import type { AckRows } from './queue-ack-rows.js';
import type { DeviceStates } from './queue-device-states.js';
import type { FanOutKeys } from './queue-fan-out-keys.js';
import type { StagedEntry, StagingWrites } from './queue-staging.js';
import type { InsertRow, QueueStatements } from './queue-statements.js';

type WriteStatements = Pick<
  QueueStatements,
  | 'putDevice'
  | 'findAcked'
  | 'insertEntry'
  | 'findEntry'
  | 'deleteBySeq'
  | 'release'
  | 'markAckedOnceRows'
  | 'markAckedRows'
  | 'releaseCounts'
>;

/** How `QueueStaging` writes its entries, over the queue's prepared statements (one set per database). */
export function stagingWrites(
  statements: WriteStatements,
  keys: Pick<FanOutKeys, 'mayBeMarked' | 'storeShared'>,
  ackRows: AckRows,
  states: DeviceStates,
): StagingWrites {
  const {
    putDevice,
    findAcked,
    insertEntry,
    findEntry,
    deleteBySeq,
    release,
    markAckedOnceRows,
    markAckedRows,
    releaseCounts,
  } = statements;
  const { mayBeMarked } = keys;

  /**
   * Writes a staged entry in its batch: stores it, or, when its id was acknowledged or is queued
   * already, stores nothing and returns the earlier entry's seq and time (a resend: the call then
   * reports a duplicate). An expired row with the id counts as gone and is replaced. The marks are
   * not looked at for an entry enqueued with `forgetAcked`. (Folding the lookup into the insert,
   * `INSERT ... SELECT ... WHERE NOT EXISTS`, measured slower than the two statements here.)
   */
  const writeStaged = (e: StagedEntry): { seq: number; storedAt: number } | undefined => {
    const { userId, deviceId } = e.device;
    const forget = e.forget ? 1 : null;
    if (mayBeMarked(e.forget, e.fanOut, e.storedAt)) {
      const acked = findAcked.get(userId, deviceId, e.id);
      if (acked) return { seq: acked.seq, storedAt: acked.stored_at };
    }
    const row: InsertRow = [
      userId,
      deviceId,
      e.seq,
      e.id,
      e.data,
      e.storedAt,
      e.expiresAt,
      e.shared ?? null,
      e.sender,
      forget,
    ];
    if (insertEntry.run(...row).changes === 1) return undefined;
    const stored = findEntry.get(userId, deviceId, e.id) as { seq: number; stored_at: number; expires_at: number };
    if (stored.expires_at > e.storedAt) return { seq: stored.seq, storedAt: stored.stored_at };
    const removed = deleteBySeq.all(userId, deviceId, stored.seq);
    release(removed);
    const state = states.get(deviceKey(e.device));
    if (state) state.size -= removed.length;
    insertEntry.run(...row);
    return undefined;
  };

  return {
    reserve: (e, to) => putDevice.run(e.device.userId, e.device.deviceId, to),
    insert: (e) => writeStaged(e),
    marks: (entries) => {
      const values: unknown[] = new Array(entries.length * 6);
      let i = 0;
      for (const e of entries) {
        values[i++] = e.device.userId;
        values[i++] = e.device.deviceId;
        values[i++] = e.id;
        values[i++] = e.seq;
        values[i++] = e.storedAt;
        values[i++] = e.ackedAt;
      }
      markAckedOnceRows(values);
    },
    addShared: keys.storeShared,
    ack: (device, ids, at, released, marks) => ackRows(device.userId, device.deviceId, ids, at, released, marks),
    release: releaseCounts,
    markStored: markAckedRows,
  };
}
