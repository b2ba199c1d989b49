import type { QueueStatements } from './queue-statements.js';

/** What this process knows of one device's queue (one process owns the file). */
export interface DeviceState {
  /** The next seq to hand out. */
  nextSeq: number;
  /** `queue_devices.next_seq` as stored: every seq below it may be handed out without a write. */
  reserved: number;
  /** Rows in `queue` for the device, expired ones included until purged, plus its staged entries. */
  size: number;
  /** A transaction failed: `reserved` and `size` are reloaded at the next use (`nextSeq` is kept). */
  stale?: boolean;
}

/** Device states by device key, shared by every queue over one connection. */
export type DeviceStates = Map<string, DeviceState>;

/**
 * Seqs are reserved in blocks: `queue_devices.next_seq` is written once per this many enqueued
 * entries (in the same transaction as the first entry of the block), not once per entry. After a
 * restart the counter resumes at the stored value, so seqs stay strictly increasing and unique
 * (with a gap), which is all the queue promises.
 */
export const SEQ_BLOCK = 1024;

/** Most device states kept in memory; past it they are dropped between batches and reloaded on use. */
export const MAX_STATES = 100_000;

/** Reads a device's state: loaded on first use; a reloaded one keeps handing out higher seqs. */
export type StateOf = (key: string, userId: string, deviceId: number) => DeviceState;

/** The state reader over `states`, loading from the queue's tables. */
export function deviceStateLoader(
  states: DeviceStates,
  statements: Pick<QueueStatements, 'getDevice' | 'countRows'>,
): StateOf {
  const { getDevice, countRows } = statements;
  return (key, userId, deviceId) => {
    let state = states.get(key);
    if (!state || state.stale) {
      const stored = getDevice.get(userId, deviceId) ?? 1;
      const size = countRows.get(userId, deviceId) ?? 0;
      state = { nextSeq: Math.max(stored, state?.nextSeq ?? 0), reserved: stored, size };
      states.set(key, state);
    }
    return state;
  };
}
