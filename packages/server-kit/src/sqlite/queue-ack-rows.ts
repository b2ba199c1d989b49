import { deviceKey } from '../contracts/types.js';
import type { DeviceStates } from './queue-device-states.js';
import type { QueueStatements } from './queue-statements.js';

/**
 * Deletes and marks (unless of a fan-out or `forgetAcked`) acknowledged stored entries; run inside
 * a transaction (or its savepoint). Their shared payload references are released here, or counted
 * into `released`; their marks are written here, or their rows' values appended to `marks` (the
 * caller writes every ack's marks of its batch at once, `markAckedRows`). Returns how many entries
 * there were.
 */
export type AckRows = (
  userId: string,
  deviceId: number,
  ids: string[],
  now: number,
  released?: Map<string, number>,
  marks?: unknown[],
) => number;

/** The ack of stored rows over the queue's statements, keeping the device's row count in `states`. */
export function queueAckRows(
  statements: Pick<QueueStatements, 'deleteById' | 'markAckedRows' | 'releaseCounts'>,
  states: DeviceStates,
): AckRows {
  const { deleteById, markAckedRows, releaseCounts } = statements;
  return (userId, deviceId, ids, now, released, batchMarks) => {
    let removed = 0;
    let own: Map<string, number> | undefined;
    // Written together after the deletes: a few multi-row statements instead of one per id.
    const marks = batchMarks ?? [];
    for (const id of ids) {
      const row = deleteById.get(userId, deviceId, id);
      if (!row) continue;
      if (row.shared !== null) {
        if (!released) own ??= new Map();
        const counts = released ?? (own as Map<string, number>);
        counts.set(row.shared, (counts.get(row.shared) ?? 0) + 1);
      }
      if (row.forget === null) marks.push(userId, deviceId, id, row.seq, row.stored_at, now);
      removed++;
    }
    if (!batchMarks && marks.length > 0) markAckedRows(marks);
    if (own) releaseCounts(own);
    const state = states.get(deviceKey({ userId, deviceId }));
    if (state) state.size -= removed; // nothing above throws after a delete
    return removed;
  };
}
